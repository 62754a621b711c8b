/**
 * The Chinese working calendar (national holidays and 调休 make-up working days) as data,
 * plus the district's working hours. Pure: dates are computed in Asia/Shanghai from passed-in instants.
 */
import { formatDayNumber, getWeekday, parseYmd, toEpochMs, toShanghaiDayNumber } from './shanghai-time.ts';

/** One explicit calendar entry: a holiday (off), a make-up working day, or any admin override. */
export interface CalendarDay {
  /** 'YYYY-MM-DD' in Asia/Shanghai. */
  date: string;
  isWorkingDay: boolean;
  /** Holiday or make-up day name, e.g. '国庆节'. */
  name?: string;
}

/** Answers "is this Shanghai calendar day a working day?". */
export interface WorkingCalendar {
  /** Explicit days win; dates without an entry: Mon–Fri working, Sat/Sun off. */
  isWorkingDay(ymd: string): boolean;
  /** True when at least one explicit entry exists for that year. */
  hasYear(year: number): boolean;
  /**
   * True when the year has no official schedule (国务院 notice or library data): its days are
   * estimated from the statutory holidays and may still change when the notice comes out.
   */
  isProvisionalYear(year: number): boolean;
}

/** How a calendar treats years without an official schedule. */
export interface ProvisionalYearOptions {
  /** Years whose explicit entries are only estimates. */
  provisionalYears?: Iterable<number>;
  /** Estimates the days off of a year that has no entry at all; asked at most once per year. */
  estimateYear?: (year: number) => readonly CalendarDay[];
}

/** Daily working periods, 'HH:MM' in Asia/Shanghai, sorted and non-overlapping. */
export interface WorkingHours {
  periods: ReadonlyArray<{ start: string; end: string }>;
}

/** The default district working hours: 08:30–12:00 and 13:00–17:30 (8 hours, 480 minutes a day). */
export const DEFAULT_WORKING_HOURS: WorkingHours = Object.freeze({
  periods: Object.freeze([Object.freeze({ start: '08:30', end: '12:00' }), Object.freeze({ start: '13:00', end: '17:30' })]),
});

/**
 * Builds a working calendar from explicit day entries; days without an entry follow the ordinary week.
 *
 * Entries are copied, so later changes to `days` do not affect the calendar. When a date appears
 * more than once the last entry wins, so admin overrides can simply be appended to library data.
 *
 * @param days - explicit entries, e.g. holidays and make-up working days
 * @param options - which years are estimates, and how to estimate a year without entries
 * @returns a calendar answering per Shanghai calendar day
 * @throws Error when an entry's date is not a valid 'YYYY-MM-DD' or isWorkingDay is not a boolean
 * @example
 * const calendar = createWorkingCalendar([
 *   { date: '2025-10-01', isWorkingDay: false, name: '国庆节' },
 *   { date: '2025-09-28', isWorkingDay: true, name: '国庆节（调休上班）' },
 * ]);
 * calendar.isWorkingDay('2025-10-01'); //=> false (a Wednesday holiday)
 * calendar.isWorkingDay('2025-09-28'); //=> true (a make-up Sunday)
 * calendar.isWorkingDay('2025-10-12'); //=> false (an ordinary Sunday)
 * calendar.hasYear(2025); //=> true
 * calendar.hasYear(2027); //=> false
 * calendar.isProvisionalYear(2027); //=> true (no entries, so only a plain-week guess)
 */
export function createWorkingCalendar(days: readonly CalendarDay[], options: ProvisionalYearOptions = {}): WorkingCalendar {
  if (!Array.isArray(days)) throw new Error('calendar days must be an array');
  const explicit = new Map<number, boolean>();
  const years = new Set<number>();
  const provisional = new Set(options.provisionalYears ?? []);
  const addDays = (entries: readonly CalendarDay[]) =>
    entries.forEach((day, index) => {
      const dayNumber = parseYmd(day?.date);
      if (typeof day.isWorkingDay !== 'boolean') {
        throw new Error(`calendar day ${index} (${day.date}) needs a boolean isWorkingDay`);
      }
      explicit.set(dayNumber, day.isWorkingDay);
      years.add(Number(day.date.slice(0, 4)));
    });
  addDays(days);
  // A year nobody entered is estimated the first time a deadline reaches it, so no year is a plain week by accident.
  const ensureYear = (year: number) => {
    if (years.has(year) || !options.estimateYear) return;
    years.add(year);
    provisional.add(year);
    addDays(options.estimateYear(year));
  };

  return Object.freeze({
    isWorkingDay(ymd: string): boolean {
      const dayNumber = parseYmd(ymd);
      ensureYear(Number(ymd.slice(0, 4)));
      const entry = explicit.get(dayNumber);
      if (entry !== undefined) return entry;
      const weekday = getWeekday(dayNumber);
      return weekday !== 0 && weekday !== 6;
    },
    hasYear(year: number): boolean {
      return years.has(year);
    },
    isProvisionalYear(year: number): boolean {
      ensureYear(year);
      return provisional.has(year) || !years.has(year);
    },
  });
}

/**
 * Tells whether a span of time touches a provisional year, so a deadline computed over it may still move.
 *
 * @param calendar - the working calendar
 * @param from - when the clock started
 * @param to - the deadline
 * @returns true when any Shanghai year from `from` to `to` is provisional
 * @example
 * isSpanProvisional(calendar, new Date('2026-12-15T10:00+08:00'), new Date('2027-01-06T17:30+08:00')); //=> true without a 2027 notice
 */
export function isSpanProvisional(calendar: WorkingCalendar, from: Date, to: Date): boolean {
  const first = Number(toShanghaiDate(from).slice(0, 4));
  const last = Number(toShanghaiDate(to).slice(0, 4));
  for (let year = first; year <= last; year += 1) if (calendar.isProvisionalYear(year)) return true;
  return false;
}

/**
 * Returns the Asia/Shanghai calendar date of an instant, independent of the process time zone.
 *
 * @param instant - any valid Date
 * @returns 'YYYY-MM-DD' as seen on a wall calendar in China
 * @throws Error when the Date is invalid
 * @example
 * toShanghaiDate(new Date('2025-10-08T20:00:00Z')); //=> '2025-10-09' (04:00 in Beijing)
 * toShanghaiDate(new Date('2025-10-08T15:59:59Z')); //=> '2025-10-08'
 */
export function toShanghaiDate(instant: Date): string {
  return formatDayNumber(toShanghaiDayNumber(toEpochMs(instant, 'instant')));
}
