/**
 * 来电登记 (issue 17) through HTTP: before a hotline call is saved the operator sees the caller's earlier
 * and open cases by phone number and the likely duplicates (same category, same grid, or the caller's own),
 * and lets the caller follow an existing case instead (a tracking code of their own, read out on the phone).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { apiClient, loginAs, type ApiClient } from '../support/api-client.ts';

let t: TestApp;
let operator: ApiClient;
const GRID_A = '220106001001001';
const GRID_B = '220106001002001';
const CALLER = '138 0000 0001';
const OTHER = '13900000002';
const cases: Record<string, { id: number; number: string }> = {};

async function call(client: ApiClient, name: string, body: Record<string, unknown>) {
  const res = await client.post('/api/v1/cases', { kind: 'event', source: 'hotline', ...body });
  expect(res.status).toBe(201);
  cases[name] = { id: res.body.id, number: res.body.number };
}

const numbers = (items: { number: string }[]) => items.map((item) => item.number).sort();
const followers = async () => Number((await t.handle.db.selectFrom('case_followers').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

beforeAll(async () => {
  t = await startTestApp();
  operator = await loginAs(t.app, 'operator-220106');
  await call(operator, 'mine', { categoryCode: 'E0104', description: '小区门口垃圾堆放', gridCode: GRID_A, reporter: { name: '王先生', phone: CALLER } });
  await call(operator, 'neighbour', { categoryCode: 'E0104', description: '门口垃圾没人清', gridCode: GRID_A, reporter: { phone: OTHER } });
  await call(operator, 'mineElsewhere', { categoryCode: 'E0101', description: '路面破损', gridCode: GRID_B, reporter: { phone: CALLER } });
  await call(operator, 'mineMerged', { categoryCode: 'E0104', description: '垃圾又堆起来了', gridCode: GRID_A, reporter: { phone: CALLER } });
  const merged = await operator.post(`/api/v1/cases/${cases.mineMerged!.id}/actions/merge`, { version: 1, intoCaseId: cases.neighbour!.id });
  expect(merged.status).toBe(200);
  // the same phone in another district is not this operator's to see
  await call(await loginAs(t.app, 'operator-220105'), 'otherDistrict', { categoryCode: 'E0104', description: '别区的来电', districtCode: '220105', reporter: { phone: CALLER } });
});
afterAll(async () => { await t?.close(); });

describe('intake hints before saving a call', () => {
  it('shows the caller’s open cases and earlier ones by phone number, only in the operator’s district', async () => {
    const res = await operator.get(`/api/v1/cases/intake-hints?phone=${encodeURIComponent(CALLER)}`);
    expect(res.status).toBe(200);
    expect(numbers(res.body.caller.open)).toEqual(numbers([cases.mine!, cases.mineElsewhere!]));
    expect(numbers(res.body.caller.earlier)).toEqual([cases.mineMerged!.number]);
    expect(res.body.caller.total).toBe(3);
    expect(res.body.caller.open[0].reporter.phone).toBe(CALLER);
    expect(res.body.duplicates).toEqual([]);
  });

  it('lists likely duplicates of the category in the grid and the caller’s own, marking which the caller reported', async () => {
    const res = await operator.get(`/api/v1/cases/intake-hints?phone=${encodeURIComponent(CALLER)}&category=E0104&grid=${GRID_A}`);
    expect(res.status).toBe(200);
    const marks = Object.fromEntries(res.body.duplicates.map((d: { number: string; sameCaller: boolean; sameGrid: boolean }) => [d.number, [d.sameCaller, d.sameGrid]]));
    // the merged one is finished, the other category is not the same problem
    expect(marks).toEqual({ [cases.mine!.number]: [true, true], [cases.neighbour!.number]: [false, true] });
    const byGridOnly = await operator.get(`/api/v1/cases/intake-hints?category=E0101&grid=${GRID_A}`);
    expect(byGridOnly.body.duplicates).toEqual([]);
    const callerElsewhere = await operator.get(`/api/v1/cases/intake-hints?phone=${encodeURIComponent(CALLER)}&category=E0101`);
    expect(callerElsewhere.body.duplicates.map((d: { number: string; sameGrid: boolean }) => [d.number, d.sameGrid])).toEqual([[cases.mineElsewhere!.number, false]]);
  });

  it('is for the command centre only, and refuses bad input with a code', async () => {
    expect((await apiClient(t.app).get('/api/v1/cases/intake-hints?phone=13800000001')).body.code).toBe('AUTH_REQUIRED');
    const handler = await loginAs(t.app, 'handler-220106');
    const refused = await handler.get('/api/v1/cases/intake-hints?phone=13800000001');
    expect([refused.status, refused.body.code]).toEqual([403, 'FORBIDDEN']);
    const badPhone = await operator.get('/api/v1/cases/intake-hints?phone=call-me');
    expect([badPhone.status, badPhone.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const category = await operator.get('/api/v1/cases/intake-hints?category=NOPE');
    expect([category.status, category.body.code, typeof category.body.messageEn]).toEqual([400, 'CASE_CATEGORY_UNKNOWN', 'string']);
    const grid = await operator.get('/api/v1/cases/intake-hints?category=E0104&grid=220106999999999');
    expect([grid.status, grid.body.code]).toEqual([400, 'GRID_UNKNOWN']);
  });
});

describe('following a case for the caller', () => {
  it('gives the caller a tracking code of their own that opens the case', async () => {
    const before = await followers();
    const res = await operator.post(`/api/v1/cases/${cases.neighbour!.number}/follow`, { forCaller: true });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ number: cases.neighbour!.number, trackingCode: expect.stringMatching(/^[0-9A-F]{12}$/) });
    expect(await followers()).toBe(before + 1);
    const tracked = await apiClient(t.app).get(`/api/v1/cases/${cases.neighbour!.number}?trackingCode=${res.body.trackingCode}`);
    expect(tracked.status).toBe(200);
  });

  it('refuses staff following for themselves, other roles and districts, and finished cases, changing nothing', async () => {
    const before = await followers();
    const own = await operator.post(`/api/v1/cases/${cases.neighbour!.id}/follow`, {});
    expect([own.status, own.body.code]).toEqual([403, 'FORBIDDEN']);
    const handler = await loginAs(t.app, 'handler-220106');
    expect((await handler.post(`/api/v1/cases/${cases.neighbour!.id}/follow`, { forCaller: true })).body.code).toBe('FORBIDDEN');
    const elsewhere = await loginAs(t.app, 'operator-220105');
    expect((await elsewhere.post(`/api/v1/cases/${cases.neighbour!.id}/follow`, { forCaller: true })).status).toBe(404);
    const merged = await operator.post(`/api/v1/cases/${cases.mineMerged!.id}/follow`, { forCaller: true });
    expect([merged.status, merged.body.code]).toEqual([409, 'CASE_NOT_FOLLOWABLE']);
    expect((await operator.post(`/api/v1/cases/${cases.neighbour!.id}/follow`, { forCaller: 'yes' })).body.code).toBe('VALIDATION_FAILED');
    expect(await followers()).toBe(before);
  });
});
