/**
 * Who may see and manage enterprises and policies, as views of the access table (src/domain/access):
 * an enterprise user sees only the enterprise it is bound to; district staff see their district's
 * enterprises; a liaison sees the ones it serves. There is no finance role yet, so payouts are
 * recorded by a leader or an admin (`grant.pay`).
 */
import { permits, rolesFor } from '../access/index.ts';
import type { Actor, Role } from '../case/index.ts';

export const ENTERPRISE_MANAGER_ROLES: readonly Role[] = rolesFor('enterprise.manage');
export const POLICY_MANAGER_ROLES: readonly Role[] = rolesFor('policy.manage');
export const GRANT_PAYER_ROLES: readonly Role[] = rolesFor('grant.pay');

export interface EnterpriseScope {
  id: number;
  districtId: number;
  liaisonUserId: number | null;
}

/** @param boundEnterpriseId the enterprise an `enterprise` user belongs to */
export function canViewEnterprise(actor: Actor, enterprise: EnterpriseScope, boundEnterpriseId: number | null): boolean {
  return permits(actor, 'enterprise.view', { enterpriseId: enterprise.id, districtId: enterprise.districtId, liaisonUserId: enterprise.liaisonUserId, boundEnterpriseId });
}

export function canManageEnterprise(actor: Actor, enterprise: Pick<EnterpriseScope, 'districtId'>): boolean {
  return permits(actor, 'enterprise.manage', { districtId: enterprise.districtId });
}

export function hasRole(actor: Actor, roles: readonly Role[]): boolean {
  return actor.role !== 'anonymous' && roles.includes(actor.role);
}
