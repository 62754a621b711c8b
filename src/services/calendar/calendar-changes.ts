/**
 * The one place every calendar write reports the days it changed: open cases whose clocks cross them get new
 * deadlines and warning instants (issue 15 item 3, `recalculateOpenDeadlines`).
 */
import type { WorkingCalendar } from '../../domain/calendar/index.ts';
import type { ServiceDeps } from '../service-deps.ts';
import { recalculateOpenDeadlines } from './deadline-recalculation.ts';

/** A day whose working status changed, before → after. */
export interface ChangedCalendarDay {
  date: string;
  wasWorkingDay: boolean;
  isWorkingDay: boolean;
}

/** The calendar as it is before a write, read fresh (not from the cache), for the recalculation to compare with. */
export async function calendarBeforeChange(deps: ServiceDeps): Promise<WorkingCalendar> {
  deps.calendar.invalidate();
  return deps.calendar.get();
}

/**
 * Called after a calendar write has committed, with the days whose working status changed and the calendar
 * before the write. @returns how many open cases' clocks moved
 */
export async function onCalendarDaysChanged(
  deps: ServiceDeps, changedDays: readonly ChangedCalendarDay[], before: WorkingCalendar,
): Promise<{ recalculated: number }> {
  deps.calendar.invalidate();
  if (changedDays.length === 0) return { recalculated: 0 };
  return recalculateOpenDeadlines(deps, changedDays.map((day) => day.date), before);
}
