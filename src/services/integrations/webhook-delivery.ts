/**
 * Sending one webhook delivery, as an outbox follow-up: POST the JSON payload with the delivery id and a
 * signature over timestamp and body; a 2xx answer marks it delivered (in the drain's transaction), anything
 * else fails the attempt, which is logged with the answer and retried with backoff until the webhook's
 * limit, then moved to the dead-letter list. At least once: a crash after the partner answered but before
 * our commit sends the same delivery id again.
 */
import type { FollowUp } from '../case/index.ts';
import { webhookRetryDelayMs } from '../../domain/integrations/index.ts';
import { signWebhook } from './signatures.ts';
import { findDeliveryToSend, markDead, markDelivered, recordAttempt } from '../../db/repositories/integrations/index.ts';

export const WEBHOOK_DELIVERY_KIND = 'follow_up:webhook_delivery';
/** A partner that does not answer within this time counts as failed. */
export const WEBHOOK_TIMEOUT_MS = 10_000;

/** Why an attempt failed: the partner's answer, or no answer. */
export class WebhookAttemptFailed extends Error {
  constructor(readonly responseStatus: number | null, readonly responseBody: string | null, reason: string) {
    super(reason);
  }
}

async function post(url: string, body: string, headers: Record<string, string>): Promise<{ status: number; text: string }> {
  try {
    const response = await fetch(url, { method: 'POST', body, headers, redirect: 'manual', signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS) });
    const text = (await response.text()).slice(0, 2000);
    return { status: response.status, text };
  } catch (error) {
    const name = (error as { name?: string }).name;
    throw new WebhookAttemptFailed(null, null, name === 'TimeoutError' ? `no answer within ${WEBHOOK_TIMEOUT_MS} ms` : `not reachable: ${(error as Error).message}`);
  }
}

export const deliverWebhook: FollowUp<{ deliveryId: string }> = {
  kind: 'webhook_delivery',
  plan: () => null,
  async run({ trx, deps, payload }) {
    const delivery = await findDeliveryToSend(trx, payload.deliveryId);
    if (!delivery || delivery.status !== 'pending' || !delivery.active) return;
    const body = JSON.stringify({ deliveryId: delivery.id, ...delivery.payload });
    const timestamp = Math.floor(deps.clock().getTime() / 1000);
    const answer = await post(delivery.url, body, {
      'content-type': 'application/json; charset=utf-8',
      'user-agent': 'civicloop-webhooks/1',
      'x-civicloop-delivery': delivery.id,
      'x-civicloop-event': delivery.event_kind,
      'x-civicloop-timestamp': String(timestamp),
      'x-civicloop-signature': signWebhook(delivery.secret, timestamp, body),
    });
    if (answer.status < 200 || answer.status >= 300) throw new WebhookAttemptFailed(answer.status, answer.text, `HTTP ${answer.status}`);
    await recordAttempt(trx, { deliveryId: delivery.id, responseStatus: answer.status, responseBody: answer.text, error: null });
    await markDelivered(trx, delivery.id, deps.clock());
  },
  async onFailure({ deps, payload, failures, error }) {
    const failed = error instanceof WebhookAttemptFailed ? error : null;
    await recordAttempt(deps.db, {
      deliveryId: payload.deliveryId, responseStatus: failed?.responseStatus ?? null, responseBody: failed?.responseBody ?? null,
      error: error instanceof Error ? error.message : String(error),
    });
    const { webhookMaxAttempts, webhookRetryMs } = deps.settings.integrations;
    const giveUp = failures >= webhookMaxAttempts;
    if (giveUp) await markDead(deps.db, payload.deliveryId);
    return { retryInMs: webhookRetryDelayMs(failures, webhookRetryMs), giveUp };
  },
};
