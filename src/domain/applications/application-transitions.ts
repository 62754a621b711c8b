/**
 * The loop of an application (办件) as data (issue 13): 接件 → 受理 or 不予受理 → 补正 → 办理
 * (特别程序) → 办结 → 出件, and 撤件 / 撤回 / 撤销. Like the case table it says, per action, from which
 * statuses to which, who may take it over which part of the org tree, and what it needs. The window
 * clerk is the `operator` (受理员) of the district; the back office and the 首席事务代表 are the
 * `handler`s of the item's department.
 */
import type { Actor, Role } from '../case/index.ts';
import type { ApplicationAction, ApplicationStatus } from './application-model.ts';

/** Over which part of the org tree: the whole district (the window) or the item's department. */
export type ApplicationScope = 'district' | 'department';

export type ApplicationGuard = 'materialsComplete' | 'noEarlierSupplement' | 'onTheSpotItem' | 'notPaused';

export type ApplicationField = 'reason' | 'outcome';

export interface ApplicationRule {
  action: ApplicationAction;
  from: readonly ApplicationStatus[];
  /** 'before_pause' returns to the status the pause began in. */
  to: ApplicationStatus | 'before_pause';
  roles: readonly Role[];
  scope: ApplicationScope;
  requires: readonly ApplicationField[];
  guards?: readonly ApplicationGuard[];
}

const WINDOW: readonly Role[] = ['operator', 'shift_lead'];
const BACK_OFFICE: readonly Role[] = ['handler'];
const OPEN: readonly ApplicationStatus[] = ['accepted', 'supplementing', 'processing', 'special_procedure'];

export const APPLICATION_TRANSITIONS: readonly ApplicationRule[] = [
  { action: 'accept', from: ['received'], to: 'accepted', roles: WINDOW, scope: 'district', requires: [], guards: ['materialsComplete'] },
  { action: 'accept', from: ['received'], to: 'accepted', roles: BACK_OFFICE, scope: 'department', requires: [], guards: ['materialsComplete'] },
  { action: 'refuse', from: ['received'], to: 'refused', roles: WINDOW, scope: 'district', requires: ['reason'] },
  { action: 'refuse', from: ['received'], to: 'refused', roles: BACK_OFFICE, scope: 'department', requires: ['reason'] },
  // One notice listing every missing item (article 32): a second one is refused.
  { action: 'request_supplement', from: ['received', 'accepted'], to: 'supplementing', roles: WINDOW, scope: 'district', requires: [], guards: ['noEarlierSupplement'] },
  { action: 'request_supplement', from: ['received', 'accepted', 'processing'], to: 'supplementing', roles: BACK_OFFICE, scope: 'department', requires: [], guards: ['noEarlierSupplement'] },
  { action: 'supplement_received', from: ['supplementing'], to: 'before_pause', roles: WINDOW, scope: 'district', requires: [] },
  { action: 'supplement_received', from: ['supplementing'], to: 'before_pause', roles: BACK_OFFICE, scope: 'department', requires: [] },
  { action: 'start_processing', from: ['accepted'], to: 'processing', roles: BACK_OFFICE, scope: 'department', requires: [] },
  { action: 'start_special', from: ['processing'], to: 'special_procedure', roles: BACK_OFFICE, scope: 'department', requires: ['reason'] },
  { action: 'end_special', from: ['special_procedure'], to: 'processing', roles: BACK_OFFICE, scope: 'department', requires: [] },
  // 即办件 are decided at the window on the spot; the 首席事务代表 (a handler of the department, authorised with final
  // 审批 power) approves any item of the department at the window: 受理 and 办结 in one step, from 接件.
  { action: 'conclude', from: ['received', 'accepted'], to: 'concluded', roles: WINDOW, scope: 'district', requires: ['outcome'], guards: ['onTheSpotItem', 'materialsComplete'] },
  { action: 'conclude', from: [...OPEN], to: 'concluded', roles: BACK_OFFICE, scope: 'department', requires: ['outcome'], guards: ['notPaused'] },
  { action: 'conclude', from: ['received'], to: 'concluded', roles: BACK_OFFICE, scope: 'department', requires: ['outcome'], guards: ['materialsComplete'] },
  { action: 'deliver', from: ['concluded'], to: 'delivered', roles: [...WINDOW, ...BACK_OFFICE], scope: 'district', requires: [] },
  { action: 'withdraw', from: ['received'], to: 'withdrawn_before_acceptance', roles: [...WINDOW, ...BACK_OFFICE], scope: 'district', requires: ['reason'] },
  { action: 'withdraw', from: OPEN, to: 'withdrawn', roles: [...WINDOW, ...BACK_OFFICE], scope: 'district', requires: ['reason'] },
  { action: 'revoke', from: ['concluded', 'delivered'], to: 'revoked', roles: ['shift_lead'], scope: 'district', requires: ['reason'] },
  { action: 'revoke', from: ['concluded', 'delivered'], to: 'revoked', roles: BACK_OFFICE, scope: 'department', requires: ['reason'] },
];

/** What guards need beyond the application's status. */
export interface ApplicationGuardContext {
  itemKind: string;
  missingMaterials: readonly string[];
  toleranceAllowed: boolean;
  supplementRequested: boolean;
}

export interface ApplicationSubject {
  districtId: number;
  departmentId: number;
  status: ApplicationStatus;
}

function inScope(rule: ApplicationRule, actor: Actor, subject: ApplicationSubject): boolean {
  if (actor.districtId !== subject.districtId) return false;
  return rule.scope === 'district' || (actor.departmentId !== null && actor.departmentId === subject.departmentId);
}

function passes(guard: ApplicationGuard, subject: ApplicationSubject, context: ApplicationGuardContext): boolean {
  switch (guard) {
    case 'materialsComplete':
      return context.missingMaterials.length === 0 || context.toleranceAllowed;
    case 'noEarlierSupplement':
      return !context.supplementRequested;
    case 'onTheSpotItem':
      return context.itemKind === 'on_the_spot';
    case 'notPaused':
      return subject.status !== 'supplementing' && subject.status !== 'special_procedure';
  }
}

export type ApplicationMismatch = 'role' | 'state' | 'scope' | 'guard';

/**
 * The rule that lets this actor take this action on this application now, or why none does
 * (checked in the order role, state, scope, guard, as for cases).
 * @example findApplicationRule(receivedSubject, windowClerk, 'accept', context) // { rule: { action: 'accept', to: 'accepted', … } }
 */
export function findApplicationRule(
  subject: ApplicationSubject, actor: Actor, action: ApplicationAction, context: ApplicationGuardContext,
): { rule: ApplicationRule } | { rule?: undefined; mismatch: ApplicationMismatch; failedGuard?: ApplicationGuard } {
  const byRole = APPLICATION_TRANSITIONS.filter((rule) => rule.action === action && actor.role !== 'anonymous' && rule.roles.includes(actor.role));
  if (byRole.length === 0) return { mismatch: 'role' };
  const byState = byRole.filter((rule) => rule.from.includes(subject.status));
  if (byState.length === 0) {
    // Two refusals have their own answer whatever the status: 办结 while paused, and a second 补正 notice.
    if (action === 'conclude' && !passes('notPaused', subject, context)) return { mismatch: 'guard', failedGuard: 'notPaused' };
    if (action === 'request_supplement' && !passes('noEarlierSupplement', subject, context)) return { mismatch: 'guard', failedGuard: 'noEarlierSupplement' };
    return { mismatch: 'state' };
  }
  const byScope = byState.filter((rule) => inScope(rule, actor, subject));
  if (byScope.length === 0) return { mismatch: 'scope' };
  let failedGuard: ApplicationGuard | undefined;
  for (const rule of byScope) {
    const failed = (rule.guards ?? []).find((guard) => !passes(guard, subject, context));
    if (!failed) return { rule };
    failedGuard ??= failed;
  }
  return { mismatch: 'guard', ...(failedGuard ? { failedGuard } : {}) };
}

/**
 * The actions this actor may take now, in table order, without repeats (the UI shows these buttons).
 * @example allowedApplicationActions(receivedSubject, windowClerk, context) // ['accept', 'refuse', 'request_supplement', 'withdraw']
 */
export function allowedApplicationActions(subject: ApplicationSubject, actor: Actor, context: ApplicationGuardContext): ApplicationAction[] {
  const actions: ApplicationAction[] = [];
  for (const rule of APPLICATION_TRANSITIONS) {
    if (!actions.includes(rule.action) && findApplicationRule(subject, actor, rule.action, context).rule) actions.push(rule.action);
  }
  return actions;
}
