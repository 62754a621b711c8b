import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestClock, startTestApp, type TestApp } from '../support/test-app.ts';
import { loginAs, type ApiClient } from '../support/api-client.ts';
import { LY, actOk, departmentId, reportEvent } from '../support/case-helpers.ts';

let t: TestApp;
let admin: ApiClient;
let operator: ApiClient;
let gridWorker: ApiClient;
const url = `/api/v1/admin/districts/${LY}/settings`;
const auditCount = async () => Number((await sql<{ n: string }>`select count(*) as n from admin_audit where action = 'district.settings'`.execute(t.handle.db)).rows[0]!.n);

beforeAll(async () => {
  t = await startTestApp({ clock: createTestClock('2026-03-10T02:00:00Z') });
  [admin, operator, gridWorker] = await Promise.all([loginAs(t.app, 'admin'), loginAs(t.app, `operator-${LY}`), loginAs(t.app, `grid_worker-${LY}`)]);
});
afterAll(async () => { await t?.close(); });

describe('district settings', () => {
  it('shows the settings in force with their defaults', async () => {
    const res = await admin.get(url);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ district: LY, period: '2026-03', nextPeriod: '2026-04', pending: [] });
    expect(res.body.inForce).toMatchObject({ rankingListSize: 3, rectificationDays: 5, ratingDefaultDays: 7, duplicateRadiusMeters: null });
    expect(res.body.inForce.workingHours.periods).toEqual([{ start: '08:30', end: '12:00' }, { start: '13:00', end: '17:30' }]);
  });

  it('refuses overlapping hours, weights not summing to 100 and unknown fields in both languages, changing nothing', async () => {
    const before = (await admin.get(url)).body;
    const audits = await auditCount();
    const hours = await admin.put(url, { workingHours: { periods: [{ start: '08:30', end: '12:30' }, { start: '12:00', end: '17:30' }] } });
    expect(hours.status).toBe(400);
    expect(hours.body).toMatchObject({ code: 'DISTRICT_SETTINGS_HOURS_INVALID', message: expect.stringContaining('重叠'), messageEn: expect.stringContaining('overlapping') });
    const weights = await admin.put(url, { indicatorWeights: { closeRate: 50, satisfactionRate: 40 } });
    expect(weights.body).toMatchObject({ code: 'DISTRICT_SETTINGS_WEIGHTS_SUM', message: expect.stringContaining('100'), messageEn: expect.stringContaining('100') });
    expect(weights.status).toBe(400);
    const unknown = await admin.put(url, { colour: 'red', rectificationDays: 7 });
    expect(unknown).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    expect((await admin.get(url)).body).toEqual(before);
    expect(await auditCount()).toBe(audits);
  });

  it('lets only an admin read or change them, of a district that exists', async () => {
    expect((await operator.get(url)).status).toBe(403);
    expect((await operator.put(url, { rectificationDays: 7 })).status).toBe(403);
    expect((await admin.put('/api/v1/admin/districts/999999/settings', { rectificationDays: 7 })).body.code).toBe('DISTRICT_UNKNOWN');
  });

  it('applies a change from the next month, audited, and deadlines of that month follow the new hours', async () => {
    const audits = await auditCount();
    const res = await admin.put(url, { workingHours: { periods: [{ start: '08:00', end: '12:00' }, { start: '14:00', end: '18:00' }] }, rectificationDays: 7 });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.appliesFrom).toBe('2026-04');
    expect(res.body.inForce.rectificationDays).toBe(5);
    expect(res.body.fromNextPeriod.rectificationDays).toBe(7);
    expect(await auditCount()).toBe(audits + 1);
    const cgj = await departmentId(operator, LY, 'cgj');
    const dispatch = async () => {
      const c = await reportEvent(gridWorker, { categoryCode: 'E0404' });
      const filed = await actOk(operator, c.id, 'file', { version: 1 });
      return actOk(operator, c.id, 'dispatch', { version: filed.version, departmentId: cgj });
    };
    // March: still 17:30 (09:30 UTC). E0404 is 1 working day; Tue 03-10 → Wed 03-11.
    expect((await dispatch()).deadlines.resolve).toBe('2026-03-11T09:30:00.000Z');
    // April: the new close of 18:00 (10:00 UTC). Thu 04-09 → Fri 04-10.
    t.clock.set('2026-04-09T02:00:00Z');
    expect((await dispatch()).deadlines.resolve).toBe('2026-04-10T10:00:00.000Z');
    expect((await admin.get(url)).body.inForce.rectificationDays).toBe(7);
  });
});
