/**
 * 督办 notices, 差评 → rectification, appeals (申诉) and service ratings through the API.
 * March 2026 has no holidays: 5 working days after Tue 03-10 is Tue 03-17, closing 17:30.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { loginAs, type ApiClient } from '../support/api-client.ts';
import { caseScript, departmentsOf220106, type CaseScript } from '../support/case-script.ts';
import { runSweep } from '../../src/services/supervision/warning-sweep.ts';

let t: TestApp;
let op: ApiClient; let sup: ApiClient; let leader: ApiClient; let swj: ApiClient; let fgj: ApiClient; let citizen: ApiClient;
let s: CaseScript;
let dept: Record<string, number>;

beforeAll(async () => {
  t = await startTestApp();
  op = await loginAs(t.app, 'operator-220106');
  sup = await loginAs(t.app, 'supervisor-220106');
  leader = await loginAs(t.app, 'leader-220106');
  citizen = await loginAs(t.app, 'citizen-demo');
  const departments = await departmentsOf220106(t);
  dept = departments.ids;
  swj = await departments.handler('swj');
  fgj = await departments.handler('fgj');
  s = await caseScript(t, op);
}, 300_000);

afterAll(async () => { await t?.close(); });

describe('supervision notices', () => {
  it('records a notice on the case, lets only the owning unit answer it, once', async () => {
    const id = await s.openAndSign('H02', swj, dept.swj!, '2026-03-10');
    s.at('2026-03-10T10:00');
    expect((await op.post('/api/v1/notices', { caseId: id, content: '请加快' })).status).toBe(403);
    const res = await sup.post('/api/v1/notices', { caseId: id, content: '请加快处置', respondWithinDays: 1 });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ caseId: id, departmentId: dept.swj, status: 'open', respondBy: '2026-03-11T09:30:00.000Z' });
    const detail = await op.get(`/api/v1/cases/${id}`);
    expect(detail.body.counts.supervision).toBe(1);
    expect(detail.body.timeline.at(-1)).toMatchObject({ action: 'supervise', note: '请加快处置' });
    expect((await fgj.post(`/api/v1/notices/${res.body.id}/respond`, { response: '不是我们' })).status).toBe(403);
    s.at('2026-03-10T15:00');
    const answered = await swj.post(`/api/v1/notices/${res.body.id}/respond`, { response: '已安排抢修' });
    expect(answered.body).toMatchObject({ status: 'answered', late: false });
    expect((await swj.post(`/api/v1/notices/${res.body.id}/respond`, { response: '再答' })).body.code).toBe('NOTICE_ALREADY_ANSWERED');
    expect((await swj.get('/api/v1/notices')).body.items).toHaveLength(1);
    expect((await fgj.get('/api/v1/notices')).body.items).toHaveLength(0);
  });

  it('escalates an unanswered notice to the leader in the sweep', async () => {
    s.at('2026-03-10T11:00');
    const res = await sup.post('/api/v1/notices', { departmentId: dept.fgj, content: '请报告本月退单情况', respondWithinDays: 1 });
    expect(res.status).toBe(201);
    s.at('2026-03-11T17:29');
    expect((await runSweep(t.services)).noticesEscalated).toBe(0);
    s.at('2026-03-11T17:31');
    expect((await runSweep(t.services)).noticesEscalated).toBe(1);
    expect((await runSweep(t.services)).noticesEscalated).toBe(0);
    const notices = await sup.get('/api/v1/notices?status=escalated');
    expect(notices.body.items.map((n: any) => n.id)).toEqual([res.body.id]);
    const inbox = await leader.get('/api/v1/notifications');
    expect(inbox.body.items.filter((n: any) => n.kind === 'notice_escalated' && n.noticeId === res.body.id)).toHaveLength(1);
    // A late answer is still taken, and marked late.
    s.at('2026-03-12T09:00');
    expect((await fgj.post(`/api/v1/notices/${res.body.id}/respond`, { response: '补报' })).body).toMatchObject({ status: 'answered', late: true });
  });

  it('rejects a notice without a valid target', async () => {
    expect((await sup.post('/api/v1/notices', { content: '无对象' })).status).toBe(400);
    expect((await sup.post('/api/v1/notices', { departmentId: 999_999, content: '无此单位' })).body.code).toBe('NOTICE_TARGET_INVALID');
  });
});

describe('差评 → rectification, and appeals', () => {
  /** A case of swj closed and rated 不满意 on 03-10, and the rectification case that opened. Each test makes its own. */
  async function badlyRatedCase(): Promise<{ rated: number; rectificationId: number }> {
    const rated = await s.openAndSign('H02', swj, dept.swj!, '2026-03-10', '10');
    await s.act(swj, rated, 'resolve', '2026-03-10T12:00', { note: '已修复' });
    await s.act(op, rated, 'check_pass', '2026-03-10T13:00');
    await s.act(op, rated, 'rate', '2026-03-10T14:00', { level: 'dissatisfied', comment: '态度差' });
    const source = await op.get(`/api/v1/cases/${rated}`);
    const opened = source.body.timeline.find((e: any) => e.action === 'rectification_opened');
    expect(opened).toBeTruthy();
    return { rated, rectificationId: opened.data.rectificationCaseId };
  }

  it('opens a rectification case for the unit that handled a badly rated case', async () => {
    const { rectificationId } = await badlyRatedCase();
    const rect = await op.get(`/api/v1/cases/${rectificationId}`);
    expect(rect.body).toMatchObject({
      kind: 'rectification', state: 'dispatched', departmentId: dept.swj, categoryCode: 'R02',
      deadlines: { resolve: '2026-03-17T09:30:00.000Z' },
    });
    expect(rect.body.timeline[0]).toMatchObject({ action: 'open_rectification', toState: 'dispatched', data: { level: 'dissatisfied', days: 5 } });
  });

  it('does not open one for a good rating, and takes the deadline from district settings', async () => {
    await t.services.db.updateTable('districts').set({ settings: JSON.stringify({ rectificationDays: 3 }) }).where('code', '=', '220106').execute();
    try {
      const good = await s.openAndSign('H02', swj, dept.swj!, '2026-03-10', '11');
      await s.act(swj, good, 'resolve', '2026-03-10T12:00', { note: '已修复' });
      await s.act(op, good, 'check_pass', '2026-03-10T13:00');
      await s.act(op, good, 'rate', '2026-03-10T14:00', { level: 'basically_satisfied' });
      expect((await op.get(`/api/v1/cases/${good}`)).body.timeline.some((e: any) => e.action === 'rectification_opened')).toBe(false);
      s.at('2026-03-10T15:00');
      const res = await citizen.post('/api/v1/ratings/services', { departmentId: dept.fgj, channel: 'online', serviceName: '用电报装', level: 'very_dissatisfied' });
      expect(res.status).toBe(201);
      const rect = await op.get(`/api/v1/cases/${res.body.rectificationCaseId}`);
      expect(rect.body).toMatchObject({ categoryCode: 'R01', departmentId: dept.fgj, deadlines: { resolve: '2026-03-13T09:30:00.000Z' } });
      expect((await swj.post('/api/v1/ratings/appeals', { caseId: good, reason: '不服' })).body.code).toBe('APPEAL_NOT_ALLOWED');
    } finally {
      await t.services.db.updateTable('districts').set({ settings: JSON.stringify({}) }).where('code', '=', '220106').execute();
    }
  });

  it('lets the rated unit appeal once and a supervisor decide once', async () => {
    const { rated } = await badlyRatedCase();
    s.at('2026-03-11T09:00');
    expect((await fgj.post('/api/v1/ratings/appeals', { caseId: rated, reason: '不是我们办的' })).status).toBe(403);
    const appeal = await swj.post('/api/v1/ratings/appeals', { caseId: rated, reason: '来电人反映的问题已解决，差评系误评' });
    expect(appeal.status, JSON.stringify(appeal.body)).toBe(201);
    expect(appeal.body.status).toBe('pending');
    expect((await swj.post('/api/v1/ratings/appeals', { caseId: rated, reason: '再申诉' })).body.code).toBe('APPEAL_NOT_ALLOWED');
    expect((await op.post(`/api/v1/ratings/appeals/${appeal.body.id}/decide`, { upheld: true })).status).toBe(403);
    const before = await sup.get('/api/v1/indicators?period=2026-03&level=department&unit=swj');
    const dissatisfied = before.body.items[0].counts.dissatisfied as number;
    expect(dissatisfied).toBeGreaterThanOrEqual(1);
    const decided = await sup.post(`/api/v1/ratings/appeals/${appeal.body.id}/decide`, { upheld: true, note: '核实为误评' });
    expect(decided.body).toMatchObject({ status: 'upheld', decisionNote: '核实为误评' });
    expect((await sup.post(`/api/v1/ratings/appeals/${appeal.body.id}/decide`, { upheld: false })).body.code).toBe('APPEAL_ALREADY_DECIDED');
    const after = await sup.get('/api/v1/indicators?period=2026-03&level=department&unit=swj');
    expect(after.body.items[0].counts.dissatisfied).toBe(dissatisfied - 1);
    const upheld = (await sup.get('/api/v1/ratings/appeals?status=upheld')).body.items as { id: number }[];
    expect(upheld.map((a) => a.id)).toContain(appeal.body.id);
  });

  /** The department's 立案数 counter summed over all days of the rollups. */
  async function filedRollup(departmentId: number): Promise<number> {
    // Rollups move when the linker links the events, a pass after the answer (issue 10): count what is committed.
    await t.services.afterCommit.drain();
    const row = await t.services.db.selectFrom('indicator_rollups').select((eb) => eb.fn.sum<number>('filed').as('n'))
      .where('level', '=', 'department').where('unit_id', '=', departmentId).executeTakeFirstOrThrow();
    return Number(row.n ?? 0);
  }

  it('voids the rectification case of an upheld appeal, with its event and a compensating rollup delta; a rejected one leaves it open', async () => {
    const { rated, rectificationId } = await badlyRatedCase();
    const kept = await badlyRatedCase();
    s.at('2026-03-11T09:00');
    const appeal = await swj.post('/api/v1/ratings/appeals', { caseId: rated, reason: '差评系误评' });
    const other = await swj.post('/api/v1/ratings/appeals', { caseId: kept.rated, reason: '差评系误评' });
    const filedBefore = await filedRollup(dept.swj!);
    s.at('2026-03-11T10:00');
    expect((await sup.post(`/api/v1/ratings/appeals/${other.body.id}/decide`, { upheld: false })).status).toBe(200);
    expect((await op.get(`/api/v1/cases/${kept.rectificationId}`)).body.state).toBe('dispatched');
    expect((await sup.post(`/api/v1/ratings/appeals/${appeal.body.id}/decide`, { upheld: true, note: '核实为误评' })).status).toBe(200);
    const rect = (await op.get(`/api/v1/cases/${rectificationId}`)).body;
    expect(rect).toMatchObject({ state: 'declined', overdue: false, warningLevel: 'none' });
    expect(rect.timeline.at(-1)).toMatchObject({
      action: 'void_rectification', fromState: 'dispatched', toState: 'declined', note: '核实为误评', data: { appealId: appeal.body.id },
    });
    expect(await filedRollup(dept.swj!)).toBe(filedBefore - 1);
    // Long after its deadline the voided case is in no overdue list.
    s.at('2026-04-01T10:00');
    const overdue = (await op.get('/api/v1/cases?overdue=true&pageSize=100')).body.items as { id: number }[];
    expect(overdue.map((c) => c.id)).not.toContain(rectificationId);
    expect(overdue.map((c) => c.id)).toContain(kept.rectificationId);
  });
});
