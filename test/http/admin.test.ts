import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestClock, startTestApp, type TestApp } from '../support/test-app.ts';
import { loginAs, type ApiClient } from '../support/api-client.ts';
import { LY, actOk, departmentId, reportEvent } from '../support/case-helpers.ts';

let t: TestApp;
let admin: ApiClient;
let operator: ApiClient;

beforeAll(async () => {
  t = await startTestApp({ clock: createTestClock('2026-03-10T02:00:00Z') });
  [admin, operator] = await Promise.all([loginAs(t.app, 'admin'), loginAs(t.app, `operator-${LY}`)]);
});
afterAll(async () => { await t?.close(); });

describe('the working calendar as data', () => {
  it('reads a year with library holidays and make-up days', async () => {
    const res = await operator.get('/api/v1/calendar?year=2025');
    expect(res.body.known).toBe(true);
    const day = (date: string) => res.body.days.find((d: { date: string }) => d.date === date);
    expect(day('2025-10-08')).toMatchObject({ isWorkingDay: false, source: 'library' });
    expect(day('2025-09-28')).toMatchObject({ isWorkingDay: true, source: 'library' });
    expect(day('2025-10-13')).toMatchObject({ isWorkingDay: true });
    expect(day('2025-10-11')).toMatchObject({ isWorkingDay: true, name: expect.stringContaining('调休') });
  });

  it('lets only an admin override a day, and new deadlines follow the override', async () => {
    const refused = await t.app.inject({
      method: 'PUT', url: '/api/v1/admin/calendar/2026-03-11', headers: { authorization: `Bearer ${operator.token}` }, payload: { isWorkingDay: false },
    });
    expect(refused.statusCode).toBe(403);
    const ok = await t.app.inject({
      method: 'PUT', url: '/api/v1/admin/calendar/2026-03-11', headers: { authorization: `Bearer ${admin.token}` },
      payload: { isWorkingDay: false, name: '临时停工' },
    });
    expect(ok.statusCode).toBe(200);
    expect(JSON.parse(ok.body)).toMatchObject({ date: '2026-03-11', isWorkingDay: false, source: 'admin' });
    const bad = await t.app.inject({
      method: 'PUT', url: '/api/v1/admin/calendar/2026-02-30', headers: { authorization: `Bearer ${admin.token}` }, payload: { isWorkingDay: false },
    });
    expect(bad.statusCode).toBe(400);
    expect(JSON.parse(bad.body).code).toBe('VALIDATION_FAILED');

    // E0404 (1 working day) dispatched Tue 2026-03-10: Wed 11th is now off → deadline Thu 12th 17:30 Shanghai.
    const gridWorker = await loginAs(t.app, `grid_worker-${LY}`);
    const c = await reportEvent(gridWorker, { categoryCode: 'E0404' });
    const filed = await actOk(operator, c.id, 'file', { version: 1 });
    const dispatched = await actOk(operator, c.id, 'dispatch', { version: filed.version, departmentId: await departmentId(operator, LY, 'cgj') });
    expect(dispatched.deadlines.resolve).toBe('2026-03-12T09:30:00.000Z');
  });
});

describe('user administration', () => {
  it('adds a handler by org codes and refuses duplicates and non-admins', async () => {
    const body = { username: 'wang.handler', password: 'secret-pass-1', displayName: '王处置', role: 'handler', districtCode: LY, departmentCode: 'swj' };
    const created = await admin.post('/api/v1/admin/users', body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ username: 'wang.handler', role: 'handler', departmentId: expect.any(Number) });
    const again = await admin.post('/api/v1/admin/users', body);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('USER_EXISTS');
    const noDepartment = await admin.post('/api/v1/admin/users', { ...body, username: 'li.handler', departmentCode: undefined });
    expect(noDepartment.body.code).toBe('VALIDATION_FAILED');
    expect((await operator.post('/api/v1/admin/users', { ...body, username: 'zhao' })).status).toBe(403);
    const login = await loginAs(t.app, 'wang.handler', 'secret-pass-1');
    expect((await login.get('/api/v1/me')).body.user.role).toBe('handler');
    const list = await admin.get('/api/v1/admin/users');
    expect(list.body.items.map((u: { username: string }) => u.username)).toContain('wang.handler');
  });
});

describe('categories as data', () => {
  it('lets an admin change a time limit, which new deadlines then use', async () => {
    const res = await t.app.inject({
      method: 'PATCH', url: '/api/v1/admin/categories/E0405', headers: { authorization: `Bearer ${admin.token}` },
      payload: { limits: { resolve: { amount: 3, unit: 'working_days' } }, selfHandleAllowed: true },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ code: 'E0405', limits: { resolve: { amount: 3, unit: 'working_days' } }, selfHandleAllowed: true });
    const listed = (await operator.get('/api/v1/categories')).body.items.find((c: { code: string }) => c.code === 'E0405');
    expect(listed.limits.resolve).toEqual({ amount: 3, unit: 'working_days' });
  });

  it('routes the next report by the new default department at once, though intake keeps categories in memory', async () => {
    const report = () => operator.post('/api/v1/cases', { kind: 'citizen_request', categoryCode: 'H02', description: '自来水管漏水，请尽快维修。', districtCode: '220106' });
    const before = await report();
    expect(before.status).toBe(201);
    expect(before.body.departmentName).toBe('水务局');
    const patched = await admin.patch('/api/v1/admin/categories/H02', { departmentCode: 'zjj' });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    const after = await report();
    expect(after.status).toBe(201);
    expect(after.body.departmentName).toBe('住房和城乡建设局');
  });

  it('refuses fractional working days, unknown departments and unknown categories', async () => {
    const patch = (code: string, payload: unknown) =>
      t.app.inject({ method: 'PATCH', url: `/api/v1/admin/categories/${code}`, headers: { authorization: `Bearer ${admin.token}` }, payload: payload as object });
    expect(JSON.parse((await patch('E0405', { limits: { resolve: { amount: 1.5, unit: 'working_days' } } })).body).code).toBe('VALIDATION_FAILED');
    expect(JSON.parse((await patch('E0405', { departmentCode: 'nope' })).body).code).toBe('CASE_DEPARTMENT_UNKNOWN');
    expect(JSON.parse((await patch('ZZ99', { urgent: true })).body).code).toBe('CASE_CATEGORY_UNKNOWN');
    expect(JSON.parse((await patch('E0405', {})).body).code).toBe('VALIDATION_FAILED');
  });
});
