/**
 * Decides with the access table: may this caller take this action on this resource? One function
 * answers for routes, services and the web menu alike.
 */
import type { Actor, CaseState, Role } from '../case/index.ts';
import { ACCESS_ACTIONS, ACCESS_TABLE, type AccessAction, type Grant, type Predicate } from './access-table.ts';
import type { Principal } from './principal.ts';

/** What the predicates need to know about the resource; a fact left out is not constrained (a list, a page). */
export interface AccessFacts {
  districtId?: number | null;
  departmentId?: number | null;
  gridId?: number | null;
  /** A case's state: a case is the handler's unit's only once it is dispatched. */
  state?: CaseState;
  isReporter?: boolean;
  isFollower?: boolean;
  enterpriseId?: number | null;
  /** The enterprise an `enterprise` caller's account is bound to. */
  boundEnterpriseId?: number | null;
  liaisonUserId?: number | null;
}

/** The caller as the table sees them: a signed-in user, an anonymous caller, or an Open311 client with an API key. */
export type AccessActor = Actor | { role: 'api_key' };

/** States before dispatch: the case is not yet any unit's. */
const BEFORE_DISPATCH: readonly CaseState[] = ['reported', 'filed'];

function sameOrUnconstrained(mine: number | null | undefined, theirs: number | null | undefined): boolean {
  if (mine === null || mine === undefined) return false;
  return theirs === undefined || theirs === mine;
}

function holds(predicate: Predicate, actor: AccessActor, facts: AccessFacts): boolean {
  if (actor.role === 'api_key') return predicate === 'any';
  const ownDistrict = () => sameOrUnconstrained(actor.districtId, facts.districtId);
  switch (predicate) {
    case 'any':
      return true;
    case 'own_district':
      return ownDistrict();
    case 'own_unit':
      return ownDistrict() && sameOrUnconstrained(actor.departmentId, facts.departmentId);
    case 'dispatched_to_unit':
      return ownDistrict() && sameOrUnconstrained(actor.departmentId, facts.departmentId) && (facts.state === undefined || !BEFORE_DISPATCH.includes(facts.state));
    case 'own_grid':
      return ownDistrict() && sameOrUnconstrained(actor.gridId, facts.gridId);
    case 'own_report':
      return facts.isReporter === true;
    case 'own_report_or_followed':
      return facts.isReporter === true || facts.isFollower === true;
    case 'own_enterprise':
      return sameOrUnconstrained(facts.boundEnterpriseId, facts.enterpriseId);
    case 'own_district_or_liaison':
      return ownDistrict() || (actor.userId !== null && facts.liaisonUserId !== undefined && facts.liaisonUserId === actor.userId);
  }
}

/** The predicates under which the principal may take the action; empty when never. */
export function grantOf(principal: Principal, action: AccessAction): readonly Predicate[] {
  const grant: Grant | undefined = (ACCESS_TABLE[action].grants as Partial<Record<Principal, Grant>>)[principal];
  if (grant === undefined) return [];
  return typeof grant === 'string' ? [grant] : grant;
}

/**
 * Whether the principal may take the action on some resource: the menu, and the 403 for an action a role can never take.
 * @example mayEver('admin', 'admin.users') // true; mayEver('operator', 'admin.users') // false
 */
export function mayEver(principal: Principal, action: AccessAction): boolean {
  return grantOf(principal, action).length > 0;
}

/**
 * Whether this caller may take this action on the resource the facts describe.
 * @example permits({ userId: 3, role: 'handler', districtId: 1, streetId: null, departmentId: 7, gridId: null }, 'case.view', { districtId: 1, departmentId: 7, state: 'dispatched' }) // true
 * @example permits({ userId: 3, role: 'handler', districtId: 1, streetId: null, departmentId: 7, gridId: null }, 'case.view', { districtId: 1, departmentId: 7, state: 'filed' }) // false: not dispatched yet
 */
export function permits(actor: AccessActor, action: AccessAction, facts: AccessFacts = {}): boolean {
  return grantOf(actor.role, action).some((predicate) => holds(predicate, actor, facts));
}

/**
 * The roles that may ever take the action (a derived view for lists that name roles).
 * @example rolesFor('grant.pay') // ['leader', 'admin']
 */
export function rolesFor(action: AccessAction): Role[] {
  return (Object.keys(ACCESS_TABLE[action].grants) as Principal[]).filter((principal): principal is Role => principal !== 'anonymous' && principal !== 'api_key');
}

/**
 * The actions whose grant for this principal is this predicate (e.g. what a grid worker may do in its grid).
 * @example actionsGranted('api_key') // ['open311.report']
 */
export function actionsGranted(principal: Principal): AccessAction[] {
  return ACCESS_ACTIONS.filter((action) => mayEver(principal, action));
}
