/**
 * Admin use cases for webhooks: register (URL + event kinds; the signing secret is shown once),
 * list, switch off, the delivery log with each attempt's response, the dead-letter list and replay.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { permits } from '../../domain/access/index.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/case/index.ts';
import { WEBHOOK_EVENT_KINDS } from '../../domain/integrations/index.ts';
import { enqueueOutbox } from '../../db/repositories/case/index.ts';
import {
  deactivateWebhook, findDeliveryToSend, findWebhook, insertWebhook, listAttempts, listDeliveries, listWebhooks, reviveDelivery, setDeliveryOutbox,
} from '../../db/repositories/integrations/index.ts';
import type { ServiceDeps } from '../service-deps.ts';
import { runWrite } from '../write-transaction.ts';
import { checkWebhookTarget } from './webhook-targets.ts';
import { WEBHOOK_DELIVERY_KIND } from './webhook-delivery.ts';

/** Every kind a webhook may ask for (defined with the other webhook rules in src/domain/integrations). */
export { WEBHOOK_EVENT_KINDS };

function requireAdmin(actor: Actor): void {
  if (!permits(actor, 'webhook.manage')) throw new DomainError(actor.role === 'anonymous' ? 'AUTH_REQUIRED' : 'FORBIDDEN');
}

function present(row: Awaited<ReturnType<typeof listWebhooks>>[number]) {
  return { id: row.id, url: row.url, eventKinds: row.event_kinds, description: row.description, active: row.active, createdAt: row.created_at };
}

/**
 * @returns the webhook and its signing secret (shown this once)
 * @throws DomainError FORBIDDEN, VALIDATION_FAILED, WEBHOOK_URL_REFUSED
 */
export async function registerWebhook(deps: ServiceDeps, actor: Actor, input: { url: string; eventKinds: string[]; description?: string | undefined }) {
  requireAdmin(actor);
  const unknown = input.eventKinds.filter((kind) => !WEBHOOK_EVENT_KINDS.includes(kind));
  if (input.eventKinds.length === 0 || unknown.length > 0) {
    throw new DomainError('VALIDATION_FAILED', [{ path: 'eventKinds', code: 'invalid', message: `known kinds: ${WEBHOOK_EVENT_KINDS.join(', ')}` }]);
  }
  await checkWebhookTarget(input.url, deps.settings.integrations);
  const secret = randomBytes(24).toString('base64url');
  const row = await runWrite(deps, (trx) => insertWebhook(trx, {
    url: input.url, eventKinds: [...new Set(input.eventKinds)], secret, description: input.description ?? '', createdBy: actor.userId, now: deps.clock(),
  }));
  return { ...present(row), secret };
}

export async function listWebhooksFor(deps: ServiceDeps, actor: Actor) {
  requireAdmin(actor);
  return (await listWebhooks(deps.db)).map(present);
}

/** @throws DomainError FORBIDDEN, NOT_FOUND */
export async function switchOffWebhook(deps: ServiceDeps, actor: Actor, id: number) {
  requireAdmin(actor);
  if (!(await runWrite(deps, (trx) => deactivateWebhook(trx, id)))) throw new DomainError('NOT_FOUND', { id });
  return { id, active: false };
}

/** @throws DomainError FORBIDDEN, NOT_FOUND */
export async function listWebhookDeliveries(deps: ServiceDeps, actor: Actor, filter: { webhookId?: number | undefined; status?: 'pending' | 'delivered' | 'dead' | undefined }) {
  requireAdmin(actor);
  if (filter.webhookId !== undefined && !(await findWebhook(deps.db, filter.webhookId))) throw new DomainError('NOT_FOUND', { id: filter.webhookId });
  const rows = await listDeliveries(deps.db, { ...filter, limit: 200 });
  return Promise.all(rows.map(async (row) => ({
    id: row.id, webhookId: row.webhook_id, eventId: Number(row.event_id), eventKind: row.event_kind, status: row.status, attempts: row.attempts,
    createdAt: row.created_at, deliveredAt: row.delivered_at,
    log: (await listAttempts(deps.db, row.id)).map((a) => ({ at: a.attempted_at, responseStatus: a.response_status, responseBody: a.response_body, error: a.error })),
  })));
}

/**
 * Sends a dead delivery again, with the same delivery id, through a new outbox entry.
 * @throws DomainError FORBIDDEN, NOT_FOUND, WEBHOOK_DELIVERY_NOT_DEAD
 */
export async function replayDelivery(deps: ServiceDeps, actor: Actor, deliveryId: string) {
  requireAdmin(actor);
  if (!/^[0-9a-f-]{36}$/i.test(deliveryId) || !(await findDeliveryToSend(deps.db, deliveryId))) throw new DomainError('NOT_FOUND', { deliveryId });
  await runWrite(deps, async (trx) => {
    if (!(await reviveDelivery(trx, deliveryId))) throw new DomainError('WEBHOOK_DELIVERY_NOT_DEAD', { deliveryId });
    const outboxId = await enqueueOutbox(trx, WEBHOOK_DELIVERY_KIND, { deliveryId });
    await setDeliveryOutbox(trx, deliveryId, outboxId);
  });
  return { id: deliveryId, status: 'pending' as const };
}

/** A fresh delivery id; kept on every attempt and replay so partners can drop repeats. */
export const newDeliveryId = (): string => randomUUID();
