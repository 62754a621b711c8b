/** A project as readers see it: the row with its nodes and flags, plan lists, patron and investment standing. */
import {
  cumulativeAt, nodeFlag, percentOfPlan, progressLight, projectFlag, registrationEligibility, timeProgress,
  type NodeFlag, type RegistrationEligibility, type TrafficLight,
} from '../../domain/projects/index.ts';
import {
  findUserNames, listPlanLists, listProjectNodes, listReports, type PlanListEntry, type StoredProjectNode, type UserName,
} from '../../db/repositories/projects/index.ts';
import type { ProjectReportRow, ProjectRow } from '../../db/schema.ts';
import type { ServiceDeps } from '../service-deps.ts';
import { shanghaiToday } from './project-access.ts';
import { reportingOf, type ProjectReporting } from './project-reporting.ts';

export interface ProjectView {
  row: ProjectRow;
  nodes: (StoredProjectNode & { flag: NodeFlag })[];
  flag: NodeFlag;
  planLists: PlanListEntry[];
  patron: UserName | null;
  reports: ProjectReportRow[];
  investment: {
    month: string;
    yearToDate: number;
    sinceStart: number;
    percentOfAnnualPlan: number | null;
    timeProgress: number;
    light: TrafficLight;
  };
  registration: RegistrationEligibility;
  /** The latest closed month's report (on time, late, missing) and the one due next while open. */
  reporting: ProjectReporting;
  /** Reports filed after their month closed (迟报). */
  lateReportIds: Set<number>;
}

/** Reports are filed for the month just ended, so the standing is read at its end. */
export function previousMonth(month: string): string {
  const [year, mon] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  return mon === 1 ? `${year - 1}-12` : `${year}-${String(mon - 1).padStart(2, '0')}`;
}

/** Builds the views of several projects with one query per related table. */
export async function viewProjects(deps: ServiceDeps, rows: readonly ProjectRow[]): Promise<ProjectView[]> {
  const ids = rows.map((row) => row.id);
  const [nodes, lists, reports, patrons] = await Promise.all([
    listProjectNodes(deps.db, ids), listPlanLists(deps.db, ids), listReports(deps.db, ids),
    findUserNames(deps.db, rows.flatMap((row) => (row.patron_user_id === null ? [] : [row.patron_user_id]))),
  ]);
  const reporting = await reportingOf(deps, rows, reports);
  const today = shanghaiToday(deps.clock());
  const month = previousMonth(today.slice(0, 7));
  return rows.map((row) => {
    const own = nodes.filter((node) => node.projectId === row.id);
    const ownReports = reports.filter((report) => report.project_id === row.id);
    const sums = cumulativeAt(ownReports.map((report) => ({ month: report.month, amount: report.amount })), month);
    const percent = percentOfPlan(sums.yearToDate, row.annual_investment);
    const progress = timeProgress(month);
    return {
      row,
      nodes: own.map((node) => ({ ...node, flag: nodeFlag(node, today) })),
      flag: projectFlag(own, today),
      planLists: lists.get(row.id) ?? [],
      patron: row.patron_user_id === null ? null : (patrons.get(row.patron_user_id) ?? null),
      reports: ownReports,
      investment: { month, ...sums, percentOfAnnualPlan: percent, timeProgress: progress, light: progressLight(percent, progress) },
      registration: registrationEligibility(row.total_investment, own, today),
      reporting: reporting.get(row.id)?.reporting ?? { closed: null, open: null },
      lateReportIds: reporting.get(row.id)?.lateReportIds ?? new Set<number>(),
    };
  });
}
