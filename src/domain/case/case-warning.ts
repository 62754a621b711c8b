/**
 * Amber and red warnings (DESIGN §4.3): amber once 80% of the resolve limit is used, red once
 * the deadline has passed. Only cases being worked on (dispatched, signed) carry a warning;
 * a suspended case keeps the warning it had, since its clock is stopped.
 */
import { fractionOfLimitUsed, type TimeLimitUnit } from '../calendar/index.ts';
import type { WorkingCalendar, WorkingHours } from '../calendar/index.ts';

export type WarningLevel = 'none' | 'amber' | 'red';

export const AMBER_THRESHOLD = 0.8;

const RANK: Record<WarningLevel, number> = { none: 0, amber: 1, red: 2 };

/** States in which the sweep evaluates warnings. */
export const WARNED_STATES = ['dispatched', 'signed'] as const;

/**
 * The warning a case should carry now.
 * @example warningFor({ start, deadline, now: afterDeadline, unit: 'working_hours' }, calendar, hours) // 'red'
 */
export function warningFor(
  input: { start: Date; deadline: Date; now: Date; unit: TimeLimitUnit },
  calendar: WorkingCalendar,
  hours: WorkingHours,
): WarningLevel {
  const used = fractionOfLimitUsed(input.start, input.deadline, input.now, input.unit, calendar, hours);
  if (used > 1) return 'red';
  if (used >= AMBER_THRESHOLD) return 'amber';
  return 'none';
}

/** True when moving from `from` to `to` raises the warning (and so deserves an event and a notification). */
export function isEscalation(from: WarningLevel, to: WarningLevel): boolean {
  return RANK[to] > RANK[from];
}

/** Reads a stored level, treating anything unknown as none. */
export function toWarningLevel(value: string): WarningLevel {
  return value === 'amber' || value === 'red' ? value : 'none';
}
