/**
 * Amber and red warnings (DESIGN §4.3), the one overdue rule: a case's clock stores the instant it
 * turns amber (80% of the resolve limit *used*, suspended time excluded) and the instant it turns
 * red (its resolve deadline). Every layer asks these instants — the domain through
 * {@link warningLevelAt}, SQL through `warningLevelSql` in the case repository, which says the same.
 * Only cases being worked on (dispatched, signed) carry a warning; a suspended case is judged at
 * the moment it was suspended, since its clock is stopped.
 */
import { addWorkingMinutes, countWorkingMinutes, type TimeLimitUnit } from '../calendar/index.ts';
import type { WorkingCalendar, WorkingHours } from '../calendar/index.ts';
import type { CaseState } from './case-model.ts';

export type WarningLevel = 'none' | 'amber' | 'red';

export const AMBER_THRESHOLD = 0.8;

const RANK: Record<WarningLevel, number> = { none: 0, amber: 1, red: 2 };

/** States in which a case carries a warning. */
export const WARNED_STATES = ['dispatched', 'signed'] as const;

const MS_PER_MINUTE = 60_000;

/** The clock of a case as stored: when it turns amber and red, and how much of it a suspension stopped. */
export interface WarningClock {
  state: CaseState;
  amberAt: Date | null;
  resolveDeadline: Date | null;
  suspendedAt: Date | null;
}

/** Time between two instants in the limit's own measure (working or clock), in ms. */
export function limitMsBetween(from: Date, to: Date, unit: TimeLimitUnit, calendar: WorkingCalendar, hours: WorkingHours): number {
  if (unit === 'clock_hours') return Math.max(0, to.getTime() - from.getTime());
  return countWorkingMinutes(from, to, calendar, hours) * MS_PER_MINUTE;
}

/** The instant `ms` of the limit's own measure after `from`. */
export function addLimitMs(from: Date, ms: number, unit: TimeLimitUnit, calendar: WorkingCalendar, hours: WorkingHours): Date {
  if (unit === 'clock_hours') return new Date(from.getTime() + ms);
  return addWorkingMinutes(from, ms / MS_PER_MINUTE, calendar, hours);
}

/**
 * When a clock started at `start` with `deadline` turns amber: 80% of the limit used, where the limit
 * and the use both leave out the `suspendedMs` a suspension stopped (review §A.3).
 * @example amberInstant({ start: mon0830, deadline: mon1330, suspendedMs: 0, unit: 'working_hours' }, calendar, hours) // Mon 11:42
 */
export function amberInstant(
  input: { start: Date; deadline: Date; suspendedMs: number; unit: TimeLimitUnit },
  calendar: WorkingCalendar,
  hours: WorkingHours,
): Date {
  const limitMs = Math.max(0, limitMsBetween(input.start, input.deadline, input.unit, calendar, hours) - input.suspendedMs);
  const amber = addLimitMs(input.start, input.suspendedMs + Math.round(limitMs * AMBER_THRESHOLD), input.unit, calendar, hours);
  return amber.getTime() > input.deadline.getTime() ? input.deadline : amber;
}

/**
 * The warning a case's stored clock gives at `now`: red after the deadline, amber from the amber instant.
 * @example warningLevelAt({ state: 'signed', amberAt: mon1142, resolveDeadline: mon1330, suspendedAt: null }, mon1200) // 'amber'
 */
export function warningLevelAt(clock: WarningClock, now: Date): WarningLevel {
  const at = clock.state === 'suspended' ? clock.suspendedAt : (WARNED_STATES as readonly string[]).includes(clock.state) ? now : null;
  if (!at) return 'none';
  if (isPastDeadline(clock.resolveDeadline, at)) return 'red';
  if (clock.amberAt && at.getTime() >= clock.amberAt.getTime()) return 'amber';
  return 'none';
}

/** Red's instant test: strictly after the deadline (a case resolved at 17:30 sharp is on time). */
export function isPastDeadline(deadline: Date | null, at: Date): boolean {
  return deadline !== null && at.getTime() > deadline.getTime();
}

/** Overdue: red, or dispatched and not signed by the sign deadline. */
export function isOverdueAt(clock: WarningClock & { signDeadline: Date | null }, now: Date): boolean {
  return warningLevelAt(clock, now) === 'red' || (clock.state === 'dispatched' && isPastDeadline(clock.signDeadline, now));
}

/** The lower of two levels: a changed clock may lower a recorded warning at once, while raising it is the sweep's (with its event). */
export function lowerOf(a: WarningLevel, b: WarningLevel): WarningLevel {
  return RANK[a] <= RANK[b] ? a : b;
}

/**
 * The recorded warning after a clock change: a suspended case keeps its own; otherwise it is lowered at
 * once to what the new instants give, never raised — raising is the sweep's, with its event.
 */
export function recordedWarningAfter(recorded: WarningLevel, clock: WarningClock, now: Date): WarningLevel {
  return clock.state === 'suspended' ? recorded : lowerOf(recorded, warningLevelAt(clock, now));
}

/** True when moving from `from` to `to` raises the warning (and so deserves an event and a notification). */
export function isEscalation(from: WarningLevel, to: WarningLevel): boolean {
  return RANK[to] > RANK[from];
}

/** Reads a stored level, treating anything unknown as none. */
export function toWarningLevel(value: string): WarningLevel {
  return value === 'amber' || value === 'red' ? value : 'none';
}
