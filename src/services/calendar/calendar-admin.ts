/** An admin's view and edits of the working calendar; edits win over the library's data. */
import { DomainError } from '../../domain/errors.ts';
import { isRealDate, toShanghaiDate } from '../../domain/calendar/index.ts';
import { listCalendarDays, upsertCalendarDays, type CalendarDayRow } from '../../db/repositories/calendar/calendar-repository.ts';
import type { ServiceDeps } from '../service-deps.ts';
import { calendarBeforeChange, onCalendarDaysChanged } from './calendar-changes.ts';
import { estimateYearOrNothing } from './calendar-source.ts';

/** Years after this one the calendar shows even without a notice (estimated), so nobody is surprised by them. */
export const CALENDAR_YEARS_AHEAD = 4;

/** Every day of a year as the calendar decides it: explicit rows, otherwise Monday–Friday. */
export async function listCalendarYear(deps: ServiceDeps, year: number) {
  const calendar = await deps.calendar.get();
  const explicit = new Map((await listCalendarDays(deps.db)).filter((d) => d.day.startsWith(`${year}-`)).map((d) => [d.day, d]));
  const provisional = calendar.isProvisionalYear(year);
  // A year nobody stored is estimated in memory only; name its holidays the same way.
  const names = new Map(explicit.size === 0 ? estimateYearOrNothing(year).map((d) => [d.date, d.name ?? null]) : []);
  const days = [];
  for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 86_400_000) {
    const day = new Date(t).toISOString().slice(0, 10);
    const row = explicit.get(day);
    days.push({
      date: day, isWorkingDay: calendar.isWorkingDay(day), name: row?.name ?? names.get(day) ?? null,
      source: row?.source ?? (provisional ? 'provisional' : 'weekday_rule'), provisional,
    });
  }
  return { year, known: calendar.hasYear(year), provisional, days };
}

/** The years from this one on whose calendar is only estimated, for health and the admin page. */
export async function listProvisionalYears(deps: ServiceDeps): Promise<number[]> {
  const calendar = await deps.calendar.get();
  const thisYear = Number(toShanghaiDate(deps.clock()).slice(0, 4));
  const years = Array.from({ length: CALENDAR_YEARS_AHEAD + 1 }, (_, i) => thisYear + i);
  return years.filter((year) => calendar.isProvisionalYear(year));
}

/**
 * Sets one day as working or not (an admin override; it outranks the library and a notice), then moves the
 * deadlines and warning instants of open cases whose clocks cross it.
 * @returns the stored day and how many open cases' clocks moved
 * @throws DomainError VALIDATION_FAILED for a date that does not exist
 */
export async function setCalendarDay(
  deps: ServiceDeps, date: string, isWorkingDay: boolean, name?: string,
): Promise<{ row: CalendarDayRow; recalculated: number }> {
  if (!isRealDate(date)) throw new DomainError('VALIDATION_FAILED', [{ path: 'params.date', code: 'invalid_date' }]);
  const before = await calendarBeforeChange(deps);
  const wasWorkingDay = before.isWorkingDay(date);
  const row: CalendarDayRow = { day: date, isWorkingDay, name: name ?? null, source: 'admin' };
  await upsertCalendarDays(deps.db, [row]);
  const { recalculated } = wasWorkingDay !== isWorkingDay
    ? await onCalendarDaysChanged(deps, [{ date, wasWorkingDay, isWorkingDay }], before)
    : { recalculated: 0 };
  return { row, recalculated };
}
