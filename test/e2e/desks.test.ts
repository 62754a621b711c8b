/**
 * The staff desks (issue 17) in the browser: a case reported elsewhere appears on two open workbenches
 * without reload and is announced when urgent; a case filed on one desk leaves the other's queue live; the
 * tables sort on the server; a page outside a role's menu returns to the role's home with a message.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import ExcelJS from 'exceljs';
import { startE2eApp, type E2eApp } from './support/e2e-app.ts';
import { chromiumAvailable, closeBrowserSuite, launchBrowser, loginThroughUi, newPerson, snap } from './support/browser.ts';
import { loginAs, type ApiClient } from '../support/api-client.ts';
import { LY, reportEvent } from '../support/case-helpers.ts';

const haveChromium = chromiumAvailable();
let env: E2eApp;
let browser: Browser;
let gridWorker: ApiClient;

beforeAll(async () => {
  if (!haveChromium) return;
  env = await startE2eApp();
  browser = await launchBrowser();
  gridWorker = await loginAs(env.t.app, `grid_worker-${LY}`);
});

afterAll(() => closeBrowserSuite(env, browser));

/** Opens a signed-in desk and marks the page, so a test can tell it was never reloaded. */
async function openDesk(username: string): Promise<Page> {
  const context = await newPerson(browser, env.baseUrl);
  const page = await context.newPage();
  await loginThroughUi(page, username);
  await page.getByTestId('live-status').and(page.locator('[data-live=on]')).waitFor();
  await page.evaluate(() => { (window as unknown as { deskMark: string }).deskMark = 'not reloaded'; });
  return page;
}

async function stillTheSamePage(page: Page): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { deskMark?: string }).deskMark)).toBe('not reloaded');
}

/** The count in a queue tab's badge. */
function tabBadge(page: Page, tab: string) {
  return page.getByRole('tab', { name: new RegExp(`^${tab}`) }).locator('.ant-badge');
}

describe.skipIf(!haveChromium)('live desks, sorting and route guards', () => {
  it('a case reported elsewhere appears on two open workbenches without reload; an urgent one is announced', async () => {
    const first = await openDesk(`operator-${LY}`);
    const second = await openDesk(`shift_lead-${LY}`);
    await first.getByRole('heading', { name: '受理派遣工作台' }).waitFor();
    const before = Number((await tabBadge(second, '待受理').innerText()).trim());
    const urgent = await reportEvent(gridWorker, { description: '青年路井盖缺失，行人险些跌落', priority: 'urgent' });
    for (const page of [first, second]) {
      await page.getByRole('button', { name: urgent.number, exact: true }).waitFor();
      await page.locator('.ant-notification').getByText('新的紧急工单').waitFor();
      await tabBadge(page, '待受理').getByText(String(before + 1), { exact: true }).waitFor();
      await stillTheSamePage(page);
    }
    await snap(second, 'zh-50-workbench-live-urgent');

    // filed on the first desk, it leaves the second desk's 待受理 queue, live
    await first.getByRole('button', { name: urgent.number, exact: true }).click();
    await first.getByRole('button', { name: '立案', exact: true }).click();
    const modal = first.getByRole('dialog').filter({ hasText: `立案 · ${urgent.number}` });
    await modal.getByRole('button', { name: '提交', exact: true }).click();
    await modal.waitFor({ state: 'detached' });
    await second.getByRole('button', { name: urgent.number, exact: true }).waitFor({ state: 'detached' });
    await tabBadge(second, '待派遣').getByText('1', { exact: true }).waitFor();
    await stillTheSamePage(second);
    await first.context().close();
    await second.context().close();
  });

  it('the workbench sorts on the server by a column, urgency first by default', async () => {
    const numbers: string[] = [];
    for (const description of ['路灯不亮一', '路灯不亮二', '路灯不亮三']) numbers.push((await reportEvent(gridWorker, { description })).number);
    const page = await openDesk(`operator-${LY}`);
    await page.getByRole('button', { name: numbers[2]!, exact: true }).waitFor();
    const shown = async () => (await page.locator('tbody tr td:first-child button').allInnerTexts()).map((text) => text.trim());
    const header = page.getByRole('columnheader', { name: '工单号' });
    const sortedAs = async (direction: 'ascending' | 'descending') => {
      await page.locator(`th[aria-sort=${direction}]`).filter({ hasText: '工单号' }).waitFor();
      await page.locator('.ant-table-wrapper .ant-spin-spinning').waitFor({ state: 'detached' });
      const rows = await shown();
      const expected = [...rows].sort();
      return JSON.stringify(rows) === JSON.stringify(direction === 'ascending' ? expected : expected.reverse());
    };
    await header.click();
    await expect.poll(() => sortedAs('ascending')).toBe(true);
    await header.click();
    await expect.poll(() => sortedAs('descending')).toBe(true);
    await snap(page, 'zh-51-workbench-sorted');

    // the export is the list in its order, every row; opened back with exceljs
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /导出 Excel/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await download.path())!);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('工单号');
    const exported = sheet.getColumn(1).values.slice(2).map(String);
    const descending = await shown();
    expect(exported.slice(0, descending.length)).toEqual(descending);
    expect(exported).toEqual([...exported].sort().reverse());
    expect(exported).toEqual(expect.arrayContaining(numbers));
    await page.context().close();
  });

  it('a page outside the role\'s menu returns to the role\'s home with a message', async () => {
    const context = await newPerson(browser, env.baseUrl);
    const page = await context.newPage();
    await loginThroughUi(page, `handler-${LY}`);
    await page.waitForURL(/\/inbox/);
    await page.goto('/cockpit');
    await page.waitForURL(/\/inbox$/);
    await page.getByText('“指挥驾驶舱”不在您的角色菜单中，已转到您的首页。').waitFor();
    await page.getByRole('heading', { name: '部门处置' }).waitFor();
    await snap(page, 'zh-52-route-guard');
    // the admin's menu has the map, and the map loads
    const admin = await (await newPerson(browser, env.baseUrl)).newPage();
    await loginThroughUi(admin, 'admin');
    await admin.goto('/map');
    await admin.waitForURL(/\/map$/);
    await admin.getByRole('menuitem', { name: '网格地图' }).waitFor();
    await context.close();
    await admin.context().close();
  });
});
