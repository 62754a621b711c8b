/**
 * When a month's report (月报) is due and when the month closes: a month's report is due by the end of the
 * district's Nth working day of the next month (default the 5th, on the working calendar), Asia/Shanghai.
 * At that instant the month closes: its 四率 are frozen (docs/projects.md) and a report still missing is
 * flagged; a report filed later is late.
 */
import { findNthWorkingDayAfter, formatDayNumber, parseYmd, toInstantMs, type WorkingCalendar } from '../calendar/index.ts';
import { monthEnd } from './four-rates.ts';
import type { Ym, Ymd } from './project-model.ts';

/**
 * The Shanghai day a month's report is due: the `nth` working day after the month's last day.
 * @example reportDueDay('2026-11', 5, { isWorkingDay: () => true, hasYear: () => true, isProvisionalYear: () => false }) // '2026-12-05'
 */
export function reportDueDay(month: Ym, nth: number, calendar: WorkingCalendar): Ymd {
  return formatDayNumber(findNthWorkingDayAfter(parseYmd(monthEnd(month)), nth, calendar));
}

/** The instant a month closes: the end (midnight, Asia/Shanghai) of its report's due day. */
export function monthClosesAt(month: Ym, nth: number, calendar: WorkingCalendar): Date {
  return new Date(toInstantMs(parseYmd(reportDueDay(month, nth, calendar)) + 1, 0));
}

/** The month before 'YYYY-MM'. */
export function monthBefore(month: Ym): Ym {
  const [year, mon] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  return mon === 1 ? `${year - 1}-12` : `${year}-${String(mon - 1).padStart(2, '0')}`;
}

/**
 * The latest month closed at `now` (`currentMonth` is the month `now` falls in): the month before it once
 * its report is due, else the one before that.
 */
export function latestClosedMonth(currentMonth: Ym, now: Date, nth: number, calendar: WorkingCalendar): Ym {
  const previous = monthBefore(currentMonth);
  return now.getTime() >= monthClosesAt(previous, nth, calendar).getTime() ? previous : monthBefore(previous);
}

export type ReportState = 'on_time' | 'late' | 'missing' | 'open';

/**
 * How a project's report for a month stands at `now`: filed by the close (on time), after it (late),
 * not filed and the month closed (missing), or not filed and still open.
 */
export function reportState(reportedAt: Date | null, closesAt: Date, now: Date): ReportState {
  if (reportedAt !== null) return reportedAt.getTime() <= closesAt.getTime() ? 'on_time' : 'late';
  return now.getTime() >= closesAt.getTime() ? 'missing' : 'open';
}

/**
 * Whether a project owes a report for a month: it did when it existed during the month (made on or before
 * its last day, Shanghai date); a project made later starts with the next month.
 * @example expectsReport('2026-11-30', '2026-11') // true; expectsReport('2026-12-01', '2026-11') // false
 */
export function expectsReport(createdOn: Ymd, month: Ym): boolean {
  return createdOn <= monthEnd(month);
}
