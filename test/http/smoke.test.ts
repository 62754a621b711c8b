import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { apiClient, loginAs } from '../support/api-client.ts';

let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => { await t?.close(); });

describe('health', () => {
  it('reports ok and the database kind', async () => {
    const res = await apiClient(t.app).get('/api/v1/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', db: t.kind, demo: false });
  });
  it('takes a demo operator through login', async () => {
    const op = await loginAs(t.app, 'operator-220106');
    const me = await op.get('/api/v1/me');
    expect(me.body.user.role).toBe('operator');
  });
});
