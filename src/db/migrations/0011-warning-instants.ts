import { sql, type Kysely } from 'kysely';

/**
 * Stored warning instants (issue 10 §5): a case's clock keeps when it turns amber next to its resolve
 * deadline (red), and how much resolve time suspensions stopped, so the sweep and every "overdue/amber"
 * reader compare instants instead of recomputing the share used. Cases already being worked on get an
 * amber instant at 80% of their clock time (start → deadline): the exact working-time instant needs the
 * calendar, which a migration does not have; their next clock change stores the exact one.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table cases
      add column amber_at timestamptz,
      add column resolve_suspended_ms double precision not null default 0;
    update cases
      set amber_at = resolve_clock_started_at + (resolve_deadline - resolve_clock_started_at) * 0.8
      where resolve_deadline is not null and resolve_clock_started_at is not null
        and state in ('dispatched', 'signed', 'suspended');
    create index cases_amber_pending_idx on cases (amber_at) where state in ('dispatched', 'signed') and warning_level = 'none';
    create index cases_red_pending_idx on cases (resolve_deadline) where state in ('dispatched', 'signed') and warning_level <> 'red';
    drop index if exists cases_worked_on_idx;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index if not exists cases_worked_on_idx on cases (id) where state in ('dispatched', 'signed') and resolve_deadline is not null;
    drop index if exists cases_red_pending_idx;
    drop index if exists cases_amber_pending_idx;
    alter table cases drop column if exists resolve_suspended_ms, drop column if exists amber_at;
  `.execute(db);
}
