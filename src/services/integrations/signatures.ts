/**
 * The two signatures integrations hand out: a webhook delivery's (HMAC-SHA256 over `<timestamp>.<body>`,
 * so a captured body cannot be replayed later under a new timestamp) and an unsubscribe link's (HMAC of
 * the subscription id, so a link works only for its own subscription).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The signature header value; the receiver also checks that the timestamp is recent.
 * @example signWebhook('s3cret', 1764633600, '{}') // => 'sha256=…'
 */
export function signWebhook(secret: string, timestampSeconds: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestampSeconds}.${body}`).digest('hex')}`;
}

/** Checks a signature as a receiver would, in constant time. */
export function verifyWebhookSignature(secret: string, timestampSeconds: number, body: string, signature: string): boolean {
  const expected = Buffer.from(signWebhook(secret, timestampSeconds, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/**
 * The signature of an unsubscribe link.
 * @example unsubscribeSignature('secret', 42).length // => 43
 */
export function unsubscribeSignature(secret: string, subscriptionId: number): string {
  return createHmac('sha256', secret).update(`unsubscribe:${subscriptionId}`).digest('base64url');
}

export function isUnsubscribeSignatureValid(secret: string, subscriptionId: number, signature: string): boolean {
  const expected = Buffer.from(unsubscribeSignature(secret, subscriptionId));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
