/** Projects (重点项目) and their 年度计划 list memberships. */
import type { Kysely, Transaction } from 'kysely';
import type { Database, NewProject, ProjectRow, ProjectUpdate } from '../../schema.ts';
import type { PlanLevel, ProjectType } from '../../../domain/projects/index.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface ProjectFilter {
  districtId: number;
  patronUserId?: number | undefined;
  stageCode?: string | undefined;
  type?: ProjectType | undefined;
  listYear?: number | undefined;
  departmentId?: number | undefined;
}

export interface PlanListEntry {
  year: number;
  level: PlanLevel;
}

export async function insertProject(db: Transaction<Database>, row: NewProject): Promise<ProjectRow> {
  return db.insertInto('projects').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findProject(db: Db, id: number): Promise<ProjectRow | undefined> {
  return db.selectFrom('projects').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Locks the project row for the rest of the transaction: writes to one project, and its timeline, run one at a time. */
export async function lockProject(db: Transaction<Database>, id: number): Promise<ProjectRow | undefined> {
  return db.selectFrom('projects').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function listProjects(db: Db, filter: ProjectFilter): Promise<ProjectRow[]> {
  let query = db.selectFrom('projects').selectAll().where('district_id', '=', filter.districtId);
  if (filter.patronUserId !== undefined) query = query.where('patron_user_id', '=', filter.patronUserId);
  if (filter.stageCode !== undefined) query = query.where('stage_code', '=', filter.stageCode);
  if (filter.type !== undefined) query = query.where('type', '=', filter.type);
  if (filter.departmentId !== undefined) query = query.where('department_id', '=', filter.departmentId);
  if (filter.listYear !== undefined) {
    const year = filter.listYear;
    query = query.where('id', 'in', (qb) => qb.selectFrom('project_plan_lists').select('project_id').where('year', '=', year));
  }
  return query.orderBy('id').execute();
}

export async function updateProject(db: Transaction<Database>, id: number, changes: ProjectUpdate): Promise<ProjectRow> {
  return db.updateTable('projects').set(changes).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export async function replacePlanLists(db: Transaction<Database>, projectId: number, entries: readonly PlanListEntry[]): Promise<void> {
  await db.deleteFrom('project_plan_lists').where('project_id', '=', projectId).execute();
  if (entries.length === 0) return;
  await db.insertInto('project_plan_lists').values(entries.map((entry) => ({ project_id: projectId, ...entry }))).execute();
}

export async function listPlanLists(db: Db, projectIds: readonly number[]): Promise<Map<number, PlanListEntry[]>> {
  const byProject = new Map<number, PlanListEntry[]>();
  if (projectIds.length === 0) return byProject;
  const rows = await db.selectFrom('project_plan_lists').selectAll().where('project_id', 'in', projectIds).orderBy('year').orderBy('level').execute();
  for (const row of rows) byProject.set(row.project_id, [...(byProject.get(row.project_id) ?? []), { year: row.year, level: row.level }]);
  return byProject;
}

export interface UserName {
  id: number;
  displayName: string;
  role: string;
  districtId: number | null;
}

export async function findUserNames(db: Db, ids: readonly number[]): Promise<Map<number, UserName>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'display_name', 'role', 'district_id']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((row) => [row.id, { id: row.id, displayName: row.display_name, role: row.role, districtId: row.district_id }]));
}

/** Which of `names` are already projects of the district (a list is imported once). */
export async function findProjectNames(db: Db, districtId: number, names: readonly string[]): Promise<Set<string>> {
  if (names.length === 0) return new Set();
  const rows = await db.selectFrom('projects').select('name').where('district_id', '=', districtId).where('name', 'in', [...new Set(names)]).execute();
  return new Set(rows.map((row) => row.name));
}

/** The district's leaders, who may 包保 its projects. */
export async function listDistrictLeaders(db: Db, districtId: number): Promise<{ id: number; username: string; displayName: string }[]> {
  const rows = await db.selectFrom('users').select(['id', 'username', 'display_name']).where('role', '=', 'leader').where('district_id', '=', districtId)
    .where('active', '=', true).orderBy('id').execute();
  return rows.map((row) => ({ id: row.id, username: row.username, displayName: row.display_name }));
}
