/** SQL of subscriptions and the messages sent for them. */
import type { Kysely, Transaction } from 'kysely';
import type { Database, MessageChannel, SubscriptionTarget } from '../../schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface NewSubscription {
  channel: MessageChannel;
  address: string;
  target: SubscriptionTarget;
  caseId?: number | null;
  streetId?: number | null;
  gridId?: number | null;
  polygon?: number[][][] | null;
  categoryCode?: string | null;
  now: Date;
}

export async function insertSubscription(db: Db, values: NewSubscription) {
  return db.insertInto('subscriptions').values({
    channel: values.channel, address: values.address, target: values.target, case_id: values.caseId ?? null, street_id: values.streetId ?? null,
    grid_id: values.gridId ?? null, polygon: values.polygon ? JSON.stringify(values.polygon) : null, category_code: values.categoryCode ?? null, created_at: values.now,
  }).returningAll().executeTakeFirstOrThrow();
}

export async function findSubscription(db: Db, id: number) {
  return db.selectFrom('subscriptions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function endSubscription(db: Db, id: number, now: Date): Promise<void> {
  await db.updateTable('subscriptions').set({ unsubscribed_at: now }).where('id', '=', id).where('unsubscribed_at', 'is', null).execute();
}

/** Area and category subscriptions (few), and the case subscriptions of some cases. */
export async function listActiveSubscriptions(trx: Transaction<Database>, caseIds: number[]) {
  const area = await trx.selectFrom('subscriptions').selectAll().where('unsubscribed_at', 'is', null).where('target', '!=', 'case').execute();
  const cases = caseIds.length === 0 ? [] : await trx.selectFrom('subscriptions').selectAll()
    .where('unsubscribed_at', 'is', null).where('target', '=', 'case').where('case_id', 'in', caseIds).execute();
  return [...area, ...cases];
}

/** The case a duplicate was merged into, or null. */
export async function findMergedInto(db: Db, caseId: number): Promise<number | null> {
  const row = await db.selectFrom('cases').select('merged_into_id').where('id', '=', caseId).executeTakeFirst();
  return row?.merged_into_id ?? null;
}

/** True when any subscription is active (else the fan-out only moves its cursor). */
export async function hasActiveSubscriptions(db: Db): Promise<boolean> {
  return (await db.selectFrom('subscriptions').select('id').where('unsubscribed_at', 'is', null).limit(1).executeTakeFirst()) !== undefined;
}

/** A merged case's subscribers follow the kept case from now on. */
export async function carryCaseSubscriptions(trx: Transaction<Database>, fromCaseId: number, toCaseId: number, now: Date): Promise<void> {
  const rows = await trx.selectFrom('subscriptions').select(['channel', 'address']).where('case_id', '=', fromCaseId).where('unsubscribed_at', 'is', null).execute();
  for (const row of rows) {
    const exists = await trx.selectFrom('subscriptions').select('id').where('case_id', '=', toCaseId).where('address', '=', row.address)
      .where('channel', '=', row.channel).where('unsubscribed_at', 'is', null).executeTakeFirst();
    if (!exists) await insertSubscription(trx, { channel: row.channel, address: row.address, target: 'case', caseId: toCaseId, now });
  }
}

export async function insertMessage(trx: Transaction<Database>, values: { subscriptionId: number; eventId: number; channel: MessageChannel; address: string; subject: string; body: string; now: Date }) {
  const row = await trx.insertInto('messages').values({
    subscription_id: values.subscriptionId, event_id: values.eventId, channel: values.channel, address: values.address, subject: values.subject, body: values.body, created_at: values.now,
  }).onConflict((oc) => oc.columns(['subscription_id', 'event_id']).doNothing()).returning('id').executeTakeFirst();
  return row ? Number(row.id) : null;
}

export async function findMessage(db: Db, id: number) {
  return db.selectFrom('messages').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function markMessage(db: Db, id: number, status: 'sent' | 'failed', now: Date): Promise<void> {
  await db.updateTable('messages').set({ status, sent_at: status === 'sent' ? now : null }).where('id', '=', id).execute();
}

/** Public timeline steps of cases matching an area or category, newest first (the Atom feed). */
export async function listFeedEvents(db: Db, filter: { streetId?: number; gridId?: number; categoryCode?: string; bbox?: [number, number, number, number]; actions: readonly string[]; kinds: readonly string[]; limit: number }) {
  let query = db.selectFrom('case_events as e').innerJoin('cases as k', 'k.id', 'e.case_id').innerJoin('categories as c', 'c.id', 'k.category_id')
    .select(['e.id', 'e.action', 'e.to_state', 'e.at', 'k.number', 'k.title', 'k.lat', 'k.lng', 'c.minor_name', 'c.minor_name_en', 'c.code as category_code'])
    .where('e.action', 'in', [...filter.actions]).where('k.kind', 'in', [...filter.kinds] as never);
  if (filter.streetId !== undefined) query = query.where('k.street_id', '=', filter.streetId);
  if (filter.gridId !== undefined) query = query.where('k.grid_id', '=', filter.gridId);
  if (filter.categoryCode !== undefined) query = query.where('c.code', '=', filter.categoryCode);
  if (filter.bbox) {
    const [minLng, minLat, maxLng, maxLat] = filter.bbox;
    query = query.where('k.lng', '>=', minLng).where('k.lng', '<=', maxLng).where('k.lat', '>=', minLat).where('k.lat', '<=', maxLat);
  }
  return query.orderBy('e.at', 'desc').orderBy('e.id', 'desc').limit(filter.limit).execute();
}
