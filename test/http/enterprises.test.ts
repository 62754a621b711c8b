/**
 * Enterprises and policies through the API: the registry's bad input, 一站查 and 精准推 with
 * explanations, a 免申即享 run that is repeatable and never pays twice, and a demand that becomes an
 * enterprise_demand case resolved by a department. The clock is 2026-03-10; F1's 2026 version reads
 * the 2025 figures.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { apiClient, loginAs, type ApiClient } from '../support/api-client.ts';
import { caseScript, departmentsOf220106, type CaseScript } from '../support/case-script.ts';
import { F1_STABLE_JOBS, F3_NEW_POST_SUBSIDY, type PolicyDefinition } from '../../src/domain/policies/index.ts';
import { completeUscc } from '../../src/domain/enterprises/index.ts';

let t: TestApp;
let op: ApiClient; let leader: ApiClient; let admin: ApiClient;
let s: CaseScript;
let enterpriseId: number; let otherId: number;
let boss: ApiClient; let otherBoss: ApiClient;
let liaisonId: number;

const USCC_A = completeUscc('91220106MA0000001');
const USCC_B = completeUscc('91220106MA0000002');

async function counts() {
  const db = t.services.db;
  const count = async (table: 'enterprises' | 'enterprise_facts' | 'policies' | 'grant_items') =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return { enterprises: await count('enterprises'), facts: await count('enterprise_facts'), policies: await count('policies'), grants: await count('grant_items') };
}

const FACTS_2025 = [
  { key: 'employees', value: 120, asOf: '2025-12-31', source: '统计年报' },
  { key: 'revenue', value: 50_000_000, asOf: '2025-12-31', source: '统计年报' },
  { key: 'insured_headcount', value: 110, asOf: '2025-12-31', source: '社保' },
  { key: 'insured_months', value: 12, asOf: '2025-12-31', source: '社保' },
  { key: 'layoff_rate', value: 3, asOf: '2025-12-31', source: '社保' },
  { key: 'unemployment_insurance_paid', value: 3025.14, asOf: '2025-12-31', source: '社保' },
];

beforeAll(async () => {
  t = await startTestApp();
  op = await loginAs(t.app, 'operator-220106');
  leader = await loginAs(t.app, 'leader-220106');
  admin = await loginAs(t.app, 'admin');
  s = await caseScript(t, op);
  liaisonId = (await t.services.db.selectFrom('users').select('id').where('username', '=', 'supervisor-220106').executeTakeFirstOrThrow()).id;
}, 300_000);

afterAll(async () => { await t?.close(); });

describe('USCC check', () => {
  it('needs no login and explains errors, warnings and the decoded parts', async () => {
    const anonymous = apiClient(t.app);
    const good = await anonymous.post('/api/v1/uscc/validate', { uscc: '91220101571145270j' });
    expect(good.status).toBe(200);
    expect(good.body).toMatchObject({ valid: true, normalised: '91220101571145270J', errors: [], decoded: { authority: { code: '9', zh: '工商' }, registrationDivision: '220101' } });
    expect(good.body.warnings).toEqual([{ code: 'USCC_LOWER_CASE_NORMALISED' }]);
    const bad = await anonymous.post('/api/v1/uscc/validate', { uscc: '914403001922038217' });
    expect(bad.body).toMatchObject({ valid: false, errors: [{ code: 'USCC_CHECK_CHARACTER', expected: '6' }] });
  });
});

describe('enterprise registry', () => {
  it('refuses a bad USCC, an unknown industry and a second registration, changing nothing', async () => {
    const before = await counts();
    const base = { name: '测试企业', industryCode: '3670', districtCode: '220106' };
    const wrongCheck = await op.post('/api/v1/enterprises', { ...base, uscc: '914403001922038217' });
    expect(wrongCheck.status).toBe(400);
    expect(wrongCheck.body).toMatchObject({ code: 'USCC_INVALID', message: '统一社会信用代码无效', details: { errors: [{ code: 'USCC_CHECK_CHARACTER' }] } });
    expect((await op.post('/api/v1/enterprises', { ...base, uscc: '9144030019220382I6' })).body.code).toBe('USCC_INVALID');
    expect((await op.post('/api/v1/enterprises', { ...base, uscc: '91440300192203821' })).body.code).toBe('USCC_INVALID');
    const industry = await op.post('/api/v1/enterprises', { ...base, uscc: USCC_A, industryCode: '9999' });
    expect(industry).toMatchObject({ status: 400, body: { code: 'INDUSTRY_CODE_UNKNOWN' } });
    expect(await counts()).toEqual(before);
  });

  it('registers enterprises (lower case normalised) and binds enterprise users', async () => {
    const created = await op.post('/api/v1/enterprises', { name: '长春演示汽车零部件有限公司', uscc: USCC_A.toLowerCase(), industryCode: '3670', districtCode: '220106', liaisonUserId: liaisonId });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.uscc).toBe(USCC_A);
    enterpriseId = created.body.id;
    const again = await op.post('/api/v1/enterprises', { name: '重复', uscc: USCC_A, industryCode: '3670', districtCode: '220106' });
    expect(again).toMatchObject({ status: 409, body: { code: 'ENTERPRISE_USCC_TAKEN' } });
    otherId = (await op.post('/api/v1/enterprises', { name: '长春演示软件有限公司', uscc: USCC_B, industryCode: '6513', districtCode: '220106' })).body.id;
    expect((await op.post(`/api/v1/enterprises/${enterpriseId}/contacts`, { username: 'boss-a', password: 'demo12345', displayName: '甲企业联系人' })).status).toBe(201);
    expect((await op.post(`/api/v1/enterprises/${otherId}/contacts`, { username: 'boss-b', password: 'demo12345', displayName: '乙企业联系人' })).status).toBe(201);
    boss = await loginAs(t.app, 'boss-a', 'demo12345');
    otherBoss = await loginAs(t.app, 'boss-b', 'demo12345');
    expect((await boss.get('/api/v1/enterprises')).body.items.map((row: { id: number }) => row.id)).toEqual([enterpriseId]);
    expect((await otherBoss.get(`/api/v1/enterprises/${enterpriseId}`)).status).toBe(403);
  });

  it('refuses negative, future-dated and unknown facts, all or nothing', async () => {
    const before = await counts();
    const negative = await op.post(`/api/v1/enterprises/${enterpriseId}/facts`, { facts: [FACTS_2025[0], { key: 'employees', value: -1, asOf: '2025-12-31', source: '年报' }] });
    expect(negative).toMatchObject({ status: 400, body: { code: 'ENTERPRISE_FACT_NEGATIVE', messageEn: 'An enterprise fact cannot be negative' } });
    const future = await op.post(`/api/v1/enterprises/${enterpriseId}/facts`, { facts: [{ key: 'employees', value: 1, asOf: '2026-03-11', source: '年报' }] });
    expect(future.body.code).toBe('ENTERPRISE_FACT_IN_FUTURE');
    const unknown = await op.post(`/api/v1/enterprises/${enterpriseId}/facts`, { facts: [{ key: 'headcount', value: 1, asOf: '2025-12-31', source: '年报' }] });
    expect(unknown.body.code).toBe('ENTERPRISE_FACT_UNKNOWN');
    expect(await counts()).toEqual(before);
    const recorded = await op.post(`/api/v1/enterprises/${enterpriseId}/facts`, { facts: FACTS_2025, tags: [{ tag: 'high_tech', validFrom: '2024-11-01', validTo: '2027-10-31', source: '高企证书' }] });
    expect(recorded).toMatchObject({ status: 201, body: { facts: 6, tags: 1 } });
    const page = await boss.get(`/api/v1/enterprises/${enterpriseId}`);
    expect(page.body).toMatchObject({ sizeClass: 'small', liaison: { id: liaisonId }, industry: [{ code: 'C' }, { code: '36' }, { code: '367' }, { code: '3670' }] });
    expect(page.body.facts).toHaveLength(6);
  });
});

describe('policies, 一站查 and 精准推', () => {
  it('refuses a rule over an unknown fact and saves F1 and F3', async () => {
    const before = await counts();
    const bad = structuredClone(F1_STABLE_JOBS);
    bad.code = 'BAD-1';
    bad.versions[0]!.eligibility = { type: 'fact', fact: 'profit' as never, op: '>=', value: 1 };
    const refused = await leader.post('/api/v1/policies', bad);
    expect(refused).toMatchObject({ status: 400, body: { code: 'POLICY_RULE_INVALID', details: [{ problem: 'UNKNOWN_FACT', value: 'profit' }] } });
    expect((await op.post('/api/v1/policies', F1_STABLE_JOBS)).status).toBe(403);
    expect(await counts()).toEqual(before);
    expect((await leader.post('/api/v1/policies', F1_STABLE_JOBS)).status).toBe(201);
    expect((await leader.post('/api/v1/policies', F3_NEW_POST_SUBSIDY)).status).toBe(201);
    expect((await leader.post('/api/v1/policies', F3_NEW_POST_SUBSIDY)).body.code).toBe('POLICY_CODE_TAKEN');
  });

  it('previews an unsaved policy against the district, writing nothing', async () => {
    const before = await counts();
    const draft = { ...structuredClone(F1_STABLE_JOBS), code: 'DRAFT-1' };
    const res = await leader.post('/api/v1/policies/preview', draft);
    expect(res.status).toBe(200);
    expect(res.body.items.map((row: { enterprise: { id: number }; status: string }) => [row.enterprise.id, row.status])).toEqual([[enterpriseId, 'met'], [otherId, 'not']]);
    expect((await leader.post('/api/v1/policies/preview', { ...draft, versions: [{ ...draft.versions[0], eligibility: { type: 'tag', tag: 'famous' } }] })).body.code).toBe('POLICY_RULE_INVALID');
    expect(await counts()).toEqual(before);
  });

  it('一站查 explains condition by condition, with the amount', async () => {
    const res = await boss.get(`/api/v1/enterprises/${enterpriseId}/policies`);
    expect(res.status).toBe(200);
    const [f1, f3] = res.body.items;
    expect(f1).toMatchObject({ policy: { code: 'F1-WENGANG' }, status: 'met', version: 3, amountCents: 181508, amount: 1815.08 });
    expect(f1.explanation.children[0]).toMatchObject({ status: 'met', actual: 12 });
    expect(f3).toMatchObject({ policy: { code: 'F3-KUOGANG' }, status: 'not', reason: { en: 'The policy is not in force on 2026-03-10' } });
    const other = await otherBoss.get(`/api/v1/enterprises/${otherId}/policies`);
    expect(other.body.items[0].explanation.children[0]).toMatchObject({ status: 'not', actual: null });
    expect((await otherBoss.get(`/api/v1/enterprises/${enterpriseId}/policies`)).status).toBe(403);
  });

  it('精准推 lists the matching enterprises, pushes once and records the read receipt', async () => {
    const policyId = (await leader.get('/api/v1/policies')).body.items[0].id;
    const matches = await leader.get(`/api/v1/policies/${policyId}/matches`);
    expect(matches.body.items.map((row: { enterprise: { id: number } }) => row.enterprise.id)).toEqual([enterpriseId]);
    const pushed = await leader.post(`/api/v1/policies/${policyId}/pushes`, {});
    expect(pushed).toMatchObject({ status: 201, body: { pushed: 1 } });
    expect((await leader.post(`/api/v1/policies/${policyId}/pushes`, {})).body.pushed).toBe(0);
    expect((await boss.post(`/api/v1/policies/${policyId}/pushes/read`)).body).toEqual({ read: 1 });
    const pushes = await leader.get(`/api/v1/policies/${policyId}/pushes`);
    expect(pushes.body.items[0]).toMatchObject({ enterpriseId, readAt: '2026-03-10T02:00:00.000Z' });
  });
});

describe('免申即享 grant runs', () => {
  it('lists once, lets only the enterprise confirm, pays once, and audits every step', async () => {
    const policyId = (await leader.get('/api/v1/policies')).body.items[0].id;
    const run = await leader.post(`/api/v1/policies/${policyId}/grant-runs`, {});
    expect(run.status, JSON.stringify(run.body)).toBe(201);
    expect(run.body.items).toMatchObject([{ enterpriseId, amountCents: 181508, status: 'pending' }]);
    const rerun = await leader.post(`/api/v1/policies/${policyId}/grant-runs`, {});
    expect(rerun.body.items).toEqual([]);
    const itemId = run.body.items[0].id;
    const base = `/api/v1/grant-runs/${run.body.id}/items/${itemId}`;
    expect((await leader.post(`${base}/pay`, { reference: 'PAY-1' })).body.code).toBe('GRANT_ITEM_NOT_CONFIRMED');
    expect((await otherBoss.post(`${base}/confirm`)).status).toBe(403);
    expect((await boss.post(`${base}/confirm`)).body.status).toBe('confirmed');
    expect((await boss.post(`${base}/decline`)).body.code).toBe('GRANT_ITEM_NOT_PENDING');
    expect((await boss.post(`${base}/pay`, { reference: 'PAY-1' })).status).toBe(403);
    expect((await admin.post(`${base}/pay`, { reference: 'PAY-1' })).body).toMatchObject({ status: 'paid', paymentReference: 'PAY-1' });
    const twice = await leader.post(`${base}/pay`, { reference: 'PAY-2' });
    expect(twice).toMatchObject({ status: 409, body: { code: 'GRANT_ALREADY_PAID', message: '该兑现事项已拨付，不能重复拨付' } });
    const detail = await leader.get(`/api/v1/grant-runs/${run.body.id}`);
    expect(detail.body.events.map((event: { action: string }) => event.action)).toEqual(['run', 'list', 'confirm', 'pay']);
    expect(detail.body.items[0].paymentReference).toBe('PAY-1');
    const benefits = await boss.get(`/api/v1/enterprises/${enterpriseId}/benefits`);
    expect(benefits.body.grants).toMatchObject([{ status: 'paid', amount: 1815.08 }]);
  });

  it('refuses a run of an application-mode policy', async () => {
    const f3 = (await leader.get('/api/v1/policies')).body.items[1].id;
    expect((await leader.post(`/api/v1/policies/${f3}/grant-runs`, {})).body.code).toBe('POLICY_NOT_AUTO_GRANT');
  });
});

describe('enterprise demands', () => {
  it('files a demand from the portal as an enterprise_demand case that a department resolves', async () => {
    s.at('2026-03-10T10:00');
    const filed = await boss.post(`/api/v1/enterprises/${enterpriseId}/demands`, { categoryCode: 'Q02', description: '急需招聘焊工 20 名' });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    expect(filed.body).toMatchObject({ kind: 'enterprise_demand', state: 'reported' });
    const caseId = filed.body.caseId;
    const { ids, handler } = await departmentsOf220106(t);
    const rsj = await handler('rsj');
    await s.act(op, caseId, 'file', '2026-03-10T10:10');
    await s.act(op, caseId, 'dispatch', '2026-03-10T10:20', { departmentId: ids.rsj });
    await s.act(rsj, caseId, 'sign', '2026-03-10T10:30');
    await s.act(rsj, caseId, 'resolve', '2026-03-11T10:00', { note: '已对接招聘会' });
    await s.act(op, caseId, 'check_pass', '2026-03-11T11:00');
    const page = await boss.get(`/api/v1/enterprises/${enterpriseId}`);
    expect(page.body.demands).toMatchObject([{ caseId, state: 'closed', categoryCode: 'Q02' }]);
    // 好差评: the enterprise rates its resolved demand from the portal, once.
    const rated = await boss.post(`/api/v1/cases/${caseId}/actions/rate`, { version: page.body.demands[0].version, level: 'very_satisfied' });
    expect(rated.status, JSON.stringify(rated.body)).toBe(200);
    expect((await boss.get(`/api/v1/enterprises/${enterpriseId}`)).body.demands).toMatchObject([{ caseId, rating: 'very_satisfied' }]);
    expect(page.body.liaison).toMatchObject({ id: liaisonId });
    expect((await otherBoss.post(`/api/v1/enterprises/${enterpriseId}/demands`, { categoryCode: 'Q02', description: '冒名' })).status).toBe(403);
  });
});

describe('enterprise import', () => {
  const header = '企业名称,统一社会信用代码,行业代码,区划代码,地址';
  const c = completeUscc('91220106MA0000003');
  const d = completeUscc('91220106MA0000004');

  it('lists every row’s problems and imports nothing when one row is wrong', async () => {
    const before = await counts();
    const csv = `${header}\n丙企业,${c},6513,220106,青年路 1 号\n丁企业,914403001922038217,9999,220199,\n戊企业,${USCC_A},3670,220106,\n`;
    const res = await op.post('/api/v1/enterprises/import', { format: 'csv', content: csv });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'ENTERPRISE_IMPORT_INVALID', message: '导入文件有误，未导入任何企业' });
    expect(res.body.details.problems).toEqual([
      { row: 3, field: 'uscc', code: 'USCC_INVALID' },
      { row: 3, field: 'industryCode', code: 'INDUSTRY_CODE_UNKNOWN' },
      { row: 3, field: 'districtCode', code: 'DISTRICT_UNKNOWN' },
      { row: 4, field: 'uscc', code: 'USCC_REGISTERED' },
    ]);
    expect(await counts()).toEqual(before);
  });

  it('imports a CSV and an .xlsx', async () => {
    const csv = await op.post('/api/v1/enterprises/import', { format: 'csv', content: `${header}\n丙企业,${c},6513,220106,青年路 1 号\n` });
    expect(csv).toMatchObject({ status: 201, body: { created: 1 } });
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('企业');
    sheet.addRow(header.split(','));
    sheet.addRow(['丁企业', d, '5212', '220106', '']);
    const content = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
    expect(await op.post('/api/v1/enterprises/import', { format: 'xlsx', content })).toMatchObject({ status: 201, body: { created: 1 } });
    expect((await op.post('/api/v1/enterprises/import', { format: 'xlsx', content: 'bm90IGEgemlw' })).body.code).toBe('ENTERPRISE_IMPORT_INVALID');
  });
});

describe('enterprise indicators', () => {
  it('count demands solved per liaison and per department, the amount paid and the enterprises reached', async () => {
    const res = await leader.get('/api/v1/enterprise-indicators');
    expect(res.status).toBe(200);
    expect(res.body.demandsByLiaison).toEqual([{ liaisonUserId: liaisonId, liaison: expect.any(String), total: 1, solved: 1 }]);
    expect(res.body.demandsByDepartment).toMatchObject([{ total: 1, solved: 1 }]);
    expect(res.body).toMatchObject({ paidCents: 181508, paidItems: 1, enterprisesReached: 1 });
    expect((await boss.get('/api/v1/enterprise-indicators')).status).toBe(403);
  });
});

describe('policy applications (申报 → 受理 → 审核 → 兑现)', () => {
  const policy: PolicyDefinition = {
    ...structuredClone(F3_NEW_POST_SUBSIDY), code: 'APP-2026', title: '规模企业稳岗奖励（测试）', titleEn: 'Stable-jobs award (test)', excludes: [],
    versions: [{ version: 1, effectiveFrom: '2026-01-01', effectiveTo: '2026-12-31', eligibility: { type: 'fact', fact: 'employees', op: '>=', value: 100 }, benefit: { formula: { type: 'fixed', amount: 3000 } } }],
  };
  const applicationCounts = async () => ({
    cases: Number((await t.services.db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).where('kind', '=', 'policy_application').executeTakeFirstOrThrow()).n),
    applications: Number((await t.services.db.selectFrom('policy_applications').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n),
  });

  it('refuses what cannot be applied for, changing nothing', async () => {
    s.at('2026-03-12T10:00');
    const created = await leader.post('/api/v1/policies', policy);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const ids = Object.fromEntries((await leader.get('/api/v1/policies')).body.items.map((row: { code: string; id: number }) => [row.code, row.id]));
    const before = await applicationCounts();
    const autoGrant = await boss.post(`/api/v1/policies/${ids['F1-WENGANG']}/applications`, { enterpriseId });
    expect(autoGrant).toMatchObject({ status: 409, body: { code: 'POLICY_NOT_APPLICATION', message: '该政策为免申即享政策，无需申报' } });
    expect((await boss.post(`/api/v1/policies/${ids['F3-KUOGANG']}/applications`, { enterpriseId })).body.code).toBe('POLICY_NOT_IN_FORCE');
    const notMet = await otherBoss.post(`/api/v1/policies/${ids['APP-2026']}/applications`, { enterpriseId: otherId });
    expect(notMet).toMatchObject({ status: 409, body: { code: 'POLICY_APPLICATION_NOT_ELIGIBLE', messageEn: 'On the data held, the enterprise does not meet this policy; it cannot apply', details: { status: 'not' } } });
    expect((await otherBoss.post(`/api/v1/policies/${ids['APP-2026']}/applications`, { enterpriseId })).status).toBe(403);
    expect((await boss.post(`/api/v1/policies/${ids['APP-2026']}/applications`, { enterpriseId, categoryCode: 'Q02' })).body.code).toBe('CASE_CATEGORY_KIND_MISMATCH');
    expect(await applicationCounts()).toEqual(before);
  });

  it('moves a policy_application case stage by stage on the 快申快享 clock and pays once', async () => {
    const policyId = (await leader.get('/api/v1/policies')).body.items.find((row: { code: string }) => row.code === 'APP-2026').id;
    s.at('2026-03-12T10:00'); // Thursday
    const filed = await boss.post(`/api/v1/policies/${policyId}/applications`, { enterpriseId, note: '请审核' });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    // 受理 within 2 working days: Fri 13, Mon 16, by 17:30.
    expect(filed.body).toMatchObject({ status: 'submitted', caseState: 'reported', amountCents: 300000, amount: 3000, policyCode: 'APP-2026', deadline: '2026-03-16T09:30:00.000Z', allowedActions: [] });
    const caseId = filed.body.caseId;
    expect((await boss.post(`/api/v1/policies/${policyId}/applications`, { enterpriseId })).body).toMatchObject({ code: 'POLICY_APPLICATION_DUPLICATE', details: { caseId } });

    const detail = await op.get(`/api/v1/cases/${caseId}`);
    expect(detail.body).toMatchObject({ kind: 'policy_application', state: 'reported' });
    expect(detail.body.allowedActions).not.toContain('file');
    const loop = await op.post(`/api/v1/cases/${caseId}/actions/file`, { version: detail.body.version });
    expect(loop).toMatchObject({ status: 409, body: { code: 'CASE_INVALID_TRANSITION' } });

    const { handler } = await departmentsOf220106(t);
    const fgj = await handler('fgj');
    const rsj = await handler('rsj');
    const act = (client: ApiClient, action: string, body: Record<string, unknown> = {}) => client.get(`/api/v1/policy-applications/${caseId}`)
      .then((current) => client.post(`/api/v1/policy-applications/${caseId}/${action}`, { version: current.body.caseVersion ?? 1, ...body }));
    expect((await rsj.post(`/api/v1/policy-applications/${caseId}/accept`, { version: 1 })).status).toBe(403);
    expect((await boss.post(`/api/v1/policy-applications/${caseId}/accept`, { version: 1 })).status).toBe(403);
    expect((await leader.post(`/api/v1/policy-applications/${caseId}/pay`, { version: 1, reference: 'PAY-A' })).body.code).toBe('CASE_INVALID_TRANSITION');
    s.at('2026-03-13T09:00');
    expect((await fgj.get(`/api/v1/policy-applications/${caseId}`)).body.allowedActions).toEqual(['accept', 'reject']);
    const accepted = await act(fgj, 'accept');
    // 审核 within 10 working days of 受理 (Fri 13): Mar 16–20, 23–27.
    expect(accepted.body).toMatchObject({ status: 'accepted', caseState: 'signed', deadline: '2026-03-27T09:30:00.000Z' });
    expect((await fgj.post(`/api/v1/policy-applications/${caseId}/approve`, { version: 1 })).body.code).toBe('CASE_VERSION_CONFLICT');
    expect((await act(fgj, 'reject')).body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'note', code: 'required' }] });
    s.at('2026-03-18T15:00');
    const approved = await act(fgj, 'approve', { note: '材料齐全，数据核验通过' });
    expect(approved.body).toMatchObject({ status: 'approved', caseState: 'resolved' });
    expect(Date.parse(approved.body.deadline)).toBeGreaterThan(Date.parse('2026-03-27T09:30:00.000Z'));
    expect((await act(fgj, 'pay', { reference: 'PAY-A' })).status).toBe(403);
    expect((await act(leader, 'pay')).body.code).toBe('VALIDATION_FAILED');
    s.at('2026-03-20T10:00');
    const paid = await act(leader, 'pay', { reference: 'PAY-A' });
    expect(paid.body).toMatchObject({ status: 'paid', caseState: 'closed', paymentReference: 'PAY-A', deadline: null, paidAt: '2026-03-20T02:00:00.000Z' });
    expect((await act(leader, 'pay', { reference: 'PAY-B' })).body.code).toBe('CASE_INVALID_TRANSITION');

    const timeline = (await op.get(`/api/v1/cases/${caseId}`)).body.timeline.map((event: { action: string }) => event.action);
    expect(timeline).toEqual(['apply', 'accept', 'approve', 'pay']);
    const mine = await boss.get(`/api/v1/enterprises/${enterpriseId}/policy-applications`);
    expect(mine.body.items).toMatchObject([{ caseId, status: 'paid', amount: 3000, paymentReference: 'PAY-A' }]);
    expect((await otherBoss.get(`/api/v1/enterprises/${enterpriseId}/policy-applications`)).status).toBe(403);
  });

  it('a rule change adds a version from a date; matching as of a date uses the version then in force', async () => {
    const policyId = (await leader.get('/api/v1/policies')).body.items.find((row: { code: string }) => row.code === 'APP-2026').id;
    const rules = { eligibility: { type: 'fact', fact: 'employees', op: '>=', value: 100 }, benefit: { formula: { type: 'fixed', amount: 5000 } } };
    const versionsBefore = (await leader.get(`/api/v1/policies/${policyId}`)).body.versions;
    expect((await op.post(`/api/v1/policies/${policyId}/versions`, { effectiveFrom: '2026-07-01', ...rules })).status).toBe(403);
    const early = await leader.post(`/api/v1/policies/${policyId}/versions`, { effectiveFrom: '2025-12-01', ...rules });
    expect(early).toMatchObject({ status: 400, body: { code: 'POLICY_RULE_INVALID', details: [{ path: 'effectiveFrom' }] } });
    const unknown = await leader.post(`/api/v1/policies/${policyId}/versions`, { effectiveFrom: '2026-07-01', ...rules, eligibility: { type: 'fact', fact: 'profit', op: '>=', value: 1 } });
    expect(unknown.body).toMatchObject({ code: 'POLICY_RULE_INVALID', details: [{ problem: 'UNKNOWN_FACT' }] });
    expect((await leader.get(`/api/v1/policies/${policyId}`)).body.versions).toEqual(versionsBefore);

    const revised = await leader.post(`/api/v1/policies/${policyId}/versions`, { effectiveFrom: '2026-07-01', ...rules });
    expect(revised.status, JSON.stringify(revised.body)).toBe(201);
    expect(revised.body.versions.map((v: { version: number; effectiveFrom: string; effectiveTo: string | null }) => [v.version, v.effectiveFrom, v.effectiveTo]))
      .toEqual([[1, '2026-01-01', '2026-06-30'], [2, '2026-07-01', null]]);
    const asOf = async (date: string) => (await boss.get(`/api/v1/enterprises/${enterpriseId}/policies?date=${date}`)).body.items
      .find((row: { policy: { code: string } }) => row.policy.code === 'APP-2026');
    expect(await asOf('2026-06-30')).toMatchObject({ version: 1, amount: 3000 });
    expect(await asOf('2026-07-01')).toMatchObject({ version: 2, amount: 5000 });
  });
});

describe('the monthly bulletin on demands and policies', () => {
  it('counts March 2026: the demand solved on time, the amounts paid both ways, the enterprises reached; February has none', async () => {
    s.at('2026-04-02T09:00');
    const sup = await loginAs(t.app, 'supervisor-220106');
    const section = async (month: string) => {
      const res = await sup.get(`/api/v1/bulletins/220106/${month}.json`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body.tables.find((table: { title: string }) => table.title === '十一、助企服务与惠企政策');
    };
    const march = await section('2026-03');
    expect(march.headers).toEqual(['指标', '本月（2026-03）', '本年累计（2026-01 至 2026-03）']);
    // The demand: filed 03-10, resolved 03-11 within its limit, closed 03-11. F1 paid 1815.08 on 03-10; APP-2026 paid 3000 on 03-20.
    expect(march.rows).toEqual([
      ['企业诉求受理数', '1', '1'], ['企业诉求办结数', '1', '1'], ['按期办结数', '1', '1'], ['按期办结率', '100.00%', '100.00%'],
      ['免申即享兑现金额（元）', '1815.08', '1815.08'], ['申报兑现金额（元）', '3000.00', '3000.00'], ['获得兑现企业数', '1', '1'], ['政策推送触达企业数', '1', '1'],
    ]);
    const february = await section('2026-02');
    expect(february.rows.map((row: string[]) => row[1])).toEqual(['0', '0', '0', '—', '0.00', '0.00', '0', '0']);
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    const xlsx = await t.app.inject({ method: 'GET', url: '/api/v1/bulletins/220106/2026-03.xlsx', headers: { authorization: `Bearer ${sup.token}` } });
    await workbook.xlsx.load(xlsx.rawPayload as never);
    expect(String(workbook.getWorksheet('助企服务与惠企政策')!.getRow(7).getCell(2).value)).toBe('1815.08');
  });
});
