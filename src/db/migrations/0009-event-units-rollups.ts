import { sql, type Kysely } from 'kysely';

/**
 * Timeline events carry what they happened to (the case's units and the facts an indicator needs, at that
 * moment), and per-unit, per-Shanghai-day counters are kept from them in the same transaction
 * (docs/adr/0005-events-and-rollups.md). Old events keep nulls: they predate the rule.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table case_events
      add column street_id integer,
      add column community_id integer,
      add column grid_id integer,
      add column department_id integer,
      add column person_id integer,
      add column on_time boolean,
      add column reworked boolean,
      add column responded_in_time boolean,
      add column rating text;
    create index case_events_case_action_idx on case_events (case_id, action, id);
    create table indicator_rollups (
      district_id integer not null references districts(id),
      level text not null,
      unit_id integer not null,
      day date not null,
      filed integer not null default 0,
      dispatched integer not null default 0,
      returned integer not null default 0,
      extended integer not null default 0,
      closed integer not null default 0,
      closed_on_time integer not null default 0,
      closed_reworked integer not null default 0,
      resolved_on_time integer not null default 0,
      followed_up integer not null default 0,
      responded_in_time integer not null default 0,
      solved integer not null default 0,
      very_satisfied integer not null default 0,
      satisfied integer not null default 0,
      basically_satisfied integer not null default 0,
      dissatisfied integer not null default 0,
      very_dissatisfied integer not null default 0,
      notices_issued integer not null default 0,
      missed_resolve integer not null default 0,
      due_open integer not null default 0,
      overdue_open integer not null default 0,
      rework_open integer not null default 0,
      primary key (district_id, level, day, unit_id)
    );
    create table indicator_closed_days (
      district_id integer not null references districts(id),
      day date not null,
      closed_at timestamptz not null,
      primary key (district_id, day)
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table if exists indicator_closed_days;
    drop table if exists indicator_rollups;
    drop index if exists case_events_case_action_idx;
    alter table case_events
      drop column if exists street_id, drop column if exists community_id, drop column if exists grid_id,
      drop column if exists department_id, drop column if exists person_id, drop column if exists on_time,
      drop column if exists reworked, drop column if exists responded_in_time, drop column if exists rating;
  `.execute(db);
}
