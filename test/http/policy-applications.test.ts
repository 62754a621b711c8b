/**
 * The staff list of 政策申报办理, `GET /api/v1/policy-applications?state=&policyId=`: district-scoped (an admin
 * sees every district, a handler only its own department's), filtered by stage and policy, each row with its
 * enterprise, policy, amount, the stage's deadline and the caller's allowedActions; bad filters and other
 * roles are refused. The clock is 2026-03-12 (a Thursday).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { loginAs, type ApiClient } from '../support/api-client.ts';
import { caseScript, departmentsOf220106, type CaseScript } from '../support/case-script.ts';
import { completeUscc } from '../../src/domain/enterprises/index.ts';
import type { PolicyDefinition } from '../../src/domain/policies/index.ts';

let t: TestApp;
let s: CaseScript;
let leader: ApiClient; let leader105: ApiClient; let admin: ApiClient; let op: ApiClient;
const ids = { near: 0, far: 0, other: 0, award: 0, bonus: 0 };
const cases = { nearAward: 0, farAward: 0, nearBonus: 0 };

const policy = (code: string, amount: number): PolicyDefinition => ({
  code, title: `规模企业奖励 ${code}（测试）`, titleEn: `Award ${code} (test)`, issuer: '区人社局', documentNumber: `测试〔2026〕${amount}号`, mode: 'application', excludes: [],
  versions: [{ version: 1, effectiveFrom: '2026-01-01', effectiveTo: '2026-12-31', eligibility: { type: 'fact', fact: 'employees', op: '>=', value: 100 }, benefit: { formula: { type: 'fixed', amount } } }],
});

async function enterprise(client: ApiClient, name: string, body: string, districtCode: string, contact: string): Promise<{ id: number; boss: ApiClient }> {
  const created = await client.post('/api/v1/enterprises', { name, uscc: completeUscc(body), industryCode: '3670', districtCode });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const facts = [{ key: 'employees', value: 150, asOf: '2025-12-31', source: '统计年报' }];
  expect((await client.post(`/api/v1/enterprises/${created.body.id}/facts`, { facts })).status).toBe(201);
  expect((await client.post(`/api/v1/enterprises/${created.body.id}/contacts`, { username: contact, password: 'demo12345', displayName: `${name}联系人` })).status).toBe(201);
  return { id: created.body.id, boss: await loginAs(t.app, contact, 'demo12345') };
}

beforeAll(async () => {
  t = await startTestApp();
  op = await loginAs(t.app, 'operator-220106');
  leader = await loginAs(t.app, 'leader-220106');
  leader105 = await loginAs(t.app, 'leader-220105');
  admin = await loginAs(t.app, 'admin');
  s = await caseScript(t, op);
  s.at('2026-03-12T10:00');
  ids.award = (await leader.post('/api/v1/policies', policy('APP-LIST-A', 3000))).body.id;
  ids.bonus = (await leader.post('/api/v1/policies', policy('APP-LIST-B', 500))).body.id;
  const near = await enterprise(op, '长春列表测试甲有限公司', '91220106MA0000011', '220106', 'boss-list-a');
  const far = await enterprise(await loginAs(t.app, 'operator-220105'), '长春列表测试乙有限公司', '91220105MA0000012', '220105', 'boss-list-b');
  ids.near = near.id; ids.far = far.id;
  const apply = async (boss: ApiClient, policyId: number, enterpriseId: number) => {
    const filed = await boss.post(`/api/v1/policies/${policyId}/applications`, { enterpriseId });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    return filed.body.caseId as number;
  };
  cases.nearAward = await apply(near.boss, ids.award, near.id);
  cases.farAward = await apply(far.boss, ids.award, far.id);
  cases.nearBonus = await apply(near.boss, ids.bonus, near.id);
}, 300_000);

afterAll(async () => { await t?.close(); });

const caseIdsOf = (response: { body: { items: { caseId: number }[] } }) => response.body.items.map((item) => item.caseId);

describe('the staff list of policy applications', () => {
  it('shows the district’s applications, newest first, with enterprise, policy, amount, deadline and the caller’s actions', async () => {
    const listed = await leader.get('/api/v1/policy-applications');
    expect(listed.status, JSON.stringify(listed.body)).toBe(200);
    expect(caseIdsOf(listed)).toEqual([cases.nearBonus, cases.nearAward]);
    expect(listed.body.items[1]).toMatchObject({
      caseId: cases.nearAward, status: 'submitted', caseState: 'reported', enterpriseId: ids.near, enterpriseName: '长春列表测试甲有限公司',
      policyId: ids.award, policyCode: 'APP-LIST-A', amount: 3000, amountCents: 300000,
      // 受理 within 2 working days of Thursday 10:00: Fri 13, Mon 16, by 17:30.
      deadline: '2026-03-16T09:30:00.000Z', allowedActions: ['accept', 'reject'],
    });
    expect(caseIdsOf(await leader105.get('/api/v1/policy-applications'))).toEqual([cases.farAward]);
    expect(caseIdsOf(await admin.get('/api/v1/policy-applications'))).toEqual([cases.nearBonus, cases.farAward, cases.nearAward]);
  });

  it('filters by stage and by policy', async () => {
    const accepted = await leader.post(`/api/v1/policy-applications/${cases.nearAward}/accept`, { version: 1 });
    expect(accepted.body.status, JSON.stringify(accepted.body)).toBe('accepted');
    expect(caseIdsOf(await leader.get('/api/v1/policy-applications?state=accepted'))).toEqual([cases.nearAward]);
    expect(caseIdsOf(await leader.get('/api/v1/policy-applications?state=submitted'))).toEqual([cases.nearBonus]);
    expect(caseIdsOf(await leader.get('/api/v1/policy-applications?state=paid'))).toEqual([]);
    expect(caseIdsOf(await leader.get(`/api/v1/policy-applications?policyId=${ids.award}`))).toEqual([cases.nearAward]);
    expect(caseIdsOf(await admin.get(`/api/v1/policy-applications?policyId=${ids.award}&state=submitted`))).toEqual([cases.farAward]);
    const acceptedRow = (await leader.get('/api/v1/policy-applications?state=accepted')).body.items[0];
    expect(acceptedRow).toMatchObject({ caseVersion: 2, allowedActions: ['approve', 'reject'] });
  });

  it('shows a handler only its own department’s applications', async () => {
    const { handler } = await departmentsOf220106(t);
    const owning = await handler('fgj');
    const other = await handler('rsj');
    const mine = await owning.get('/api/v1/policy-applications');
    expect(mine.status, JSON.stringify(mine.body)).toBe(200);
    expect(caseIdsOf(mine)).toEqual([cases.nearBonus, cases.nearAward]);
    expect(mine.body.items[0].allowedActions).toEqual(['accept', 'reject']);
    expect(caseIdsOf(await other.get('/api/v1/policy-applications'))).toEqual([]);
  });

  it('refuses bad filters and roles that take no step, in both languages', async () => {
    const badState = await leader.get('/api/v1/policy-applications?state=closed');
    expect(badState).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    expect(badState.body.message).toBeTruthy();
    expect(badState.body.messageEn).toBeTruthy();
    expect((await leader.get('/api/v1/policy-applications?policyId=abc')).body.code).toBe('VALIDATION_FAILED');
    expect((await leader.get('/api/v1/policy-applications?district=220105')).body.code).toBe('VALIDATION_FAILED');
    const operator = await op.get('/api/v1/policy-applications');
    expect(operator).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    expect(operator.body.messageEn).toBeTruthy();
    const boss = await loginAs(t.app, 'boss-list-a', 'demo12345');
    expect((await boss.get('/api/v1/policy-applications')).status).toBe(403);
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/v1/policy-applications' });
    expect(anonymous.statusCode).toBe(401);
  });
});
