/**
 * Reads the official holiday and 调休 schedule from the `chinese-days` package, to seed the
 * working calendar table. The only module that imports the library.
 */
// Named ESM imports from chinese-days throw a SyntaxError in Node; only the default import works.
import chineseDays from 'chinese-days';
import type { CalendarDay } from '../../domain/calendar/working-calendar.ts';
import { provisionalHolidays } from '../../domain/calendar/provisional-holidays.ts';
import { formatDayNumber, getWeekday, parseYmd } from '../../domain/calendar/shanghai-time.ts';

/** chinese-days names holiday-related days 'English,中文,days' (e.g. 'National Day,国庆节,3'); ordinary days get the weekday name. */
function parseHolidayName(libraryName: string): string | undefined {
  const parts = libraryName.split(',');
  if (parts.length < 2) return undefined;
  const chinese = parts[1]?.trim();
  return chinese ? chinese : parts[0]?.trim() || undefined;
}

/**
 * Reads one day from chinese-days, trusting it only for named (holiday or make-up) days.
 *
 * The library parses 'YYYY-MM-DD' as UTC midnight but formats with local-time getters, both when
 * it builds its holiday table and when it answers. West of UTC (e.g. TZ=America/New_York) both
 * sides shift by the same day, so lookups of named days stay right, but its weekday fallback and
 * its returned `date` are a day early (2025-10-13, a Monday, comes back as an off "Sunday"). Date
 * inputs are worse there (they hit the shifted table). So: pass the string, take work/name only
 * for named days, and apply the ordinary week ourselves to the rest.
 */
function readLibraryDay(ymd: string, dayNumber: number): CalendarDay {
  const detail = chineseDays.getDayDetail(ymd);
  const holidayName = parseHolidayName(detail.name);
  const weekday = getWeekday(dayNumber);
  const isWeekend = weekday === 0 || weekday === 6;
  if (holidayName === undefined) return { date: ymd, isWorkingDay: !isWeekend };
  const name = detail.work && isWeekend ? `${holidayName}（调休上班）` : holidayName;
  return { date: ymd, isWorkingDay: detail.work, name };
}

function assertYear(year: number, label: string): void {
  // The library's own data spans 2004–2026 at 1.5.7; allow any sane year and let libraryHasYear tell.
  if (!Number.isInteger(year) || year < 1901 || year > 2099) {
    throw new Error(`${label} must be a whole year between 1901 and 2099, got ${year}`);
  }
}

function listDaysOfYears(fromYear: number, toYear: number): Array<[string, number]> {
  const days: Array<[string, number]> = [];
  const last = parseYmd(`${toYear}-12-31`);
  for (let dayNumber = parseYmd(`${fromYear}-01-01`); dayNumber <= last; dayNumber += 1) {
    days.push([formatDayNumber(dayNumber), dayNumber]);
  }
  return days;
}

/**
 * Lists every day of the given years as chinese-days sees them, with holiday and make-up working day names.
 *
 * Ordinary days carry no name; holidays carry the Chinese name (e.g. '国庆节') and weekend days that
 * become working days carry e.g. '国庆节（调休上班）'. Beware: for a year the library does not know
 * (see {@link libraryHasYear}) this returns an ordinary Mon–Fri week, so check before seeding.
 *
 * @param fromYear - first year, inclusive
 * @param toYear - last year, inclusive (at most 50 years after fromYear)
 * @returns one entry per day, in date order
 * @throws Error when the years are not whole numbers in 1901–2099 or out of order
 * @example
 * loadLibraryCalendarDays(2025, 2025).find((d) => d.date === '2025-09-28');
 * //=> { date: '2025-09-28', isWorkingDay: true, name: '国庆节（调休上班）' }
 */
export function loadLibraryCalendarDays(fromYear: number, toYear: number): CalendarDay[] {
  assertYear(fromYear, 'fromYear');
  assertYear(toYear, 'toYear');
  if (toYear < fromYear) throw new Error(`toYear ${toYear} is before fromYear ${fromYear}`);
  if (toYear - fromYear > 50) throw new Error('load at most 50 years at a time');
  return listDaysOfYears(fromYear, toYear).map(([ymd, dayNumber]) => readLibraryDay(ymd, dayNumber));
}

/**
 * Tells whether chinese-days actually has the official schedule for a year.
 *
 * The library silently treats unknown years as ordinary weeks (2027-01-01 comes back as a working
 * "Friday"), so a year counts as known only when at least one of its days is a named holiday or
 * make-up working day.
 *
 * @param year - the year to check
 * @returns true when the library carries holiday data for that year
 * @throws Error when the year is not a whole number in 1901–2099
 * @example
 * libraryHasYear(2026); //=> true
 * libraryHasYear(2099); //=> false
 */
export function libraryHasYear(year: number): boolean {
  assertYear(year, 'year');
  return listDaysOfYears(year, year).some(([ymd, dayNumber]) => readLibraryDay(ymd, dayNumber).name !== undefined);
}

/**
 * Estimates a year's days off from the statutory holidays (《全国年节及纪念日放假办法》), asking the
 * library only for lunar dates and the 清明 solar term, which it computes for any year.
 *
 * @param year - a whole year in 1901–2099
 * @returns the 13 statutory days off, named, without guessed 调休 days
 * @throws Error when the year is out of range
 * @example estimateStatutoryDays(2027)[0] //=> { date: '2027-01-01', isWorkingDay: false, name: '元旦' }
 */
export function estimateStatutoryDays(year: number): CalendarDay[] {
  assertYear(year, 'year');
  const qingming = chineseDays.getSolarTermsInRange(`${year}-04-01`, `${year}-04-10`).find((term) => term.name === '清明' && term.index === 1);
  if (!qingming) throw new Error(`the library has no 清明 for ${year}`);
  const holidays = provisionalHolidays({
    year,
    lunarNewYear: chineseDays.getSolarDateFromLunar(`${year}-01-01`).date,
    qingming: qingming.date,
    dragonBoat: chineseDays.getSolarDateFromLunar(`${year}-05-05`).date,
    midAutumn: chineseDays.getSolarDateFromLunar(`${year}-08-15`).date,
  });
  return holidays.map((holiday) => ({ date: holiday.date, isWorkingDay: false, name: holiday.nameZh }));
}

/** Like {@link estimateStatutoryDays}, but a year the library cannot reckon is left as plain weeks (and stays provisional). */
export function estimateYearOrNothing(year: number): CalendarDay[] {
  try {
    return estimateStatutoryDays(year);
  } catch {
    return [];
  }
}
