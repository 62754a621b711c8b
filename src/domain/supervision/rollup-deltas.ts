/**
 * What one timeline event adds to the per-unit, per-day indicator counters (ADR 0005). Pure: the
 * event, the units and facts it carries, and the facts of the case's earlier events in; deltas out.
 * Each counter is credited once, on the day of the event that makes it true, to the units the case had
 * then; an event that undoes an earlier one (return, reopen, rework, upheld appeal) subtracts on its own
 * day, so no earlier day ever changes.
 */
import { UNIT_LEVELS, type UnitLevel } from './unit-level.ts';
import { isBadRating, type RatingLevel } from '../case/index.ts';

export const ROLLUP_COUNTERS = [
  'filed', 'dispatched', 'returned', 'extended', 'closed', 'closed_on_time', 'closed_reworked', 'resolved_on_time',
  'followed_up', 'responded_in_time', 'solved', 'very_satisfied', 'satisfied', 'basically_satisfied', 'dissatisfied',
  'very_dissatisfied', 'notices_issued', 'missed_resolve',
] as const;
export type RollupCounter = (typeof ROLLUP_COUNTERS)[number];

/** Rollups are kept at every level indicators are computed at. */
export const ROLLUP_LEVELS = UNIT_LEVELS;
export type RollupLevel = UnitLevel;

/** A case's place in the org tree and its owner at one moment. */
export interface EventUnits {
  district: number;
  street: number | null;
  community: number | null;
  grid: number | null;
  department: number | null;
  /** Whoever last signed for the case (handlers), as the indicators' `person` level. */
  person: number | null;
}

/** The indicator facts an event carries (null where they do not apply to its action). */
export interface EventFacts {
  /** resolve: resolved by the deadline; check_pass: closed on time (resolved by the deadline). */
  onTime: boolean | null;
  /** check_pass: the case was sent back at least once. */
  reworked: boolean | null;
  /** rate: the unit signed within the sign limit. */
  respondedInTime: boolean | null;
  /** rate: the level given. */
  rating: RatingLevel | null;
}

/** An earlier event of the same case, as stored (units and facts at its moment). */
export interface PriorEvent {
  units: EventUnits;
  facts: EventFacts;
  actorUserId: number | null;
}

export interface RollupEventInput {
  action: string;
  fromState: string | null;
  toState: string;
  actorUserId: number | null;
  data: Record<string, unknown>;
  units: EventUnits;
  facts: EventFacts;
  /** The case has been filed (立案), so it counts. */
  caseFiled: boolean;
  /** The case's extension count after the event. */
  extensionCount: number;
  /** The latest earlier event of each kind, if any. */
  lastSign: PriorEvent | null;
  lastResolve: PriorEvent | null;
  lastClose: PriorEvent | null;
  lastRate: PriorEvent | null;
}

export interface RollupDelta {
  level: RollupLevel;
  unitId: number;
  counter: RollupCounter;
  n: number;
}

const PLACE_LEVELS = ['district', 'street', 'community', 'grid'] as const;

function unitAt(units: EventUnits, level: RollupLevel): number | null {
  return units[level];
}

function numberOr(value: unknown, fallback: number | null): number | null {
  return typeof value === 'number' && Number.isInteger(value) ? value : fallback;
}

const RATING_COUNTER: Record<RatingLevel, RollupCounter> = {
  very_satisfied: 'very_satisfied', satisfied: 'satisfied', basically_satisfied: 'basically_satisfied',
  dissatisfied: 'dissatisfied', very_dissatisfied: 'very_dissatisfied',
};

/** The counters a rating adds (negated when an upheld appeal removes it). */
function ratingCounters(facts: EventFacts): RollupCounter[] {
  if (facts.rating === null) return [];
  const counters: RollupCounter[] = ['followed_up', RATING_COUNTER[facts.rating]];
  if (facts.respondedInTime) counters.push('responded_in_time');
  if (!isBadRating(facts.rating)) counters.push('solved');
  return counters;
}

function closeCounters(facts: EventFacts): RollupCounter[] {
  const counters: RollupCounter[] = ['closed'];
  if (facts.onTime) counters.push('closed_on_time');
  if (facts.reworked) counters.push('closed_reworked');
  return counters;
}

/**
 * The counter deltas of one event.
 * @example rollupDeltas({ action: 'dispatch', data: { departmentId: 7 }, units, … })
 * // dispatched +1 at the district, street, community and grid of the case and at department 7; filed +1 at department 7
 */
export function rollupDeltas(event: RollupEventInput): RollupDelta[] {
  const deltas: RollupDelta[] = [];
  const add = (level: RollupLevel, unitId: number | null, counter: RollupCounter, n: number) => {
    if (unitId !== null) deltas.push({ level, unitId, counter, n });
  };
  const atPlaces = (units: EventUnits, counter: RollupCounter, n: number) => {
    for (const level of PLACE_LEVELS) add(level, unitAt(units, level), counter, n);
  };
  const atAll = (units: EventUnits, counters: readonly RollupCounter[], n: number) => {
    for (const level of ROLLUP_LEVELS) for (const counter of counters) add(level, unitAt(units, level), counter, n);
  };
  const { units } = event;
  switch (event.action) {
    case 'file':
      atPlaces(units, 'filed', 1);
      break;
    case 'decline':
    case 'merge':
      // A filed case voided or merged stops counting: the filing is taken back on this day.
      if (event.fromState === 'filed') atPlaces(units, 'filed', -1);
      break;
    case 'void_rectification':
      // An upheld appeal voids the rectification case: its filing (places and the unit) is taken back on this day.
      if (!event.caseFiled) break;
      atPlaces(units, 'filed', -1);
      add('department', numberOr(event.data.departmentId, units.department), 'filed', -1);
      break;
    case 'open_rectification': {
      // A rectification case starts filed and dispatched to the unit that handled the original.
      if (!event.caseFiled) break;
      atPlaces(units, 'filed', 1);
      add('department', numberOr(event.data.departmentId, units.department), 'filed', 1);
      break;
    }
    case 'relocate': {
      // A street-handled case follows its new place to the new street office: the department's filed case moves with it.
      const from = numberOr((event.data.from as Record<string, unknown> | undefined)?.departmentId, null);
      const to = numberOr((event.data.to as Record<string, unknown> | undefined)?.departmentId, null);
      if (event.caseFiled && from !== to && event.fromState !== 'filed') {
        add('department', from, 'filed', -1);
        add('department', to, 'filed', 1);
      }
      break;
    }
    case 'dispatch': {
      const department = numberOr(event.data.departmentId, units.department);
      atPlaces(units, 'dispatched', 1);
      add('department', department, 'dispatched', 1);
      // Departments are credited with the filed cases they hold; the place levels got theirs at filing.
      if (event.caseFiled && event.fromState === 'filed') add('department', department, 'filed', 1);
      break;
    }
    case 'return': {
      const department = numberOr(event.data.fromDepartmentId, null);
      atPlaces(units, 'returned', 1);
      add('department', department, 'returned', 1);
      add('person', event.actorUserId, 'returned', 1);
      if (event.caseFiled) add('department', department, 'filed', -1);
      break;
    }
    case 'sign': {
      // The person level is whoever last signed: the case moves to the new signer.
      const previous = event.lastSign?.actorUserId ?? null;
      if (event.caseFiled && previous !== event.actorUserId) {
        add('person', previous, 'filed', -1);
        add('person', event.actorUserId, 'filed', 1);
      }
      break;
    }
    case 'approve_extension':
      if (event.extensionCount === 1) atAll(units, ['extended'], 1);
      break;
    case 'resolve':
      if (event.facts.onTime) atAll(units, ['resolved_on_time'], 1);
      break;
    case 'check_fail':
      // Rework restarts the resolve clock: the round just failed no longer counts as due to resolve (on time or missed).
      if (event.lastResolve) atAll(event.lastResolve.units, event.lastResolve.facts.onTime ? ['resolved_on_time'] : ['missed_resolve'], -1);
      break;
    case 'check_pass':
      if (event.caseFiled) atAll(units, closeCounters(event.facts), 1);
      break;
    case 'reopen':
      if (event.lastClose) {
        atAll(event.lastClose.units, closeCounters(event.lastClose.facts), -1);
        add('department', event.lastClose.units.department, 'filed', -1);
      }
      if (event.lastResolve) atAll(event.lastResolve.units, event.lastResolve.facts.onTime ? ['resolved_on_time'] : ['missed_resolve'], -1);
      break;
    case 'rate':
      if (event.caseFiled) atAll(units, ratingCounters(event.facts), 1);
      break;
    case 'appeal_decided':
      if (event.data.upheld === true && event.lastRate && event.caseFiled) atAll(event.lastRate.units, ratingCounters(event.lastRate.facts), -1);
      break;
    case 'supervise':
      add('district', units.district, 'notices_issued', 1);
      add('department', units.department, 'notices_issued', 1);
      break;
    default:
      break;
  }
  return deltas;
}

/** Sums deltas into one row of counters per (level, unit). */
export function groupDeltas(deltas: readonly RollupDelta[]): { level: RollupLevel; unitId: number; counters: Record<RollupCounter, number> }[] {
  const rows = new Map<string, { level: RollupLevel; unitId: number; counters: Record<RollupCounter, number> }>();
  for (const delta of deltas) {
    const key = `${delta.level}:${delta.unitId}`;
    let row = rows.get(key);
    if (!row) {
      row = { level: delta.level, unitId: delta.unitId, counters: Object.fromEntries(ROLLUP_COUNTERS.map((c) => [c, 0])) as Record<RollupCounter, number> };
      rows.set(key, row);
    }
    row.counters[delta.counter] += delta.n;
  }
  return [...rows.values()].filter((row) => ROLLUP_COUNTERS.some((c) => row.counters[c] !== 0));
}
