import { sql, type Kysely } from 'kysely';

/**
 * A phone that was offline replays its queued reports and checks when the network returns; a lost answer makes
 * it send the same request again. `idempotency_keys` keeps each `Idempotency-Key` with the answer it got, so a
 * repeat answers the first result and creates nothing. `cases.reported_at` keeps when the reporter made the
 * report on the phone, which may be hours before the server received it (`created_at`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table idempotency_keys (
      id bigserial primary key,
      -- who sent it (user id, or 'anonymous') and the key: a key is only ever replayed to its own sender
      owner text not null,
      key text not null,
      -- method, path and body digest: the same key with another request is refused, not replayed
      request_hash text not null,
      status_code integer,
      response jsonb,
      created_at timestamptz not null,
      completed_at timestamptz,
      unique (owner, key)
    );
    alter table cases add column reported_at timestamptz;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table if exists idempotency_keys;
    alter table cases drop column if exists reported_at;
  `.execute(db);
}
