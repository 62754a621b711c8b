/**
 * Who may see and manage enterprises and policies. An enterprise user sees only the enterprise it is
 * bound to; district staff see their district's enterprises; a liaison sees the ones it serves.
 * There is no finance role yet, so payouts are recorded by a leader or an admin.
 */
import type { Actor, Role } from '../case/index.ts';

export const ENTERPRISE_MANAGER_ROLES: readonly Role[] = ['admin', 'leader', 'supervisor', 'operator', 'shift_lead'];
export const POLICY_MANAGER_ROLES: readonly Role[] = ['admin', 'leader', 'supervisor'];
export const GRANT_PAYER_ROLES: readonly Role[] = ['admin', 'leader'];

export interface EnterpriseScope {
  id: number;
  districtId: number;
  liaisonUserId: number | null;
}

/** @param boundEnterpriseId the enterprise an `enterprise` user belongs to */
export function canViewEnterprise(actor: Actor, enterprise: EnterpriseScope, boundEnterpriseId: number | null): boolean {
  if (actor.role === 'enterprise') return boundEnterpriseId === enterprise.id;
  if (actor.role === 'admin') return true;
  if (actor.userId !== null && actor.userId === enterprise.liaisonUserId) return true;
  return actor.role !== 'anonymous' && actor.role !== 'citizen' && actor.districtId === enterprise.districtId;
}

export function canManageEnterprise(actor: Actor, enterprise: Pick<EnterpriseScope, 'districtId'>): boolean {
  if (actor.role === 'admin') return true;
  return ENTERPRISE_MANAGER_ROLES.includes(actor.role as Role) && actor.districtId === enterprise.districtId;
}

export function hasRole(actor: Actor, roles: readonly Role[]): boolean {
  return actor.role !== 'anonymous' && roles.includes(actor.role);
}
