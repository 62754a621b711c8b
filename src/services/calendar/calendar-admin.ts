/** An admin's view and edits of the working calendar; edits win over the library's data. */
import { DomainError } from '../../domain/errors.ts';
import { listCalendarDays, upsertCalendarDays, type CalendarDayRow } from '../../db/repositories/calendar/calendar-repository.ts';
import type { ServiceDeps } from '../service-deps.ts';
import { recalculateOpenDeadlines } from './deadline-recalculation.ts';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function isRealDate(ymd: string): boolean {
  const match = DAY.exec(ymd);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === ymd;
}

/** Every day of a year as the calendar decides it: explicit rows, otherwise Monday–Friday. */
export async function listCalendarYear(deps: ServiceDeps, year: number) {
  const calendar = await deps.calendar.get();
  const explicit = new Map((await listCalendarDays(deps.db)).filter((d) => d.day.startsWith(`${year}-`)).map((d) => [d.day, d]));
  const days = [];
  for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 86_400_000) {
    const day = new Date(t).toISOString().slice(0, 10);
    const row = explicit.get(day);
    days.push({ date: day, isWorkingDay: calendar.isWorkingDay(day), name: row?.name ?? null, source: row?.source ?? 'weekday_rule' });
  }
  return { year, known: calendar.hasYear(year), days };
}

/**
 * Sets one day as working or not (e.g. next year's schedule before the library has it), then moves the
 * deadlines and warning instants of open cases whose clocks cross it.
 * @returns the stored day and how many open cases' clocks moved
 * @throws DomainError VALIDATION_FAILED for a date that does not exist
 */
export async function setCalendarDay(
  deps: ServiceDeps, date: string, isWorkingDay: boolean, name?: string,
): Promise<{ row: CalendarDayRow; recalculated: number }> {
  if (!isRealDate(date)) throw new DomainError('VALIDATION_FAILED', [{ path: 'params.date', code: 'invalid_date' }]);
  const row: CalendarDayRow = { day: date, isWorkingDay, name: name ?? null, source: 'admin' };
  deps.calendar.invalidate();
  const before = await deps.calendar.get();
  await upsertCalendarDays(deps.db, [row]);
  deps.calendar.invalidate();
  const { recalculated } = await recalculateOpenDeadlines(deps, [date], before);
  return { row, recalculated };
}
