import { sql, type Kysely } from 'kysely';

/**
 * The 四率 of a district and its units for a closed month, frozen when the month closes (its report
 * deadline, docs/projects.md): a project changed later does not change a past month. One row per
 * district and month; written once, never updated.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table project_rate_snapshots (
      district_id integer not null references districts(id),
      month text not null check (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
      rates jsonb not null,
      units jsonb not null,
      closes_at timestamptz not null,
      frozen_at timestamptz not null,
      primary key (district_id, month)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists project_rate_snapshots`.execute(db);
}
