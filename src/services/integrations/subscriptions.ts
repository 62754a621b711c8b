/**
 * Subscriptions (as FixMyStreet's local alerts): anyone may subscribe an address to a street, a grid, a
 * drawn polygon or a category, or to one public case; a reporter who gave an e-mail address follows their
 * own case. Every message carries a signed unsubscribe link. The feed of an area is served as Atom.
 */
import type { Transaction } from 'kysely';
import { DomainError } from '../../domain/errors.ts';
import { AREA_VISIBLE_KINDS, polygonProblems, SUBSCRIBER_ACTIONS } from '../../domain/integrations/index.ts';
import { isUnsubscribeSignatureValid } from './signatures.ts';
import { isPhoneNumber } from '../../shared/text-rules.ts';
import { findCategoryByCode, findCaseByNumber } from '../../db/repositories/case/index.ts';
import { findGridPlacement, findStreetByCode } from '../../db/repositories/org/index.ts';
import { endSubscription, findSubscription, insertSubscription, listFeedEvents } from '../../db/repositories/integrations/index.ts';
import type { Database, MessageChannel } from '../../db/schema.ts';
import type { ServiceDeps } from '../service-deps.ts';
import { runWrite } from '../write-transaction.ts';

export type SubscriptionTargetInput =
  | { case: string }
  | { street: string }
  | { grid: string }
  | { polygon: number[][][] }
  | { category: string };

export interface SubscribeInput {
  channel: MessageChannel;
  address: string;
  target: SubscriptionTargetInput;
}

const ADDRESS_RULES: Record<MessageChannel, (address: string) => boolean> = {
  email: (address) => /^[^\s@<>]{1,64}@[^\s@<>]{1,190}\.[^\s@<>]+$/.test(address),
  sms: isPhoneNumber,
  wechat: (address) => /^[A-Za-z0-9_-]{10,64}$/.test(address),
};

type Resolved = { target: 'case' | 'street' | 'grid' | 'polygon' | 'category'; caseId?: number; streetId?: number; gridId?: number; polygon?: number[][][]; categoryCode?: string };

/** @throws DomainError NOT_FOUND, SUBSCRIPTION_POLYGON_INVALID */
async function resolveTarget(deps: ServiceDeps, target: SubscriptionTargetInput): Promise<Resolved> {
  if ('case' in target) {
    const row = await findCaseByNumber(deps.db, target.case);
    if (!row || !AREA_VISIBLE_KINDS.includes(row.kind)) throw new DomainError('NOT_FOUND', { case: target.case });
    return { target: 'case', caseId: row.id };
  }
  if ('street' in target) {
    const street = await findStreetByCode(deps.db, target.street);
    if (!street) throw new DomainError('NOT_FOUND', { street: target.street });
    return { target: 'street', streetId: street.id };
  }
  if ('grid' in target) {
    const grid = await findGridPlacement(deps.db, target.grid);
    if (!grid) throw new DomainError('NOT_FOUND', { grid: target.grid });
    return { target: 'grid', gridId: grid.gridId };
  }
  if ('category' in target) {
    const category = await findCategoryByCode(deps.db, target.category);
    if (!category || !AREA_VISIBLE_KINDS.includes(category.kind)) throw new DomainError('NOT_FOUND', { category: target.category });
    return { target: 'category', categoryCode: category.code };
  }
  const problems = polygonProblems(target.polygon);
  if (problems.length > 0) throw new DomainError('SUBSCRIPTION_POLYGON_INVALID', { problems });
  return { target: 'polygon', polygon: target.polygon };
}

/**
 * Subscribes an address; nothing is stored when anything is wrong.
 * @throws DomainError VALIDATION_FAILED, NOT_FOUND, SUBSCRIPTION_POLYGON_INVALID
 */
export async function subscribe(deps: ServiceDeps, input: SubscribeInput) {
  if (!ADDRESS_RULES[input.channel](input.address)) {
    throw new DomainError('VALIDATION_FAILED', [{ path: 'address', code: 'invalid', message: `not a valid ${input.channel} address` }]);
  }
  const resolved = await resolveTarget(deps, input.target);
  const row = await runWrite(deps, (trx) => insertSubscription(trx, { channel: input.channel, address: input.address, ...resolved, now: deps.clock() }));
  return { id: Number(row.id), channel: row.channel, target: row.target, createdAt: row.created_at };
}

/** The reporter follows their own case by e-mail (in the report's transaction). */
export async function subscribeReporter(trx: Transaction<Database>, caseId: number, email: string, now: Date): Promise<void> {
  await insertSubscription(trx, { channel: 'email', address: email, target: 'case', caseId, now });
}

/**
 * Ends a subscription from the signed link of one of its messages.
 * @throws DomainError SUBSCRIPTION_LINK_INVALID
 */
export async function unsubscribe(deps: ServiceDeps, subscriptionId: number, signature: string) {
  if (!isUnsubscribeSignatureValid(deps.settings.integrations.linkSecret, subscriptionId, signature)) throw new DomainError('SUBSCRIPTION_LINK_INVALID');
  const row = await findSubscription(deps.db, subscriptionId);
  if (!row) throw new DomainError('SUBSCRIPTION_LINK_INVALID');
  await runWrite(deps, (trx) => endSubscription(trx, subscriptionId, deps.clock()));
  return { id: subscriptionId, unsubscribed: true };
}

/**
 * The newest public steps in an area or category, for an Atom feed.
 * @throws DomainError NOT_FOUND, SUBSCRIPTION_POLYGON_INVALID, VALIDATION_FAILED
 */
export async function areaFeed(deps: ServiceDeps, target: Exclude<SubscriptionTargetInput, { case: string }>) {
  const resolved = await resolveTarget(deps, target);
  let bbox: [number, number, number, number] | undefined;
  if (resolved.polygon) {
    const points = resolved.polygon[0]!;
    bbox = [Math.min(...points.map((p) => p[0]!)), Math.min(...points.map((p) => p[1]!)), Math.max(...points.map((p) => p[0]!)), Math.max(...points.map((p) => p[1]!))];
  }
  const events = await listFeedEvents(deps.db, {
    streetId: resolved.streetId, gridId: resolved.gridId, categoryCode: resolved.categoryCode, bbox, actions: SUBSCRIBER_ACTIONS, kinds: AREA_VISIBLE_KINDS, limit: 50,
  });
  return { events, updated: events[0]?.at ?? deps.clock() };
}
