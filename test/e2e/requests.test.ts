/**
 * A handler's requests and the operator's decisions through the browser: return with a reason,
 * request an extension, approve it from the workbench's pending-requests queue.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startE2eApp, type E2eApp } from './support/e2e-app.ts';
import { chromiumAvailable, launchBrowser, loginThroughUi, newPerson, snap, closeBrowserSuite } from './support/browser.ts';
import { loginAs } from '../support/api-client.ts';

const haveChromium = chromiumAvailable();
let env: E2eApp;
let browser: Browser;
let returned: string;
let extended: string;

beforeAll(async () => {
  if (!haveChromium) return;
  env = await startE2eApp();
  browser = await launchBrowser();
  const operator = await loginAs(env.t.app, 'operator-220106');
  const departments = await operator.get('/api/v1/departments?district=220106');
  const cgj = departments.body.items.find((d: any) => d.code === 'cgj').id;
  const numbers: string[] = [];
  for (const description of ['人行道占道经营', '绿地内垃圾堆放']) {
    const created = (await operator.post('/api/v1/cases', { kind: 'event', categoryCode: 'E0102', description, districtCode: '220106' })).body;
    const filed = (await operator.post(`/api/v1/cases/${created.id}/actions/file`, { version: created.version })).body;
    await operator.post(`/api/v1/cases/${created.id}/actions/dispatch`, { version: filed.version, departmentId: cgj });
    numbers.push(created.number);
  }
  [returned, extended] = numbers as [string, string];
});

afterAll(() => closeBrowserSuite(env, browser));

function actionDialog(page: Page, action: string, number: string) {
  return page.getByRole('dialog').filter({ hasText: `${action} · ${number}` });
}

describe.skipIf(!haveChromium)('handler requests and operator decisions', () => {
  it('the handler returns one case and asks for more time on another', async () => {
    const context = await newPerson(browser, env.baseUrl);
    const page = await context.newPage();
    await loginThroughUi(page, 'handler-220106');
    await page.getByRole('button', { name: returned, exact: true }).click();
    await page.getByRole('button', { name: '退单', exact: true }).click();
    const back = actionDialog(page, '退单', returned);
    await back.getByRole('button', { name: '提交' }).click();
    await back.getByText('此项必填').waitFor();
    await back.getByLabel('原因').fill('不属于本部门职责，应由街道处理');
    await back.getByRole('button', { name: '提交' }).click();
    await back.waitFor({ state: 'detached' });
    // Escape, not the close button: the "操作成功" message sits over the button, and a pointer resting on
    // a message keeps it open (antd pauses it on hover), so a click there can wait forever.
    await page.keyboard.press('Escape');
    await page.locator('.ant-drawer-open').waitFor({ state: 'detached' });

    await page.getByRole('button', { name: extended, exact: true }).click();
    await page.getByRole('button', { name: '签收', exact: true }).click();
    await actionDialog(page, '签收', extended).getByRole('button', { name: '提交' }).click();
    await page.getByRole('button', { name: '申请延期', exact: true }).click();
    const extend = actionDialog(page, '申请延期', extended);
    await extend.getByLabel('延期天数').fill('3');
    await extend.getByLabel('原因').fill('需协调产权单位');
    await snap(page, 'zh-21-handler-extension');
    await extend.getByRole('button', { name: '提交' }).click();
    await extend.waitFor({ state: 'detached' });
    await page.getByText('延期申请：至').waitFor();
    await context.close();
  });

  it('the operator sees both and approves the extension from the pending queue', async () => {
    const context = await newPerson(browser, env.baseUrl);
    const page = await context.newPage();
    await loginThroughUi(page, 'operator-220106');
    await page.getByRole('tab', { name: /待派遣/ }).click();
    await page.getByRole('button', { name: returned, exact: true }).waitFor();
    await page.getByRole('tab', { name: /待审批申请 1/ }).click();
    await page.getByRole('button', { name: extended, exact: true }).click();
    await snap(page, 'zh-22-operator-pending-extension');
    await page.getByRole('button', { name: '批准延期', exact: true }).click();
    await actionDialog(page, '批准延期', extended).getByRole('button', { name: '提交' }).click();
    await page.getByRole('button', { name: '批准延期', exact: true }).waitFor({ state: 'detached' });
    await context.close();

    const operator = await loginAs(env.t.app, 'operator-220106');
    const detail = (await operator.get(`/api/v1/cases/${extended}`)).body;
    expect(detail.pendingRequest).toBeNull();
    expect(detail.timeline.map((e: any) => e.action)).toContain('approve_extension');
    expect((await operator.get(`/api/v1/cases/${returned}`)).body.state).toBe('filed');
  });
});
