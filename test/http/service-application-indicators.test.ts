/**
 * 政务服务 indicators per department and per window for a month (issue 13 item 5), hand-computed, and
 * frozen: what happens to November's applications in December (a late 办结, a 差评, a 撤销) leaves
 * November's figures as they were read on December 1st.
 * November 2026: Sun Nov 1; working days Nov 2–6, 9–13, 16–20, 23–27, 30; limits end at 17:30.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, createTestClock, type TestApp } from '../support/test-app.ts';
import { apiClient, loginAs, type ApiClient } from '../support/api-client.ts';
import { departmentsOf220106 } from '../support/case-script.ts';
import { DEMO_SERVICE_ITEMS } from '../../src/db/seed/demo-service-items.ts';
import { seedServiceItems } from '../../src/services/applications/index.ts';

let t: TestApp;
let clerk: ApiClient; let lead: ApiClient; let zjj: ApiClient; let scjg: ApiClient; let supervisor: ApiClient;
const at = (local: string) => t.clock.set(`${local}:00+08:00`);
const ZJJ_ALL = ['施工许可申请表', '建设工程规划许可证', '中标通知书', '施工合同', '质量安全监督手续'];
const ids: Record<string, { caseId: number; number: string; phone: string }> = {};

beforeAll(async () => {
  t = await startTestApp({ clock: createTestClock('2026-11-02T01:00:00Z') });
  await seedServiceItems(t.services.db, DEMO_SERVICE_ITEMS, t.clock.now);
  t.services.ratingRequests = { channel: 'test', async send() {} };
  clerk = await loginAs(t.app, 'operator-220106');
  lead = await loginAs(t.app, 'shift_lead-220106');
  supervisor = await loginAs(t.app, 'supervisor-220106');
  const departments = await departmentsOf220106(t);
  zjj = await departments.handler('zjj');
  scjg = await departments.handler('scjg');
}, 300_000);

afterAll(async () => { await t?.close(); });

async function receive(name: string, window: ApiClient, local: string, serviceItemCode: string, materials: string[]) {
  at(local);
  const phone = `1380000${String(Object.keys(ids).length + 10).padStart(4, '0')}`;
  const res = await window.post('/api/v1/service-applications', { serviceItemCode, applicant: { name: `申请人${name}`, phone }, materials });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  ids[name] = { caseId: res.body.caseId, number: res.body.number, phone };
}

/** An action on an application or a case, at a Shanghai local time. */
async function act(client: ApiClient, caseId: number, action: string, local: string, body: Record<string, unknown> = {}) {
  at(local);
  const current = await clerk.get(`/api/v1/cases/${caseId}`);
  const res = await client.post(`/api/v1/cases/${caseId}/actions/${action}`, { version: current.body.version, ...body });
  expect(res.status, `${action} ${caseId}: ${JSON.stringify(res.body)}`).toBe(200);
}

async function rate(name: string, local: string, level: string) {
  at(local);
  const { number, phone } = ids[name]!;
  const res = await apiClient(t.app).post(`/api/v1/service-applications/${number}/rating`, { phone, level });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

async function rectificationOf(name: string): Promise<number> {
  const row = await t.services.db.selectFrom('cases').select('id').where('rectification_of_id', '=', ids[name]!.caseId).executeTakeFirstOrThrow();
  return row.id;
}

const byCode = (body: any, code: string) => body.items.find((item: any) => item.unit.code === code);

describe('November, hand-computed', () => {
  beforeAll(async () => {
    // A1 即办件 at the clerk's window, decided on the spot, rated 满意.
    await receive('A1', clerk, '2026-11-02T09:00', 'SCJG-02', ['个体工商户登记申请书', '申请人身份证明', '经营场所证明']);
    await act(clerk, ids.A1!.caseId, 'conclude', '2026-11-02T09:10', { outcome: 'approved' });
    await rate('A1', '2026-11-03T09:00', 'satisfied');
    // A2 承诺件 (3 / 7 days), complete, concluded Nov 4 (promised Nov 5): on time, first time; rated 不满意,
    // its rectification closed Nov 10 and called back (rated) Nov 11.
    await receive('A2', clerk, '2026-11-02T09:20', 'ZJJ-01', ZJJ_ALL);
    await act(clerk, ids.A2!.caseId, 'accept', '2026-11-02T09:30');
    await act(zjj, ids.A2!.caseId, 'start_processing', '2026-11-03T09:00');
    await act(zjj, ids.A2!.caseId, 'conclude', '2026-11-04T15:00', { outcome: 'approved' });
    await rate('A2', '2026-11-05T10:00', 'dissatisfied');
    const rectification = await rectificationOf('A2');
    await act(zjj, rectification, 'sign', '2026-11-05T11:00');
    await act(zjj, rectification, 'resolve', '2026-11-09T11:00', { note: '已整改并致电申请人' });
    await act(clerk, rectification, 'check_pass', '2026-11-10T11:00');
    await act(clerk, rectification, 'rate', '2026-11-11T11:00', { level: 'satisfied', comment: '回访：满意' });
    // A3 at the shift lead's window, 容缺 accepted, 补正 (on time), materials Nov 9 → promised Nov 12;
    // concluded Nov 13: late on the promised clock, within the legal one (Nov 18), not first time.
    await receive('A3', lead, '2026-11-02T10:00', 'ZJJ-01', ZJJ_ALL.filter((material) => material !== '施工合同'));
    await act(lead, ids.A3!.caseId, 'accept', '2026-11-02T10:10');
    await act(zjj, ids.A3!.caseId, 'request_supplement', '2026-11-03T10:00');
    await act(clerk, ids.A3!.caseId, 'supplement_received', '2026-11-09T10:00', { materials: ['施工合同'] });
    await act(zjj, ids.A3!.caseId, 'start_processing', '2026-11-10T09:00');
    await act(zjj, ids.A3!.caseId, 'conclude', '2026-11-13T10:00', { outcome: 'approved' });
    // A4 received Nov 9 (legal 7 days → Nov 18), still in processing at the month's end: 法定超期.
    await receive('A4', clerk, '2026-11-09T09:00', 'ZJJ-01', ZJJ_ALL);
    await act(clerk, ids.A4!.caseId, 'accept', '2026-11-09T09:10');
    await act(zjj, ids.A4!.caseId, 'start_processing', '2026-11-10T09:00');
    // A5 refused at the window: counts as received, nothing else.
    await receive('A5', clerk, '2026-11-02T11:00', 'STHJ-02', ['排污许可申请表']);
    await act(clerk, ids.A5!.caseId, 'refuse', '2026-11-02T11:10', { reason: '不属于本机关职权范围' });
  }, 300_000);

  let frozenDepartments: unknown;
  let frozenWindows: unknown;

  it('per department: counts, rates, score and ranking', async () => {
    at('2026-12-01T10:00');
    const res = await supervisor.get('/api/v1/service-applications/indicators?month=2026-11&level=department');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ period: { key: '2026-11' }, asOf: '2026-11-30T16:00:00.000Z', level: 'department' });
    expect(byCode(res.body, 'scjg')).toMatchObject({
      counts: { received: 1, supplemented: 0, concluded: 1, onTheSpot: 1, concludedOnPromisedTime: 1, concludedFirstTime: 1, legalOverdue: 0, rated: 1, goodRatings: 1, badRatings: 0 },
      rates: { onTheSpotRate: 1, promisedOnTimeRate: 1, supplementRate: 0, firstTimeRate: 1, goodRatingRate: 1, rectificationRate: null, callbackRate: null },
      score: 100, grade: 'A', place: 1, rankScore: 100,
    });
    expect(byCode(res.body, 'zjj')).toMatchObject({
      counts: {
        received: 3, supplemented: 1, concluded: 2, onTheSpot: 0, concludedOnPromisedTime: 1, concludedFirstTime: 1,
        concludedPastLegal: 0, openPastLegal: 1, legalOverdue: 1, rated: 1, goodRatings: 0, badRatings: 1, badRectified: 1, badCalledBack: 1,
      },
      rates: { onTheSpotRate: 0, promisedOnTimeRate: 0.5, supplementRate: 0.333333, firstTimeRate: 0.5, goodRatingRate: 0, rectificationRate: 1, callbackRate: 1 },
      // (40 × 0.5 + 30 × 0 + 20 × 0.5 + 10 × 1) / 100
      score: 40, grade: 'D', place: 2, rankScore: 95,
    });
    expect(byCode(res.body, 'sthj')).toMatchObject({ counts: { received: 1, concluded: 0 }, score: null, place: null });
    expect(res.body.items.map((item: any) => item.unit.code)).toEqual(['scjg', 'zjj', 'sthj']);
    expect(res.body.total.counts).toMatchObject({ received: 5, supplemented: 1, concluded: 3, onTheSpot: 1, concludedOnPromisedTime: 2, legalOverdue: 1, rated: 2, badRatings: 1 });
    frozenDepartments = res.body;
  });

  it('per window: the clerk who received each application', async () => {
    const res = await clerk.get('/api/v1/service-applications/indicators?month=2026-11&level=window');
    expect(res.status).toBe(200);
    expect(byCode(res.body, 'operator-220106')).toMatchObject({
      counts: { received: 4, concluded: 2, onTheSpot: 1, concludedOnPromisedTime: 2, concludedFirstTime: 2, legalOverdue: 1, rated: 2, goodRatings: 1, badRatings: 1 },
      rates: { onTheSpotRate: 0.5, promisedOnTimeRate: 1, supplementRate: 0, firstTimeRate: 1, goodRatingRate: 0.5, rectificationRate: 1, callbackRate: 1 },
      score: 85, grade: 'B', place: 1,
    });
    expect(byCode(res.body, 'shift_lead-220106')).toMatchObject({
      counts: { received: 1, supplemented: 1, concluded: 1, concludedOnPromisedTime: 0, concludedFirstTime: 0, rated: 0 },
      rates: { supplementRate: 1, promisedOnTimeRate: 0, goodRatingRate: null },
      score: 0, grade: 'E', place: 2,
    });
    frozenWindows = res.body;
  });

  it('stays the same whatever happens to its applications in December', async () => {
    await act(zjj, ids.A4!.caseId, 'conclude', '2026-12-02T10:00', { outcome: 'approved' });
    await rate('A3', '2026-12-02T11:00', 'very_dissatisfied');
    await act(lead, ids.A1!.caseId, 'revoke', '2026-12-02T12:00', { reason: '申请人隐瞒有关情况' });
    at('2026-12-03T09:00');
    expect((await supervisor.get('/api/v1/service-applications/indicators?month=2026-11&level=department')).body).toEqual(frozenDepartments);
    expect((await clerk.get('/api/v1/service-applications/indicators?month=2026-11&level=window')).body).toEqual(frozenWindows);

    const december = await supervisor.get('/api/v1/service-applications/indicators?month=2026-12&level=department');
    expect(december.body.asOf).toBe('2026-12-03T01:00:00.000Z');
    expect(byCode(december.body, 'zjj')).toMatchObject({
      counts: { received: 0, concluded: 1, concludedPastLegal: 1, openPastLegal: 0, legalOverdue: 1, rated: 1, badRatings: 1, badRectified: 0 },
      rates: { promisedOnTimeRate: 0, rectificationRate: 0, callbackRate: 0 },
      previousPlace: 2,
    });
  });

  it('is in the monthly bulletin, .docx and .xlsx, per department and per window', async () => {
    const download = async (format: string) => (await t.app.inject({
      method: 'GET', url: `/api/v1/bulletins/220106/2026-11.${format}`, headers: { authorization: `Bearer ${supervisor.token}` },
    })).rawPayload;
    const xml = await (await JSZip.loadAsync(await download('docx'))).file('word/document.xml')!.async('string');
    const text = (fragment: string) => [...fragment.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    const tables = [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((table) =>
      [...table[1]!.matchAll(/<w:tr[\s>][\s\S]*?<\/w:tr>/g)].map((row) => [...row[0].matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => text(c[1]!))));
    expect(xml).toContain('九、政务服务办件指标（按部门）');
    const [byDepartment, byWindow] = tables.filter((table) => table[0]!.includes('办件量'));
    const departments = [
      ['1', '1', '100.00%', '100.00%', '0', '0.00%', '100.00%', '100.00%', '—', '—', '100.00'],
      ['2', '3', '0.00%', '50.00%', '1', '33.33%', '50.00%', '0.00%', '100.00%', '100.00%', '40.00'],
      ['—', '1', '—', '—', '0', '0.00%', '—', '—', '—', '—', '—'],
      // the district: 40 × 2/3 + 30 × 1/2 + 20 × 2/3 + 10 × 1
      ['—', '5', '33.33%', '66.67%', '1', '20.00%', '66.67%', '50.00%', '100.00%', '100.00%', '65.00'],
    ];
    const withoutName = (rows: string[][]) => rows.map(([place, , ...rest]) => [place!, ...rest]);
    expect(withoutName(byDepartment!.slice(1))).toEqual(departments);
    expect(byDepartment!.slice(1).map((row) => row[1])).toEqual([expect.any(String), '住房和城乡建设局', expect.any(String), '全区']);
    expect(withoutName(byWindow!.slice(1)).map((row) => row[0])).toEqual(['1', '2', '—']);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await download('xlsx') as never);
    const rows: string[][] = [];
    workbook.getWorksheet('政务服务办件指标（按部门）')!.eachRow((row) => { rows.push((row.values as unknown[]).slice(1).map(String)); });
    expect(withoutName(rows.slice(2))).toEqual(departments);
  });

  it('exports the month’s status changes with their national 1–15 codes', async () => {
    const codesOf = (body: any, name: string) => body.items.filter((row: any) => row.number === ids[name]!.number).map((row: any) => row.nationalCode);
    const november = await supervisor.get('/api/v1/service-applications/national-statuses?month=2026-11&format=json');
    expect(november.status).toBe(200);
    expect(codesOf(november.body, 'A3')).toEqual([1, 3, 6, 7, 8, 11]);
    expect(codesOf(november.body, 'A5')).toEqual([1, 5]);
    expect(codesOf(november.body, 'A1')).toEqual([1, 11]);
    expect(november.body.items.find((row: any) => row.number === ids.A3!.number && row.nationalCode === 6)).toMatchObject({
      serviceItemCode: 'ZJJ-01', departmentCode: 'zjj', action: 'request_supplement', nationalStatus: '补正（开始）', at: '2026-11-03T02:00:00.000Z',
    });
    const december = await supervisor.get('/api/v1/service-applications/national-statuses?month=2026-12&format=json');
    expect(codesOf(december.body, 'A1')).toEqual([15]);
    expect(codesOf(december.body, 'A4')).toEqual([11]);

    const file = await t.app.inject({ method: 'GET', url: '/api/v1/service-applications/national-statuses?month=2026-11', headers: { authorization: `Bearer ${supervisor.token}` } });
    expect(file.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.rawPayload as never);
    const rows: string[][] = [];
    workbook.getWorksheet('办件状态')!.eachRow((row) => { rows.push((row.values as unknown[]).slice(1).map(String)); });
    expect(rows[0]).toEqual(['办件编号', '事项编码', '事项名称', '实施部门编码', '实施部门', '办理状态代码', '办理状态', '状态时间']);
    expect(rows).toContainEqual([ids.A3!.number, 'ZJJ-01', '建筑工程施工许可证核发', 'zjj', '住房和城乡建设局', '6', '补正（开始）', '2026-11-03 10:00:00']);
    expect((await apiClient(t.app).get('/api/v1/service-applications/national-statuses?month=2026-11')).status).toBe(401);
  });

  it('is read by the district’s staff and departments, and refuses bad months and other districts', async () => {
    expect((await zjj.get('/api/v1/service-applications/indicators?month=2026-11')).status).toBe(200);
    const bad = await supervisor.get('/api/v1/service-applications/indicators?month=2026-13');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.any(String), messageEn: expect.any(String) });
    expect((await supervisor.get('/api/v1/service-applications/indicators?month=2026-11&district=220102')).status).toBe(403);
    expect((await apiClient(t.app).get('/api/v1/service-applications/indicators?month=2026-11')).status).toBe(401);
    void scjg;
  });
});
