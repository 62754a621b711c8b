import { sql, type Kysely } from 'kysely';

/**
 * The enum columns accept only their values (DESIGN §2, §4.1), so the typed columns in schema.ts
 * are true of every row. Lists are written out here, not imported: a migration states the schema
 * as it was when it ran.
 */
const CHECKS: { table: string; name: string; column: string; values: string[]; nullable?: boolean }[] = [
  { table: 'users', name: 'users_role_check', column: 'role', values: ['citizen', 'enterprise', 'grid_worker', 'operator', 'shift_lead', 'handler', 'supervisor', 'leader', 'project_officer', 'admin'] },
  { table: 'categories', name: 'categories_kind_check', column: 'kind', values: ['event', 'component', 'citizen_request', 'enterprise_demand', 'safety_hazard', 'dispute', 'project_problem', 'rectification', 'policy_application'] },
  { table: 'cases', name: 'cases_kind_check', column: 'kind', values: ['event', 'component', 'citizen_request', 'enterprise_demand', 'safety_hazard', 'dispute', 'project_problem', 'rectification', 'policy_application'] },
  { table: 'cases', name: 'cases_state_check', column: 'state', values: ['reported', 'filed', 'dispatched', 'signed', 'suspended', 'resolved', 'closed', 'declined', 'merged'] },
  { table: 'cases', name: 'cases_source_check', column: 'source', values: ['patrol', 'hotline', 'open311', 'web', 'enterprise_portal', 'video', 'leader_assigned', 'inspection'] },
  { table: 'cases', name: 'cases_priority_check', column: 'priority', values: ['urgent', 'normal'] },
  { table: 'cases', name: 'cases_rating_check', column: 'rating', values: ['very_satisfied', 'satisfied', 'basically_satisfied', 'dissatisfied', 'very_dissatisfied'], nullable: true },
  { table: 'cases', name: 'cases_warning_level_check', column: 'warning_level', values: ['none', 'amber', 'red'] },
  { table: 'service_ratings', name: 'service_ratings_channel_check', column: 'channel', values: ['on_site', 'online'] },
  { table: 'service_ratings', name: 'service_ratings_level_check', column: 'level', values: ['very_satisfied', 'satisfied', 'basically_satisfied', 'dissatisfied', 'very_dissatisfied'] },
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const check of CHECKS) {
    const list = sql.join(check.values.map((value) => sql.lit(value)));
    const condition = check.nullable
      ? sql`${sql.ref(check.column)} is null or ${sql.ref(check.column)} in (${list})`
      : sql`${sql.ref(check.column)} in (${list})`;
    await sql`alter table ${sql.table(check.table)} add constraint ${sql.id(check.name)} check (${condition})`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const check of [...CHECKS].reverse()) {
    await sql`alter table ${sql.table(check.table)} drop constraint if exists ${sql.id(check.name)}`.execute(db);
  }
}
