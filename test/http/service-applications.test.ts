/**
 * 政务服务办件 through the API (issue 13): the item list and its .xlsx import, 接件 at the window,
 * 受理 → 补正 over 国庆 → 办理 → 办结, the applicant's tracking page and their one rating, a 差评
 * opening a rectification case, the default rating, and every bad input of the issue as its 4xx.
 * 2026 calendar: 国庆 Oct 1–7 off, Sat Oct 10 a make-up working day; limits end at 17:30 (09:30Z).
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, createTestClock, type TestApp } from '../support/test-app.ts';
import { apiClient, loginAs, type ApiClient } from '../support/api-client.ts';
import { departmentsOf220106 } from '../support/case-script.ts';
import { DEMO_SERVICE_ITEMS } from '../../src/db/seed/demo-service-items.ts';
import { applyDefaultRatings, seedServiceItems, type RatingRequest } from '../../src/services/applications/index.ts';

let t: TestApp;
let clerk: ApiClient; let zjj: ApiClient; let scjg: ApiClient; let admin: ApiClient;
const anonymous = () => apiClient(t.app);
const sent: RatingRequest[] = [];
const at = (local: string) => t.clock.set(`${local}:00+08:00`);

beforeAll(async () => {
  t = await startTestApp({ clock: createTestClock('2026-09-28T01:00:00Z') });
  await seedServiceItems(t.services.db, DEMO_SERVICE_ITEMS, t.clock.now);
  t.services.ratingRequests = { channel: 'test', async send(request) { sent.push(request); } };
  clerk = await loginAs(t.app, 'operator-220106');
  admin = await loginAs(t.app, 'shift_lead-220106');
  const departments = await departmentsOf220106(t);
  zjj = await departments.handler('zjj');
  scjg = await departments.handler('scjg');
}, 300_000);

afterAll(async () => { await t?.close(); });

async function xlsx(rows: (string | number)[][]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('事项清单');
  sheet.addRow(['事项编码', '事项名称', '实施部门编码', '办件类型', '法定时限', '承诺时限', '申请材料', '收费标准', '容缺受理']);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

async function act(client: ApiClient, caseId: number, action: string, body: Record<string, unknown> = {}) {
  const current = await clerk.get(`/api/v1/service-applications/by-case/${caseId}`);
  return client.post(`/api/v1/cases/${caseId}/actions/${action}`, { version: current.body.version, ...body });
}

/** The text of a .docx voucher the caller downloads, or the error body. */
async function voucher(client: ApiClient, caseId: number, kind: string) {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/service-applications/by-case/${caseId}/vouchers/${kind}`, headers: { authorization: `Bearer ${client.token}` } });
  if (res.statusCode !== 200) return { status: res.statusCode, text: '', body: JSON.parse(res.body) };
  const xml = await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')!.async('string');
  return { status: 200, text: [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''), body: null };
}

const view = async (caseId: number) => (await clerk.get(`/api/v1/service-applications/by-case/${caseId}`)).body;

describe('service items', () => {
  it('lists the district’s 30 demo items with both limits', async () => {
    const res = await clerk.get('/api/v1/service-items');
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(30);
    expect(res.body.items.find((item: any) => item.code === 'ZJJ-01')).toMatchObject({
      name: '建筑工程施工许可证核发', departmentCode: 'zjj', kind: 'promised', legalLimitDays: 7, promisedLimitDays: 3, toleranceAllowed: true,
    });
    expect((await anonymous().get('/api/v1/service-items?districtCode=220106')).body.items).toHaveLength(30);
  });

  it('refuses a whole file when one row promises more than the law allows, naming every bad row', async () => {
    const content = await xlsx([
      ['TEST-01', '测试许可', 'scjg', '承诺件', '20', '5', '申请书；营业执照', '0', '是'],
      ['TEST-02', '超时许可', 'scjg', '承诺件', '10', '15', '申请书', '0', '否'],
      ['TEST-03', '无主许可', 'nobody', '即办件', '0', '0', '申请书', '', ''],
    ]);
    const res = await admin.post('/api/v1/service-items/import', { content });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'SERVICE_ITEM_IMPORT_INVALID', message: expect.stringContaining('事项清单'), messageEn: expect.any(String) });
    expect(res.body.details.problems).toEqual([
      expect.objectContaining({ row: 3, path: 'promisedLimitDays', code: 'promised_above_legal' }),
      expect.objectContaining({ row: 4, path: 'departmentCode', code: 'unknown' }),
    ]);
    expect((await clerk.get('/api/v1/service-items')).body.items).toHaveLength(30);
  });

  it('imports a clean file, and only for those who keep the list', async () => {
    const content = await xlsx([['TEST-01', '测试许可', 'scjg', '承诺件', '20', '5', '申请书；营业执照', '0', '是']]);
    expect((await clerk.post('/api/v1/service-items/import', { content })).status).toBe(403);
    expect((await admin.post('/api/v1/service-items/import', { content: Buffer.from('not a workbook').toString('base64') })).body.code).toBe('SERVICE_ITEM_IMPORT_INVALID');
    const res = await admin.post('/api/v1/service-items/import', { content });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toEqual({ imported: 1 });
    const items = (await clerk.get('/api/v1/service-items')).body.items;
    expect(items.find((item: any) => item.code === 'TEST-01')).toMatchObject({ materials: ['申请书', '营业执照'], toleranceAllowed: true, promisedLimitDays: 5 });
  });
});

describe('an application through the loop', () => {
  let caseId = 0;
  let number = '';
  const phone = '13800000001';

  it('is received at the window for any department, with both deadlines', async () => {
    at('2026-09-28T09:00');
    const res = await clerk.post('/api/v1/service-applications', {
      serviceItemCode: 'ZJJ-01', applicant: { name: '长春宏达建设有限公司', phone }, materials: ['施工许可申请表', '建设工程规划许可证', '中标通知书', '质量安全监督手续'],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    caseId = res.body.caseId;
    number = res.body.number;
    expect(number).toMatch(/^[A-Z]{2}-2026-\d{6}$/);
    // promised 3: 09-29, 09-30, 10-08; legal 7: … 10-09, 10-10 (Sat), 10-12, 10-13
    expect(res.body).toMatchObject({
      status: 'received', nationalCode: 1, caseState: 'reported', missingMaterials: ['施工合同'],
      promisedDeadline: '2026-10-08T09:30:00.000Z', legalDeadline: '2026-10-13T09:30:00.000Z',
    });
    expect((await clerk.get(`/api/v1/cases/${caseId}`)).body).toMatchObject({ kind: 'service_application', state: 'reported' });
  });

  it('refuses the case loop’s own actions on it', async () => {
    expect((await clerk.get(`/api/v1/cases/${caseId}`)).body.allowedActions).toEqual([]);
    const res = await act(clerk, caseId, 'file');
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('CASE_INVALID_TRANSITION');
  });

  it('is accepted (容缺) and then 补正 is requested once, listing everything missing', async () => {
    at('2026-09-28T09:20');
    expect((await act(clerk, caseId, 'accept')).status).toBe(200);
    at('2026-09-29T10:00');
    const res = await act(clerk, caseId, 'request_supplement', { missing: ['申请表未盖章'] });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.state).toBe('suspended');
    const stored = await view(caseId);
    expect(stored).toMatchObject({ status: 'supplementing', nationalCode: 6, supplement: { onTime: true, missing: ['施工合同', '申请表未盖章'] } });

    const notice = await voucher(clerk, caseId, 'supplement');
    expect(notice.status).toBe(200);
    expect(notice.text).toContain('补正材料通知书');
    expect(notice.text).toContain(`办件编号：${number}`);
    expect(notice.text).toContain('1. 施工合同2. 申请表未盖章');
    expect(notice.text).toContain('2026年9月29日');
    const accepted = await voucher(clerk, caseId, 'acceptance');
    expect(accepted.text).toContain('受理通知书');
    expect(accepted.text).toContain('2026年9月28日');
    expect((await voucher(scjg, caseId, 'acceptance')).status).toBe(404); // another department's 办件 answers as not found (issue 19: not yours = 404)

    const before = stored.version;
    const again = await act(clerk, caseId, 'request_supplement', { missing: ['再补'] });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'APPLICATION_SUPPLEMENT_ALREADY_REQUESTED', message: expect.stringContaining('补正'), messageEn: expect.stringContaining('supplement') });
    expect((await view(caseId)).version).toBe(before);
  });

  it('cannot be concluded while paused, nor by another department', async () => {
    at('2026-09-30T10:00');
    const before = await view(caseId);
    const paused = await act(zjj, caseId, 'conclude', { outcome: 'approved' });
    expect(paused.status).toBe(409);
    expect(paused.body).toMatchObject({ code: 'APPLICATION_PAUSED', message: expect.stringContaining('不能办结'), messageEn: expect.stringContaining('paused') });
    const other = await act(scjg, caseId, 'supplement_received');
    expect(other.status).toBe(403);
    expect(other.body).toMatchObject({ code: 'APPLICATION_ITEM_OTHER_DEPARTMENT', message: expect.any(String), messageEn: expect.any(String) });
    // Nothing changed: the same version, status, deadlines and timeline.
    expect(await view(caseId)).toEqual(before);
    expect((await clerk.get(`/api/v1/cases/${caseId}`)).body.timeline).toHaveLength(3);
  });

  it('restarts both clocks from the day the materials came (on-time notice, article 32)', async () => {
    at('2026-10-09T14:00');
    const res = await act(clerk, caseId, 'supplement_received', { materials: ['施工合同'] });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    // from Fri 10-09: promised 3 → 10-10, 10-12, 10-13; legal 7 → … 10-19
    expect(await view(caseId)).toMatchObject({
      status: 'accepted', caseState: 'signed', missingMaterials: [],
      promisedDeadline: '2026-10-13T09:30:00.000Z', legalDeadline: '2026-10-19T09:30:00.000Z',
      clock: { startDay: '2026-10-09', pausedWorkingDays: 0, promisedRemainingDays: 3, legalRemainingDays: 7 },
    });
    expect((await act(zjj, caseId, 'request_supplement', { missing: ['再补'] })).body.code).toBe('APPLICATION_SUPPLEMENT_ALREADY_REQUESTED');
  });

  it('is handled and concluded by the back office, which asks the applicant for a rating', async () => {
    at('2026-10-12T09:00');
    expect((await act(zjj, caseId, 'start_processing')).status).toBe(200);
    at('2026-10-12T15:00');
    const done = await act(zjj, caseId, 'conclude', { outcome: 'approved' });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.state).toBe('closed');
    expect(await view(caseId)).toMatchObject({ status: 'concluded', nationalCode: 11, outcome: 'approved', ratingRequestedAt: '2026-10-12T07:00:00.000Z' });
    expect(sent).toContainEqual(expect.objectContaining({ number, phone, itemName: '建筑工程施工许可证核发' }));
    const timeline = (await clerk.get(`/api/v1/cases/${caseId}`)).body.timeline.map((event: any) => event.action);
    expect(timeline).toEqual(['receive', 'accept', 'request_supplement', 'supplement_received', 'start_processing', 'conclude', 'rating_requested']);
  });

  it('shows the applicant their application by number and phone only', async () => {
    const res = await anonymous().get(`/api/v1/service-applications/${number}?phone=${phone}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ number, status: 'concluded', canRate: true, serviceItem: { name: '建筑工程施工许可证核发' } });
    expect(res.body.applicant).toBeUndefined();
    expect((await anonymous().get(`/api/v1/service-applications/${number}?phone=13900000000`)).status).toBe(404);
  });

  it('takes one rating; a 差评 opens a rectification case for the department', async () => {
    at('2026-10-13T10:00');
    const res = await anonymous().post(`/api/v1/service-applications/${number}/rating`, { phone, level: 'dissatisfied', comment: '跑了两次' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ rating: 'dissatisfied', canRate: false });
    const twice = await anonymous().post(`/api/v1/service-applications/${number}/rating`, { phone, level: 'satisfied' });
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ code: 'APPLICATION_ALREADY_RATED', message: expect.stringContaining('一事一评'), messageEn: expect.any(String) });
    expect((await clerk.get(`/api/v1/cases/${caseId}`)).body.rating).toMatchObject({ level: 'dissatisfied' });
    const rectification = await t.services.db.selectFrom('cases').innerJoin('categories', 'categories.id', 'cases.category_id')
      .select(['cases.kind', 'cases.state', 'cases.department_id', 'categories.code']).where('cases.rectification_of_id', '=', caseId).execute();
    const { departmentId } = await view(caseId);
    expect(rectification).toEqual([{ kind: 'rectification', state: 'dispatched', department_id: departmentId, code: 'R01' }]);
    // The department's rating view: the rating, its comment, and the rectification it opened.
    expect((await zjj.get(`/api/v1/service-applications/by-case/${caseId}`)).body).toMatchObject({
      rating: 'dissatisfied', ratingComment: '跑了两次', rectification: { number: expect.any(String), state: 'dispatched', closedAt: null, calledBack: false },
    });
  });
});

describe('bad input and the other paths', () => {
  it('refuses an item of another department to a 首席事务代表, and an unknown item', async () => {
    const other = await scjg.post('/api/v1/service-applications', { serviceItemCode: 'ZJJ-01', applicant: { name: '某公司', phone: '13800000002' }, materials: [] });
    expect(other.status).toBe(403);
    expect(other.body).toMatchObject({ code: 'APPLICATION_ITEM_OTHER_DEPARTMENT', message: expect.stringContaining('其他部门'), messageEn: expect.stringContaining('another department') });
    expect(await t.services.db.selectFrom('service_applications').select('case_id').where('applicant_phone', '=', '13800000002').execute()).toEqual([]);
    expect((await clerk.post('/api/v1/service-applications', { serviceItemCode: 'NOPE', applicant: { name: '某人', phone: '13800000002' }, materials: [] })).body.code).toBe('SERVICE_ITEM_UNKNOWN');
    expect((await anonymous().post('/api/v1/service-applications', { serviceItemCode: 'ZJJ-01', applicant: { name: '某人', phone: '13800000002' }, materials: [] })).status).toBe(401);
  });

  it('decides a 即办件 on the spot at the window, and no other item', async () => {
    at('2026-10-14T09:00');
    const spot = await clerk.post('/api/v1/service-applications', {
      serviceItemCode: 'SCJG-02', applicant: { name: '王小明', phone: '13800000003' }, materials: ['个体工商户登记申请书', '申请人身份证明', '经营场所证明'],
    });
    expect(spot.body).toMatchObject({ promisedDeadline: '2026-10-14T09:30:00.000Z', itemKind: 'on_the_spot' });
    expect((await act(clerk, spot.body.caseId, 'conclude', { outcome: 'approved' })).status).toBe(200);
    expect(await view(spot.body.caseId)).toMatchObject({ status: 'concluded', nationalCode: 11 });

    const promised = await clerk.post('/api/v1/service-applications', {
      serviceItemCode: 'STHJ-02', applicant: { name: '某化工厂', phone: '13800000004' }, materials: ['排污许可申请表'],
    });
    expect((await act(clerk, promised.body.caseId, 'conclude', { outcome: 'approved' })).body.code).toBe('APPLICATION_NOT_ON_THE_SPOT');
    expect((await act(clerk, promised.body.caseId, 'accept')).body.code).toBe('APPLICATION_MATERIALS_MISSING');
    expect((await act(clerk, promised.body.caseId, 'refuse')).body.code).toBe('VALIDATION_FAILED');
    const refused = await act(clerk, promised.body.caseId, 'refuse', { reason: '不属于本机关职权范围' });
    expect(refused.body.state).toBe('declined');
    expect((await voucher(clerk, promised.body.caseId, 'acceptance')).body.code).toBe('APPLICATION_VOUCHER_UNAVAILABLE');
    const refusal = await voucher(clerk, promised.body.caseId, 'refusal');
    expect(refusal.status).toBe(200);
    expect(refusal.text).toContain('不予受理决定书');
    expect(refusal.text).toContain(`办件编号：${promised.body.number}`);
    expect(refusal.text).toContain('理由：不属于本机关职权范围');
    expect(refusal.text).toContain('2026年10月14日');
    const notRefused = await voucher(clerk, spot.body.caseId, 'refusal');
    expect(notRefused.status).toBe(409);
    expect(notRefused.body).toMatchObject({ code: 'APPLICATION_VOUCHER_UNAVAILABLE', message: expect.any(String), messageEn: expect.any(String) });
    expect(await view(promised.body.caseId)).toMatchObject({ status: 'refused', nationalCode: 5 });
  });

  it('lets the department’s 首席事务代表 approve its item at the window in one step, not the clerk nor another department', async () => {
    at('2026-10-14T10:00');
    const res = await scjg.post('/api/v1/service-applications', {
      serviceItemCode: 'SCJG-01', applicant: { name: '长春某科技有限公司', phone: '13800000005' }, materials: ['公司登记（备案）申请书', '公司章程', '申请人身份证明', '住所使用证明'],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const caseId = res.body.caseId;
    expect((await act(clerk, caseId, 'conclude', { outcome: 'approved' })).body.code).toBe('APPLICATION_NOT_ON_THE_SPOT');
    expect((await act(zjj, caseId, 'conclude', { outcome: 'approved' })).body.code).toBe('APPLICATION_ITEM_OTHER_DEPARTMENT');
    expect((await view(caseId)).status).toBe('received');
    at('2026-10-14T10:05');
    expect((await act(scjg, caseId, 'conclude', { outcome: 'approved' })).status).toBe(200);
    expect(await view(caseId)).toMatchObject({ status: 'concluded', nationalCode: 11, acceptedAt: '2026-10-14T02:05:00.000Z', caseState: 'closed' });
  });

  it('gives an application unrated after 7 natural days the default 基本满意, without rectification', async () => {
    at('2026-10-14T09:00');
    const list = (await clerk.get('/api/v1/service-applications')).body.items;
    const spot = list.find((item: any) => item.serviceItem.code === 'SCJG-02');
    at('2026-10-21T08:59');
    expect(await applyDefaultRatings(t.services)).toBe(0);
    at('2026-10-21T09:01');
    expect(await applyDefaultRatings(t.services)).toBe(1);
    expect(await applyDefaultRatings(t.services)).toBe(0);
    expect((await clerk.get(`/api/v1/cases/${spot.caseId}`)).body.rating).toMatchObject({ level: 'basically_satisfied' });
    const rectifications = await t.services.db.selectFrom('cases').select('id').where('rectification_of_id', '=', spot.caseId).execute();
    expect(rectifications).toEqual([]);
  });

  it('lists a department’s inbox with both countdowns, the window’s whole district', async () => {
    const mine = (await zjj.get('/api/v1/service-applications')).body.items;
    expect(mine.every((item: any) => item.serviceItem.code.startsWith('ZJJ'))).toBe(true);
    expect(mine[0].clock).toMatchObject({ promisedRemainingDays: expect.any(Number), legalRemainingDays: expect.any(Number) });
    expect((await clerk.get('/api/v1/service-applications')).body.items.length).toBeGreaterThan(mine.length);
  });
});
