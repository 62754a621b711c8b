/** The policy side of an enterprise page: what was pushed to it and what it was granted. */
import type { Actor } from '../../domain/case/index.ts';
import { listGrantItems, listPushes } from '../../db/repositories/policies/index.ts';
import { requireVisibleEnterprise } from '../enterprises/index.ts';
import type { ServiceDeps } from '../service-deps.ts';

/** @throws DomainError NOT_FOUND, FORBIDDEN */
export async function enterpriseBenefits(deps: ServiceDeps, actor: Actor, enterpriseId: number) {
  await requireVisibleEnterprise(deps, actor, enterpriseId);
  return { pushes: await listPushes(deps.db, { enterpriseId }), grants: await listGrantItems(deps.db, { enterpriseId }) };
}
