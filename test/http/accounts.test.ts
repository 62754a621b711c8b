/**
 * Accounts (issue 19 §4): failed logins are counted per account and per address in the database — so a
 * second instance sees the same lock — with lockout and backoff; chosen passwords must be long and not
 * guessable.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { apiClient, loginAs, type ApiClient } from '../support/api-client.ts';
import { LY } from '../support/case-helpers.ts';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/config.ts';

let t: TestApp;
let admin: ApiClient;

beforeAll(async () => {
  t = await startTestApp();
  admin = await loginAs(t.app, 'admin');
});
afterAll(async () => { await t?.close(); });

const attempt = (app: TestApp['app'], username: string, password: string, remoteAddress = '127.0.0.1') =>
  app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, remoteAddress })
    .then((res) => ({ status: res.statusCode, body: JSON.parse(res.body) }));

describe('login throttling', () => {
  it('locks an account after 5 failures, even for the right password, on every instance, and backs off', async () => {
    for (let i = 0; i < 5; i += 1) expect((await attempt(t.app, 'handler-220106', 'wrong-password', `198.51.100.${i}`)).status).toBe(401);
    const locked = await attempt(t.app, 'handler-220106', 'demo1234', '198.51.100.99');
    expect(locked.status).toBe(429);
    expect(locked.body).toMatchObject({ code: 'AUTH_LOCKED', details: { retryAfterSeconds: 60 } });

    // A second server on the same database knows the lock: the counters are not in process memory.
    const other = await buildApp({ handle: t.handle, config: loadConfig({ CIVICLOOP_DEMO: 'false', LOG_LEVEL: 'silent' }), version: 'test', clock: () => t.clock.now, logger: false });
    await other.app.ready();
    expect((await attempt(other.app, 'handler-220106', 'demo1234', '198.51.100.98')).body.code).toBe('AUTH_LOCKED');
    await other.app.close();

    t.clock.advanceMinutes(2);
    // One more failure after the lock ends doubles it.
    expect((await attempt(t.app, 'handler-220106', 'wrong-again')).status).toBe(401);
    expect((await attempt(t.app, 'handler-220106', 'demo1234')).body).toMatchObject({ code: 'AUTH_LOCKED', details: { retryAfterSeconds: 120 } });
    t.clock.advanceMinutes(3);
    expect((await attempt(t.app, 'handler-220106', 'demo1234')).status).toBe(200);
    // A success forgets the account's failures.
    expect((await attempt(t.app, 'handler-220106', 'wrong-password')).status).toBe(401);
    expect((await attempt(t.app, 'handler-220106', 'demo1234')).status).toBe(200);
  });

  it('locks an address that tries many accounts, but not other addresses', async () => {
    t.clock.advanceMinutes(30);
    for (let i = 0; i < 20; i += 1) expect((await attempt(t.app, `nobody-${i}`, 'guess-guess', '192.0.2.7')).status).toBe(401);
    expect((await attempt(t.app, 'operator-220106', 'demo1234', '192.0.2.7')).body.code).toBe('AUTH_LOCKED');
    expect((await attempt(t.app, 'operator-220106', 'demo1234', '192.0.2.8')).status).toBe(200);
  });

  it('forgets counters whose window ended and whose lock ran out, but keeps a running lock', async () => {
    t.clock.advanceMinutes(30);
    const keys = async () => (await t.handle.db.selectFrom('login_throttle').select('key').execute()).map((row) => row.key);
    for (let i = 0; i < 5; i += 1) await attempt(t.app, 'handler-220106', 'wrong-password', '203.0.113.5');
    expect(await keys()).toEqual(expect.arrayContaining(['account:handler-220106', 'address:203.0.113.5']));
    t.clock.advanceMinutes(14);
    // Inside the window: the lock's backoff still depends on the count, so it stays.
    await attempt(t.app, 'nobody-at-all', 'guess-guess', '203.0.113.6');
    expect(await keys()).toContain('account:handler-220106');
    t.clock.advanceMinutes(20);
    await attempt(t.app, 'nobody-else', 'guess-guess', '203.0.113.7');
    const left = await keys();
    expect(left).not.toContain('account:handler-220106');
    expect(left).not.toContain('address:203.0.113.5');
    expect(left).toEqual(expect.arrayContaining(['account:nobody-else', 'address:203.0.113.7']));
  });
});

describe('the password policy', () => {
  it.each([
    ['too short', 'Xk9#mq2'],
    ['a top-ten password', '1234567890'],
    ['a common password', 'password123'],
    ['the username', 'li.operator.220106'],
  ])('refuses %s for a new account', async (_name, password) => {
    const res = await admin.post('/api/v1/admin/users', { username: 'li.operator.220106', password, displayName: '李值守', role: 'operator', districtCode: LY });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('PASSWORD_TOO_WEAK');
  });

  it('accepts a long, unguessable password', async () => {
    const res = await admin.post('/api/v1/admin/users', { username: 'li.operator.220106', password: 'Tram-Lantern-Pine-42', displayName: '李值守', role: 'operator', districtCode: LY });
    expect(res.status).toBe(201);
  });
});

describe('changing your own password', () => {
  it('needs the current password and a strong new one, ends your other sessions and is audited', async () => {
    const body = { username: 'zhou.shift', password: 'Harbor-Quilt-Maple-77', displayName: '周值班', role: 'shift_lead', districtCode: LY };
    expect((await admin.post('/api/v1/admin/users', body)).status).toBe(201);
    const here = await loginAs(t.app, 'zhou.shift', body.password);
    const elsewhere = await loginAs(t.app, 'zhou.shift', body.password);
    expect((await here.post('/api/v1/me/password', { currentPassword: 'not-it-at-all', newPassword: 'Violet-Canal-Ridge-19' })).body.code).toBe('AUTH_INVALID_CREDENTIALS');
    expect((await here.post('/api/v1/me/password', { currentPassword: body.password, newPassword: '12345678' })).body.code).toBe('PASSWORD_TOO_WEAK');
    expect((await here.post('/api/v1/me/password', { currentPassword: body.password, newPassword: 'Violet-Canal-Ridge-19' })).status).toBe(200);
    expect((await here.get('/api/v1/me')).status).toBe(200);
    expect((await elsewhere.get('/api/v1/me')).status).toBe(401);
    expect((await attempt(t.app, 'zhou.shift', body.password, '192.0.2.60')).status).toBe(401);
    expect((await attempt(t.app, 'zhou.shift', 'Violet-Canal-Ridge-19', '192.0.2.60')).status).toBe(200);
    const audit = await t.handle.db.selectFrom('admin_audit').select('action').where('subject', '=', 'user:zhou.shift').execute();
    expect(audit.map((row) => row.action)).toEqual(['account.create', 'account.change_password']);
    expect((await apiClient(t.app).post('/api/v1/me/password', { currentPassword: 'x', newPassword: 'Violet-Canal-Ridge-19' })).status).toBe(401);
  });
});

describe('demo accounts with demo mode off', () => {
  it('locks every account that still has the demo password, ends its sessions and audits it', async () => {
    const { lockDemoPasswordAccounts } = await import('../../src/services/seed/index.ts');
    const operator = await loginAs(t.app, 'operator-220106');
    const locked = await lockDemoPasswordAccounts(t.services, t.clock.now);
    expect(locked).toEqual(expect.arrayContaining(['admin', 'operator-220106', 'handler-220106']));
    expect(locked).not.toContain('li.operator.220106');
    expect((await attempt(t.app, 'admin', 'demo1234', '192.0.2.50')).status).toBe(401);
    expect((await operator.get('/api/v1/me')).status).toBe(401);
    expect((await attempt(t.app, 'li.operator.220106', 'Tram-Lantern-Pine-42', '192.0.2.50')).status).toBe(200);
    const audit = await t.handle.db.selectFrom('admin_audit').select('subject').where('action', '=', 'account.lock_demo_password').execute();
    expect(audit.map((row) => row.subject)).toContain('user:admin');
    expect(await lockDemoPasswordAccounts(t.services, t.clock.now)).toEqual([]);
  });
});
