/**
 * What a timeline event records about its case (ADR 0005): the units the case had and the indicator facts
 * true at that moment, and the rollup deltas that follow from them. One rule for the write path
 * (`appendEvents`, reading the case inside the event's transaction) and the benchmark generator (holding
 * the case in memory), so generated history counts exactly as served history would.
 */
import type { RatingLevel } from '../case/index.ts';
import { rollupDeltas, type EventFacts, type EventUnits, type PriorEvent, type RollupDelta } from './rollup-deltas.ts';

/** The columns of a case an event's record is read from, as the event's write left them. */
export interface CaseStanding {
  districtId: number;
  streetId: number | null;
  communityId: number | null;
  gridId: number | null;
  departmentId: number | null;
  filedAt: Date | null;
  extensionCount: number;
  rating: RatingLevel | null;
  resolvedAt: Date | null;
  resolveDeadline: Date | null;
  reworkCount: number;
  signedAt: Date | null;
  signDeadline: Date | null;
}

export interface CaseAtEvent {
  /** The place and department; `person` is decided per event (see `recordEvent`). */
  units: EventUnits;
  filed: boolean;
  extensionCount: number;
  resolvedOnTime: boolean;
  reworked: boolean;
  respondedInTime: boolean;
  rating: RatingLevel | null;
}

export interface PriorEvents {
  lastSign: PriorEvent | null;
  lastResolve: PriorEvent | null;
  lastClose: PriorEvent | null;
  lastRate: PriorEvent | null;
}

export const NO_PRIOR_EVENTS: PriorEvents = { lastSign: null, lastResolve: null, lastClose: null, lastRate: null };

/** Resolved by its deadline (or without one), reworked at least once, signed within the sign limit. */
export function caseAtEventOf(standing: CaseStanding): CaseAtEvent {
  return {
    units: {
      district: standing.districtId, street: standing.streetId, community: standing.communityId, grid: standing.gridId,
      department: standing.departmentId, person: null,
    },
    filed: standing.filedAt !== null,
    extensionCount: standing.extensionCount,
    resolvedOnTime: standing.resolvedAt !== null
      && (standing.resolveDeadline === null || standing.resolvedAt.getTime() <= standing.resolveDeadline.getTime()),
    reworked: standing.reworkCount > 0,
    respondedInTime: standing.signedAt !== null && standing.signDeadline !== null && standing.signedAt.getTime() <= standing.signDeadline.getTime(),
    rating: standing.rating,
  };
}

/** The facts an action's event records (null where they do not apply). */
export function factsFor(action: string, at: CaseAtEvent): EventFacts {
  return {
    onTime: action === 'resolve' || action === 'check_pass' ? at.resolvedOnTime : null,
    reworked: action === 'check_pass' ? at.reworked : null,
    respondedInTime: action === 'rate' ? at.respondedInTime : null,
    rating: action === 'rate' ? at.rating : null,
  };
}

export interface RecordedEvent {
  units: EventUnits;
  facts: EventFacts;
  deltas: RollupDelta[];
}

/** The event as its case stood: the person level is whoever signed last (this event, if it is a sign). */
export function recordEvent(
  event: { action: string; fromState: string | null; toState: string; actorUserId: number | null; data: Record<string, unknown> },
  caseAt: CaseAtEvent,
  prior: PriorEvents,
): RecordedEvent {
  const units = { ...caseAt.units, person: event.action === 'sign' ? event.actorUserId : prior.lastSign?.actorUserId ?? null };
  const facts = factsFor(event.action, caseAt);
  const deltas = rollupDeltas({
    action: event.action, fromState: event.fromState, toState: event.toState, actorUserId: event.actorUserId, data: event.data,
    units, facts, caseFiled: caseAt.filed, extensionCount: caseAt.extensionCount, ...prior,
  });
  return { units, facts, deltas };
}

const PRIOR_OF_ACTION: Partial<Record<string, keyof PriorEvents>> = {
  sign: 'lastSign', resolve: 'lastResolve', check_pass: 'lastClose', rate: 'lastRate',
};

/** The prior events after `event`, for a caller that follows one case's events in order. */
export function priorAfter(prior: PriorEvents, action: string, actorUserId: number | null, recorded: RecordedEvent): PriorEvents {
  const key = PRIOR_OF_ACTION[action];
  if (!key) return prior;
  return { ...prior, [key]: { units: recorded.units, facts: recorded.facts, actorUserId } };
}
