/**
 * A scripted October 2026 in 绿园区, played through the HTTP API with the test clock; the values
 * it should produce are computed by hand in test/http/indicators-month.test.ts.
 *
 * Units: 水务局 swj (H02 供水), 发展和改革局 fgj (H03 供电), 住房和城乡建设局 zjj (H04 燃气); all three
 * categories have a 24 clock-hour resolve limit and a 1 clock-hour sign limit, so deadlines are
 * dispatch + 24 h whatever the calendar. Rectification deadlines are 5 working days.
 *
 * swj:  A0 filed 09-28, deadline 09-29 09:20, resolved 10-09 (late), closed 10-09      → closed late in Oct
 *       A1 on time, rated 非常满意; A2 reworked once, on time, 满意; A3 extended 1 day, on time, 基本满意
 *       A4 resolved 10-23 after deadline 10-21 (late), 非常不满意 → rectification RA4 (closed on time);
 *          swj appeals, the supervisor upholds → the rating leaves the indicators
 *       A5 dispatched 10-26, still open at month end (deadline 10-27) → due-but-open, overdue;
 *          a notice on A5 goes unanswered and is escalated by the sweep
 * fgj:  B1 returned once, re-dispatched, on time, rated 不满意 → rectification RB1 never signed (overdue)
 *       B2 suspended (not due); B3 on time, 满意; a notice to fgj answered on time
 * zjj:  C1 on time, 非常满意; C2 merged into C1 (not counted); C3 declined (not counted)
 *       service ratings: 非常满意 on site, 不满意 online → rectification RC closed on time
 */
import { expect } from 'vitest';
import type { TestApp } from './test-app.ts';
import { loginAs, type ApiClient } from './api-client.ts';
import { addUser } from '../../src/services/auth/auth-service.ts';
import { runSweep } from '../../src/services/supervision/warning-sweep.ts';

export interface OctoberClients {
  op: ApiClient; lead: ApiClient; sup: ApiClient; citizen: ApiClient; h: Record<'swj' | 'fgj' | 'zjj', ApiClient>;
}

/** Plays the month on a fresh test app; leaves the clock at 2026-11-02 10:00 Shanghai. */
export async function scriptOctober2026(t: TestApp): Promise<OctoberClients> {
  const op = await loginAs(t.app, 'operator-220106');
  const lead = await loginAs(t.app, 'shift_lead-220106');
  const sup = await loginAs(t.app, 'supervisor-220106');
  const citizen = await loginAs(t.app, 'citizen-demo');
  const h: Record<'swj' | 'fgj' | 'zjj', ApiClient> = {} as never;
  const dept: Record<string, number> = {};
  let gridCode = '';

  const at = (local: string) => t.clock.set(`${local}:00+08:00`);

  async function report(code: string, local: string): Promise<number> {
    at(local);
    const res = await op.post('/api/v1/cases', { kind: 'citizen_request', categoryCode: code, description: `测试 ${code} ${local}`, gridCode });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id;
  }

  async function act(client: ApiClient, id: number, action: string, local: string, body: Record<string, unknown> = {}) {
    at(local);
    const current = await op.get(`/api/v1/cases/${id}`);
    const res = await client.post(`/api/v1/cases/${id}/actions/${action}`, { version: current.body.version, ...body });
    expect(res.status, `${action} ${id}: ${JSON.stringify(res.body)}`).toBe(200);
    return res.body;
  }

  /** report → file → dispatch → sign, all on the same day. */
  async function openAndSign(code: string, unit: 'swj' | 'fgj' | 'zjj', day: string, hour = '09'): Promise<number> {
    const id = await report(code, `${day}T${hour}:00`);
    await act(op, id, 'file', `${day}T${hour}:10`);
    await act(op, id, 'dispatch', `${day}T${hour}:20`, { departmentId: dept[unit] });
    await act(h[unit], id, 'sign', `${day}T${hour}:30`);
    return id;
  }

  async function rectificationOf(caseId: number): Promise<number> {
    const row = await t.services.db.selectFrom('cases').select('id').where('rectification_of_id', '=', caseId).executeTakeFirstOrThrow();
    return row.id;
  }


  const db = t.services.db;
  const district = await db.selectFrom('districts').select('id').where('code', '=', '220106').executeTakeFirstOrThrow();
  for (const row of await db.selectFrom('departments').select(['id', 'code']).where('district_id', '=', district.id).execute()) dept[row.code] = row.id;
  gridCode = (await db.selectFrom('grids').select('code').where('district_id', '=', district.id).orderBy('code').limit(1).executeTakeFirstOrThrow()).code;
  for (const unit of ['swj', 'fgj', 'zjj'] as const) {
    await addUser({ db }, { username: `handler-${unit}`, password: 'demo1234', displayName: `${unit} 处置员`, role: 'handler', districtId: district.id, departmentId: dept[unit]! });
    h[unit] = await loginAs(t.app, `handler-${unit}`);
  }

  // September: A0 falls due 09-29 and is closed late in October.
  const a0 = await openAndSign('H02', 'swj', '2026-09-28');
  await act(h.swj, a0, 'resolve', '2026-10-09T10:00', { note: '已修复' });
  await act(op, a0, 'check_pass', '2026-10-09T11:00');

  const a1 = await report('H02', '2026-10-12T09:00');
  const c1 = await report('H04', '2026-10-12T09:01');
  const c2 = await report('H04', '2026-10-12T09:05');
  await act(op, a1, 'file', '2026-10-12T09:10');
  await act(op, c1, 'file', '2026-10-12T09:10');
  await act(op, c2, 'merge', '2026-10-12T09:12', { intoCaseId: c1 });
  await act(op, a1, 'dispatch', '2026-10-12T09:20', { departmentId: dept.swj });
  await act(op, c1, 'dispatch', '2026-10-12T09:20', { departmentId: dept.zjj });
  await act(h.swj, a1, 'sign', '2026-10-12T09:30');
  await act(h.zjj, c1, 'sign', '2026-10-12T09:30');
  const b1 = await report('H03', '2026-10-12T10:00');
  await act(op, b1, 'file', '2026-10-12T10:10');
  await act(op, b1, 'dispatch', '2026-10-12T10:20', { departmentId: dept.fgj });
  await act(h.fgj, b1, 'return', '2026-10-12T11:00', { reason: '非本单位职责' });
  await act(op, b1, 'dispatch', '2026-10-12T11:30', { departmentId: dept.fgj });
  await act(h.fgj, b1, 'sign', '2026-10-12T11:40');
  await act(h.zjj, c1, 'resolve', '2026-10-12T12:00', { note: '已处置' });
  await act(op, c1, 'check_pass', '2026-10-12T13:00');
  await act(op, c1, 'rate', '2026-10-12T14:00', { level: 'very_satisfied' });
  await act(h.swj, a1, 'resolve', '2026-10-12T15:00', { note: '已处置' });
  await act(op, a1, 'check_pass', '2026-10-12T16:00');
  await act(h.fgj, b1, 'resolve', '2026-10-12T16:00', { note: '已处置' });
  await act(op, b1, 'check_pass', '2026-10-12T17:00');
  await act(op, b1, 'rate', '2026-10-13T09:00', { level: 'dissatisfied', comment: '处理太慢' });

  const a2 = await openAndSign('H02', 'swj', '2026-10-13', '09');
  const c3 = await report('H04', '2026-10-13T10:40');
  await act(op, c3, 'file', '2026-10-13T10:45');
  await act(lead, c3, 'decline', '2026-10-13T10:50', { reason: '重复来电' });
  await act(op, a1, 'rate', '2026-10-13T11:00', { level: 'very_satisfied' });
  await act(h.swj, a2, 'resolve', '2026-10-13T14:00', { note: '已处置' });
  await act(op, a2, 'check_fail', '2026-10-13T15:00', { reason: '仍有漏水' });

  const a3 = await openAndSign('H02', 'swj', '2026-10-14', '09');
  await act(h.swj, a2, 'resolve', '2026-10-14T10:00', { note: '已返工' });
  await act(op, a2, 'check_pass', '2026-10-14T11:00');
  await act(op, a2, 'rate', '2026-10-14T12:00', { level: 'satisfied' });
  await act(h.swj, a3, 'request_extension', '2026-10-14T16:00', { days: 1, reason: '需更换管道' });
  await act(op, a3, 'approve_extension', '2026-10-14T16:30');

  const b2 = await openAndSign('H03', 'fgj', '2026-10-15', '09');
  await act(h.fgj, b2, 'request_suspension', '2026-10-15T10:00', { reason: '等待上级电网检修' });
  await act(op, b2, 'approve_suspension', '2026-10-15T10:00');
  at('2026-10-15T10:00');
  expect((await op.post('/api/v1/ratings/services', { departmentId: dept.zjj, channel: 'on_site', serviceName: '燃气开户', level: 'very_satisfied' })).status).toBe(201);

  await act(h.swj, a3, 'resolve', '2026-10-16T10:00', { note: '已更换' });
  await act(op, a3, 'check_pass', '2026-10-16T11:00');
  await act(op, a3, 'rate', '2026-10-16T12:00', { level: 'basically_satisfied' });
  at('2026-10-16T10:00');
  const bad = await citizen.post('/api/v1/ratings/services', { departmentId: dept.zjj, channel: 'online', serviceName: '燃气过户', level: 'dissatisfied', comment: '材料反复提交' });
  expect(bad.status).toBe(201);
  expect(bad.body.rectificationCaseNumber).toMatch(/^LY-2026-\d{6}$/);
  const rc = bad.body.rectificationCaseId as number;

  const b3 = await openAndSign('H03', 'fgj', '2026-10-19', '09');
  await act(h.fgj, b3, 'resolve', '2026-10-19T12:00', { note: '已处置' });
  await act(op, b3, 'check_pass', '2026-10-19T13:00');
  await act(op, b3, 'rate', '2026-10-19T14:00', { level: 'satisfied' });

  await act(h.zjj, rc, 'sign', '2026-10-20T09:00');
  at('2026-10-20T09:00');
  const fgjNotice = await sup.post('/api/v1/notices', { departmentId: dept.fgj, content: '请说明供电类工单退单原因', respondWithinDays: 2 });
  expect(fgjNotice.status).toBe(201);
  const a4 = await openAndSign('H02', 'swj', '2026-10-20', '09');
  await act(h.zjj, rc, 'resolve', '2026-10-20T10:00', { note: '已简化材料' });
  await act(op, rc, 'check_pass', '2026-10-20T11:00');
  at('2026-10-21T10:00');
  expect((await h.fgj.post(`/api/v1/notices/${fgjNotice.body.id}/respond`, { response: '已核查，系派单错误' })).status).toBe(200);

  await act(h.swj, a4, 'resolve', '2026-10-23T10:00', { note: '已处置' });
  await act(op, a4, 'check_pass', '2026-10-23T11:00');
  await act(op, a4, 'rate', '2026-10-23T12:00', { level: 'very_dissatisfied', comment: '拖了三天' });
  const ra4 = await rectificationOf(a4);
  at('2026-10-24T10:00');
  const appeal = await h.swj.post('/api/v1/ratings/appeals', { caseId: a4, reason: '停水系上游爆管，非本单位原因' });
  expect(appeal.status).toBe(201);

  const a5 = await openAndSign('H02', 'swj', '2026-10-26', '09');
  await act(h.swj, ra4, 'sign', '2026-10-26T10:00');
  await act(h.swj, ra4, 'resolve', '2026-10-27T10:00', { note: '已回访解释' });
  await act(op, ra4, 'check_pass', '2026-10-27T11:00');
  // Decided after its rectification case closed, so there is nothing left to void (that rule: supervision-ratings.test.ts).
  at('2026-10-27T11:30');
  expect((await sup.post(`/api/v1/ratings/appeals/${appeal.body.id}/decide`, { upheld: true, note: '情况属实' })).status).toBe(200);
  at('2026-10-27T10:00');
  expect((await sup.post('/api/v1/notices', { caseId: a5, content: '请加快处置', respondWithinDays: 1 })).status).toBe(201);
  at('2026-10-29T09:00');
  const sweep = await runSweep(t.services);
  expect(sweep.noticesEscalated).toBe(1);
  void b1;
  at('2026-11-02T10:00');
  return { op, lead, sup, citizen, h };
}
