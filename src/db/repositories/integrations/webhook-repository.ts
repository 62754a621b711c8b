/** SQL of webhooks: registrations, deliveries (one per webhook and timeline event), attempts with responses. */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export async function insertWebhook(db: Db, values: { url: string; eventKinds: string[]; secret: string; description: string; createdBy: number | null; now: Date }) {
  return db.insertInto('webhooks').values({
    url: values.url, event_kinds: JSON.stringify(values.eventKinds), secret: values.secret, description: values.description,
    created_by: values.createdBy, created_at: values.now,
  }).returningAll().executeTakeFirstOrThrow();
}

export async function listWebhooks(db: Db) {
  return db.selectFrom('webhooks').selectAll().orderBy('id').execute();
}

export async function listActiveWebhooks(db: Db) {
  return db.selectFrom('webhooks').selectAll().where('active', '=', true).orderBy('id').execute();
}

export async function findWebhook(db: Db, id: number) {
  return db.selectFrom('webhooks').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function deactivateWebhook(db: Db, id: number): Promise<boolean> {
  const result = await db.updateTable('webhooks').set({ active: false }).where('id', '=', id).where('active', '=', true).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** A delivery for a (webhook, event) pair; none when that pair already has one (a second fan-out after a crash). */
export async function insertDelivery(trx: Transaction<Database>, values: { id: string; webhookId: number; eventId: number; eventKind: string; payload: Record<string, unknown>; now: Date }) {
  const row = await trx.insertInto('webhook_deliveries').values({
    id: values.id, webhook_id: values.webhookId, event_id: values.eventId, event_kind: values.eventKind, payload: JSON.stringify(values.payload), created_at: values.now,
  }).onConflict((oc) => oc.columns(['webhook_id', 'event_id']).doNothing()).returning('id').executeTakeFirst();
  return row?.id ?? null;
}

export async function setDeliveryOutbox(trx: Transaction<Database>, deliveryId: string, outboxId: number): Promise<void> {
  await trx.updateTable('webhook_deliveries').set({ outbox_id: outboxId }).where('id', '=', deliveryId).execute();
}

/** The delivery with what its webhook needs to send it. */
export async function findDeliveryToSend(db: Db, deliveryId: string) {
  return db.selectFrom('webhook_deliveries as d').innerJoin('webhooks as w', 'w.id', 'd.webhook_id')
    .select(['d.id', 'd.status', 'd.payload', 'd.attempts', 'd.event_kind', 'w.url', 'w.secret', 'w.active'])
    .where('d.id', '=', deliveryId).executeTakeFirst();
}

export async function recordAttempt(db: Db, values: { deliveryId: string; responseStatus: number | null; responseBody: string | null; error: string | null }): Promise<void> {
  await db.insertInto('webhook_attempts').values({
    delivery_id: values.deliveryId, response_status: values.responseStatus, response_body: values.responseBody?.slice(0, 2000) ?? null, error: values.error?.slice(0, 500) ?? null,
  }).execute();
  await db.updateTable('webhook_deliveries').set({ attempts: sql<number>`attempts + 1` }).where('id', '=', values.deliveryId).execute();
}

export async function markDelivered(db: Db, deliveryId: string, now: Date): Promise<void> {
  await db.updateTable('webhook_deliveries').set({ status: 'delivered', delivered_at: now }).where('id', '=', deliveryId).execute();
}

export async function markDead(db: Db, deliveryId: string): Promise<void> {
  await db.updateTable('webhook_deliveries').set({ status: 'dead' }).where('id', '=', deliveryId).execute();
}

/** Back to pending for a replay; only a dead delivery can be replayed. */
export async function reviveDelivery(trx: Transaction<Database>, deliveryId: string): Promise<boolean> {
  const result = await trx.updateTable('webhook_deliveries').set({ status: 'pending' }).where('id', '=', deliveryId).where('status', '=', 'dead').executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function listDeliveries(db: Db, filter: { webhookId?: number; status?: 'pending' | 'delivered' | 'dead'; limit: number }) {
  let query = db.selectFrom('webhook_deliveries').select(['id', 'webhook_id', 'event_id', 'event_kind', 'status', 'attempts', 'created_at', 'delivered_at']);
  if (filter.webhookId !== undefined) query = query.where('webhook_id', '=', filter.webhookId);
  if (filter.status) query = query.where('status', '=', filter.status);
  return query.orderBy('created_at', 'desc').orderBy('id').limit(filter.limit).execute();
}

export async function listAttempts(db: Db, deliveryId: string) {
  return db.selectFrom('webhook_attempts').select(['id', 'attempted_at', 'response_status', 'response_body', 'error']).where('delivery_id', '=', deliveryId).orderBy('id').execute();
}
