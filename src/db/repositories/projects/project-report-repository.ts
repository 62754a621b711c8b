/** Monthly investment reports (月报) and the problems (问题清单) raised on projects, also as the week's coordination list. */
import type { Kysely, Transaction } from 'kysely';
import type { Database, ProjectReportRow } from '../../schema.ts';
import type { CoordinationProblem } from '../../../domain/projects/index.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface NewReport {
  projectId: number;
  districtId: number;
  month: string;
  amount: number;
  progressText: string | null;
  overPlanExplanation: string | null;
  reportedBy: number | null;
  reportedAt: Date;
}

export async function insertReport(db: Transaction<Database>, report: NewReport): Promise<ProjectReportRow> {
  return db.insertInto('project_reports').values({
    project_id: report.projectId, district_id: report.districtId, month: report.month, amount: report.amount,
    progress_text: report.progressText, over_plan_explanation: report.overPlanExplanation, reported_by: report.reportedBy, reported_at: report.reportedAt,
  }).returningAll().executeTakeFirstOrThrow();
}

export async function listReports(db: Db, projectIds: readonly number[]): Promise<ProjectReportRow[]> {
  if (projectIds.length === 0) return [];
  return db.selectFrom('project_reports').selectAll().where('project_id', 'in', projectIds).orderBy('month').execute();
}

export async function insertProblemLink(db: Transaction<Database>, link: { projectId: number; districtId: number; caseId: number; raisedBy: number | null; at: Date }): Promise<void> {
  await db.insertInto('project_problems').values({
    project_id: link.projectId, district_id: link.districtId, case_id: link.caseId, raised_by: link.raisedBy, created_at: link.at,
  }).execute();
}

export interface ProblemCase {
  caseId: number;
  number: string;
  title: string;
  state: string;
  departmentId: number | null;
  resolveDeadline: Date | null;
  raisedAt: Date;
  closedAt: Date | null;
}

/** The project's problems with their cases as they stand now. */
export async function listProblemCases(db: Db, projectId: number): Promise<ProblemCase[]> {
  const rows = await db.selectFrom('project_problems as p')
    .innerJoin('cases as c', 'c.id', 'p.case_id')
    .select(['c.id', 'c.number', 'c.title', 'c.state', 'c.department_id', 'c.resolve_deadline', 'p.created_at', 'c.closed_at'])
    .where('p.project_id', '=', projectId)
    .orderBy('p.id')
    .execute();
  return rows.map((row) => ({
    caseId: row.id, number: row.number, title: row.title, state: row.state, departmentId: row.department_id,
    resolveDeadline: row.resolve_deadline, raisedAt: row.created_at, closedAt: row.closed_at,
  }));
}

/** The project a case was raised on, if any. */
export async function findProjectOfCase(db: Db, caseId: number): Promise<number | undefined> {
  const row = await db.selectFrom('project_problems').select('project_id').where('case_id', '=', caseId).executeTakeFirst();
  return row?.project_id;
}

const FINISHED_STATES = new Set(['closed', 'declined', 'merged']);

/**
 * The district's project problems raised before `before` and not closed before `openAfter` (周调度), with
 * their project, patron and owning department; `done` when the case is finished now.
 */
export async function listCoordinationProblems(db: Db, districtId: number, openAfter: Date, before: Date): Promise<CoordinationProblem[]> {
  const rows = await db.selectFrom('project_problems as p')
    .innerJoin('cases as c', 'c.id', 'p.case_id')
    .innerJoin('projects as pr', 'pr.id', 'p.project_id')
    .leftJoin('departments as d', 'd.id', 'c.department_id')
    .leftJoin('users as u', 'u.id', 'pr.patron_user_id')
    .select(['c.id', 'c.number', 'c.title', 'c.state', 'c.resolve_deadline', 'c.closed_at', 'p.created_at', 'pr.id as project_id', 'pr.name as project_name', 'd.name as department', 'u.display_name as patron'])
    .where('p.district_id', '=', districtId)
    .where('p.created_at', '<', before)
    .where((eb) => eb.or([eb('c.closed_at', 'is', null), eb('c.closed_at', '>=', openAfter)]))
    .orderBy('c.id')
    .execute();
  return rows.map((row) => ({
    caseId: row.id, number: row.number, title: row.title, state: row.state, projectId: row.project_id, projectName: row.project_name,
    patron: row.patron, department: row.department, raisedAt: row.created_at, closedAt: row.closed_at,
    done: FINISHED_STATES.has(row.state), resolveDeadline: row.resolve_deadline,
  }));
}
