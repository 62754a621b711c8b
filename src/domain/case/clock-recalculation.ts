/**
 * When calendar days change (an admin override, a provisional year made official), a running clock
 * keeps the working time it had left before each of its instants, now measured on the new calendar:
 * a working day turned holiday pushes the instants later by that day, a holiday turned working day
 * pulls them earlier. What already happened never changes: instants at or before `now` stay, and only
 * a clock whose future crosses a changed day moves (issue 15 item 3). Clock-hour limits ignore the calendar.
 */
import { toInstantMs, toShanghaiDayNumber, parseYmd, type TimeLimitUnit, type WorkingCalendar, type WorkingHours } from '../calendar/index.ts';
import { addLimitMs, limitMsBetween } from './case-warning.ts';

export interface ClockInstants {
  signDeadline: Date | null;
  amberAt: Date | null;
  resolveDeadline: Date | null;
}

export interface RecalculationInput {
  instants: ClockInstants;
  signUnit: TimeLimitUnit;
  resolveUnit: TimeLimitUnit;
  /** The changed days, YYYY-MM-DD (Shanghai). */
  changedDays: readonly string[];
  now: Date;
  before: WorkingCalendar;
  after: WorkingCalendar;
  hours: WorkingHours;
}

/** True when a changed day lies between `now` and `instant` (Shanghai days, both ends included). */
function crossesChangedDay(instant: Date, now: Date, changedDays: readonly string[]): boolean {
  const from = toShanghaiDayNumber(now.getTime());
  const to = toShanghaiDayNumber(instant.getTime());
  return changedDays.some((day) => {
    const n = parseYmd(day);
    return n >= from && n <= to;
  });
}

function moved(instant: Date | null, unit: TimeLimitUnit, input: RecalculationInput): Date | null {
  if (!instant || unit === 'clock_hours' || instant.getTime() <= input.now.getTime()) return instant;
  if (!crossesChangedDay(instant, input.now, input.changedDays)) return instant;
  const left = limitMsBetween(input.now, instant, unit, input.before, input.hours);
  return addLimitMs(input.now, left, unit, input.after, input.hours);
}

/**
 * The clock's instants on the new calendar.
 * @returns the new instants, or null when none moves
 * @example recalculateClock({ instants: { resolveDeadline: wed1730, … }, changedDays: ['2026-03-10'], now: mon, … }) // resolve Thu 17:30
 */
export function recalculateClock(input: RecalculationInput): ClockInstants | null {
  const next: ClockInstants = {
    signDeadline: moved(input.instants.signDeadline, input.signUnit, input),
    amberAt: moved(input.instants.amberAt, input.resolveUnit, input),
    resolveDeadline: moved(input.instants.resolveDeadline, input.resolveUnit, input),
  };
  const same = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null);
  const unchanged = same(next.signDeadline, input.instants.signDeadline) && same(next.amberAt, input.instants.amberAt)
    && same(next.resolveDeadline, input.instants.resolveDeadline);
  return unchanged ? null : next;
}

/** The instant range the changed days cover: from the first one's midnight to the last one's end (Shanghai). */
export function changedDaysSpan(changedDays: readonly string[]): { from: Date; to: Date } | null {
  if (changedDays.length === 0) return null;
  const numbers = changedDays.map(parseYmd);
  return { from: new Date(toInstantMs(Math.min(...numbers), 0)), to: new Date(toInstantMs(Math.max(...numbers) + 1, 0)) };
}
