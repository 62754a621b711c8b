import { sql, type Kysely } from 'kysely';

/**
 * Account controls (issue 19 §4): a password set by an admin must be changed at the next login
 * (`users.must_change_password`); sessions get a short id the owner can name to revoke one, the time of
 * their last request (for the idle timeout) and the address and browser they were opened from (so the
 * owner can recognise them in "my sessions").
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table users add column must_change_password boolean not null default false`.execute(db);
  await sql`alter table sessions add column id bigint generated always as identity`.execute(db);
  await sql`alter table sessions add column last_seen_at timestamptz`.execute(db);
  await sql`update sessions set last_seen_at = created_at`.execute(db);
  await sql`alter table sessions alter column last_seen_at set not null`.execute(db);
  await sql`alter table sessions add column address text not null default ''`.execute(db);
  await sql`alter table sessions add column user_agent text not null default ''`.execute(db);
  await sql`create unique index sessions_id on sessions (id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists sessions_id`.execute(db);
  for (const column of ['user_agent', 'address', 'last_seen_at', 'id']) {
    await sql`alter table sessions drop column if exists ${sql.ref(column)}`.execute(db);
  }
  await sql`alter table users drop column if exists must_change_password`.execute(db);
}
