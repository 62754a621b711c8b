import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestClock, startTestApp, type TestApp } from '../support/test-app.ts';
import { apiClient, loginAs, type ApiClient } from '../support/api-client.ts';
import { LY, actOk, departmentId, reportEvent } from '../support/case-helpers.ts';

// December 2026: the holiday library ends at 2026, so 2027 onwards is estimated from the statutory holidays.
let t: TestApp;
let operator: ApiClient;
let gridWorker: ApiClient;

beforeAll(async () => {
  t = await startTestApp({ clock: createTestClock('2026-12-15T02:00:00Z') });
  [operator, gridWorker] = await Promise.all([loginAs(t.app, `operator-${LY}`), loginAs(t.app, `grid_worker-${LY}`)]);
});
afterAll(async () => { await t?.close(); });

describe('provisional calendar years', () => {
  it('runs a 15-working-day limit from 2026-12-15 over the estimated 元旦 2027 to Jan 6 17:30, marked provisional', async () => {
    // E0105 水域不洁: 15 working days. Reported and dispatched Tue 2026-12-15 10:00 Shanghai.
    const c = await reportEvent(gridWorker, { categoryCode: 'E0105' });
    const filed = await actOk(operator, c.id, 'file', { version: 1 });
    const dispatched = await actOk(operator, c.id, 'dispatch', { version: filed.version, departmentId: await departmentId(operator, LY, 'swj') });
    expect(dispatched.deadlines.resolve).toBe('2027-01-06T09:30:00.000Z');
    expect(dispatched.deadlineProvisional).toBe(true);
    const list = await operator.get('/api/v1/cases?pageSize=5');
    expect(list.body.items.find((item: { id: number }) => item.id === c.id).deadlineProvisional).toBe(true);
  });

  it('leaves a deadline inside 2026 unmarked', async () => {
    const c = await reportEvent(gridWorker, { categoryCode: 'E0102' });
    expect(c.deadlineProvisional).toBe(false);
  });

  it('marks every day of 2027 provisional, with the statutory holidays off', async () => {
    const res = await apiClient(t.app).get('/api/v1/calendar?year=2027');
    expect(res.status).toBe(200);
    expect(res.body.provisional).toBe(true);
    const byDate = new Map(res.body.days.map((d: { date: string }) => [d.date, d]));
    expect(byDate.get('2027-01-01')).toMatchObject({ isWorkingDay: false, name: '元旦', source: 'provisional', provisional: true });
    expect(byDate.get('2027-02-05')).toMatchObject({ isWorkingDay: false, name: '春节' });
    expect(byDate.get('2027-01-04')).toMatchObject({ isWorkingDay: true, source: 'provisional', provisional: true });
    const official = await apiClient(t.app).get('/api/v1/calendar?year=2026');
    expect(official.body.provisional).toBe(false);
    expect(official.body.days.every((d: { provisional: boolean }) => !d.provisional)).toBe(true);
  });

  it('estimates a year beyond the seeded ones when asked', async () => {
    const res = await apiClient(t.app).get('/api/v1/calendar?year=2035');
    expect(res.body.provisional).toBe(true);
    expect(res.body.days.find((d: { date: string }) => d.date === '2035-10-01')).toMatchObject({ isWorkingDay: false, name: '国庆节' });
  });

  it('names the provisional years in health', async () => {
    const res = await apiClient(t.app).get('/api/v1/health');
    expect(res.body.calendar).toEqual({ provisionalYears: [2027, 2028, 2029, 2030] });
  });
});
