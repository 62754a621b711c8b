/**
 * 周调度: the week's project problems needing coordination, as JSON and as a .docx opened back here.
 * ISO week 2026-W49 runs Monday 11-30 to Sunday 12-06 (Shanghai); the clock starts in W48.
 */
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestClock, startTestApp, type TestApp, type TestClock } from '../support/test-app.ts';
import { loginAs, type ApiClient } from '../support/api-client.ts';
import { actOk, departmentId } from '../support/case-helpers.ts';

let t: TestApp;
let clock: TestClock;
let officer: ApiClient; let leader: ApiClient; let operator: ApiClient; let handler: ApiClient; let otherOfficer: ApiClient; let citizen: ApiClient;
let cgj: number;

beforeAll(async () => {
  clock = createTestClock('2026-11-24T02:00:00Z');
  t = await startTestApp({ clock });
  officer = await loginAs(t.app, 'project_officer-220106');
  leader = await loginAs(t.app, 'leader-220106');
  operator = await loginAs(t.app, 'operator-220106');
  handler = await loginAs(t.app, 'handler-220106');
  otherOfficer = await loginAs(t.app, 'project_officer-220105');
  citizen = await loginAs(t.app, 'citizen-demo');
  cgj = await departmentId(operator, '220106', 'cgj');
}, 300_000);

afterAll(async () => { await t?.close(); });

async function raise(projectId: number, title: string): Promise<{ id: number; number: string }> {
  const res = await officer.post(`/api/v1/projects/${projectId}/problems`, { categoryCode: 'P02', title, description: `${title}，需协调` });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  await actOk(operator, res.body.caseId, 'file', { version: 1 });
  const dispatched = await actOk(operator, res.body.caseId, 'dispatch', { version: 2, departmentId: cgj });
  expect(dispatched.state).toBe('dispatched');
  return { id: res.body.caseId, number: res.body.number };
}

async function close(caseId: number): Promise<void> {
  let current = await actOk(handler, caseId, 'sign', { version: 3 });
  current = await actOk(handler, caseId, 'resolve', { version: current.version, note: '已协调解决' });
  current = await actOk(operator, caseId, 'check_pass', { version: current.version });
  expect(current.state).toBe('closed');
}

/** Every table of word/document.xml as rows of cell texts. */
async function docxTables(buffer: Buffer): Promise<string[][][]> {
  const xml = await (await JSZip.loadAsync(buffer)).file('word/document.xml')!.async('string');
  const text = (fragment: string) => [...fragment.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  return [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((table) =>
    [...table[1]!.matchAll(/<w:tr[\s>][\s\S]*?<\/w:tr>/g)].map((row) => [...row[0].matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => text(c[1]!))));
}

describe('周调度', () => {
  const problems: Record<string, { id: number; number: string }> = {};

  it('lists the problems open during the week and writes them to a .docx', async () => {
    const leaderId = (await leader.get('/api/v1/me')).body.user.id;
    const created = await officer.post('/api/v1/projects', {
      name: '周调度测试项目', type: 'industry', totalInvestment: 5000, annualInvestment: 2000, patronUserId: leaderId, planLists: [{ year: 2026, level: 'district' }],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const projectId = created.body.id as number;
    problems.old = await raise(projectId, '施工用电未接入'); // W48, still open
    clock.set('2026-11-25T02:00:00Z');
    problems.settled = await raise(projectId, '临时道路未修通'); // W48, closed in W48
    clock.set('2026-11-26T02:00:00Z');
    await close(problems.settled.id);
    clock.set('2026-12-01T02:00:00Z');
    problems.quick = await raise(projectId, '用地指标待落实'); // W49, closed in W49
    clock.set('2026-12-02T02:00:00Z');
    await close(problems.quick.id);
    clock.set('2026-12-03T02:00:00Z');
    problems.fresh = await raise(projectId, '环评批复延迟'); // W49, open
    clock.set('2026-12-09T02:00:00Z'); // W50: the week is over

    const res = await leader.get('/api/v1/projects/weekly-coordination?week=2026-W49');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ week: '2026-W49', firstDay: '2026-11-30', lastDay: '2026-12-06', asOf: '2026-12-06T16:00:00.000Z' });
    const byNumber = new Map(res.body.items.map((item: { number: string }) => [item.number, item]));
    expect([...byNumber.keys()].sort()).toEqual([problems.old!.number, problems.quick!.number, problems.fresh!.number].sort());
    expect(byNumber.get(problems.old!.number)).toMatchObject({
      projectName: '周调度测试项目', patron: expect.any(String), department: expect.stringContaining('城'), ageDays: 12, newThisWeek: false, closedThisWeek: false,
    });
    expect(byNumber.get(problems.quick!.number)).toMatchObject({ state: 'closed', ageDays: 1, newThisWeek: true, closedThisWeek: true, overdue: false });
    expect(byNumber.get(problems.fresh!.number)).toMatchObject({ state: 'dispatched', ageDays: 3, newThisWeek: true, closedThisWeek: false });
    for (const item of res.body.items as { overdue: boolean; resolveDeadline: string | null; closedAt: string | null }[]) {
      const until = item.closedAt ?? res.body.asOf;
      expect(item.overdue).toBe(item.resolveDeadline !== null && item.resolveDeadline < until);
    }
    // Overdue first, then the oldest.
    const order = (res.body.items as { overdue: boolean; ageDays: number }[]).map((item) => [Number(item.overdue), item.ageDays]);
    expect(order).toEqual([...order].sort((a, b) => b[0]! - a[0]! || b[1]! - a[1]!));

    const file = await t.app.inject({ method: 'GET', url: '/api/v1/projects/weekly-coordination.docx?week=2026-W49', headers: { authorization: `Bearer ${leader.token}` } });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('wordprocessingml');
    expect(String(file.headers['content-disposition'])).toContain(encodeURIComponent('周调度'));
    const [table] = await docxTables(file.rawPayload);
    expect(table![0]).toEqual(['序号', '项目名称', '包保领导', '问题', '工单号', '责任单位', '提出日期', '已历天数', '办理时限', '状态']);
    expect(table!.slice(1).map((row) => row[0])).toEqual(['1', '2', '3']);
    const rows = new Map(table!.slice(1).map((row) => [row[4], row]));
    expect(rows.get(problems.old!.number)).toEqual(expect.arrayContaining(['周调度测试项目', '2026-11-24', '12']));
    expect(rows.get(problems.quick!.number)).toEqual(expect.arrayContaining(['2026-12-01', '1', '已结案']));
    expect(rows.get(problems.fresh!.number)![3]).toBe('【周调度测试项目】环评批复延迟');
    expect(rows.get(problems.fresh!.number)![9]).toMatch(/^已派遣/);
    expect(table!.slice(1).map((row) => row[4])).toEqual(res.body.items.map((item: { number: string }) => item.number));
  });

  it('lists the running week by default and an empty week as such', async () => {
    const current = await officer.get('/api/v1/projects/weekly-coordination');
    expect(current.body).toMatchObject({ week: '2026-W50', asOf: '2026-12-09T02:00:00.000Z' });
    expect(current.body.items.map((item: { number: string }) => item.number).sort()).toEqual([problems.old!.number, problems.fresh!.number].sort());
    const empty = await officer.get('/api/v1/projects/weekly-coordination?week=2026-W40');
    expect(empty.body.items).toEqual([]);
    const file = await t.app.inject({ method: 'GET', url: '/api/v1/projects/weekly-coordination.docx?week=2026-W40', headers: { authorization: `Bearer ${officer.token}` } });
    expect(await docxTables(file.rawPayload)).toEqual([]);
    expect(await (await JSZip.loadAsync(file.rawPayload)).file('word/document.xml')!.async('string')).toContain('本周无需协调的问题。');
  });

  it('refuses a week that does not exist or has not begun, other districts and citizens', async () => {
    for (const week of ['2027-W53', '2026-W00', '2026-W60', '2027-W10']) {
      const res = await officer.get(`/api/v1/projects/weekly-coordination?week=${week}`);
      expect(res.status, week).toBe(400);
      expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringMatching(/[\u4e00-\u9fff]/), messageEn: expect.any(String) });
    }
    expect((await officer.get('/api/v1/projects/weekly-coordination?week=49')).status).toBe(400);
    expect((await otherOfficer.get('/api/v1/projects/weekly-coordination?district=220106')).body.code).toBe('PROJECT_OTHER_DISTRICT');
    expect((await citizen.get('/api/v1/projects/weekly-coordination')).status).toBe(403);
  });
});
