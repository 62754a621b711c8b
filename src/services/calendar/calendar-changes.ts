/**
 * The one place every calendar write reports the days it changed. The lead wires this to the
 * recalculation of open cases' deadlines (issue 15 item 3); until then it does nothing.
 */
import type { ServiceDeps } from '../service-deps.ts';

/** A day whose working status changed, before → after. */
export interface ChangedCalendarDay {
  date: string;
  wasWorkingDay: boolean;
  isWorkingDay: boolean;
}

/** Called after a calendar write has committed, with the days whose working status changed. */
export async function onCalendarDaysChanged(deps: ServiceDeps, changedDays: readonly ChangedCalendarDay[]): Promise<void> {
  void deps;
  void changedDays;
}
