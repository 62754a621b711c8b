/**
 * 政策申报办理 in the browser: the demo enterprise user (enterprise-demo, 长春万华汽车实业) applies (申报) for an
 * application-mode policy from the portal; the district's leader finds it on the 惠企政策 page's tab 政策申报办理
 * with its amount and the 受理 deadline (red once the browser's clock passes it), accepts (受理), approves
 * (审核通过) and pays it (兑现, with a payout reference) there, and sees every step on its timeline; the
 * enterprise then sees it 已兑现 with the amount. A handler of the owning department (发改局) reaches the list from its
 * own menu and rejects a second application with a reason, which the portal shows 未通过. The e2e clock starts on
 * Wednesday 2026-11-18 09:30.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startE2eApp, type E2eApp } from './support/e2e-app.ts';
import { chromiumAvailable, closeBrowserSuite, launchBrowser, loginThroughUi, newPerson, snap } from './support/browser.ts';
import { openMenuItem } from './support/antd.ts';
import { loginAs } from '../support/api-client.ts';
import { ENTERPRISE_DEMO_USER, seedDemoEnterprises } from '../../src/services/seed/index.ts';

const haveChromium = chromiumAvailable();
let env: E2eApp;
let browser: Browser;
let leaderName = '';
const ENTERPRISE = '长春万华汽车实业';

/** An application-mode policy in force all 2026 that the demo enterprise (350 employees) meets, 5000 元. */
const applicationPolicy = (code: string, title: string, titleEn: string) => ({
  code, title, titleEn, issuer: '区工信局', documentNumber: `测试〔2026〕${code}号`, mode: 'application', excludes: [],
  versions: [{ version: 1, effectiveFrom: '2026-01-01', effectiveTo: '2026-12-31', eligibility: { type: 'fact', fact: 'employees', op: '>=', value: 100 }, benefit: { formula: { type: 'fixed', amount: 5000 } } }],
});

beforeAll(async () => {
  if (!haveChromium) return;
  env = await startE2eApp();
  browser = await launchBrowser();
  expect(await seedDemoEnterprises(env.t.services.db, env.t.clock.now)).toBeGreaterThan(0);
  const { code } = await env.t.services.db.selectFrom('enterprises as e').innerJoin('districts as d', 'd.id', 'e.district_id')
    .select('d.code').where('e.name', '=', ENTERPRISE).executeTakeFirstOrThrow();
  leaderName = `leader-${code}`;
  const leader = await loginAs(env.t.app, leaderName);
  const policy = await leader.post('/api/v1/policies', applicationPolicy('APP-DESK-E2E', '规上工业企业奖励（测试）', 'Industrial enterprise award (test)'));
  expect(policy.status, JSON.stringify(policy.body)).toBe(201);
  const second = await leader.post('/api/v1/policies', applicationPolicy('APP-DESK-E2E-2', '技改项目补助（测试）', 'Upgrade grant (test)'));
  expect(second.status, JSON.stringify(second.body)).toBe(201);
  // a handler of 发改局 (fgj), the department A01 applications are routed to
  const { addUser } = await import('../../src/services/auth/index.ts');
  const db = env.t.services.db;
  const district = await db.selectFrom('districts').select('id').where('code', '=', code).executeTakeFirstOrThrow();
  const fgj = await db.selectFrom('departments').select('id').where('district_id', '=', district.id).where('code', '=', 'fgj').executeTakeFirstOrThrow();
  await addUser({ db }, { username: 'handler-fgj-e2e', password: 'demo1234', displayName: '发改局处置员', role: 'handler', districtId: district.id, departmentId: fgj.id });
}, 300_000);

afterAll(() => closeBrowserSuite(env, browser));

describe.skipIf(!haveChromium)('政策申报办理', () => {
  it('an enterprise applies in the portal, a leader accepts, approves and pays it on the staff page, the enterprise sees it paid', async () => {
    const enterprise = await newPerson(browser, env.baseUrl);
    const portal = await enterprise.newPage();
    await loginThroughUi(portal, ENTERPRISE_DEMO_USER);
    await portal.waitForURL(/\/portal/);
    // the 申报 button sits in the policy's panel header, beside its title
    const offer = portal.locator('.ant-collapse-item').filter({ has: portal.getByTestId('policy-APP-DESK-E2E') });
    await offer.getByRole('button', { name: '申报', exact: true }).click();
    await portal.getByText(/已申报，工单号/).waitFor();
    await portal.locator('[data-testid^="application-"] [data-status="submitted"]').waitFor();

    const staff = await newPerson(browser, env.baseUrl);
    const page = await staff.newPage();
    await loginThroughUi(page, leaderName);
    await openMenuItem(page, '惠企政策');
    await page.getByRole('tab', { name: '政策申报办理' }).click();
    await page.waitForURL(/tab=applications/);
    const row = page.getByRole('row').filter({ hasText: ENTERPRISE }).filter({ hasText: '规上工业企业奖励（测试）' });
    await row.getByRole('cell', { name: '5000.00' }).waitFor();
    await row.locator('[data-status="submitted"]').waitFor();
    // 受理 is due within 2 working days (Friday 17:30); four days on, the browser shows it overdue in red
    await row.locator('[data-overdue="false"]').waitFor();
    await page.clock.fastForward(4 * 24 * 3600_000);
    await row.locator('[data-overdue="true"]').waitFor();
    await snap(page, 'zh-45-policy-application-desk');

    await row.click();
    const drawer = page.locator('.ant-drawer-open');
    const modal = page.locator('.ant-modal');
    await drawer.locator('[data-event="apply"]').waitFor();
    await drawer.getByRole('button', { name: '受理', exact: true }).click();
    await modal.getByRole('button', { name: '受理', exact: true }).click();
    await drawer.locator('[data-status="accepted"]').waitFor();
    await drawer.locator('[data-event="accept"]').waitFor();

    await drawer.getByRole('button', { name: '审核通过', exact: true }).click();
    await modal.getByLabel('办理意见（可选）').fill('材料齐全，数据核验通过');
    await modal.getByRole('button', { name: '审核通过', exact: true }).click();
    await drawer.locator('[data-status="approved"]').waitFor();
    await drawer.getByText('材料齐全，数据核验通过').waitFor();

    await drawer.getByRole('button', { name: '兑现', exact: true }).click();
    await modal.getByRole('button', { name: '兑现', exact: true }).click();
    await modal.getByText('请填写拨付凭证号').waitFor();
    await modal.getByLabel('拨付凭证号').fill('BF-2026-0012');
    await modal.getByRole('button', { name: '兑现', exact: true }).click();
    await drawer.locator('[data-status="paid"]').waitFor();
    await drawer.locator('[data-event="pay"]').waitFor();
    await drawer.getByText('BF-2026-0012').waitFor();
    await drawer.getByText('当前环节无需您办理').waitFor();
    const events = await drawer.locator('[data-event]').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-event')));
    expect(events).toEqual(['apply', 'accept', 'approve', 'pay']);
    await snap(page, 'zh-46-policy-application-paid');

    await portal.reload();
    const paid = portal.locator('[data-testid^="application-"]').filter({ has: portal.locator('[data-status="paid"]') });
    await paid.getByText('已兑现').waitFor();
    await paid.getByText('5000.00 元').waitFor();
    await paid.getByText('BF-2026-0012').waitFor();
    await enterprise.close();
    await staff.close();
  });

  it('a handler of the owning department reaches the list from its menu and rejects an application with a reason', async () => {
    const enterprise = await newPerson(browser, env.baseUrl);
    const portal = await enterprise.newPage();
    await loginThroughUi(portal, ENTERPRISE_DEMO_USER);
    const offer = portal.locator('.ant-collapse-item').filter({ has: portal.getByTestId('policy-APP-DESK-E2E-2') });
    await offer.getByRole('button', { name: '申报', exact: true }).click();
    await portal.getByText(/已申报，工单号/).waitFor();

    const staff = await newPerson(browser, env.baseUrl);
    const page = await staff.newPage();
    await loginThroughUi(page, 'handler-fgj-e2e');
    await openMenuItem(page, '惠企政策');
    await page.getByRole('heading', { name: '政策申报办理' }).waitFor();
    expect(await page.getByRole('tab', { name: '政策列表' }).count()).toBe(0);
    await page.locator('.ant-radio-button-wrapper').filter({ hasText: '待受理' }).click();
    await page.locator('.ant-radio-button-wrapper-checked').filter({ hasText: '待受理' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: '技改项目补助（测试）' });
    await row.locator('[data-status="submitted"]').waitFor();
    await row.click();
    const drawer = page.locator('.ant-drawer-open');
    const modal = page.locator('.ant-modal');
    await drawer.getByRole('button', { name: '受理', exact: true }).waitFor();
    await drawer.getByRole('button', { name: '驳回', exact: true }).click();
    await modal.getByRole('button', { name: '驳回', exact: true }).click();
    await modal.getByText('请填写驳回理由').waitFor();
    await modal.getByLabel('驳回理由').fill('不属于技改项目补助范围');
    await modal.getByRole('button', { name: '驳回', exact: true }).click();
    await drawer.locator('[data-status="rejected"]').waitFor();
    await drawer.locator('[data-event="reject"]').getByText('不属于技改项目补助范围').waitFor();
    await drawer.getByText('当前环节无需您办理').waitFor();
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    // the list of 待受理 no longer holds it
    await page.getByRole('cell', { name: '技改项目补助（测试）' }).waitFor({ state: 'detached' });

    await portal.reload();
    await portal.locator('[data-testid^="application-"]').filter({ hasText: '技改项目补助（测试）' }).locator('[data-status="rejected"]').getByText('未通过').waitFor();
    await enterprise.close();
    await staff.close();
  });
});
