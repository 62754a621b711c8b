/**
 * POST /api/v1/track: a reporter follows a case with number and tracking code, in plain words; a wrong
 * number and a wrong code get the same answer; merged cases point at the kept one; a 差评 shows the
 * rectification promised, with its deadline; guessing is rate-limited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { apiClient, loginAs, type ApiClient } from '../support/api-client.ts';
import { actOk, reportEvent } from '../support/case-helpers.ts';
import { departmentsOf220106 } from '../support/case-script.ts';

let t: TestApp;
let operator: ApiClient;
let swj: ApiClient;
let swjId: number;
const anonymous = () => apiClient(t.app);

beforeAll(async () => {
  t = await startTestApp();
  operator = await loginAs(t.app, 'operator-220106');
  const departments = await departmentsOf220106(t);
  swjId = departments.ids.swj!;
  swj = await departments.handler('swj');
}, 300_000);
afterAll(async () => { await t?.close(); });

async function reportAnonymously(description: string): Promise<{ id: number; number: string; trackingCode: string }> {
  const created = await reportEvent(anonymous(), { kind: 'citizen_request', categoryCode: 'H02', description });
  return { id: created.id, number: created.number, trackingCode: created.trackingCode };
}

describe('citizen tracking', () => {
  it('shows a reported case in plain words, without grid codes or staff actions', async () => {
    const report = await reportAnonymously('小区门口水管漏水');
    const res = await anonymous().post('/api/v1/track', { number: report.number, trackingCode: report.trackingCode.toLowerCase() });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ number: report.number, stage: 'received', steps: [{ step: 'reported' }], mergedInto: null, rectification: null, canRate: false });
    const text = JSON.stringify(res.body);
    expect(text).not.toContain('220106001');
    expect(text).not.toMatch(/gridCode|allowedActions|departmentId/);
  });

  it('answers a wrong code and an unknown number alike: 404, the same body', async () => {
    const report = await reportAnonymously('路灯不亮');
    const wrongCode = await anonymous().post('/api/v1/track', { number: report.number, trackingCode: 'ABCDEF012345' });
    const unknownNumber = await anonymous().post('/api/v1/track', { number: 'LY-2026-999999', trackingCode: report.trackingCode });
    expect(wrongCode.status).toBe(404);
    expect(unknownNumber.status).toBe(404);
    expect(wrongCode.body).toEqual(unknownNumber.body);
    expect(wrongCode.body.code).toBe('TRACKING_NOT_FOUND');
  });

  it('links a merged case to the kept one, which the same code then opens', async () => {
    const kept = await reportAnonymously('井盖缺失（第一位）');
    const duplicate = await reportAnonymously('这里井盖没了');
    await actOk(operator, duplicate.id, 'merge', { version: 1, intoCaseId: kept.id });
    const merged = await anonymous().post('/api/v1/track', { number: duplicate.number, trackingCode: duplicate.trackingCode });
    expect(merged.body).toMatchObject({ stage: 'merged', mergedInto: { number: kept.number } });
    const followed = await anonymous().post('/api/v1/track', { number: kept.number, trackingCode: duplicate.trackingCode });
    expect(followed.status).toBe(200);
    expect(followed.body.number).toBe(kept.number);
  });

  it('after a 差评 tells the reporter the rectification and its deadline', async () => {
    const report = await reportAnonymously('污水冒溢');
    let version = (await actOk(operator, report.id, 'file', { version: 1 })).version;
    version = (await actOk(operator, report.id, 'dispatch', { version, departmentId: swjId })).version;
    const handling = await anonymous().post('/api/v1/track', { number: report.number, trackingCode: report.trackingCode });
    expect(handling.body).toMatchObject({ stage: 'handling', steps: [{ step: 'reported' }, { step: 'accepted' }, { step: 'assigned' }] });
    expect(handling.body.promisedBy).toEqual(expect.any(String));
    version = (await actOk(swj, report.id, 'sign', { version })).version;
    version = (await actOk(swj, report.id, 'resolve', { version, note: '已疏通' })).version;
    version = (await actOk(operator, report.id, 'check_pass', { version })).version;
    const closed = await anonymous().post('/api/v1/track', { number: report.number, trackingCode: report.trackingCode });
    expect(closed.body).toMatchObject({ stage: 'closed', canRate: true, rectification: null });
    await actOk(anonymous(), report.id, 'rate', { version, level: 'very_dissatisfied', comment: '没修好', trackingCode: report.trackingCode });
    const rated = await anonymous().post('/api/v1/track', { number: report.number, trackingCode: report.trackingCode });
    expect(rated.body.rating).toMatchObject({ level: 'very_dissatisfied' });
    expect(rated.body.rectification).toMatchObject({ number: expect.stringMatching(/^LY-/), done: false });
    expect(new Date(rated.body.rectification.deadline).getTime()).toBeGreaterThan(t.clock.now.getTime());
  });

  it('limits guesses from one address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 21; i += 1) {
      statuses.push((await anonymous().post('/api/v1/track', { number: 'LY-2026-000001', trackingCode: `GUESS${i}` })).status);
    }
    expect(statuses).toContain(429);
    expect(statuses.filter((status) => status !== 404 && status !== 429)).toEqual([]);
  });
});
