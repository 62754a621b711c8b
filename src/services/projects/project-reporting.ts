/**
 * Late and missing monthly reports (月报迟报/缺报): how each project's reports stand against the district's
 * deadline, and the sweep that, once a month closes, freezes its 四率 and tells the district's project officers
 * and supervisors which projects did not report (one notification each, once per district and month).
 */
import type { Actor } from '../../domain/case/index.ts';
import { expectsReport, monthBefore, reportState, type ReportState } from '../../domain/projects/index.ts';
import { findDistrictById, listDistricts } from '../../db/repositories/org/index.ts';
import { insertNotifications } from '../../db/repositories/case/index.ts';
import { claimReportNotice, listProjects, listReports } from '../../db/repositories/projects/index.ts';
import type { ProjectReportRow, ProjectRow } from '../../db/schema.ts';
import { repeatEvery, type RepeatingWork } from '../repeat-every.ts';
import type { ServiceDeps } from '../service-deps.ts';
import { projectDistrictFor, shanghaiToday } from './project-access.ts';
import { freezeClosedMonths } from './project-rates.ts';
import { reportCalendarOf, type ReportCalendar } from './report-calendar.ts';

export interface MonthReportStatus {
  month: string;
  dueDay: string;
  closesAt: Date;
  state: ReportState;
  reportedAt: Date | null;
}

/** The latest closed month's report and, while it is still open, the month just ended. */
export interface ProjectReporting {
  closed: MonthReportStatus | null;
  open: MonthReportStatus | null;
}

function statusOf(calendar: ReportCalendar, row: ProjectRow, reports: readonly ProjectReportRow[], month: string, now: Date): MonthReportStatus | null {
  if (!expectsReport(shanghaiToday(row.created_at), month)) return null;
  const closesAt = calendar.closesAt(month);
  const reportedAt = reports.find((report) => report.month === month)?.reported_at ?? null;
  return { month, dueDay: calendar.dueDay(month), closesAt, state: reportState(reportedAt, closesAt, now), reportedAt };
}

/** What the list and the page show of a project's reporting, and which of its reports came in late. */
export interface ReportingView {
  reporting: ProjectReporting;
  lateReportIds: Set<number>;
}

/** The reporting of several projects (any districts), with one calendar per district. */
export async function reportingOf(deps: ServiceDeps, rows: readonly ProjectRow[], reports: readonly ProjectReportRow[]): Promise<Map<number, ReportingView>> {
  const now = deps.clock();
  const calendars = new Map<number, ReportCalendar>();
  for (const districtId of new Set(rows.map((row) => row.district_id))) {
    const district = await findDistrictById(deps.db, districtId);
    if (district) calendars.set(districtId, await reportCalendarOf(deps, district));
  }
  const result = new Map<number, ReportingView>();
  for (const row of rows) {
    const calendar = calendars.get(row.district_id);
    if (!calendar) continue;
    const own = reports.filter((report) => report.project_id === row.id);
    const closedMonth = calendar.latestClosed(now);
    const justEnded = monthBefore(shanghaiToday(now).slice(0, 7));
    result.set(row.id, {
      reporting: {
        closed: statusOf(calendar, row, own, closedMonth, now),
        open: justEnded === closedMonth ? null : statusOf(calendar, row, own, justEnded, now),
      },
      lateReportIds: new Set(own.filter((report) => report.reported_at.getTime() > calendar.closesAt(report.month).getTime()).map((report) => report.id)),
    });
  }
  return result;
}

const NOTICE_TEXT = {
  title: (month: string) => `项目月报缺报 ${month} / Project reports missing for ${month}`,
  body: (month: string, names: string[]) =>
    `${month} 月报截止后仍未填报的项目 ${names.length} 个：${names.join('、')}。${names.length} project(s) had not reported ${month} by the deadline: ${names.join(', ')}.`,
};

/**
 * For each district whose latest month has closed: freezes its closed months' 四率, and the first time, tells
 * the project officers and the supervisors of the projects still missing that month's report.
 * @returns the district months notified by this call
 */
export async function sweepProjectMonths(deps: ServiceDeps): Promise<{ district: string; month: string; missing: number }[]> {
  const now = deps.clock();
  const notified = [];
  for (const district of await listDistricts(deps.db)) {
    await freezeClosedMonths(deps, district.id);
    const calendar = await reportCalendarOf(deps, district);
    const month = calendar.latestClosed(now);
    const rows = await listProjects(deps.db, { districtId: district.id });
    const reports = await listReports(deps.db, rows.map((row) => row.id));
    const missing = rows.filter((row) => statusOf(calendar, row, reports.filter((report) => report.project_id === row.id), month, now)?.state === 'missing');
    if (missing.length === 0) continue;
    if (!(await claimReportNotice(deps.db, { districtId: district.id, month, missing: missing.length, at: now }))) continue;
    const names = missing.map((row) => row.name);
    const data = { month, dueDay: calendar.dueDay(month), projects: missing.map((row) => ({ id: row.id, name: row.name })) };
    await insertNotifications(deps.db, ['project_officer', 'supervisor'].map((role) => ({
      districtId: district.id, recipientRole: role, kind: 'project_report_missing', title: NOTICE_TEXT.title(month), body: NOTICE_TEXT.body(month, names), data, at: now,
    })));
    notified.push({ district: district.code.trim(), month, missing: missing.length });
  }
  return notified;
}

/** Runs `sweepProjectMonths` every `intervalMs` inside the server (beside the warning sweep). */
export function startProjectMonthLoop(deps: ServiceDeps, intervalMs: number, onError: (error: unknown) => void): RepeatingWork {
  return repeatEvery(() => sweepProjectMonths(deps), intervalMs, onError);
}

/**
 * The district's reports for one month (default: the latest closed): each project owing one, with its state,
 * for the project officers and the supervisors.
 * @throws DomainError AUTH_REQUIRED, FORBIDDEN, PROJECT_OTHER_DISTRICT, DISTRICT_UNKNOWN
 */
export async function projectReportStatus(deps: ServiceDeps, actor: Actor, districtCode: string | undefined, month: string | undefined) {
  const { id } = await projectDistrictFor(deps, actor, districtCode);
  const district = (await findDistrictById(deps.db, id))!;
  const now = deps.clock();
  const calendar = await reportCalendarOf(deps, district);
  const chosen = month ?? calendar.latestClosed(now);
  const rows = await listProjects(deps.db, { districtId: id });
  const reports = await listReports(deps.db, rows.map((row) => row.id));
  const items = rows.flatMap((row) => {
    const status = statusOf(calendar, row, reports.filter((report) => report.project_id === row.id), chosen, now);
    return status ? [{ projectId: row.id, name: row.name, departmentId: row.department_id, state: status.state, reportedAt: status.reportedAt?.toISOString() ?? null }] : [];
  });
  const counts = { on_time: 0, late: 0, missing: 0, open: 0 };
  for (const item of items) counts[item.state] += 1;
  const closesAt = calendar.closesAt(chosen);
  return {
    district: { code: district.code.trim(), name: district.name }, month: chosen, dueDay: calendar.dueDay(chosen),
    closesAt: closesAt.toISOString(), closed: now.getTime() >= closesAt.getTime(), counts, items,
  };
}
