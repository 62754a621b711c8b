/**
 * The header bell and the desks' saved filters in the browser (issue 17 items 3 and 6): a handler gets a 督办
 * notice on a case of their department, reads it in Chinese and in English (rendered from its message key, not
 * the stored bilingual title), clicks it and the case opens while the unread count drops; an operator saves the
 * workbench's filter under a name (a taken name shows the API's message), reloads, applies it and deletes it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startE2eApp, type E2eApp } from './support/e2e-app.ts';
import { chromiumAvailable, closeBrowserSuite, launchBrowser, loginThroughUi, newPerson, snap } from './support/browser.ts';
import { pickOption } from './support/antd.ts';
import { loginAs, type ApiClient } from '../support/api-client.ts';
import { actOk, LY, reportEvent } from '../support/case-helpers.ts';

const haveChromium = chromiumAvailable();
let env: E2eApp;
let browser: Browser;
let operator: ApiClient;

beforeAll(async () => {
  if (!haveChromium) return;
  env = await startE2eApp();
  browser = await launchBrowser();
  operator = await loginAs(env.t.app, `operator-${LY}`);
});

afterAll(() => closeBrowserSuite(env, browser));

/** The number of unread notifications the bell announces (its accessible name), 0 when it names none. */
async function unreadCount(page: Page, label: RegExp): Promise<number> {
  const name = (await page.getByRole('button', { name: label }).first().getAttribute('aria-label')) ?? '';
  return Number(/(\d+)/.exec(name)?.[1] ?? 0);
}

describe.skipIf(!haveChromium)('the notification bell and saved filters', () => {
  it('a handler reads a 督办 notice in Chinese and English, opens its case from the bell, and the count drops', async () => {
    const handlerDepartment = (await (await loginAs(env.t.app, `handler-${LY}`)).get('/api/v1/me')).body.user.departmentId as number;
    const reported = await reportEvent(operator, { description: '幸福路人行道砖松动，雨天溅水' });
    const filed = await actOk(operator, reported.id, 'file', { version: reported.version });
    await actOk(operator, reported.id, 'dispatch', { version: filed.version, departmentId: handlerDepartment });

    const context = await newPerson(browser, env.baseUrl);
    const page = await context.newPage();
    await loginThroughUi(page, `handler-${LY}`);
    await page.getByRole('heading', { name: '部门处置' }).waitFor();
    await page.getByTestId('live-status').and(page.locator('[data-live=on]')).waitFor();
    const before = await unreadCount(page, /^消息通知/);

    // the notice arrives while the page is open: the live feed brings it to the bell, no reload
    const supervisor = await loginAs(env.t.app, `supervisor-${LY}`);
    for (const content of ['请三日内修复人行道', '请同步排查周边路段']) {
      expect((await supervisor.post('/api/v1/notices', { caseId: reported.id, content })).status).toBe(201);
    }
    await page.getByRole('button', { name: `消息通知 · ${before + 2} 条未读` }).waitFor();

    await page.getByRole('button', { name: /^消息通知/ }).click();
    const list = page.getByTestId('notification-list');
    await list.getByText('督办通知：请三日内修复人行道', { exact: true }).waitFor();
    expect(await list.getByText('/ Supervision notice').count()).toBe(0);
    await snap(page, 'zh-60-notification-bell');

    // in English the same notification reads from the English catalog
    await page.getByRole('button', { name: /^消息通知/ }).click();
    await list.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: `Notifications · ${before + 2} unread` }).click();
    const notice = list.getByText('Supervision notice: 请三日内修复人行道', { exact: true });
    await notice.waitFor();
    await snap(page, 'en-60-notification-bell');

    // a click opens its case and marks it read
    await notice.click();
    await page.locator('.ant-drawer').getByText(reported.number, { exact: true }).first().waitFor();
    await page.getByRole('button', { name: `Notifications · ${before + 1} unread`, exact: true }).waitFor();
    expect(await unreadCount(page, /^Notifications/)).toBe(before + 1);
    await page.locator('.ant-drawer .ant-drawer-close').click();

    // Mark all read (全部已读): nothing unread is left
    await page.getByRole('button', { name: /^Notifications/ }).click();
    await list.getByText('Supervision notice: 请三日内修复人行道', { exact: true }).waitFor({ state: 'detached' });
    await list.getByText('Supervision notice: 请同步排查周边路段', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Mark all read' }).click();
    await page.getByRole('button', { name: 'Notifications', exact: true }).waitFor();
    await list.getByText('No unread notifications').waitFor();
    expect((await (await loginAs(env.t.app, `handler-${LY}`)).get('/api/v1/notifications')).body.items.every((item: { readAt: string | null }) => item.readAt)).toBe(true);
    await context.close();
  });

  it('an operator saves the workbench filter, reloads, applies it and deletes it; a taken name shows the API message', async () => {
    const wanted = await reportEvent(operator, { description: '滨河路护栏被撞弯折' });
    const other = await reportEvent(operator, { description: '文化路垃圾桶满溢' });
    const context = await newPerson(browser, env.baseUrl);
    const page = await context.newPage();
    await loginThroughUi(page, `operator-${LY}`);
    await page.getByRole('heading', { name: '受理派遣工作台' }).waitFor();
    await page.getByRole('button', { name: other.number, exact: true }).waitFor();

    await page.getByLabel('关键词').fill('护栏');
    await page.getByRole('button', { name: '查询', exact: true }).click();
    await page.getByRole('button', { name: other.number, exact: true }).waitFor({ state: 'detached' });
    await page.getByRole('button', { name: wanted.number, exact: true }).waitFor();

    const saveAs = async (name: string) => {
      await page.getByRole('button', { name: /保存筛选$/ }).click();
      const popup = page.locator('.ant-popover:not(.ant-popover-hidden)').filter({ hasText: '保存当前筛选条件' });
      await popup.getByLabel('名称').fill(name);
      await popup.getByRole('button', { name: '保存', exact: true }).click();
      return popup;
    };
    await saveAs('护栏损坏');
    await page.getByText('已保存筛选条件“护栏损坏”').waitFor();
    // the same name again: the API refuses it (SAVED_FILTER_NAME_TAKEN) and the form says why
    const again = await saveAs('护栏损坏');
    await again.getByText('已有同名的筛选条件，请换一个名称或先删除原有的').waitFor();

    await page.reload();
    await page.getByRole('button', { name: other.number, exact: true }).waitFor();
    expect(await page.getByLabel('关键词').inputValue()).toBe('');
    await pickOption(page, '已保存的筛选', '护栏损坏');
    await page.getByRole('button', { name: other.number, exact: true }).waitFor({ state: 'detached' });
    await page.getByRole('button', { name: wanted.number, exact: true }).waitFor();
    expect(await page.getByLabel('关键词').inputValue()).toBe('护栏');
    await snap(page, 'zh-61-saved-filter-applied');

    await page.getByRole('button', { name: '删除“护栏损坏”' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.getByText('已删除筛选条件“护栏损坏”').waitFor();
    const saved = await operator.get('/api/v1/saved-filters?page=workbench');
    expect(saved.body.items).toEqual([]);
    await context.close();
  });
});
