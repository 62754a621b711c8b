/**
 * 周调度 (weekly coordination): the project problems (问题清单, each a `project_problem` case) that needed
 * coordination in an ISO week — raised before the week ended and not closed before it began — overdue ones
 * first, then the oldest. Weeks are Monday to Sunday, Asia/Shanghai.
 */
import { formatDayNumber, getWeekday, parseYmd, toInstantMs } from '../calendar/index.ts';

/** An ISO week as 'YYYY-Www'. */
export const ISO_WEEK_PATTERN = /^(\d{4})-W(\d{2})$/;

export interface IsoWeek {
  week: string;
  /** Monday and Sunday, 'YYYY-MM-DD'. */
  firstDay: string;
  lastDay: string;
  /** Monday 00:00 and the next Monday 00:00, Asia/Shanghai. */
  start: Date;
  end: Date;
}

function mondayOf(dayNumber: number): number {
  return dayNumber - ((getWeekday(dayNumber) + 6) % 7);
}

/** The ISO week of a Shanghai day, as 'YYYY-Www' (the week's Thursday names the year). */
export function isoWeekOf(ymd: string): string {
  const thursday = mondayOf(parseYmd(ymd)) + 3;
  const year = Number(formatDayNumber(thursday).slice(0, 4));
  const week = Math.floor((thursday - mondayOf(parseYmd(`${year}-01-04`))) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/**
 * The days and instants of an ISO week; undefined for a malformed week or one the year does not have.
 * @example isoWeek('2026-W49')?.firstDay // '2026-11-30'
 */
export function isoWeek(week: string): IsoWeek | undefined {
  const match = ISO_WEEK_PATTERN.exec(week);
  if (!match) return undefined;
  const [year, number] = [Number(match[1]), Number(match[2])];
  if (number < 1 || number > 53) return undefined;
  const monday = mondayOf(parseYmd(`${match[1]}-01-04`)) + (number - 1) * 7;
  if (isoWeekOf(formatDayNumber(monday)) !== week || year < 2000) return undefined;
  return {
    week, firstDay: formatDayNumber(monday), lastDay: formatDayNumber(monday + 6),
    start: new Date(toInstantMs(monday, 0)), end: new Date(toInstantMs(monday + 7, 0)),
  };
}

export interface CoordinationProblem {
  caseId: number;
  number: string;
  title: string;
  state: string;
  projectId: number;
  projectName: string;
  patron: string | null;
  department: string | null;
  raisedAt: Date;
  /** When the case was closed; null while open. */
  closedAt: Date | null;
  /** True when the case is finished now (closed, declined or merged), whether or not `closedAt` is known. */
  done: boolean;
  resolveDeadline: Date | null;
}

export interface CoordinationRow extends CoordinationProblem {
  ageDays: number;
  overdue: boolean;
  newThisWeek: boolean;
  closedThisWeek: boolean;
}

const MS_PER_DAY = 86_400_000;

/**
 * The week's list: `asOf` is the end of the week, or now while the week is running.
 * @example weeklyCoordination([], isoWeek('2026-W49')!, new Date('2026-12-03T00:00:00Z')) // []
 */
export function weeklyCoordination(problems: readonly CoordinationProblem[], week: Pick<IsoWeek, 'start' | 'end'>, asOf: Date): CoordinationRow[] {
  const [start, end, at] = [week.start.getTime(), week.end.getTime(), asOf.getTime()];
  return problems
    .filter((problem) => problem.raisedAt.getTime() < end && problem.raisedAt.getTime() <= at)
    .filter((problem) => (problem.closedAt === null ? !problem.done : problem.closedAt.getTime() >= start))
    .map((problem) => {
      const closedBy = problem.closedAt !== null && problem.closedAt.getTime() <= at ? problem.closedAt.getTime() : null;
      const until = closedBy ?? at;
      const deadline = problem.resolveDeadline?.getTime() ?? null;
      return {
        ...problem,
        ageDays: Math.floor((until - problem.raisedAt.getTime()) / MS_PER_DAY),
        overdue: deadline !== null && deadline < until,
        newThisWeek: problem.raisedAt.getTime() >= start,
        closedThisWeek: closedBy !== null && closedBy >= start,
      };
    })
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || b.ageDays - a.ageDays || a.caseId - b.caseId);
}
