/**
 * Account controls (issue 19 §4): an admin disables, enables, edits and resets users (a reset forces a
 * change before anything else), a user lists and ends their own sessions, an unused session times out,
 * and every change is in admin_audit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { apiClient, loginAs, type ApiClient } from '../support/api-client.ts';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/config.ts';

let t: TestApp;
let admin: ApiClient;
const NEW_PASSWORD = 'Qx7-lantern-orbit-92';
const CHOSEN_PASSWORD = 'Vb3-meadow-citrus-57';

beforeAll(async () => {
  t = await startTestApp();
  admin = await loginAs(t.app, 'admin');
});
afterAll(async () => { await t?.close(); });

const userId = async (username: string): Promise<number> =>
  (await admin.get('/api/v1/admin/users')).body.items.find((user: { username: string }) => user.username === username).id;
const auditActions = async (username: string): Promise<string[]> =>
  (await t.handle.db.selectFrom('admin_audit').select('action').where('subject', '=', `user:${username}`).orderBy('id').execute()).map((row) => row.action);
const del = (token: string, url: string) => t.app.inject({ method: 'DELETE', url, headers: { authorization: `Bearer ${token}` } });

describe('admin account controls', () => {
  it('disabling ends the sessions at once and refuses login; enabling lets the user back in', async () => {
    const operator = await loginAs(t.app, 'operator-220106');
    expect((await operator.get('/api/v1/me')).status).toBe(200);
    const id = await userId('operator-220106');
    const disabled = await admin.post(`/api/v1/admin/users/${id}/disable`);
    expect(disabled.body).toMatchObject({ active: false });
    expect((await operator.get('/api/v1/me')).body.code).toBe('AUTH_REQUIRED');
    await expect(loginAs(t.app, 'operator-220106')).rejects.toThrow(/401/);
    expect((await admin.post(`/api/v1/admin/users/${await userId('admin')}/disable`)).body.code).toBe('ACCOUNT_SELF_DISABLE');
    expect((await admin.post('/api/v1/admin/users/999999/disable')).status).toBe(404);
    expect((await admin.post(`/api/v1/admin/users/${id}/enable`)).body).toMatchObject({ active: true });
    expect((await (await loginAs(t.app, 'operator-220106')).get('/api/v1/me')).status).toBe(200);
    expect(await auditActions('operator-220106')).toEqual(['account.disable', 'account.enable']);
    // Only an admin may do it.
    expect((await operator.post(`/api/v1/admin/users/${id}/disable`)).status).toBe(401);
  });

  it('a reset ends the sessions and forces a password change before any other API', async () => {
    const before = await loginAs(t.app, 'handler-220106');
    const id = await userId('handler-220106');
    expect((await admin.post(`/api/v1/admin/users/${id}/reset-password`, { newPassword: '12345678' })).body.code).toBe('PASSWORD_TOO_WEAK');
    expect((await admin.post(`/api/v1/admin/users/${id}/reset-password`, { newPassword: NEW_PASSWORD })).body).toMatchObject({ mustChangePassword: true });
    expect((await before.get('/api/v1/me')).body.code).toBe('AUTH_REQUIRED');

    const handler = await loginAs(t.app, 'handler-220106', NEW_PASSWORD);
    expect((await handler.get('/api/v1/cases')).body.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await handler.get('/api/v1/me/sessions')).status).toBe(403);
    expect((await handler.get('/api/v1/me')).body.user).toMatchObject({ mustChangePassword: true });
    expect((await handler.post('/api/v1/me/password', { currentPassword: NEW_PASSWORD, newPassword: CHOSEN_PASSWORD })).status).toBe(200);
    expect((await handler.get('/api/v1/cases')).status).toBe(200);
    expect((await handler.get('/api/v1/me')).body.user).toMatchObject({ mustChangePassword: false });
    expect(await auditActions('handler-220106')).toEqual(['account.reset_password', 'account.change_password']);
  });

  it('an admin edits name, phone and department by id; a department of another district is refused and nothing changes', async () => {
    const id = await userId('supervisor-220106');
    const departments = (await t.handle.db.selectFrom('departments').select(['id', 'district_id']).execute());
    const own = (await t.handle.db.selectFrom('users').select('district_id').where('id', '=', id).executeTakeFirstOrThrow()).district_id;
    const foreign = departments.find((department) => department.district_id !== own);
    const local = departments.find((department) => department.district_id === own)!;
    if (foreign) expect((await admin.patch(`/api/v1/admin/users/${id}`, { displayName: '改名', departmentId: foreign.id })).status).toBe(400);
    expect((await admin.get('/api/v1/admin/users')).body.items.find((user: { id: number }) => user.id === id).displayName).not.toBe('改名');
    const edited = await admin.patch(`/api/v1/admin/users/${id}`, { displayName: '督查员（改）', phone: '13800000000', departmentId: local.id });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ displayName: '督查员（改）', phone: '13800000000', departmentId: local.id });
    expect(await auditActions('supervisor-220106')).toEqual(['account.edit']);
  });
});

describe('own sessions and the idle timeout', () => {
  it('lists the caller\'s sessions, ends one, then all others', async () => {
    const first = await loginAs(t.app, 'leader-220106');
    const second = await loginAs(t.app, 'leader-220106');
    const third = await loginAs(t.app, 'leader-220106');
    const listed = (await third.get('/api/v1/me/sessions')).body.items;
    expect(listed).toHaveLength(3);
    expect(listed.filter((session: { current: boolean }) => session.current)).toHaveLength(1);
    const firstId = (await first.get('/api/v1/me/sessions')).body.items.find((session: { current: boolean }) => session.current).id;
    // Another user cannot name it.
    expect((await del(admin.token!, `/api/v1/me/sessions/${firstId}`)).statusCode).toBe(404);
    expect((await del(third.token!, `/api/v1/me/sessions/${firstId}`)).statusCode).toBe(200);
    expect((await first.get('/api/v1/me')).status).toBe(401);
    expect((await third.post('/api/v1/me/sessions/revoke-others')).body).toEqual({ ended: 1 });
    expect((await second.get('/api/v1/me')).status).toBe(401);
    expect((await third.get('/api/v1/me/sessions')).body.items).toHaveLength(1);
    expect(await auditActions('leader-220106')).toEqual(['account.revoke_session', 'account.revoke_other_sessions']);
  });

  it('a session unused for the idle time ends; one in use does not', async () => {
    const idle = await buildApp({
      handle: t.handle, version: 'test', clock: () => t.clock.now, logger: false,
      config: loadConfig({ CIVICLOOP_DEMO: 'false', LOG_LEVEL: 'silent', CIVICLOOP_SESSION_HOURS: '100000', CIVICLOOP_SESSION_IDLE_MINUTES: '30' }),
    });
    await idle.app.ready();
    const busy = await loginAs(idle.app, 'shift_lead-220106');
    const quiet = apiClient(idle.app, (await loginAs(idle.app, 'shift_lead-220106')).token);
    for (let i = 0; i < 3; i += 1) {
      t.clock.advanceMinutes(20);
      expect((await busy.get('/api/v1/me')).status).toBe(200);
    }
    expect((await quiet.get('/api/v1/me')).status).toBe(401);
    await idle.app.close();
  });
});
