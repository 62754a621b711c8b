/**
 * The enterprise portal in the browser: an enterprise user sees F1 met with its amount, confirms the
 * pending 免申即享 grant (意愿确认), and files a demand (诉求) that the 人社局 handler resolves in the
 * loop; the portal then shows the demand closed. It then applies (申报) for an application-mode policy, sees the
 * application accepted, and rates (好差评) the closed demand. The clock is set to 2026-06-01 so F1's 2026 version
 * is in force and reads the 2025 figures.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startE2eApp, type E2eApp } from './support/e2e-app.ts';
import { chromiumAvailable, closeBrowserSuite, launchBrowser, loginThroughUi, newPerson, snap } from './support/browser.ts';
import { openMenuItem, pickOption } from './support/antd.ts';
import { loginAs, type ApiClient } from '../support/api-client.ts';
import { completeUscc } from '../../src/domain/enterprises/index.ts';
import { F1_STABLE_JOBS } from '../../src/domain/policies/index.ts';

const haveChromium = chromiumAvailable();
let env: E2eApp;
let browser: Browser;
let op: ApiClient;
let enterpriseId = 0;

beforeAll(async () => {
  if (!haveChromium) return;
  env = await startE2eApp();
  env.t.clock.set('2026-06-01T02:00:00Z');
  browser = await launchBrowser();
  op = await loginAs(env.t.app, 'operator-220106');
  const leader = await loginAs(env.t.app, 'leader-220106');
  const created = await op.post('/api/v1/enterprises', { name: '长春演示汽车零部件有限公司', uscc: completeUscc('91220106MA0000009'), industryCode: '3670', districtCode: '220106' });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  enterpriseId = created.body.id;
  const facts = [['employees', 120], ['revenue', 50_000_000], ['insured_headcount', 110], ['insured_months', 12], ['layoff_rate', 3], ['unemployment_insurance_paid', 3025.14]]
    .map(([key, value]) => ({ key, value, asOf: '2025-12-31', source: '年报' }));
  expect((await op.post(`/api/v1/enterprises/${enterpriseId}/facts`, { facts })).status).toBe(201);
  expect((await op.post(`/api/v1/enterprises/${enterpriseId}/contacts`, { username: 'boss-e2e', password: 'demo1234', displayName: '企业联系人' })).status).toBe(201);
  const policy = await leader.post('/api/v1/policies', F1_STABLE_JOBS);
  const run = await leader.post(`/api/v1/policies/${policy.body.id}/grant-runs`, {});
  expect(run.body.items).toHaveLength(1);
  const application = await leader.post('/api/v1/policies', {
    code: 'APP-E2E', title: '规模企业稳岗奖励（测试）', titleEn: 'Stable-jobs award (test)', issuer: '区人社局', documentNumber: '测试〔2026〕1号', mode: 'application', excludes: [],
    versions: [{ version: 1, effectiveFrom: '2026-01-01', effectiveTo: '2026-12-31', eligibility: { type: 'fact', fact: 'employees', op: '>=', value: 100 }, benefit: { formula: { type: 'fixed', amount: 3000 } } }],
  });
  expect(application.status, JSON.stringify(application.body)).toBe(201);
});

afterAll(() => closeBrowserSuite(env, browser));

describe.skipIf(!haveChromium)('enterprise portal', () => {
  it('an enterprise confirms a grant and files a demand that a department resolves', async () => {
    const context = await newPerson(browser, env.baseUrl);
    const page = await context.newPage();
    await loginThroughUi(page, 'boss-e2e');
    await page.waitForURL(/\/portal/);
    await page.getByText('有 1 项免申即享政策等待您确认').waitFor();
    await page.getByTestId('policy-F1-WENGANG').getByText('1815.08 元').waitFor();
    await snap(page, 'zh-40-enterprise-portal');
    await page.getByRole('button', { name: '确认享受' }).click();
    await page.getByText('已确认，等待拨付').waitFor();
    await page.locator('[data-status="confirmed"]').waitFor();

    await page.getByRole('tab', { name: '诉求' }).click();
    await pickOption(page, '诉求类别', '用工需求');
    await page.getByLabel('诉求内容').fill('急需招聘焊工 20 名，请人社部门协助对接');
    await page.getByRole('button', { name: '提交诉求' }).click();
    await page.getByText(/诉求已提交，工单号/).waitFor();
    await page.locator('[data-state="reported"]').waitFor();

    const demands = await op.get(`/api/v1/enterprises/${enterpriseId}/demands`);
    const caseId = demands.body.items[0].caseId;
    const departments = await op.get('/api/v1/departments?district=220106');
    const rsj = departments.body.items.find((d: { code: string }) => d.code === 'rsj').id;
    const { addUser } = await import('../../src/services/auth/index.ts');
    const district = await env.t.services.db.selectFrom('districts').select('id').where('code', '=', '220106').executeTakeFirstOrThrow();
    await addUser({ db: env.t.services.db }, { username: 'handler-rsj-e2e', password: 'demo1234', displayName: '人社局处置员', role: 'handler', districtId: district.id, departmentId: rsj });
    const handler = await loginAs(env.t.app, 'handler-rsj-e2e');
    let step = (await op.get(`/api/v1/cases/${caseId}`)).body;
    step = (await op.post(`/api/v1/cases/${caseId}/actions/file`, { version: step.version })).body;
    step = (await op.post(`/api/v1/cases/${caseId}/actions/dispatch`, { version: step.version, departmentId: rsj })).body;
    step = (await handler.post(`/api/v1/cases/${caseId}/actions/sign`, { version: step.version })).body;
    step = (await handler.post(`/api/v1/cases/${caseId}/actions/resolve`, { version: step.version, note: '已组织专场招聘会对接' })).body;
    step = (await op.post(`/api/v1/cases/${caseId}/actions/check_pass`, { version: step.version })).body;
    expect(step.state).toBe('closed');

    await page.reload();
    await page.getByRole('tab', { name: '诉求' }).click();
    await page.locator('[data-state="closed"]').waitFor();
    await snap(page, 'zh-41-enterprise-demand-closed');
    await context.close();
  });

  it('an enterprise applies for an application-mode policy, follows its stage, and rates its closed demand', async () => {
    const context = await newPerson(browser, env.baseUrl);
    const page = await context.newPage();
    await loginThroughUi(page, 'boss-e2e');
    await page.waitForURL(/\/portal/);
    await page.getByTestId('policy-APP-E2E').waitFor();
    await page.getByRole('button', { name: '申报', exact: true }).click();
    await page.getByText(/已申报，工单号/).waitFor();
    await page.locator('[data-testid^="application-"] [data-status="submitted"]').waitFor();
    const applications = await op.get(`/api/v1/enterprises/${enterpriseId}/policy-applications`);
    const [filed] = applications.body.items;
    const leader = await loginAs(env.t.app, 'leader-220106');
    const accepted = await leader.post(`/api/v1/policy-applications/${filed.caseId}/accept`, { version: filed.caseVersion });
    expect(accepted.body.status, JSON.stringify(accepted.body)).toBe('accepted');
    await page.reload();
    await page.locator('[data-testid^="application-"] [data-status="accepted"]').waitFor();
    await snap(page, 'zh-44-enterprise-policy-application');

    await page.getByRole('tab', { name: '诉求' }).click();
    await page.getByLabel('评价办理结果').click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: '非常满意' }).click();
    await page.locator('[data-rating="very_satisfied"]').waitFor();
    await context.close();
  });

  it('a leader sees the policy’s matches with explanations, pushes it and previews a draft', async () => {
    const context = await newPerson(browser, env.baseUrl);
    const page = await context.newPage();
    await loginThroughUi(page, 'leader-220106');
    await openMenuItem(page, '惠企政策');
    await page.getByRole('cell', { name: '失业保险稳岗返还' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByRole('cell', { name: '长春演示汽车零部件有限公司' }).waitFor();
    await drawer.getByRole('cell', { name: '1815.08' }).waitFor();
    await drawer.getByRole('button', { name: '推送给符合条件的企业' }).click();
    await page.getByText('已推送 1 家企业').waitFor();
    await snap(page, 'zh-42-policy-push');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: '新建政策' }).click();
    await page.getByRole('button', { name: '预览匹配企业' }).click();
    await page.getByRole('dialog').getByRole('cell', { name: '长春演示汽车零部件有限公司' }).waitFor();
    await snap(page, 'zh-43-policy-editor-preview');
    await context.close();
  });
});
