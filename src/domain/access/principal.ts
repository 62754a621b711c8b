/**
 * Who can call: every staff or public role, an anonymous caller, and an Open311 client holding an API key.
 * The access table grants actions to these principals.
 */
import type { Role } from '../case/index.ts';

/** The roles in the order DESIGN §1 lists them (mirrors `ROLES` in the case model; a unit test holds them equal). */
export const ACCESS_ROLES = ['citizen', 'enterprise', 'grid_worker', 'operator', 'shift_lead', 'handler', 'supervisor', 'leader', 'project_officer', 'admin'] as const satisfies readonly Role[];

export type Principal = Role | 'anonymous' | 'api_key';

/** Every principal the access table speaks of: the ten roles, the anonymous caller and an API key. */
export const PRINCIPALS: readonly Principal[] = [...ACCESS_ROLES, 'anonymous', 'api_key'];

/** The public side (群众侧): callers without a staff role. Everyone else is staff, admin included. */
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
