import { describe, expect, it } from 'vitest';
import { isUnsubscribeSignatureValid, signWebhook, unsubscribeSignature, verifyWebhookSignature } from './signatures.ts';

describe('integration signatures', () => {
  it('signs timestamp and body, and a changed timestamp or body fails the check', () => {
    const signature = signWebhook('s3cret', 1764633600, '{"a":1}');
    expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature('s3cret', 1764633600, '{"a":1}', signature)).toBe(true);
    expect(verifyWebhookSignature('s3cret', 1764633601, '{"a":1}', signature)).toBe(false);
    expect(verifyWebhookSignature('s3cret', 1764633600, '{"a":2}', signature)).toBe(false);
  });

  it('signs unsubscribe links per subscription', () => {
    const signature = unsubscribeSignature('secret', 42);
    expect(isUnsubscribeSignatureValid('secret', 42, signature)).toBe(true);
    expect(isUnsubscribeSignatureValid('secret', 43, signature)).toBe(false);
    expect(isUnsubscribeSignatureValid('secret', 42, `${signature[0] === "A" ? "B" : "A"}${signature.slice(1)}`)).toBe(false);
  });
});
