/**
 * The officer's work on a project: node dates, monthly reports (月报) and the detail page's extras
 * (problems with their age, the timeline). Bad input is refused before anything is written.
 */
import { DomainError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/case/index.ts';
import { dateOrderProblems, reportProblems, type ReportProblem } from '../../domain/projects/index.ts';
import {
  appendProjectEvent, insertReport, listProblemCases, listProjectEvents, listProjectNodes, listReports, loadLifecycle, lockProject,
  listReportPhotos, setNodeDates, verifyProjectTimeline, type ProblemCase,
} from '../../db/repositories/projects/index.ts';
import type { ProjectEventRow, ProjectReportPhotoRow, ProjectReportRow } from '../../db/schema.ts';
import type { ErrorCode } from '../../shared/error-codes.ts';
import type { ServiceDeps } from '../service-deps.ts';
import { runWrite } from '../write-transaction.ts';
import { freezeClosedMonths } from './project-rates.ts';
import { projectFor, shanghaiToday } from './project-access.ts';
import { viewProjects, type ProjectView } from './project-view.ts';

export interface NodeDatesInput {
  plannedDate?: string | null | undefined;
  actualDate?: string | null | undefined;
}

/** @throws DomainError PROJECT_NODE_UNKNOWN, PROJECT_NODE_DATE_IN_FUTURE, PROJECT_NODE_DATES_OUT_OF_ORDER */
export async function setProjectNode(deps: ServiceDeps, actor: Actor, projectId: number, nodeRef: string, input: NodeDatesInput): Promise<ProjectView> {
  const project = await projectFor(deps, actor, projectId, 'write');
  const nodes = await listProjectNodes(deps.db, [projectId]);
  const node = nodes.find((item) => String(item.id) === nodeRef || item.nodeCode === nodeRef);
  if (!node) throw new DomainError('PROJECT_NODE_UNKNOWN', { node: nodeRef });
  const next = {
    plannedDate: input.plannedDate === undefined ? node.plannedDate : input.plannedDate,
    actualDate: input.actualDate === undefined ? node.actualDate : input.actualDate,
  };
  const now = deps.clock();
  if (next.actualDate !== null && next.actualDate > shanghaiToday(now)) throw new DomainError('PROJECT_NODE_DATE_IN_FUTURE', { actualDate: next.actualDate });
  const lifecycle = await loadLifecycle(deps.db);
  const problems = dateOrderProblems(lifecycle.stages, nodes.map((item) => (item.id === node.id ? { ...item, ...next } : item)))
    .filter((problem) => problem.nodeCode === node.nodeCode || problem.after === node.nodeCode);
  if (problems.length > 0) throw new DomainError('PROJECT_NODE_DATES_OUT_OF_ORDER', problems);
  await freezeClosedMonths(deps, project.district_id);
  await runWrite(deps, async (trx) => {
    await lockProject(trx, projectId);
    await setNodeDates(trx, node.id, next);
    await appendProjectEvent(trx, {
      projectId, districtId: project.district_id, at: now, actorUserId: actor.userId, actorRole: actor.role, action: 'set_node',
      data: { node: node.nodeCode, from: { plannedDate: node.plannedDate, actualDate: node.actualDate }, to: next },
    });
  });
  return (await viewProjects(deps, [project]))[0]!;
}

export interface ReportInput {
  month: string;
  amount: number;
  progressText?: string | undefined;
  overPlanExplanation?: string | undefined;
}

const REPORT_ERRORS: Record<ReportProblem, ErrorCode> = {
  investment_invalid: 'PROJECT_INVESTMENT_INVALID',
  future_month: 'PROJECT_REPORT_FUTURE_MONTH',
  duplicate_month: 'PROJECT_REPORT_DUPLICATE',
  over_total_plan: 'PROJECT_INVESTMENT_OVER_PLAN',
};

/**
 * Files a monthly report; the first broken rule gives the error code, all of them are in the details.
 * The duplicate check runs again under the project lock, so two officers cannot file one month twice.
 */
export async function fileMonthlyReport(deps: ServiceDeps, actor: Actor, projectId: number, input: ReportInput): Promise<ProjectReportRow> {
  const project = await projectFor(deps, actor, projectId, 'write');
  const now = deps.clock();
  await freezeClosedMonths(deps, project.district_id);
  return runWrite(deps, async (trx) => {
    await lockProject(trx, projectId);
    const existing = (await listReports(trx, [projectId])).map((report) => ({ month: report.month, amount: report.amount }));
    const problems = reportProblems({
      month: input.month, amount: input.amount, currentMonth: shanghaiToday(now).slice(0, 7), existing,
      totalPlanned: project.total_investment, overPlanExplanation: input.overPlanExplanation ?? null,
    });
    if (problems.length > 0) throw new DomainError(REPORT_ERRORS[problems[0]!], { problems });
    const report = await insertReport(trx, {
      projectId, districtId: project.district_id, month: input.month, amount: input.amount, progressText: input.progressText ?? null,
      overPlanExplanation: input.overPlanExplanation ?? null, reportedBy: actor.userId, reportedAt: now,
    });
    await appendProjectEvent(trx, {
      projectId, districtId: project.district_id, at: now, actorUserId: actor.userId, actorRole: actor.role, action: 'report',
      data: { month: input.month, amount: input.amount, overPlanExplanation: input.overPlanExplanation ?? null },
    });
    return report;
  });
}

export interface ProjectDetail extends ProjectView {
  problems: (ProblemCase & { ageDays: number; open: boolean })[];
  timeline: ProjectEventRow[];
  timelineIntact: boolean;
  /** The photos of all its reports, in upload order. */
  reportPhotos: ProjectReportPhotoRow[];
}

const CLOSED_STATES = new Set(['closed', 'declined', 'merged']);

export async function getProjectDetail(deps: ServiceDeps, actor: Actor, projectId: number): Promise<ProjectDetail> {
  const project = await projectFor(deps, actor, projectId);
  const [view] = await viewProjects(deps, [project]);
  const now = deps.clock();
  const problems = (await listProblemCases(deps.db, projectId)).map((problem) => ({
    ...problem, open: !CLOSED_STATES.has(problem.state),
    ageDays: Math.floor(((problem.closedAt ?? now).getTime() - problem.raisedAt.getTime()) / 86_400_000),
  }));
  return {
    ...view!, problems, timeline: await listProjectEvents(deps.db, projectId), timelineIntact: await verifyProjectTimeline(deps.db, projectId),
    reportPhotos: await listReportPhotos(deps.db, projectId),
  };
}
