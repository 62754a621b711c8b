/**
 * Headers and the client address (issue 19 §2, §4): a strict CSP, no framing and a referrer policy on
 * every answer; HSTS only with Secure cookies; X-Forwarded-For believed only from configured proxies,
 * so a client cannot dodge per-address limits by inventing addresses.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { LY_GRID } from '../support/case-helpers.ts';

let plain: TestApp;
let behindProxy: TestApp;

beforeAll(async () => {
  plain = await startTestApp({ overrides: { CIVICLOOP_ANON_REPORTS_PER_MINUTE: '2' } });
  behindProxy = await startTestApp({ overrides: { CIVICLOOP_ANON_REPORTS_PER_MINUTE: '2', CIVICLOOP_SECURE_COOKIES: 'true', CIVICLOOP_TRUST_PROXY: '127.0.0.1, 10.0.0.0/8' } });
});
afterAll(async () => {
  await plain?.close();
  await behindProxy?.close();
});

const directives = (header: unknown) => new Map(String(header).split(';').map((part) => part.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));

describe('security headers', () => {
  it('sends a strict CSP without inline script, no framing, a referrer policy and no HSTS over plain HTTP', async () => {
    for (const url of ['/api/v1/health', '/api/v1/no-such-route']) {
      const res = await plain.app.inject({ method: 'GET', url });
      const csp = directives(res.headers['content-security-policy']);
      expect(csp.get('default-src')).toEqual(["'self'"]);
      expect(csp.get('script-src')).toEqual(["'self'"]);
      expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
      expect(csp.get('object-src')).toEqual(["'none'"]);
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['strict-transport-security']).toBeUndefined();
    }
  });

  it('sends HSTS when cookies are Secure', async () => {
    const res = await behindProxy.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  });

  it('serves the API docs page under the same policy: it loads its scripts as files, none inline', async () => {
    const res = await plain.app.inject({ method: 'GET', url: '/api/docs' });
    expect(res.statusCode).toBe(200);
    expect(directives(res.headers['content-security-policy']).get('script-src')).toEqual(["'self'"]);
    const scripts = res.body.match(/<script[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toMatch(/ src="\/api\/docs\//);
  });
});

describe('the client address', () => {
  const report = (t: TestApp, forwardedFor: string) => t.app.inject({
    method: 'POST', url: '/api/v1/cases', headers: { 'x-forwarded-for': forwardedFor },
    payload: { kind: 'event', categoryCode: 'E0102', description: '路边有暴露垃圾', gridCode: LY_GRID },
  });

  it('ignores X-Forwarded-For when no proxy is configured: invented addresses share one limit', async () => {
    const statuses = [];
    for (const address of ['203.0.113.1', '203.0.113.2', '203.0.113.3']) statuses.push((await report(plain, address)).statusCode);
    expect(statuses).toEqual([201, 201, 429]);
  });

  it('believes X-Forwarded-For from a configured proxy: each client has its own limit', async () => {
    const statuses = [];
    for (const address of ['203.0.113.1', '203.0.113.2', '203.0.113.3', '203.0.113.3', '203.0.113.3']) statuses.push((await report(behindProxy, address)).statusCode);
    expect(statuses).toEqual([201, 201, 201, 201, 429]);
  });
});
