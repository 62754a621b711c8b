import { sql, type Kysely } from 'kysely';

/**
 * The months whose missing project reports (月报缺报) were notified, one row per district and month: the
 * first instance to insert the row sends the notifications, so several instances running the sweep send
 * them once (docs/projects.md).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table project_report_notices (
      district_id integer not null references districts(id),
      month text not null check (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
      missing integer not null,
      sent_at timestamptz not null,
      primary key (district_id, month)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists project_report_notices`.execute(db);
}
