/**
 * Deadline arithmetic for case time limits (处置时限): working hours, working days and clock hours,
 * suspension (挂起), extension (延期) and the share of the limit used for amber/red warnings.
 * Every instant is passed in; calendar days are Asia/Shanghai days.
 */
import {
  MS_PER_MINUTE,
  addWorkingMs,
  countWorkingMs,
  findNthWorkingDayAfter,
  sumDailyMinutes,
  toEpochMs,
  toInstantMs,
  toMinuteRanges,
  toShanghaiDayNumber,
  type MinuteRange,
} from './shanghai-time.ts';
import type { WorkingCalendar, WorkingHours } from './working-calendar.ts';

export type TimeLimitUnit = 'working_hours' | 'working_days' | 'clock_hours';

export interface TimeLimit {
  amount: number;
  unit: TimeLimitUnit;
}

/** The longest limit accepted, in working days (and its equivalent for hour units). */
export const MAX_LIMIT_WORKING_DAYS = 366;

const MS_PER_HOUR = 60 * MS_PER_MINUTE;

function assertUnit(unit: TimeLimitUnit): void {
  if (unit !== 'working_hours' && unit !== 'working_days' && unit !== 'clock_hours') {
    throw new Error(`unknown time limit unit: ${String(unit)}`);
  }
}

function assertWorkingDayCount(days: number, label: string): void {
  if (!Number.isInteger(days) || days < 1 || days > MAX_LIMIT_WORKING_DAYS) {
    throw new Error(`${label} must be a whole number of working days from 1 to ${MAX_LIMIT_WORKING_DAYS}, got ${days}`);
  }
}

function assertHours(amount: number, maxHours: number): void {
  if (!Number.isFinite(amount) || amount <= 0 || amount > maxHours) {
    throw new Error(`time limit must be more than 0 and at most ${maxHours} hours, got ${amount}`);
  }
}

/** Close of working hours (end of the last period) of the `count`th working day after `dayNumber`. */
function closeOfNthWorkingDayAfter(dayNumber: number, count: number, calendar: WorkingCalendar, ranges: readonly MinuteRange[]): Date {
  const day = findNthWorkingDayAfter(dayNumber, count, calendar);
  const lastPeriod = ranges[ranges.length - 1] as MinuteRange; // toMinuteRanges guarantees one
  return new Date(toInstantMs(day, lastPeriod.end));
}

/**
 * Computes when a time limit runs out for a clock started at `start`.
 *
 * - `working_days`: close of working hours of the Nth working day after the Shanghai day of `start`
 *   (the time of day does not matter; a start on a holiday still counts from that day).
 * - `working_hours`: only minutes inside working periods of working days count; a start outside
 *   working time begins at the next period start. Fractional hours are allowed.
 * - `clock_hours`: start + amount hours, every hour counts. Fractional hours are allowed.
 *
 * @param start - when the clock starts (e.g. the dispatch time)
 * @param limit - amount and unit; working days must be whole numbers from 1 to 366, hours above 0
 *   and at most 366 working days' (or 366 × 24 clock) hours
 * @param calendar - the working calendar
 * @param hours - the district's working hours
 * @returns the deadline instant
 * @throws Error on a limit out of range, invalid working hours or an invalid Date
 * @example
 * // calendar: 2025-10-01…10-08 off, Sun 09-28 and Sat 10-11 working; DEFAULT_WORKING_HOURS
 * computeDeadline(new Date('2025-09-30T17:31+08:00'), { amount: 1, unit: 'working_days' }, calendar, hours);
 * //=> 2025-10-09T17:30+08:00
 * computeDeadline(new Date('2025-09-22T08:30+08:00'), { amount: 4, unit: 'working_hours' }, calendar, hours);
 * //=> 2025-09-22T13:30+08:00 (the lunch break does not count)
 * computeDeadline(new Date('2025-10-01T10:00+08:00'), { amount: 2, unit: 'clock_hours' }, calendar, hours);
 * //=> 2025-10-01T12:00+08:00
 */
export function computeDeadline(start: Date, limit: TimeLimit, calendar: WorkingCalendar, hours: WorkingHours): Date {
  const startMs = toEpochMs(start, 'start');
  const ranges = toMinuteRanges(hours);
  assertUnit(limit.unit);
  switch (limit.unit) {
    case 'working_days':
      assertWorkingDayCount(limit.amount, 'time limit');
      return closeOfNthWorkingDayAfter(toShanghaiDayNumber(startMs), limit.amount, calendar, ranges);
    case 'working_hours':
      assertHours(limit.amount, (MAX_LIMIT_WORKING_DAYS * sumDailyMinutes(ranges)) / 60);
      return new Date(addWorkingMs(startMs, Math.round(limit.amount * MS_PER_HOUR), calendar, ranges));
    case 'clock_hours':
      assertHours(limit.amount, MAX_LIMIT_WORKING_DAYS * 24);
      return new Date(startMs + Math.round(limit.amount * MS_PER_HOUR));
  }
}

/**
 * Counts working minutes between two instants (only inside working periods of working days).
 *
 * @param from - start instant
 * @param to - end instant
 * @param calendar - the working calendar
 * @param hours - the district's working hours
 * @returns minutes (fractional when the instants carry seconds); 0 if `to` <= `from`
 * @throws Error on invalid working hours, an invalid Date or a span above 100 years
 * @example
 * countWorkingMinutes(new Date('2025-09-22T11:00+08:00'), new Date('2025-09-22T14:00+08:00'), calendar, hours);
 * //=> 120 (the 12:00–13:00 lunch break is not counted)
 * countWorkingMinutes(new Date('2025-09-30T17:00+08:00'), new Date('2025-10-09T09:00+08:00'), calendar, hours);
 * //=> 60 (30 before the National Day holiday, 30 after it)
 */
export function countWorkingMinutes(from: Date, to: Date, calendar: WorkingCalendar, hours: WorkingHours): number {
  const ranges = toMinuteRanges(hours);
  return countWorkingMs(toEpochMs(from, 'from'), toEpochMs(to, 'to'), calendar, ranges) / MS_PER_MINUTE;
}

/**
 * Adds working minutes to an instant; a total that runs out exactly at a period end returns that end.
 *
 * The result is the earliest instant by which `minutes` of working time have passed since `from`,
 * so adding 0 returns `from` unchanged (even outside working time).
 *
 * @param from - start instant
 * @param minutes - working minutes to add, 0 or more (fractions allowed, rounded to the millisecond)
 * @param calendar - the working calendar
 * @param hours - the district's working hours
 * @returns the resulting instant
 * @throws Error on a negative or non-finite amount, invalid working hours, an invalid Date,
 *   or when no such instant exists within 10 years
 * @example
 * addWorkingMinutes(new Date('2025-09-22T11:00+08:00'), 60, calendar, hours); //=> 2025-09-22T12:00+08:00
 * addWorkingMinutes(new Date('2025-09-22T11:00+08:00'), 61, calendar, hours); //=> 2025-09-22T13:01+08:00
 * addWorkingMinutes(new Date('2025-09-26T18:00+08:00'), 1, calendar, hours); //=> 2025-09-28T08:31+08:00 (make-up Sunday)
 */
export function addWorkingMinutes(from: Date, minutes: number, calendar: WorkingCalendar, hours: WorkingHours): Date {
  const fromMs = toEpochMs(from, 'from');
  if (!Number.isFinite(minutes) || minutes < 0) throw new Error(`minutes must be a finite number >= 0, got ${minutes}`);
  const ranges = toMinuteRanges(hours);
  return new Date(addWorkingMs(fromMs, Math.round(minutes * MS_PER_MINUTE), calendar, ranges));
}

/**
 * Moves a deadline later by the time a suspension stopped the clock.
 *
 * For `working_hours` and `working_days` limits the working minutes inside [suspendedAt, resumedAt]
 * are added to the old deadline with {@link addWorkingMinutes}; for `clock_hours` the clock minutes
 * are added. A resumption at or before the suspension shifts nothing.
 *
 * @param deadline - the deadline before the suspension
 * @param suspendedAt - when the case was suspended
 * @param resumedAt - when it resumed
 * @param unit - the unit of the case's time limit
 * @param calendar - the working calendar
 * @param hours - the district's working hours
 * @returns the new deadline (a new Date; the inputs are not changed)
 * @throws Error on an unknown unit, invalid working hours or an invalid Date
 * @example
 * // suspended Tue 2025-09-30 10:00, resumed Thu 2025-10-09 09:00 (over National Day): 420 working minutes
 * shiftDeadlineForSuspension(new Date('2025-09-30T15:00+08:00'), new Date('2025-09-30T10:00+08:00'),
 *   new Date('2025-10-09T09:00+08:00'), 'working_hours', calendar, hours);
 * //=> 2025-10-09T14:00+08:00
 */
export function shiftDeadlineForSuspension(
  deadline: Date,
  suspendedAt: Date,
  resumedAt: Date,
  unit: TimeLimitUnit,
  calendar: WorkingCalendar,
  hours: WorkingHours,
): Date {
  const deadlineMs = toEpochMs(deadline, 'deadline');
  const suspendedMs = toEpochMs(suspendedAt, 'suspendedAt');
  const resumedMs = toEpochMs(resumedAt, 'resumedAt');
  assertUnit(unit);
  const ranges = toMinuteRanges(hours);
  if (unit === 'clock_hours') return new Date(deadlineMs + Math.max(0, resumedMs - suspendedMs));
  const stoppedMs = countWorkingMs(suspendedMs, resumedMs, calendar, ranges);
  return new Date(addWorkingMs(deadlineMs, stoppedMs, calendar, ranges));
}

/**
 * Extends a deadline by an approved number of working days (延期).
 *
 * The new deadline is the close of working hours of the Nth working day after the Shanghai day
 * of the old deadline, whatever the old deadline's time of day.
 *
 * @param deadline - the current deadline
 * @param days - whole working days from 1 to 366
 * @param calendar - the working calendar
 * @param hours - the district's working hours
 * @returns the new deadline
 * @throws Error on a day count out of range, invalid working hours or an invalid Date
 * @example
 * extendDeadlineByWorkingDays(new Date('2025-09-30T17:30+08:00'), 1, calendar, hours); //=> 2025-10-09T17:30+08:00
 * extendDeadlineByWorkingDays(new Date('2025-09-26T10:15+08:00'), 1, calendar, hours); //=> 2025-09-28T17:30+08:00
 */
export function extendDeadlineByWorkingDays(deadline: Date, days: number, calendar: WorkingCalendar, hours: WorkingHours): Date {
  const deadlineMs = toEpochMs(deadline, 'deadline');
  assertWorkingDayCount(days, 'extension');
  const ranges = toMinuteRanges(hours);
  return closeOfNthWorkingDayAfter(toShanghaiDayNumber(deadlineMs), days, calendar, ranges);
}
