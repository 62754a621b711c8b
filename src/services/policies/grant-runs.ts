/**
 * 免申即享: a run compares data and lists each eligible enterprise with its amount → the
 * enterprise confirms (意愿确认) or declines → the payout is recorded with a reference. A run is
 * repeatable: an enterprise already listed for the policy version is never listed again, and an
 * item is paid at most once (checked under a row lock). Every step writes a grant event.
 */
import { permits } from '../../domain/access/index.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/case/index.ts';
import { versionOn } from '../../domain/policies/index.ts';
import {
  findGrantRun, insertGrantEvents, insertGrantItems, insertGrantRun, listedEnterpriseIds, listGrantEvents, listGrantItems,
  lockGrantItem, setGrantItemDecision, setGrantItemPaid,
} from '../../db/repositories/policies/index.ts';
import type { GrantItemRow } from '../../db/schema.ts';
import { boundEnterpriseOf, todayOf } from '../enterprises/index.ts';
import type { ServiceDeps } from '../service-deps.ts';
import { runWrite } from '../write-transaction.ts';
import { requirePolicy } from './policy-catalog.ts';
import { matchEnterprises } from './policy-matching.ts';

/** @throws DomainError FORBIDDEN, NOT_FOUND, POLICY_NOT_AUTO_GRANT, POLICY_NOT_IN_FORCE */
export async function startGrantRun(deps: ServiceDeps, actor: Actor, policyId: number, evaluationDate?: string) {
  if (!permits(actor, 'policy.manage')) throw new DomainError('FORBIDDEN');
  const policy = await requirePolicy(deps, policyId);
  if (policy.definition.mode !== 'auto_grant') throw new DomainError('POLICY_NOT_AUTO_GRANT');
  const date = evaluationDate ?? todayOf(deps);
  const version = versionOn(policy.definition, date);
  if (!version) throw new DomainError('POLICY_NOT_IN_FORCE', { date });
  const matches = await matchEnterprises(deps, policy, date);
  const now = deps.clock();
  return runWrite(deps, async (trx) => {
    const listed = await listedEnterpriseIds(trx, policyId, version.version);
    const run = await insertGrantRun(trx, { policyId, version: version.version, evaluationDate: date, runBy: actor.userId, at: now });
    const fresh = matches.filter((row) => row.match.status === 'met' && (row.match.amountCents ?? 0) > 0 && !listed.has(row.enterprise.id));
    const items = await insertGrantItems(trx, fresh.map((row) => ({
      runId: run.id, policyId, version: version.version, enterpriseId: row.enterprise.id, amountCents: row.match.amountCents!,
      explanation: { outcome: row.match.outcome, amount: row.match.amountText },
    })));
    await insertGrantEvents(trx, [
      { runId: run.id, itemId: null, action: 'run', actorUserId: actor.userId, at: now, data: { evaluationDate: date, eligible: fresh.length, alreadyListed: listed.size } },
      ...items.map((item) => ({ runId: run.id, itemId: item.id, action: 'list' as const, actorUserId: actor.userId, at: now, data: { amountCents: item.amount_cents } })),
    ]);
    return { run, items };
  });
}

async function lockItem(trx: Parameters<typeof lockGrantItem>[0], runId: number, itemId: number): Promise<GrantItemRow> {
  const item = await lockGrantItem(trx, runId, itemId);
  if (!item) throw new DomainError('NOT_FOUND');
  return item;
}

/** 意愿确认 by the enterprise's own user. @throws DomainError ENTERPRISE_NOT_BOUND, FORBIDDEN, NOT_FOUND, GRANT_ITEM_NOT_PENDING */
export async function decideGrant(deps: ServiceDeps, actor: Actor, runId: number, itemId: number, decision: 'confirmed' | 'declined') {
  const enterpriseId = await boundEnterpriseOf(deps, actor);
  const now = deps.clock();
  return runWrite(deps, async (trx) => {
    const item = await lockItem(trx, runId, itemId);
    if (!permits(actor, 'grant.confirm', { enterpriseId: item.enterprise_id, boundEnterpriseId: enterpriseId })) throw new DomainError('FORBIDDEN');
    if (item.status !== 'pending') throw new DomainError('GRANT_ITEM_NOT_PENDING', { status: item.status });
    const updated = await setGrantItemDecision(trx, itemId, { status: decision, userId: actor.userId, at: now });
    await insertGrantEvents(trx, [{ runId, itemId, action: decision === 'confirmed' ? 'confirm' : 'decline', actorUserId: actor.userId, at: now }]);
    return updated;
  });
}

/** Records the payout of a confirmed item. @throws DomainError FORBIDDEN, NOT_FOUND, GRANT_ALREADY_PAID, GRANT_ITEM_NOT_CONFIRMED */
export async function payGrant(deps: ServiceDeps, actor: Actor, runId: number, itemId: number, reference: string) {
  if (!permits(actor, 'grant.pay')) throw new DomainError('FORBIDDEN');
  const now = deps.clock();
  return runWrite(deps, async (trx) => {
    const item = await lockItem(trx, runId, itemId);
    if (item.status === 'paid') throw new DomainError('GRANT_ALREADY_PAID', { paymentReference: item.payment_reference });
    if (item.status !== 'confirmed') throw new DomainError('GRANT_ITEM_NOT_CONFIRMED', { status: item.status });
    const updated = await setGrantItemPaid(trx, itemId, { userId: actor.userId, at: now, reference });
    await insertGrantEvents(trx, [{ runId, itemId, action: 'pay', actorUserId: actor.userId, at: now, data: { reference, amountCents: item.amount_cents } }]);
    return updated;
  });
}

/** A run with its items and audit trail, for staff. @throws DomainError FORBIDDEN, NOT_FOUND */
export async function getGrantRun(deps: ServiceDeps, actor: Actor, runId: number) {
  if (!permits(actor, 'grant.view')) throw new DomainError('FORBIDDEN');
  const run = await findGrantRun(deps.db, runId);
  if (!run) throw new DomainError('NOT_FOUND');
  return { run, items: await listGrantItems(deps.db, { runId }), events: await listGrantEvents(deps.db, runId) };
}
