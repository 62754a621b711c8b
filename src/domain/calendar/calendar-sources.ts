/**
 * Where a calendar day came from, and which of those make a year official. A year is official
 * once the State Council schedule is in: from the holiday library or from a pasted notice.
 * An admin's single-day override does not make a year official; estimates never do.
 */

export const CALENDAR_SOURCES = ['library', 'notice', 'admin', 'provisional'] as const;
export type CalendarSource = (typeof CALENDAR_SOURCES)[number];

const OFFICIAL: ReadonlySet<string> = new Set<CalendarSource>(['library', 'notice']);

/**
 * How much a source outranks another when both write the same day: an admin beats a notice,
 * a notice beats the library, and anything beats an estimate.
 */
export const SOURCE_RANK: Readonly<Record<CalendarSource, number>> = { provisional: 0, library: 1, notice: 2, admin: 3 };

/**
 * Lists the years that have entries but no official schedule.
 * @example provisionalYearsOf([{ date: '2027-01-01', source: 'provisional' }, { date: '2026-10-01', source: 'library' }]) //=> [2027]
 */
export function provisionalYearsOf(days: ReadonlyArray<{ date: string; source: string }>): number[] {
  const seen = new Set<number>();
  const official = new Set<number>();
  for (const day of days) {
    const year = Number(day.date.slice(0, 4));
    seen.add(year);
    if (OFFICIAL.has(day.source)) official.add(year);
  }
  return [...seen].filter((year) => !official.has(year)).sort((a, b) => a - b);
}

/** Lists the years whose schedule is official (library or notice rows). */
export function officialYearsOf(days: ReadonlyArray<{ date: string; source: string }>): number[] {
  const years = new Set(days.filter((day) => OFFICIAL.has(day.source)).map((day) => Number(day.date.slice(0, 4))));
  return [...years].sort((a, b) => a - b);
}
