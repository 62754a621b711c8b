/**
 * The closed loop as data (DESIGN §4.2): which action moves a case from which states to which
 * state, who may take it, over which part of the org tree, and what it needs. The server decides
 * with this table and the web UI shows only the buttons it allows.
 */
import type { CaseAction, CaseSnapshot, CaseState, Actor, Role } from './case-model.ts';

/** Whose case it is for this rule: same district, owning department, the case's grid, or the reporter. */
export type ActorScope = 'district' | 'department' | 'grid' | 'reporter';

/** Extra conditions a rule needs beyond the state. */
export type TransitionGuard =
  | 'pendingExtension' | 'pendingSuspension' | 'noPendingRequest' | 'resolveDeadlineAhead' | 'selfHandleAllowed' | 'withinReopenWindow' | 'notRated';

export type ActionField = 'departmentId' | 'reason' | 'note' | 'daysOrUntil' | 'intoCaseId' | 'level';

export interface TransitionRule {
  action: CaseAction;
  from: readonly CaseState[];
  /** 'same' keeps the state (verify, supervise, rate, a handler's request). */
  to: CaseState | 'same';
  roles: readonly Role[];
  scope: ActorScope;
  requires: readonly ActionField[];
  /** Checked in order; the first that fails names the refusal. */
  guards?: readonly TransitionGuard[];
}

/** The longest extension one request may ask for, in working days. */
export const MAX_EXTENSION_DAYS = 60;

const OPEN_FOR_SUPERVISION: readonly CaseState[] = ['reported', 'filed', 'dispatched', 'signed', 'suspended', 'resolved'];

export const TRANSITIONS: readonly TransitionRule[] = [
  { action: 'verify', from: ['reported'], to: 'same', roles: ['grid_worker'], scope: 'grid', requires: [] },
  { action: 'file', from: ['reported'], to: 'filed', roles: ['operator', 'shift_lead'], scope: 'district', requires: [] },
  { action: 'decline', from: ['reported', 'filed'], to: 'declined', roles: ['shift_lead'], scope: 'district', requires: ['reason'] },
  { action: 'self_handle', from: ['reported'], to: 'closed', roles: ['grid_worker'], scope: 'grid', requires: ['note'], guards: ['selfHandleAllowed'] },
  { action: 'dispatch', from: ['filed'], to: 'dispatched', roles: ['operator', 'shift_lead'], scope: 'district', requires: ['departmentId'] },
  { action: 'sign', from: ['dispatched'], to: 'signed', roles: ['handler'], scope: 'department', requires: [] },
  { action: 'return', from: ['dispatched', 'signed'], to: 'filed', roles: ['handler'], scope: 'department', requires: ['reason'] },
  // A handler's request waits for the operator; one request at a time, and an extension only before the deadline (DESIGN §4.3).
  { action: 'request_extension', from: ['signed'], to: 'same', roles: ['handler'], scope: 'department', requires: ['daysOrUntil', 'reason'], guards: ['noPendingRequest', 'resolveDeadlineAhead'] },
  { action: 'approve_extension', from: ['signed'], to: 'same', roles: ['operator', 'shift_lead'], scope: 'district', requires: [], guards: ['pendingExtension'] },
  { action: 'reject_extension', from: ['signed'], to: 'same', roles: ['operator', 'shift_lead'], scope: 'district', requires: ['reason'], guards: ['pendingExtension'] },
  { action: 'request_suspension', from: ['signed'], to: 'same', roles: ['handler'], scope: 'department', requires: ['reason'], guards: ['noPendingRequest'] },
  { action: 'approve_suspension', from: ['signed'], to: 'suspended', roles: ['operator', 'shift_lead'], scope: 'district', requires: [], guards: ['pendingSuspension'] },
  { action: 'reject_suspension', from: ['signed'], to: 'same', roles: ['operator', 'shift_lead'], scope: 'district', requires: ['reason'], guards: ['pendingSuspension'] },
  { action: 'resume', from: ['suspended'], to: 'signed', roles: ['operator', 'shift_lead'], scope: 'district', requires: [] },
  { action: 'resume', from: ['suspended'], to: 'signed', roles: ['handler'], scope: 'department', requires: [] },
  { action: 'resolve', from: ['signed'], to: 'resolved', roles: ['handler'], scope: 'department', requires: ['note'] },
  { action: 'check_pass', from: ['resolved'], to: 'closed', roles: ['grid_worker'], scope: 'grid', requires: [] },
  { action: 'check_pass', from: ['resolved'], to: 'closed', roles: ['operator', 'shift_lead'], scope: 'district', requires: [] },
  { action: 'check_fail', from: ['resolved'], to: 'signed', roles: ['grid_worker'], scope: 'grid', requires: ['reason'] },
  { action: 'check_fail', from: ['resolved'], to: 'signed', roles: ['operator', 'shift_lead'], scope: 'district', requires: ['reason'] },
  { action: 'merge', from: ['reported', 'filed'], to: 'merged', roles: ['operator', 'shift_lead'], scope: 'district', requires: ['intoCaseId'] },
  { action: 'supervise', from: OPEN_FOR_SUPERVISION, to: 'same', roles: ['supervisor', 'leader'], scope: 'district', requires: ['note'] },
  { action: 'rate', from: ['closed'], to: 'same', roles: ['citizen', 'enterprise'], scope: 'reporter', requires: ['level'], guards: ['notRated'] },
  { action: 'rate', from: ['closed'], to: 'same', roles: ['operator', 'shift_lead', 'supervisor'], scope: 'district', requires: ['level'], guards: ['notRated'] },
  { action: 'reopen', from: ['closed'], to: 'filed', roles: ['supervisor'], scope: 'district', requires: ['reason'], guards: ['withinReopenWindow'] },
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

function isInScope(rule: TransitionRule, actor: Actor, snapshot: CaseSnapshot, context: GuardContext): boolean {
  if (actor.districtId !== snapshot.districtId && rule.scope !== 'reporter') return false;
  switch (rule.scope) {
    case 'district':
      return true;
    case 'department':
      return actor.departmentId !== null && actor.departmentId === snapshot.departmentId;
    case 'grid':
      return actor.gridId !== null && actor.gridId === snapshot.gridId;
    case 'reporter':
      return context.isReporter;
  }
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
  const candidates = TRANSITIONS.filter((rule) => rule.action === action && actor.role !== 'anonymous' && rule.roles.includes(actor.role));
  if (candidates.length === 0) return { mismatch: 'role' };
  const byRole = candidates.filter((rule) => rule.from.includes(snapshot.state));
  if (byRole.length === 0) return { mismatch: 'state' };
  const inScope = byRole.filter((rule) => isInScope(rule, actor, snapshot, context));
  if (inScope.length === 0) return { mismatch: 'scope' };
  for (const rule of inScope) {
    const failed = (rule.guards ?? []).find((guard) => !passesGuard(guard, snapshot, context));
    if (!failed) return { rule };
    if (inScope.length === 1) return { mismatch: 'guard', failedGuard: failed };
  }
  return { mismatch: 'guard' };
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
