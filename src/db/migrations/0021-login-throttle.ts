import { sql, type Kysely } from 'kysely';

/**
 * Failed logins counted per key (`account:<username>`, `address:<ip>`) in the database, so every instance
 * sees the same counts and a restart forgets nothing; a key past the limit is locked until `locked_until`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table login_throttle (
      key text primary key,
      failures integer not null check (failures >= 0),
      last_failure_at timestamptz not null,
      locked_until timestamptz
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists login_throttle`.execute(db);
}
