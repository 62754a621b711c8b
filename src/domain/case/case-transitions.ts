/**
 * The closed loop as data (DESIGN §4.2): which action moves a case from which states to which
 * state and what it needs. Who may take it, over which part of the org tree, is the access table's
 * `case.act.<action>` row (src/domain/access). The server decides with both and the web UI shows
 * only the buttons they allow.
 */
import { mayEver, permits } from '../access/index.ts';
import type { CaseAction, CaseSnapshot, CaseState, Actor } from './case-model.ts';

/** Extra conditions a rule needs beyond the state. */
export type TransitionGuard =
  | 'pendingExtension' | 'pendingSuspension' | 'noPendingRequest' | 'resolveDeadlineAhead' | 'selfHandleAllowed' | 'withinReopenWindow' | 'notRated';

export type ActionField = 'departmentId' | 'reason' | 'note' | 'daysOrUntil' | 'intoCaseId' | 'level';

export interface TransitionRule {
  action: CaseAction;
  from: readonly CaseState[];
  /** 'same' keeps the state (verify, supervise, rate, a handler's request). */
  to: CaseState | 'same';
  requires: readonly ActionField[];
  /** Checked in order; the first that fails names the refusal. */
  guards?: readonly TransitionGuard[];
}

/** The longest extension one request may ask for, in working days. */
export const MAX_EXTENSION_DAYS = 60;

const OPEN_FOR_SUPERVISION: readonly CaseState[] = ['reported', 'filed', 'dispatched', 'signed', 'suspended', 'resolved'];

export const TRANSITIONS: readonly TransitionRule[] = [
  { action: 'verify', from: ['reported'], to: 'same', requires: [] },
  { action: 'file', from: ['reported'], to: 'filed', requires: [] },
  { action: 'decline', from: ['reported', 'filed'], to: 'declined', requires: ['reason'] },
  { action: 'self_handle', from: ['reported'], to: 'closed', requires: ['note'], guards: ['selfHandleAllowed'] },
  { action: 'dispatch', from: ['filed'], to: 'dispatched', requires: ['departmentId'] },
  { action: 'sign', from: ['dispatched'], to: 'signed', requires: [] },
  { action: 'return', from: ['dispatched', 'signed'], to: 'filed', requires: ['reason'] },
  // A handler's request waits for the operator; one request at a time, and an extension only before the deadline (DESIGN §4.3).
  { action: 'request_extension', from: ['signed'], to: 'same', requires: ['daysOrUntil', 'reason'], guards: ['noPendingRequest', 'resolveDeadlineAhead'] },
  { action: 'approve_extension', from: ['signed'], to: 'same', requires: [], guards: ['pendingExtension'] },
  { action: 'reject_extension', from: ['signed'], to: 'same', requires: ['reason'], guards: ['pendingExtension'] },
  { action: 'request_suspension', from: ['signed'], to: 'same', requires: ['reason'], guards: ['noPendingRequest'] },
  { action: 'approve_suspension', from: ['signed'], to: 'suspended', requires: [], guards: ['pendingSuspension'] },
  { action: 'reject_suspension', from: ['signed'], to: 'same', requires: ['reason'], guards: ['pendingSuspension'] },
  { action: 'resume', from: ['suspended'], to: 'signed', requires: [] },
  { action: 'resolve', from: ['signed'], to: 'resolved', requires: ['note'] },
  { action: 'check_pass', from: ['resolved'], to: 'closed', requires: [] },
  { action: 'check_fail', from: ['resolved'], to: 'signed', requires: ['reason'] },
  { action: 'merge', from: ['reported', 'filed'], to: 'merged', requires: ['intoCaseId'] },
  { action: 'supervise', from: OPEN_FOR_SUPERVISION, to: 'same', requires: ['note'] },
  { action: 'rate', from: ['closed'], to: 'same', requires: ['level'], guards: ['notRated'] },
  { action: 'reopen', from: ['closed'], to: 'filed', requires: ['reason'], guards: ['withinReopenWindow'] },
];

/**
 * The fields an action requires, the same for every rule of that action (a unit test holds them
 * to it); the API body schemas and the decision rules both read them from here.
 * @example requiredFieldsOf('dispatch') // ['departmentId']
 */
export function requiredFieldsOf(action: CaseAction): readonly ActionField[] {
  return TRANSITIONS.find((rule) => rule.action === action)?.requires ?? [];
}

/** Facts beyond the case itself that guards need, supplied by the caller. */
export interface GuardContext {
  now: Date;
  selfHandleAllowed: boolean;
  reopenWindowDays: number;
  /** The caller reported this case (their user id, or the tracking code an anonymous reporter holds). */
  isReporter: boolean;
}

const DAY_MS = 86_400_000;

function isInScope(action: CaseAction, actor: Actor, snapshot: CaseSnapshot, context: GuardContext): boolean {
  return permits(actor, `case.act.${action}`, {
    districtId: snapshot.districtId, departmentId: snapshot.departmentId, gridId: snapshot.gridId, state: snapshot.state, isReporter: context.isReporter,
  });
}

function passesGuard(guard: TransitionGuard, snapshot: CaseSnapshot, context: GuardContext): boolean {
  switch (guard) {
    case 'pendingExtension':
      return snapshot.pendingRequest?.type === 'extension';
    case 'pendingSuspension':
      return snapshot.pendingRequest?.type === 'suspension';
    case 'noPendingRequest':
      return snapshot.pendingRequest === null;
    case 'resolveDeadlineAhead':
      return snapshot.resolveDeadline === null || context.now.getTime() < snapshot.resolveDeadline.getTime();
    case 'selfHandleAllowed':
      return context.selfHandleAllowed;
    case 'notRated':
      return snapshot.rating === null;
    case 'withinReopenWindow':
      return snapshot.closedAt !== null && context.now.getTime() - snapshot.closedAt.getTime() <= context.reopenWindowDays * DAY_MS;
  }
}

/** Why no rule applies: checked in this order — role, state, scope, guard. */
export type RuleMismatch = 'state' | 'role' | 'scope' | 'guard';

/**
 * Finds the rule that lets this actor take this action on this case now.
 * @returns the rule, or the most telling reason none applies
 * @example findTransition(snapshot, { ...operator }, 'file', context) // { rule: { action: 'file', to: 'filed', … } }
 */
export function findTransition(
  snapshot: CaseSnapshot,
  actor: Actor,
  action: CaseAction,
  context: GuardContext,
): { rule: TransitionRule; failedGuard?: undefined } | { rule?: undefined; mismatch: RuleMismatch; failedGuard?: TransitionGuard } {
  // A role that may never take this action is told so, whatever the state.
  if (!mayEver(actor.role, `case.act.${action}`)) return { mismatch: 'role' };
  const rule = TRANSITIONS.find((candidate) => candidate.action === action);
  if (!rule || !rule.from.includes(snapshot.state)) return { mismatch: 'state' };
  if (!isInScope(action, actor, snapshot, context)) return { mismatch: 'scope' };
  const failed = (rule.guards ?? []).find((guard) => !passesGuard(guard, snapshot, context));
  if (!failed) return { rule };
  return { mismatch: 'guard', failedGuard: failed };
}

/**
 * Lists the actions this actor may take on this case now, in table order, without repeats.
 * @example allowedActions(reportedCase, operator, context) // ['file']
 */
export function allowedActions(snapshot: CaseSnapshot, actor: Actor, context: GuardContext): CaseAction[] {
  const actions: CaseAction[] = [];
  for (const rule of TRANSITIONS) {
    if (actions.includes(rule.action)) continue;
    if (findTransition(snapshot, actor, rule.action, context).rule) actions.push(rule.action);
  }
  return actions;
}
