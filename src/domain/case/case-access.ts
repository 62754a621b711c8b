/**
 * Who may see which cases and report which kinds: the access policy as data, beside the
 * transition table that decides who may act.
 */
import type { Actor, CaseKind, Role } from './case-model.ts';

/** Kinds each role may report by hand; rectification cases are opened by the system only. */
export const REPORTABLE_KINDS: Record<Role | 'anonymous', readonly CaseKind[]> = {
  anonymous: ['citizen_request', 'event', 'component'],
  citizen: ['citizen_request', 'event', 'component'],
  enterprise: ['enterprise_demand', 'citizen_request'],
  grid_worker: ['event', 'component', 'safety_hazard', 'dispute'],
  operator: ['event', 'component', 'citizen_request', 'enterprise_demand', 'safety_hazard', 'dispute', 'project_problem', 'policy_application'],
  shift_lead: ['event', 'component', 'citizen_request', 'enterprise_demand', 'safety_hazard', 'dispute', 'project_problem', 'policy_application'],
  handler: ['event', 'component', 'safety_hazard', 'dispute'],
  supervisor: ['event', 'component', 'safety_hazard', 'dispute', 'project_problem'],
  leader: ['event', 'component', 'safety_hazard', 'dispute', 'project_problem'],
  project_officer: ['project_problem'],
  admin: [],
};

/** @example canReportKind('grid_worker', 'event') // true */
export function canReportKind(role: Role | 'anonymous', kind: CaseKind): boolean {
  return REPORTABLE_KINDS[role].includes(kind);
}

/** The public side (群众侧): callers without a staff role. Everyone else is staff. */
export const PUBLIC_SIDE_ROLES: readonly (Role | 'anonymous')[] = ['anonymous', 'citizen', 'enterprise'];

/** @example isPublicSide('citizen') // true; isPublicSide('admin') // false (admin is staff) */
export function isPublicSide(role: Role | 'anonymous'): boolean {
  return PUBLIC_SIDE_ROLES.includes(role);
}

/**
 * Staff who work within one district: every staff role except admin, who spans districts.
 * @example isDistrictStaff('operator') // true; isDistrictStaff('admin') // false
 */
export function isDistrictStaff(role: Role | 'anonymous'): boolean {
  return !isPublicSide(role) && role !== 'admin';
}

/** Roles that read a district's supervision: indicators, ratings, appeals, notices, duplicates. */
export const SUPERVISION_READERS: readonly Role[] = ['operator', 'shift_lead', 'supervisor', 'leader'];

/** @example isSupervisionReader('leader') // true; isSupervisionReader('handler') // false */
export function isSupervisionReader(role: Role | 'anonymous'): boolean {
  return (SUPERVISION_READERS as readonly string[]).includes(role);
}

/** Roles that see every case of their district. */
const DISTRICT_WIDE: readonly Role[] = ['operator', 'shift_lead', 'supervisor', 'leader', 'project_officer'];

export interface CaseVisibilityFacts {
  districtId: number;
  departmentId: number | null;
  gridId: number | null;
  state: string;
}

/**
 * Decides whether the actor may see a case.
 * @param isReporter the actor reported it (user id or tracking code)
 * @example canViewCase(operatorOf(1), { districtId: 2, … }, false) // false: other district
 */
export function canViewCase(actor: Actor, facts: CaseVisibilityFacts, isReporter: boolean): boolean {
  if (isReporter) return true;
  if (actor.role === 'admin') return true;
  if (actor.role === 'anonymous' || actor.districtId !== facts.districtId) return false;
  if ((DISTRICT_WIDE as readonly string[]).includes(actor.role)) return true;
  if (actor.role === 'handler') return actor.departmentId !== null && actor.departmentId === facts.departmentId;
  if (actor.role === 'grid_worker') return actor.gridId !== null && actor.gridId === facts.gridId;
  return false;
}

/** The list a role starts from; filters narrow it further. */
export type ListScope =
  | { kind: 'all' }
  | { kind: 'district'; districtId: number }
  | { kind: 'department'; departmentId: number }
  | { kind: 'grid'; gridId: number; userId: number }
  | { kind: 'reporter'; userId: number }
  | { kind: 'none' };

/** @example listScopeFor(handler) // { kind: 'department', departmentId: 7 } */
export function listScopeFor(actor: Actor): ListScope {
  if (actor.role === 'admin') return { kind: 'all' };
  if (actor.role === 'anonymous' || actor.userId === null) return { kind: 'none' };
  if ((DISTRICT_WIDE as readonly string[]).includes(actor.role) && actor.districtId !== null) {
    return { kind: 'district', districtId: actor.districtId };
  }
  if (actor.role === 'handler' && actor.departmentId !== null) return { kind: 'department', departmentId: actor.departmentId };
  if (actor.role === 'grid_worker' && actor.gridId !== null) return { kind: 'grid', gridId: actor.gridId, userId: actor.userId };
  return { kind: 'reporter', userId: actor.userId };
}
