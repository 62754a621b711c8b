/**
 * A project month closes at its report deadline (the 5th working day of the next month by default): from
 * then on its 四率 are frozen (a project changed later does not change them), and a report still missing
 * is flagged. The clock starts on Friday 2026-11-20 (Shanghai); November's report is due Monday 2026-12-07.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestClock, startTestApp, type TestApp, type TestClock } from '../support/test-app.ts';
import { loginAs, type ApiClient } from '../support/api-client.ts';
import { departmentId } from '../support/case-helpers.ts';
import { sweepProjectMonths } from '../../src/services/projects/index.ts';
import { zhCN } from '../../src/web/i18n/zh-cn.ts';
import { en } from '../../src/web/i18n/en.ts';

let t: TestApp;
let clock: TestClock;
let officer: ApiClient; let leader: ApiClient; let otherOfficer: ApiClient; let operator: ApiClient; let supervisor: ApiClient;
let fgj: number;

beforeAll(async () => {
  clock = createTestClock('2026-11-20T02:00:00Z');
  t = await startTestApp({ clock });
  officer = await loginAs(t.app, 'project_officer-220106');
  leader = await loginAs(t.app, 'leader-220106');
  otherOfficer = await loginAs(t.app, 'project_officer-220105');
  operator = await loginAs(t.app, 'operator-220106');
  supervisor = await loginAs(t.app, 'supervisor-220106');
  fgj = await departmentId(operator, '220106', 'fgj');
}, 300_000);

afterAll(async () => { await t?.close(); });

async function newProject(client: ApiClient, name: string, extra: Record<string, unknown> = {}) {
  const res = await client.post('/api/v1/projects', {
    name, type: 'industry', totalInvestment: 3000, annualInvestment: 1000, planLists: [{ year: 2026, level: 'district' }], ...extra,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: number; version: number };
}

async function setNode(client: ApiClient, id: number, code: string, actualDate: string) {
  const res = await client.post(`/api/v1/projects/${id}/nodes/${code}`, { actualDate });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

/** Projects on the 2026 list whose contract was signed by `day`, counted from the list itself. */
async function signedBy(client: ApiClient, district: string, day: string): Promise<number> {
  const list = await client.get(`/api/v1/projects?district=${district}&year=2026`);
  expect(list.status).toBe(200);
  return list.body.items.filter((item: { nodes: { code: string; actualDate: string | null }[] }) =>
    item.nodes.some((node) => node.code === 'contract_signed' && node.actualDate !== null && node.actualDate <= day)).length;
}

describe('四率 frozen when the month closes', () => {
  it('keeps November as it stood at its close when a project changes in December', async () => {
    const project = await newProject(officer, '冻结测试项目', { departmentId: fgj });
    await setNode(officer, project.id, 'contract_signed', '2026-11-05');

    clock.set('2026-12-02T02:00:00Z'); // November is still open: its report is due on 12-07
    expect((await officer.post(`/api/v1/projects/${project.id}/reports`, { month: '2026-11', amount: 80 })).status).toBe(201);
    const open = await leader.get('/api/v1/projects/rates?month=2026-11');
    expect(open.status, JSON.stringify(open.body)).toBe(200);
    expect(open.body).toMatchObject({ frozen: false, frozenAt: null, closesAt: '2026-12-07T16:00:00.000Z' });

    clock.set('2026-12-10T02:00:00Z');
    const before = await leader.get('/api/v1/projects/rates?month=2026-11');
    expect(before.body).toMatchObject({ frozen: true, frozenAt: '2026-12-10T02:00:00.000Z' });
    expect(before.body.rates.counts.signed).toBe(await signedBy(officer, '220106', '2026-11-30'));

    // December: the rest of 招商落地 dated back into November, more annual plan, a new project signed in October.
    for (const code of ['company_registered', 'site_selected', 'funds_in_place']) await setNode(officer, project.id, code, '2026-11-20');
    const patched = await officer.patch(`/api/v1/projects/${project.id}`, { annualInvestment: 2500, version: project.version });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    const late = await newProject(officer, '迟到的签约项目', { departmentId: fgj });
    await setNode(officer, late.id, 'contract_signed', '2026-10-15');

    clock.set('2026-12-11T02:00:00Z');
    const after = await leader.get('/api/v1/projects/rates?month=2026-11');
    expect(after.body).toEqual(before.body);
    // The change itself is real: the open month, read live, sees both projects signed.
    const december = await leader.get('/api/v1/projects/rates?month=2026-12');
    expect(december.body.frozen).toBe(false);
    expect(december.body.rates.counts.signed).toBe(await signedBy(officer, '220106', '2026-12-31'));
    expect(december.body.rates.counts.signed).toBe(before.body.rates.counts.signed + 1);
    expect(december.body.rates.investment.annualPlanned).toBe(before.body.rates.investment.annualPlanned + 1500 + 1000);
  });

  it('freezes the closed months before a write changes them, even when nobody read them', async () => {
    // 二道区's October was never read (the reads above froze its November as a peer).
    clock.set('2026-12-12T03:00:00Z');
    const expected = await signedBy(otherOfficer, '220105', '2026-10-31');
    const project = await newProject(otherOfficer, '二道区新签项目');
    await setNode(otherOfficer, project.id, 'contract_signed', '2026-09-20');
    clock.set('2026-12-12T04:00:00Z');
    const october = await otherOfficer.get('/api/v1/projects/rates?month=2026-10');
    expect(october.body).toMatchObject({ frozen: true, frozenAt: '2026-12-12T03:00:00.000Z' });
    expect(october.body.rates.counts.signed).toBe(expected);
    expect((await otherOfficer.get('/api/v1/projects/rates?month=2026-12')).body.rates.counts.signed).toBe(await signedBy(otherOfficer, '220105', '2026-12-31'));
    expect(await signedBy(otherOfficer, '220105', '2026-10-31')).toBe(expected + 1);
  });
});

interface Notification { kind: string; title: string; body: string; messageKey: string; params: Record<string, string> }

async function reportNotices(client: ApiClient, month: string): Promise<Notification[]> {
  const res = await client.get('/api/v1/notifications');
  expect(res.status).toBe(200);
  return res.body.items.filter((item: Notification) => item.kind === 'project_report_missing' && item.title.includes(month));
}

describe('late and missing monthly reports', () => {
  it('flags them on the project and the list, and tells the officers and the supervisors once when the month closes', async () => {
    const byName = async (name: string) => {
      const list = await officer.get('/api/v1/projects?district=220106');
      return list.body.items.find((item: { name: string }) => item.name === name);
    };
    clock.set('2026-12-12T05:00:00Z');
    const reported = await byName('冻结测试项目'); // made in November, reported November on 12-02
    expect(reported.reporting).toEqual({
      closed: { month: '2026-11', dueDay: '2026-12-07', closesAt: '2026-12-07T16:00:00.000Z', state: 'on_time', reportedAt: '2026-12-02T02:00:00.000Z' },
      open: null,
    });
    expect((await byName('迟到的签约项目')).reporting.closed).toBeNull(); // made in December: owes nothing for November
    const silent = await newProject(officer, '缺报项目');

    clock.set('2027-01-04T02:00:00Z'); // December is open: its reports are not due yet
    expect((await officer.post(`/api/v1/projects/${reported.id}/reports`, { month: '2026-12', amount: 20 })).status).toBe(201);
    const open = await supervisor.get('/api/v1/projects/report-status?month=2026-12');
    expect(open.status, JSON.stringify(open.body)).toBe(200);
    expect(open.body).toMatchObject({ month: '2026-12', closed: false, counts: { on_time: 1, late: 0, missing: 0, open: 2 } });
    expect((await byName('缺报项目')).reporting.open).toMatchObject({ month: '2026-12', state: 'open', dueDay: open.body.dueDay });
    await sweepProjectMonths(t.services);
    expect(await reportNotices(officer, '2026-12')).toEqual([]);

    clock.set(new Date(new Date(open.body.closesAt).getTime() + 3_600_000).toISOString());
    const notified = await sweepProjectMonths(t.services);
    expect(notified).toContainEqual({ district: '220106', month: '2026-12', missing: 2 });
    for (const reader of [officer, supervisor]) {
      const notices = await reportNotices(reader, '2026-12');
      expect(notices).toHaveLength(1);
      expect(notices[0]!.body).toContain('缺报项目');
      expect(notices[0]!.body).toContain('迟到的签约项目');
      expect(notices[0]!.body).not.toContain('冻结测试项目');
      // the bell renders it from its key and parameters, in the reader's language
      expect(notices[0]!.messageKey).toBe('notification.project_report_missing');
      expect(notices[0]!.params).toMatchObject({ month: '2026-12', count: '2' });
      expect(notices[0]!.params.projects!.split('、').sort()).toEqual(['缺报项目', '迟到的签约项目'].sort());
    }
    for (const catalog of [zhCN, en]) for (const param of ['{{month}}', '{{count}}', '{{projects}}']) expect(catalog.notification.project_report_missing).toContain(param);
    expect((await reportNotices(leader, '2026-12'))).toEqual([]);
    // The sweep froze December at its close, and does not notify it again.
    const december = await leader.get('/api/v1/projects/rates?month=2026-12');
    expect(december.body).toMatchObject({ frozen: true, frozenAt: clock.now.toISOString() });
    clock.advanceMinutes(60);
    expect((await sweepProjectMonths(t.services)).filter((item) => item.district === '220106')).toEqual([]);
    expect(await reportNotices(officer, '2026-12')).toHaveLength(1);

    // A report filed now is late; the project without one is missing.
    const late = await byName('迟到的签约项目');
    expect((await officer.post(`/api/v1/projects/${late.id}/reports`, { month: '2026-12', amount: 5 })).status).toBe(201);
    const detail = await officer.get(`/api/v1/projects/${late.id}`);
    expect(detail.body.reports).toEqual([expect.objectContaining({ month: '2026-12', late: true })]);
    expect(detail.body.reporting.closed).toMatchObject({ month: '2026-12', state: 'late' });
    expect((await officer.get(`/api/v1/projects/${silent.id}`)).body.reporting.closed).toMatchObject({ month: '2026-12', state: 'missing', reportedAt: null });
    expect((await officer.get(`/api/v1/projects/${reported.id}`)).body.reports.map((report: { late: boolean }) => report.late)).toEqual([false, false]);
    const closed = await supervisor.get('/api/v1/projects/report-status?month=2026-12');
    expect(closed.body).toMatchObject({ closed: true, counts: { on_time: 1, late: 1, missing: 1, open: 0 } });
    expect((await otherOfficer.get('/api/v1/projects/report-status?district=220106')).body.code).toBe('PROJECT_OTHER_DISTRICT');
  });
});

describe('the monthly bulletin', () => {
  it('gains the key projects\' four rates and the targets, as frozen', async () => {
    const body = { name: '规上工业总产值', unit: '亿元', kind: 'amount', target: 500, actuals: [{ month: 12, value: 520, yoy: 6.5 }] };
    expect((await officer.put('/api/v1/targets/2026/industrial_output', body)).status).toBe(200);
    const rates = (await leader.get('/api/v1/projects/rates?month=2026-12')).body;
    const res = await supervisor.get('/api/v1/bulletins/220106/2026-12.json');
    expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(200);
    const table = (prefix: string) => res.body.tables.find((item: { title: string }) => item.title.startsWith(prefix));
    const projects = table('十二、');
    expect(projects.title).toBe('十二、重点项目四率（月报截止时冻结）');
    const percent = (rate: number | null) => (rate === null ? '—' : `${rate.toFixed(1)}%`);
    expect(projects.rows.map((row: string[]) => row.slice(0, 2))).toEqual([
      ['招商落地率', percent(rates.rates.landingRate)], ['前期工作成熟率', percent(rates.rates.preparationRate)],
      ['投资完成率', percent(rates.rates.investmentRate)], ['项目入统率', percent(rates.rates.registrationRate)],
      ['赛马得分', rates.score === null ? '—' : rates.score.toFixed(1)],
    ]);
    expect(projects.rows[0][2]).toBe(`招商落地阶段完成 ${rates.rates.counts.landed} ÷ 已签约 ${rates.rates.counts.signed}`);
    // 520 of 500 at December: 104% against a time progress of 100%, green, the only district with the indicator.
    expect(table('十三、').rows).toEqual([['规上工业总产值', '亿元', '500', '520', '6.5%', '104%', '100%', '绿灯', '1']]);
  });
});
