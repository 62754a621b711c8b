import { sql, type Kysely } from 'kysely';

/**
 * The HTTP rate limits' counters (issue 19 §5): one row per route and client key with its count in the current
 * window, so every instance on the database counts the same requests and a restart forgets nothing. Rows whose
 * window has ended are deleted (at most once a minute per instance, src/services/auth/rate-limit-store.ts), by
 * the index on window_ends_at. With CIVICLOOP_REDIS_URL the counters live in Redis instead and this stays empty.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table rate_limit_counters (
      key text primary key,
      hits integer not null check (hits > 0),
      window_ends_at timestamptz not null
    );
    create index rate_limit_counters_window_ends_at on rate_limit_counters (window_ends_at);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists rate_limit_counters`.execute(db);
}
