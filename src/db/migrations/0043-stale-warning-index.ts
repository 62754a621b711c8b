import { sql, type Kysely } from 'kysely';

/**
 * The sweep's clear of warnings left on cases that left dispatched/signed (`clearStaleWarnings`) read every
 * warned case through `cases_warned_idx` and filtered by state: with 700k cases being worked on, half of
 * them red, a clear that found nothing took 1.2 s each minute (docs/performance.md, 2026-12-03). This index
 * holds only the stale rows, normally none, so the steady sweep's clear reads nothing.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index if not exists cases_stale_warning_idx on cases (id)
      where warning_level <> 'none' and state not in ('dispatched', 'signed', 'suspended');
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists cases_stale_warning_idx;`.execute(db);
}
