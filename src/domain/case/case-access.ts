/**
 * Case visibility and reporting as views of the one access table (src/domain/access): each rule
 * lives there; these helpers only ask it in the shapes the case area uses.
 */
import { grantOf, permits, type ReportableKind } from '../access/index.ts';
import type { Actor, CaseKind, CaseState, Role } from './case-model.ts';

export { isDistrictStaff, isPublicSide, PUBLIC_SIDE_ROLES } from '../access/index.ts';

const REPORTABLE: readonly ReportableKind[] = ['event', 'component', 'citizen_request', 'enterprise_demand', 'safety_hazard', 'dispute', 'project_problem', 'policy_application'];

function isReportable(kind: CaseKind): kind is ReportableKind {
  return (REPORTABLE as readonly CaseKind[]).includes(kind);
}

/** @example canReportKind('grid_worker', 'event') // true */
export function canReportKind(role: Role | 'anonymous', kind: CaseKind): boolean {
  return isReportable(kind) && REPORTABLE_KINDS[role].includes(kind);
}

const CALLERS: readonly (Role | 'anonymous')[] = ['anonymous', 'citizen', 'enterprise', 'grid_worker', 'operator', 'shift_lead', 'handler', 'supervisor', 'leader', 'project_officer', 'admin'];

/** Kinds each role may report by hand: a view of the table's `case.report.<kind>` rows, for the report forms. */
export const REPORTABLE_KINDS = Object.fromEntries(
  CALLERS.map((role) => [role, REPORTABLE.filter((kind) => grantOf(role, `case.report.${kind}`).length > 0)]),
) as unknown as Record<Role | 'anonymous', readonly CaseKind[]>;

export interface CaseVisibilityFacts {
  districtId: number;
  departmentId: number | null;
  gridId: number | null;
  state: CaseState;
}

/**
 * Decides whether the actor may see a case (`case.view`).
 * @param isReporter the actor reported it (user id or tracking code)
 * @example canViewCase({ userId: 1, role: 'operator', districtId: 1, streetId: null, departmentId: null, gridId: null }, { districtId: 2, departmentId: null, gridId: null, state: 'filed' }, false) // false: other district
 */
export function canViewCase(actor: Actor, facts: CaseVisibilityFacts, isReporter: boolean, isFollower = false): boolean {
  return permits(actor, 'case.view', { ...facts, isReporter, isFollower });
}

/** The list a role starts from; filters narrow it further. */
export type ListScope =
  | { kind: 'all' }
  | { kind: 'district'; districtId: number }
  | { kind: 'department'; departmentId: number }
  | { kind: 'grid'; gridId: number; userId: number }
  | { kind: 'reporter'; userId: number }
  | { kind: 'none' };

/**
 * The list scope the table's `case.list` grant gives this actor.
 * @example listScopeFor({ userId: 3, role: 'handler', districtId: 1, streetId: null, departmentId: 7, gridId: null }) // { kind: 'department', departmentId: 7 }
 */
export function listScopeFor(actor: Actor): ListScope {
  if (actor.userId === null) return { kind: 'none' };
  const [predicate] = grantOf(actor.role, 'case.list');
  switch (predicate) {
    case 'any':
      return { kind: 'all' };
    case 'own_district':
      return actor.districtId !== null ? { kind: 'district', districtId: actor.districtId } : { kind: 'reporter', userId: actor.userId };
    case 'dispatched_to_unit':
      return actor.departmentId !== null ? { kind: 'department', departmentId: actor.departmentId } : { kind: 'reporter', userId: actor.userId };
    case 'own_grid':
      return actor.gridId !== null ? { kind: 'grid', gridId: actor.gridId, userId: actor.userId } : { kind: 'reporter', userId: actor.userId };
    case undefined:
      return { kind: 'none' };
    default:
      return { kind: 'reporter', userId: actor.userId };
  }
}

/**
 * Whether the actor may see the reporter's name and phone (`case.contact.view`): staff who work the case, and the reporter.
 * @example canSeeReporterContact({ userId: 1, role: 'leader', districtId: 1, streetId: null, departmentId: null, gridId: null }, { districtId: 1, departmentId: null, gridId: null, state: 'filed' }, false) // false
 */
export function canSeeReporterContact(actor: Actor, facts: CaseVisibilityFacts, isReporter: boolean): boolean {
  return permits(actor, 'case.contact.view', { ...facts, isReporter });
}

/** The visibility facts of a case row. */
export function caseFactsOf(row: { district_id: number; department_id: number | null; grid_id: number | null; state: CaseState }): CaseVisibilityFacts {
  return { districtId: row.district_id, departmentId: row.department_id, gridId: row.grid_id, state: row.state };
}
