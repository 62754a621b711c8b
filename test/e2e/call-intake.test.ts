/**
 * 来电登记 in the browser (issue 17): an operator takes a hotline call on the workbench — the caller's earlier
 * case shows from the phone number, the place is searched by its grid, the duplicate hint shows before saving —
 * registers it, files it and dispatches it to the preselected department, without leaving the workbench.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startE2eApp, type E2eApp } from './support/e2e-app.ts';
import { chromiumAvailable, closeBrowserSuite, launchBrowser, loginThroughUi, newPerson, snap } from './support/browser.ts';
import { pickOption } from './support/antd.ts';
import { loginAs } from '../support/api-client.ts';
import { LY_GRID } from '../support/case-helpers.ts';

const haveChromium = chromiumAvailable();
let env: E2eApp;
let browser: Browser;
const CALLER = '13800001111';
let earlier = '';
let placeLabel = '';

beforeAll(async () => {
  if (!haveChromium) return;
  env = await startE2eApp();
  browser = await launchBrowser();
  const operator = await loginAs(env.t.app, 'operator-220106');
  // The same caller rang yesterday about the rubbish at the same gate.
  const first = await operator.post('/api/v1/cases', {
    kind: 'event', source: 'hotline', categoryCode: 'E0102', description: '小区门口垃圾堆放', gridCode: LY_GRID, reporter: { name: '王先生', phone: CALLER },
  });
  expect(first.status).toBe(201);
  earlier = first.body.number;
  const tree = await operator.get('/api/v1/org/tree?district=220106');
  for (const street of tree.body.districts[0].streets) {
    for (const community of street.communities) {
      const grid = community.grids.find((g: { code: string }) => g.code === LY_GRID);
      if (grid) placeLabel = `${street.name} / ${community.name} / ${grid.name}`;
    }
  }
  expect(placeLabel).not.toBe('');
});

afterAll(() => closeBrowserSuite(env, browser));

describe.skipIf(!haveChromium)('来电登记 on the workbench', () => {
  it('an operator registers a call, sees the caller and the duplicate hint, and dispatches it', async () => {
    const context = await newPerson(browser, env.baseUrl);
    const page = await context.newPage();
    await loginThroughUi(page, 'operator-220106');
    await page.waitForURL(/\/workbench/);
    await page.getByRole('button', { name: '来电登记' }).click();
    const intake = page.getByRole('dialog').filter({ hasText: '来电登记（12345 热线）' });
    await intake.waitFor();

    await intake.getByLabel('来电号码').fill(CALLER);
    const callerCases = intake.getByTestId('caller-cases');
    await callerCases.getByText('该来电人共有 1 件工单，其中 1 件未办结').waitFor();
    await callerCases.getByRole('button', { name: earlier, exact: true }).waitFor();
    await intake.getByLabel('来电人姓名').fill('王先生');
    await intake.getByLabel('问题描述').fill('小区门口垃圾还是没人清理，味道很大');
    await pickOption(page, '类别', '暴露垃圾', intake);
    await pickOption(page, '问题地点', placeLabel, intake);

    // Before anything is saved: the caller's own open case of this category in this grid.
    const duplicates = intake.getByTestId('intake-duplicates');
    await duplicates.getByRole('button', { name: earlier, exact: true }).waitFor();
    await duplicates.getByText('该来电人已反映').waitFor();
    await duplicates.getByRole('button', { name: '登记并合并到此件' }).waitFor();
    await duplicates.getByRole('button', { name: '为来电人关注此件' }).waitFor();
    await snap(page, 'zh-60-call-intake-duplicate-hint');

    // A new problem after all: register it; it opens on the workbench for 立案 and 派遣.
    await intake.getByRole('button', { name: '登记', exact: true }).click();
    await intake.waitFor({ state: 'detached' });
    const drawer = page.getByRole('dialog').filter({ hasText: /LY-\d{4}-\d{6}/ }).last();
    const number = (await drawer.locator('.ant-drawer-title').innerText()).trim();
    expect(number).toMatch(/^LY-\d{4}-\d{6}$/);
    expect(number).not.toBe(earlier);
    await drawer.getByText(`王先生 · ${CALLER}`).waitFor();

    await drawer.getByRole('button', { name: '立案', exact: true }).click();
    const fileModal = page.getByRole('dialog').filter({ hasText: `立案 · ${number}` });
    await fileModal.getByRole('button', { name: '提交', exact: true }).click();
    await fileModal.waitFor({ state: 'detached' });

    await drawer.getByRole('button', { name: '派遣', exact: true }).click();
    const dispatch = page.getByRole('dialog').filter({ hasText: `派遣 · ${number}` });
    // the department intake routed the category to is already chosen
    const department = dispatch.getByLabel('处置部门', { exact: true }).locator('xpath=ancestor::*[contains(concat(" ", @class, " "), " ant-select ")][1]');
    await department.filter({ hasText: '城市管理局' }).waitFor();
    await snap(page, 'zh-61-call-intake-dispatch-preselected');
    await dispatch.getByRole('button', { name: '提交', exact: true }).click();
    await dispatch.waitFor({ state: 'detached' });
    await drawer.getByText('已派遣').first().waitFor();
    expect(new URL(page.url()).pathname).toBe('/workbench');
    await context.close();
  });

  it('follows an existing case for the caller instead, giving a tracking code to read out', async () => {
    const context = await newPerson(browser, env.baseUrl);
    const page = await context.newPage();
    await loginThroughUi(page, 'operator-220106');
    await page.waitForURL(/\/workbench/);
    await page.getByRole('button', { name: '来电登记' }).click();
    const intake = page.getByRole('dialog').filter({ hasText: '来电登记（12345 热线）' });
    await intake.getByLabel('来电号码').fill('13900002222');
    await intake.getByTestId('caller-cases').getByText('该号码尚无来电记录').waitFor();
    await intake.getByLabel('问题描述').fill('门口垃圾堆着');
    await pickOption(page, '类别', '暴露垃圾', intake);
    await pickOption(page, '问题地点', placeLabel, intake);
    const duplicates = intake.getByTestId('intake-duplicates');
    await duplicates.getByRole('button', { name: earlier, exact: true }).waitFor();
    // the case registered in the test before is in the list too (same category and grid); follow the earlier one
    const earlierItem = duplicates.locator('.ant-list-item').filter({ has: page.getByRole('button', { name: earlier, exact: true }) });
    await earlierItem.getByRole('button', { name: '为来电人关注此件' }).click();
    await page.locator('.ant-modal-confirm-title').filter({ hasText: '已为来电人关注该工单' }).waitFor();
    expect((await page.getByTestId('followed-number').innerText()).trim()).toBe(earlier);
    const code = (await page.getByTestId('followed-code').innerText()).trim();
    expect(code).toMatch(/^[0-9A-F]{12}$/);
    // the code opens the case on the public tracking API
    const tracked = await fetch(`${env.baseUrl}/api/v1/cases/${earlier}?trackingCode=${code}`);
    expect(tracked.status).toBe(200);
    await context.close();
  });
});
