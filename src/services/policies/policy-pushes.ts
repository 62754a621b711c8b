/** 精准推 push records, one per policy and enterprise, with the enterprise's read receipt. */
import { DomainError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/case/index.ts';
import { permits } from '../../domain/access/index.ts';
import { insertPushes, listPushes, markPushesRead } from '../../db/repositories/policies/index.ts';
import { boundEnterpriseOf } from '../enterprises/index.ts';
import type { ServiceDeps } from '../service-deps.ts';
import { policyMatchesFor } from './policy-matching.ts';

/**
 * Pushes a policy to the given enterprises, or to every one that meets it; a repeat push keeps the first record.
 * @throws DomainError FORBIDDEN, NOT_FOUND
 */
export async function pushPolicy(deps: ServiceDeps, actor: Actor, policyId: number, enterpriseIds?: number[]) {
  if (!permits(actor, 'policy.push')) throw new DomainError('FORBIDDEN');
  const matches = await policyMatchesFor(deps, actor, policyId);
  const met = matches.filter((row) => row.match.status === 'met').map((row) => row.enterprise.id);
  const visible = new Set(matches.map((row) => row.enterprise.id));
  const targets = enterpriseIds ?? met;
  const outside = targets.filter((id) => !visible.has(id));
  if (outside.length > 0) throw new DomainError('VALIDATION_FAILED', [{ path: 'enterpriseIds', code: 'not_matching', ids: outside }]);
  const created = await insertPushes(deps.db, policyId, targets, actor.userId, deps.clock());
  return { pushed: created.length, items: await listPushes(deps.db, { policyId }) };
}

export async function listPolicyPushes(deps: ServiceDeps, actor: Actor, policyId: number) {
  if (!permits(actor, 'policy.push')) throw new DomainError('FORBIDDEN');
  return listPushes(deps.db, { policyId });
}

/** The enterprise user's read receipt for a pushed policy. @throws DomainError ENTERPRISE_NOT_BOUND */
export async function readPush(deps: ServiceDeps, actor: Actor, policyId: number): Promise<{ read: number }> {
  const enterpriseId = await boundEnterpriseOf(deps, actor);
  return { read: await markPushesRead(deps.db, enterpriseId, actor.userId!, deps.clock(), policyId) };
}
