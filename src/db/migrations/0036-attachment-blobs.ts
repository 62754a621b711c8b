import { sql, type Kysely } from 'kysely';

/**
 * Photo bytes in the database (issue 19 §5): with PostgreSQL every instance reads the same rows and a dump
 * (`civicloop backup`, or pg_dump) holds them. One row per storage key; the `attachments` row names the keys.
 * The embedded database keeps its files in the data directory (`CIVICLOOP_ATTACHMENT_STORE`, docs/adr/0036-attachment-storage.md).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table attachment_blobs (
      key text primary key,
      data bytea not null,
      size_bytes integer not null,
      created_at timestamptz not null default now()
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists attachment_blobs;`.execute(db);
}
