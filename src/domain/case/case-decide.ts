/**
 * What an allowed action does to a case: the new state and the fields that change, including
 * deadlines on the working calendar. Pure: the caller passes the time, calendar and limits.
 */
import { DomainError } from '../errors.ts';
import {
  computeDeadline,
  extendDeadlineByWorkingDays,
  shiftDeadlineForSuspension,
  type TimeLimit,
} from '../calendar/index.ts';
import type { WorkingCalendar, WorkingHours } from '../calendar/index.ts';
import type { CaseAction, CaseSnapshot, CaseState, PendingRequest, RatingLevel, Actor } from './case-model.ts';
import { MAX_EXTENSION_DAYS, type ActionField, type TransitionRule } from './case-transitions.ts';
import { amberInstant, limitMsBetween } from './case-warning.ts';

/** Fields an action may carry (already validated for shape at the edge). */
export interface ActionFields {
  departmentId?: number;
  reason?: string;
  note?: string;
  days?: number;
  until?: Date;
  intoCaseId?: number;
  level?: RatingLevel;
  comment?: string;
}

/** The changes a decision makes; absent keys stay as they are. */
export interface CaseChanges {
  state: CaseState;
  departmentId?: number | null;
  signDeadline?: Date | null;
  resolveDeadline?: Date | null;
  resolveClockStartedAt?: Date | null;
  /** When the case turns amber; set with every resolve deadline. */
  amberAt?: Date | null;
  /** Resolve-limit time a suspension stopped since the clock started, in the limit's measure. */
  resolveSuspendedMs?: number;
  pendingRequest?: PendingRequest | null;
  suspendedAt?: Date | null;
  filedAt?: Date;
  dispatchedAt?: Date | null;
  signedAt?: Date | null;
  resolvedAt?: Date | null;
  closedAt?: Date | null;
  verifiedAt?: Date;
  mergedIntoId?: number;
  rating?: RatingLevel;
  ratingComment?: string | null;
  ratedAt?: Date;
  incrementRework?: boolean;
  incrementReturn?: boolean;
  incrementExtension?: boolean;
  incrementSupervision?: boolean;
}

export interface DecisionInput {
  snapshot: CaseSnapshot;
  rule: TransitionRule;
  actor: Actor;
  fields: ActionFields;
  now: Date;
  calendar: WorkingCalendar;
  hours: WorkingHours;
  signLimit: TimeLimit;
  resolveLimit: TimeLimit;
}

export interface Decision {
  changes: CaseChanges;
  /** What the timeline records beyond who/when/from/to. */
  note: string | null;
  data: Record<string, unknown>;
}

function nextState(rule: TransitionRule, snapshot: CaseSnapshot): CaseState {
  return rule.to === 'same' ? snapshot.state : rule.to;
}

const isGiven = (value: unknown): boolean => value !== undefined && value !== null && value !== '';

function isFieldGiven(field: ActionField, fields: ActionFields): boolean {
  return field === 'daysOrUntil' ? isGiven(fields.days) || isGiven(fields.until) : isGiven(fields[field]);
}

/**
 * The table's `requires` is the one list of required fields: every missing one is reported at once.
 * @throws DomainError VALIDATION_FAILED with one `required` issue per missing field
 */
export function checkRequiredFields(rule: TransitionRule, fields: ActionFields): void {
  const missing = rule.requires.filter((field) => !isFieldGiven(field, fields));
  if (missing.length > 0) {
    throw new DomainError('VALIDATION_FAILED', missing.map((field) => ({ path: field === 'daysOrUntil' ? 'days' : field, code: 'required' })));
  }
}

/** A field `checkRequiredFields` has vouched for (the rule requires it). */
function given<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('a required field was not checked');
  return value;
}

function decideExtensionRequest(input: DecisionInput): Decision {
  const { snapshot, fields, now, calendar, hours } = input;
  const reason = given(fields.reason);
  const current = snapshot.resolveDeadline ?? now;
  let until: Date;
  if (fields.days !== undefined) {
    if (!Number.isInteger(fields.days) || fields.days < 1 || fields.days > MAX_EXTENSION_DAYS) {
      throw new DomainError('CASE_EXTENSION_INVALID', { days: fields.days, max: MAX_EXTENSION_DAYS });
    }
    until = extendDeadlineByWorkingDays(current, fields.days, calendar, hours);
  } else {
    until = given(fields.until);
    if (until.getTime() <= current.getTime()) {
      throw new DomainError('CASE_EXTENSION_INVALID', { until: until.toISOString(), currentDeadline: current.toISOString() });
    }
  }
  const pendingRequest: PendingRequest = {
    type: 'extension', until: until.toISOString(), reason, requestedBy: input.actor.userId, requestedAt: now.toISOString(),
  };
  return { changes: { state: snapshot.state, pendingRequest }, note: reason, data: { until: until.toISOString(), days: fields.days ?? null } };
}

/** A resolve clock started at `now`: its deadline and amber instant (dispatch, rework). */
function startResolveClock(input: DecisionInput): Pick<CaseChanges, 'resolveClockStartedAt' | 'resolveDeadline' | 'amberAt' | 'resolveSuspendedMs'> {
  const { now, resolveLimit, calendar, hours } = input;
  const resolveDeadline = computeDeadline(now, resolveLimit, calendar, hours);
  const amberAt = amberInstant({ start: now, deadline: resolveDeadline, suspendedMs: 0, unit: resolveLimit.unit }, calendar, hours);
  return { resolveClockStartedAt: now, resolveDeadline, amberAt, resolveSuspendedMs: 0 };
}

const NO_RESOLVE_CLOCK = { resolveDeadline: null, resolveClockStartedAt: null, amberAt: null, resolveSuspendedMs: 0 } as const;

/** Resuming moves both instants by the time suspended; an amber instant already passed before the suspension stays. */
function decideResume(input: DecisionInput): Decision {
  const { rule, snapshot, now, fields, calendar, hours, resolveLimit } = input;
  const suspendedAt = snapshot.suspendedAt ?? now;
  const shift = (instant: Date) => shiftDeadlineForSuspension(instant, suspendedAt, now, resolveLimit.unit, calendar, hours);
  const resolveDeadline = snapshot.resolveDeadline ? shift(snapshot.resolveDeadline) : null;
  const amberAt = snapshot.amberAt && snapshot.amberAt.getTime() > suspendedAt.getTime() ? shift(snapshot.amberAt) : snapshot.amberAt;
  const resolveSuspendedMs = snapshot.resolveSuspendedMs + limitMsBetween(suspendedAt, now, resolveLimit.unit, calendar, hours);
  return {
    changes: { state: nextState(rule, snapshot), suspendedAt: null, resolveDeadline, amberAt, resolveSuspendedMs },
    note: fields.note ?? null,
    data: { suspendedAt: suspendedAt.toISOString(), resolveDeadline: resolveDeadline?.toISOString() ?? null, amberAt: amberAt?.toISOString() ?? null },
  };
}

function decideExtensionApproval(input: DecisionInput): Decision {
  const { snapshot, fields, now, calendar, hours, resolveLimit } = input;
  const pending = snapshot.pendingRequest;
  if (pending?.type !== 'extension') throw new DomainError('CASE_NO_PENDING_REQUEST');
  const resolveDeadline = new Date(pending.until);
  const start = snapshot.resolveClockStartedAt ?? now;
  const amberAt = amberInstant({ start, deadline: resolveDeadline, suspendedMs: snapshot.resolveSuspendedMs, unit: resolveLimit.unit }, calendar, hours);
  return {
    changes: { state: snapshot.state, resolveDeadline, amberAt, pendingRequest: null, incrementExtension: true },
    note: fields.note ?? null,
    data: { until: pending.until, previousDeadline: snapshot.resolveDeadline?.toISOString() ?? null, amberAt: amberAt.toISOString() },
  };
}

type Decider = (input: DecisionInput) => Decision;

const DECIDERS: Record<CaseAction, Decider> = {
  verify: ({ snapshot, now, fields }) => ({ changes: { state: snapshot.state, verifiedAt: now }, note: fields.note ?? null, data: {} }),
  file: ({ rule, snapshot, now, fields }) => ({ changes: { state: nextState(rule, snapshot), filedAt: now }, note: fields.note ?? null, data: {} }),
  decline: ({ rule, snapshot, fields }) => ({
    changes: { state: nextState(rule, snapshot), pendingRequest: null }, note: given(fields.reason), data: {},
  }),
  self_handle: ({ rule, snapshot, now, fields }) => ({
    changes: { state: nextState(rule, snapshot), resolvedAt: now, closedAt: now }, note: given(fields.note), data: { selfHandled: true },
  }),
  dispatch: (input) => {
    const { rule, snapshot, now, fields, calendar, hours, signLimit } = input;
    const departmentId = given(fields.departmentId);
    return {
      changes: {
        state: nextState(rule, snapshot),
        departmentId,
        dispatchedAt: now,
        signDeadline: computeDeadline(now, signLimit, calendar, hours),
        ...startResolveClock(input),
      },
      note: fields.note ?? null,
      data: { departmentId },
    };
  },
  sign: ({ rule, snapshot, now }) => ({ changes: { state: nextState(rule, snapshot), signedAt: now }, note: null, data: {} }),
  return: ({ rule, snapshot, fields }) => ({
    changes: {
      state: nextState(rule, snapshot), departmentId: null, signDeadline: null, ...NO_RESOLVE_CLOCK,
      dispatchedAt: null, signedAt: null, pendingRequest: null, incrementReturn: true,
    },
    note: given(fields.reason),
    data: { fromDepartmentId: snapshot.departmentId },
  }),
  request_extension: decideExtensionRequest,
  approve_extension: decideExtensionApproval,
  reject_extension: ({ snapshot, fields }) => {
    if (snapshot.pendingRequest?.type !== 'extension') throw new DomainError('CASE_NO_PENDING_REQUEST');
    return { changes: { state: snapshot.state, pendingRequest: null }, note: given(fields.reason), data: {} };
  },
  request_suspension: ({ snapshot, now, fields, actor }) => {
    const reason = given(fields.reason);
    const pendingRequest: PendingRequest = { type: 'suspension', reason, requestedBy: actor.userId, requestedAt: now.toISOString() };
    return { changes: { state: snapshot.state, pendingRequest }, note: reason, data: {} };
  },
  approve_suspension: ({ rule, snapshot, now, fields }) => {
    const pending = snapshot.pendingRequest;
    if (pending?.type !== 'suspension') throw new DomainError('CASE_NO_PENDING_REQUEST');
    return {
      changes: { state: nextState(rule, snapshot), suspendedAt: now, pendingRequest: null },
      note: fields.note ?? null,
      data: { reason: pending.reason, requestedBy: pending.requestedBy, requestedAt: pending.requestedAt },
    };
  },
  reject_suspension: ({ snapshot, fields }) => {
    if (snapshot.pendingRequest?.type !== 'suspension') throw new DomainError('CASE_NO_PENDING_REQUEST');
    return { changes: { state: snapshot.state, pendingRequest: null }, note: given(fields.reason), data: {} };
  },
  resume: decideResume,
  resolve: ({ rule, snapshot, now, fields }) => ({
    changes: { state: nextState(rule, snapshot), resolvedAt: now, pendingRequest: null }, note: given(fields.note), data: {},
  }),
  check_pass: ({ rule, snapshot, now, fields }) => ({ changes: { state: nextState(rule, snapshot), closedAt: now }, note: fields.note ?? null, data: {} }),
  check_fail: (input) => ({
    changes: { state: nextState(input.rule, input.snapshot), resolvedAt: null, incrementRework: true, ...startResolveClock(input) },
    note: given(input.fields.reason),
    data: { rework: true },
  }),
  merge: ({ rule, snapshot, fields }) => {
    const intoCaseId = given(fields.intoCaseId);
    return { changes: { state: nextState(rule, snapshot), mergedIntoId: intoCaseId }, note: fields.note ?? null, data: { intoCaseId } };
  },
  supervise: ({ snapshot, fields }) => ({
    changes: { state: snapshot.state, incrementSupervision: true }, note: given(fields.note), data: {},
  }),
  rate: ({ snapshot, now, fields }) => {
    const level = given(fields.level);
    return {
      changes: { state: snapshot.state, rating: level, ratingComment: fields.comment ?? null, ratedAt: now },
      note: fields.comment ?? null,
      data: { level },
    };
  },
  reopen: ({ rule, snapshot, fields }) => ({
    changes: {
      state: nextState(rule, snapshot), closedAt: null, resolvedAt: null, departmentId: null, signDeadline: null,
      ...NO_RESOLVE_CLOCK, dispatchedAt: null, signedAt: null,
    },
    note: given(fields.reason),
    data: {},
  }),
};

/**
 * Decides the effect of an allowed action.
 * @throws DomainError when a required field is missing or a request is not valid
 * @example decideTransition({ snapshot, rule: dispatchRule, fields: { departmentId: 3 }, now, … }).changes.state // 'dispatched'
 */
export function decideTransition(input: DecisionInput): Decision {
  checkRequiredFields(input.rule, input.fields);
  return DECIDERS[input.rule.action](input);
}
