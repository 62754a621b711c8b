/**
 * Asia/Shanghai day and minute arithmetic shared by the working calendar and the deadline rules.
 * China has kept a fixed UTC+8 offset without DST since 1991, so a constant offset is exact.
 */
import type { WorkingCalendar, WorkingHours } from './working-calendar.ts';

export const MS_PER_MINUTE = 60_000;
export const MS_PER_DAY = 86_400_000;
/** Asia/Shanghai is UTC+8 all year. */
export const SHANGHAI_OFFSET_MS = 8 * 60 * MS_PER_MINUTE;
/** The furthest any scan walks forward (10 years), so a calendar with no working days cannot loop forever. */
export const MAX_SCAN_DAYS = 3660;
/** Spans longer than this (100 years) are treated as corrupt input rather than counted. */
export const MAX_COUNT_SPAN_DAYS = 36_600;

const YMD_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const CLOCK_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** A working period as minutes after Shanghai midnight: [start, end). */
export interface MinuteRange {
  start: number;
  end: number;
}

/** Returns the epoch milliseconds of a valid Date, or throws for anything else. */
export function toEpochMs(instant: Date, label: string): number {
  if (!(instant instanceof Date)) throw new Error(`${label} must be a Date`);
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new Error(`${label} is an invalid Date`);
  return ms;
}

/** Days since 1970-01-01 of the Shanghai calendar day containing the instant. */
export function toShanghaiDayNumber(ms: number): number {
  return Math.floor((ms + SHANGHAI_OFFSET_MS) / MS_PER_DAY);
}

/** The instant at `minuteOfDay` minutes after Shanghai midnight of day `dayNumber`. */
export function toInstantMs(dayNumber: number, minuteOfDay: number): number {
  return dayNumber * MS_PER_DAY + minuteOfDay * MS_PER_MINUTE - SHANGHAI_OFFSET_MS;
}

/** Day of the week of a day number: 0 Sunday … 6 Saturday (1970-01-01 was a Thursday). */
export function getWeekday(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

// Civil-date conversions after Howard Hinnant's days_from_civil / civil_from_days: integer
// arithmetic only, so years 0000–0099 are not remapped the way Date.UTC remaps them.
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** Formats a day number as 'YYYY-MM-DD'. */
export function formatDayNumber(dayNumber: number): string {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  if (year < 0 || year > 9999) throw new Error(`date out of range: day ${dayNumber}`);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Parses a strict 'YYYY-MM-DD' calendar date into a day number; throws on anything else. */
export function parseYmd(ymd: string): number {
  const match = typeof ymd === 'string' ? YMD_PATTERN.exec(ymd) : null;
  if (!match) throw new Error(`expected a 'YYYY-MM-DD' date, got ${JSON.stringify(ymd)}`);
  const dayNumber = daysFromCivil(Number(match[1]), Number(match[2]), Number(match[3]));
  // A round trip rejects impossible dates such as 2025-02-30 or 2025-13-01.
  if (formatDayNumber(dayNumber) !== ymd) throw new Error(`not a calendar date: ${ymd}`);
  return dayNumber;
}

/** True for a 'YYYY-MM-DD' that names a real day (2025-02-29 does not). */
export function isRealDate(ymd: string): boolean {
  try {
    parseYmd(ymd);
    return true;
  } catch {
    return false;
  }
}

function parseClockTime(value: string): number {
  const match = typeof value === 'string' ? CLOCK_PATTERN.exec(value) : null;
  if (!match) throw new Error(`expected an 'HH:MM' time between 00:00 and 23:59, got ${JSON.stringify(value)}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** Validates working hours (non-empty, each start before its end, sorted, non-overlapping) and converts them to minutes. */
export function toMinuteRanges(hours: WorkingHours): MinuteRange[] {
  const periods = hours?.periods;
  if (!Array.isArray(periods) || periods.length === 0) throw new Error('working hours need at least one period');
  const ranges = periods.map((period) => ({ start: parseClockTime(period.start), end: parseClockTime(period.end) }));
  ranges.forEach((range, index) => {
    if (range.start >= range.end) throw new Error(`working period ${index + 1} must start before it ends`);
    const previous = ranges[index - 1];
    if (previous && previous.end > range.start) {
      throw new Error(`working period ${index + 1} must start after period ${index} ends (sorted, non-overlapping)`);
    }
  });
  return ranges;
}

/** Total working minutes in one working day. */
export function sumDailyMinutes(ranges: readonly MinuteRange[]): number {
  return ranges.reduce((total, range) => total + range.end - range.start, 0);
}

/** The working periods of one Shanghai day as epoch-ms intervals; empty on a day off. */
export function listWorkingIntervals(
  dayNumber: number,
  calendar: WorkingCalendar,
  ranges: readonly MinuteRange[],
): Array<[number, number]> {
  if (!calendar.isWorkingDay(formatDayNumber(dayNumber))) return [];
  return ranges.map((range) => [toInstantMs(dayNumber, range.start), toInstantMs(dayNumber, range.end)]);
}

/** Working milliseconds inside [fromMs, toMs]; 0 when toMs <= fromMs. */
export function countWorkingMs(
  fromMs: number,
  toMs: number,
  calendar: WorkingCalendar,
  ranges: readonly MinuteRange[],
): number {
  if (toMs <= fromMs) return 0;
  const firstDay = toShanghaiDayNumber(fromMs);
  const lastDay = toShanghaiDayNumber(toMs);
  if (lastDay - firstDay > MAX_COUNT_SPAN_DAYS) throw new Error('cannot count working time over more than 100 years');
  let total = 0;
  for (let day = firstDay; day <= lastDay; day += 1) {
    for (const [start, end] of listWorkingIntervals(day, calendar, ranges)) {
      total += Math.max(0, Math.min(end, toMs) - Math.max(start, fromMs));
    }
  }
  return total;
}

/**
 * The earliest instant at which `amountMs` of working time has elapsed since `fromMs`, so an
 * amount that runs out exactly at a period end returns that end, and 0 returns `fromMs`.
 */
export function addWorkingMs(
  fromMs: number,
  amountMs: number,
  calendar: WorkingCalendar,
  ranges: readonly MinuteRange[],
): number {
  if (amountMs === 0) return fromMs;
  let remaining = amountMs;
  const firstDay = toShanghaiDayNumber(fromMs);
  for (let day = firstDay; day <= firstDay + MAX_SCAN_DAYS; day += 1) {
    for (const [start, end] of listWorkingIntervals(day, calendar, ranges)) {
      const segmentStart = Math.max(start, fromMs);
      if (end <= segmentStart) continue;
      if (remaining <= end - segmentStart) return segmentStart + remaining;
      remaining -= end - segmentStart;
    }
  }
  throw new Error(`not enough working time within ${MAX_SCAN_DAYS} days of the start`);
}

/** The day number of the `count`th working day strictly after `dayNumber`. */
export function findNthWorkingDayAfter(dayNumber: number, count: number, calendar: WorkingCalendar): number {
  if (!Number.isInteger(count) || count < 1) throw new Error(`working day count must be a positive integer, got ${count}`);
  let found = 0;
  for (let day = dayNumber + 1; day <= dayNumber + MAX_SCAN_DAYS; day += 1) {
    if (calendar.isWorkingDay(formatDayNumber(day))) found += 1;
    if (found === count) return day;
  }
  throw new Error(`fewer than ${count} working days within ${MAX_SCAN_DAYS} days`);
}
