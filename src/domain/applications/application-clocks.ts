/**
 * The two clocks of an application (办件): the 承诺 clock (promised limit, drives warnings and
 * indicators) and the 法定 clock (legal limit, drives legality alerts). Both count whole working days
 * on the working calendar (行政许可法 第八十二条) from the same start day, and both stop during the
 * same pauses: 补正 (a supplement request) and 特别程序 (article 45).
 *
 * The model, so that fixtures can be computed by hand:
 * - A limit of N days ends at the close of working hours of the Nth working day after the start day
 *   (the start day itself does not count, as for case limits); N = 0 (即办件) ends at the close of the
 *   start day, or of the next working day when the start day is off.
 * - A pause from day S to day E excludes the working days after S up to and including E; the limit
 *   ends that many working days later.
 * - Article 32: a 补正 notice given within 5 working days of receipt means the application is accepted
 *   only when the materials are complete, so the clocks start again from the day they are received.
 *   A late notice means it counts as accepted from receipt: the clocks keep their start, and only the
 *   pause itself is excluded.
 */
import {
  findNthWorkingDayAfter, formatDayNumber, parseYmd, toInstantMs, toMinuteRanges, toShanghaiDate,
  type WorkingCalendar, type WorkingHours,
} from '../calendar/index.ts';

/** The working days within which a 补正 notice must be given (行政许可法 第三十二条: 五日内). */
export const SUPPLEMENT_NOTICE_DAYS = 5;

/** The share of the promised limit after which the application turns amber, as cases do. */
const AMBER_SHARE = 0.8;

export type PauseKind = 'supplement' | 'special_procedure';

export interface ApplicationClock {
  /** 'YYYY-MM-DD' (Asia/Shanghai): the day the limits count from. */
  startDay: string;
  /** Working days excluded by pauses since the start day. */
  pausedWorkingDays: number;
  /** The pause in progress, if any. */
  pause: { kind: PauseKind; since: Date } | null;
}

/** A clock started on the day the window received the application. */
export function startClock(receivedAt: Date): ApplicationClock {
  return { startDay: toShanghaiDate(receivedAt), pausedWorkingDays: 0, pause: null };
}

function closeOfDay(dayNumber: number, hours: WorkingHours): Date {
  const ranges = toMinuteRanges(hours);
  const last = ranges[ranges.length - 1] as { end: number };
  return new Date(toInstantMs(dayNumber, last.end));
}

function dayNumberOf(ymd: string): number {
  return parseYmd(ymd);
}

/** The day number of the `count`th working day after `dayNumber`; 0 means that day if it works, else the next working day. */
function workingDayAfter(dayNumber: number, count: number, calendar: WorkingCalendar): number {
  if (count > 0) return findNthWorkingDayAfter(dayNumber, count, calendar);
  return calendar.isWorkingDay(formatDayNumber(dayNumber)) ? dayNumber : findNthWorkingDayAfter(dayNumber, 1, calendar);
}

/**
 * When a limit of `limitDays` working days runs out on this clock (pauses ended so far included).
 * @example deadlineOf({ startDay: '2026-09-28', pausedWorkingDays: 0, pause: null }, 10, calendar, hours) // 2026-10-14T17:30+08:00
 */
export function deadlineOf(clock: ApplicationClock, limitDays: number, calendar: WorkingCalendar, hours: WorkingHours): Date {
  return closeOfDay(workingDayAfter(dayNumberOf(clock.startDay), limitDays + clock.pausedWorkingDays, calendar), hours);
}

/**
 * When the promised clock turns amber: 80% of its working days used (rounded up), pauses excluded.
 * @example amberOf({ startDay: '2026-09-28', pausedWorkingDays: 0, pause: null }, 10, calendar, hours) // close of the 8th working day
 */
export function amberOf(clock: ApplicationClock, limitDays: number, calendar: WorkingCalendar, hours: WorkingHours): Date {
  return deadlineOf(clock, Math.ceil(limitDays * AMBER_SHARE), calendar, hours);
}

/**
 * Counts the working days after day `from` up to and including day `to` ('YYYY-MM-DD'); 0 when `to` is not after `from`.
 * @example workingDaysBetween('2026-09-30', '2026-10-09', calendar) // 2 (10-08 and 10-09; 10-01…07 are off)
 */
export function workingDaysBetween(from: string, to: string, calendar: WorkingCalendar): number {
  let count = 0;
  for (let day = dayNumberOf(from) + 1; day <= dayNumberOf(to); day += 1) {
    if (calendar.isWorkingDay(formatDayNumber(day))) count += 1;
  }
  return count;
}

/**
 * Article 32: the 补正 notice is on time when given by the 5th working day after the day of receipt.
 * @example isSupplementNoticeOnTime(new Date('2026-09-21T10:00+08:00'), new Date('2026-09-29T10:00+08:00'), calendar) // false (6th working day)
 */
export function isSupplementNoticeOnTime(receivedAt: Date, noticeAt: Date, calendar: WorkingCalendar): boolean {
  return workingDaysBetween(toShanghaiDate(receivedAt), toShanghaiDate(noticeAt), calendar) <= SUPPLEMENT_NOTICE_DAYS;
}

/** Stops the clock at `at`; a clock already stopped stays as it is (the caller refuses a second pause). */
export function pauseClock(clock: ApplicationClock, kind: PauseKind, at: Date): ApplicationClock {
  return clock.pause ? clock : { ...clock, pause: { kind, since: at } };
}

/**
 * Starts the clock again at `at`. `restart` (an on-time 补正 notice, article 32) counts the limits
 * afresh from the day the materials came; otherwise the pause's working days are excluded.
 */
export function resumeClock(clock: ApplicationClock, at: Date, calendar: WorkingCalendar, options: { restart: boolean }): ApplicationClock {
  if (!clock.pause) return clock;
  const resumedDay = toShanghaiDate(at);
  if (options.restart) return { startDay: resumedDay, pausedWorkingDays: 0, pause: null };
  const excluded = workingDaysBetween(toShanghaiDate(clock.pause.since), resumedDay, calendar);
  return { ...clock, pausedWorkingDays: clock.pausedWorkingDays + excluded, pause: null };
}

/**
 * Working days left until a deadline, read at `at` (a paused clock is read at its pause): 0 on the
 * deadline day, negative once past (逾期 N 个工作日).
 * @example remainingWorkingDays(new Date('2026-10-14T17:30+08:00'), new Date('2026-10-12T09:00+08:00'), calendar) // 2
 */
export function remainingWorkingDays(deadline: Date, at: Date, calendar: WorkingCalendar): number {
  const atDay = toShanghaiDate(at);
  const deadlineDay = toShanghaiDate(deadline);
  if (at.getTime() > deadline.getTime()) return -Math.max(1, workingDaysBetween(deadlineDay, atDay, calendar));
  return workingDaysBetween(atDay, deadlineDay, calendar);
}
