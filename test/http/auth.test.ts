import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { apiClient } from '../support/api-client.ts';

let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => { await t?.close(); });

async function loginWithCookie(username: string) {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: 'demo1234' } });
  const cookie = res.cookies.find((c) => c.name === 'civicloop_session');
  return { body: JSON.parse(res.body), cookie, res };
}

describe('login and sessions', () => {
  it('refuses a wrong password and an unknown user alike', async () => {
    const wrong = await apiClient(t.app).post('/api/v1/auth/login', { username: 'operator-220106', password: 'nope-nope' });
    const unknown = await apiClient(t.app).post('/api/v1/auth/login', { username: 'nobody', password: 'demo1234' });
    for (const res of [wrong, unknown]) {
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('AUTH_INVALID_CREDENTIALS');
    }
  });

  it('sets an httpOnly SameSite session cookie and returns a bearer token', async () => {
    const { body, cookie } = await loginWithCookie('operator-220106');
    expect(body.token).toEqual(expect.any(String));
    expect(body.user).toMatchObject({ username: 'operator-220106', role: 'operator' });
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
  });

  it('needs the CSRF token for cookie-authenticated writes, but not for reads', async () => {
    const { body, cookie } = await loginWithCookie('grid_worker-220106');
    const cookies = { civicloop_session: cookie!.value };
    const read = await t.app.inject({ method: 'GET', url: '/api/v1/me', cookies });
    expect(read.statusCode).toBe(200);
    const payload = { kind: 'event', categoryCode: 'E0102', description: '垃圾', gridCode: '220106001001001' };
    const forged = await t.app.inject({ method: 'POST', url: '/api/v1/cases', cookies, payload });
    expect(forged.statusCode).toBe(403);
    expect(JSON.parse(forged.body).code).toBe('CSRF_TOKEN_INVALID');
    const honest = await t.app.inject({ method: 'POST', url: '/api/v1/cases', cookies, headers: { 'x-csrf-token': body.csrfToken }, payload });
    expect(honest.statusCode).toBe(201);
    expect(JSON.parse(honest.body).source).toBe('patrol');
  });

  it('ends the session on logout', async () => {
    const { body } = await loginWithCookie('handler-220106');
    const client = apiClient(t.app, body.token);
    expect((await client.get('/api/v1/me')).status).toBe(200);
    expect((await client.post('/api/v1/auth/logout')).status).toBe(200);
    const after = await client.get('/api/v1/me');
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('AUTH_REQUIRED');
  });

  it('asks anonymous callers to log in for lists and staff data', async () => {
    const res = await apiClient(t.app).get('/api/v1/cases');
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('AUTH_REQUIRED');
  });

  it('serves reference data, the OpenAPI document and its page', async () => {
    const anon = apiClient(t.app);
    const categories = await anon.get('/api/v1/categories');
    expect(categories.body.items.find((c: { code: string }) => c.code === 'E0102')).toMatchObject({
      kind: 'event', limits: { resolve: { amount: 4, unit: 'working_hours' } },
    });
    const tree = await anon.get('/api/v1/org/tree?district=220106');
    expect(tree.body.districts).toHaveLength(1);
    expect(tree.body.districts[0].streets.map((s: { name: string }) => s.name)).toContain('正阳街道');
    const openapi = await anon.get('/api/openapi.json');
    expect(Object.keys(openapi.body.paths)).toEqual(expect.arrayContaining(['/api/v1/cases', '/api/v1/cases/{id}/actions/{action}']));
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toContain('text/html');
  });

  it('rate-limits anonymous reports', async () => {
    const anon = apiClient(t.app);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i += 1) {
      const res = await anon.post('/api/v1/cases', { kind: 'event', categoryCode: 'E0102', description: `匿名上报${i}`, gridCode: '220106001001001' });
      statuses.push(res.status);
      if (res.status === 429) expect(res.body.code).toBe('RATE_LIMITED');
    }
    expect(statuses.filter((s) => s === 201).length).toBeLessThanOrEqual(10);
    expect(statuses).toContain(429);
  });
});
