/**
 * The cockpit informs (issue 17), with a fixed clock on the 1st of a month: it opens on last month's figures,
 * labelled as the last complete month, with this month to date beside it and the 12-month trend; the leader's
 * 督办 of a department from the cockpit is a supervision notice naming the leader.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startE2eApp, type E2eApp } from './support/e2e-app.ts';
import { chromiumAvailable, closeBrowserSuite, launchBrowser, loginThroughUi, newPerson, snap } from './support/browser.ts';
import { loginAs, type ApiClient } from '../support/api-client.ts';
import { actOk, departmentId, LY, reportEvent } from '../support/case-helpers.ts';

const haveChromium = chromiumAvailable();
let env: E2eApp;
let browser: Browser;
let operator: ApiClient;
const FIRST_OF_DECEMBER = '2026-12-01T02:00:00.000Z'; // Tue 10:00 in Shanghai

beforeAll(async () => {
  if (!haveChromium) return;
  env = await startE2eApp();
  browser = await launchBrowser();
  // November (the e2e clock starts on 18 November): three cases filed, one taken round the loop to closed.
  operator = await loginAs(env.t.app, `operator-${LY}`);
  const handler = await loginAs(env.t.app, `handler-${LY}`);
  const cgj = await departmentId(operator, LY, 'cgj');
  for (let n = 0; n < 3; n += 1) {
    const reported = await reportEvent(operator, { description: `十一月的暴露垃圾 ${n}` });
    await actOk(operator, reported.id, 'file', { version: reported.version });
  }
  const listed = await operator.get('/api/v1/cases?state=filed&pageSize=1');
  let current = listed.body.items[0];
  current = await actOk(operator, current.id, 'dispatch', { version: current.version, departmentId: cgj });
  current = await actOk(handler, current.id, 'sign', { version: current.version });
  current = await actOk(handler, current.id, 'resolve', { version: current.version, note: '已清理' });
  current = await actOk(operator, current.id, 'check_pass', { version: current.version });
  expect(current.state).toBe('closed');
  const november = await operator.get('/api/v1/indicators?period=2026-11');
  expect(november.body.total.counts).toMatchObject({ filed: 3, closed: 1 });
  // The leader opens the cockpit on the morning of the 1st.
  env.t.clock.set(FIRST_OF_DECEMBER);
});

afterAll(() => closeBrowserSuite(env, browser));

describe.skipIf(!haveChromium)('the cockpit on the 1st of a month', () => {
  it('shows last month’s figures, month-to-date beside them, the trend, and the leader’s 督办 names the leader', async () => {
    const context = await newPerson(browser, env.baseUrl);
    // the browser's clock agrees with the server's: the 1st of December
    await context.clock.setSystemTime(env.t.clock.now);
    const page = await context.newPage();
    await loginThroughUi(page, `leader-${LY}`);
    await page.waitForURL(/\/cockpit/);
    await page.getByTestId('cockpit-period').getByText('2026-11（上月，已结束）').waitFor();
    const figure = (scope: ReturnType<typeof page.locator>, title: string) =>
      scope.locator('.ant-statistic').filter({ hasText: title }).first().locator('.ant-statistic-content-value');
    const main = page.locator('.ant-row').filter({ hasText: '按期结案率' }).first();
    await figure(main, '立案数').getByText('3', { exact: true }).waitFor();
    await figure(main, '结案数').getByText('1', { exact: true }).waitFor();
    const mtd = page.getByTestId('cockpit-mtd');
    await mtd.getByText('本月至今：2026-12-01 – 2026-12-01').waitFor();
    await figure(mtd, '立案数').getByText('0', { exact: true }).waitFor();
    await page.getByRole('img', { name: '近 12 个月趋势' }).locator('canvas').waitFor();
    await snap(page, 'zh-62-cockpit-first-of-month');

    // 督办 of a department from its row
    await page.locator('.ant-segmented-item').filter({ hasText: '按部门' }).click();
    await page.getByRole('button', { name: '督办 城市管理局' }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: '督办 · 城市管理局' });
    await dialog.getByLabel('督办内容').fill('十一月结案率偏低，请说明原因并加快处置');
    await dialog.getByRole('button', { name: '发出督办' }).click();
    await dialog.waitFor({ state: 'detached' });
    const leader = await loginAs(env.t.app, `leader-${LY}`);
    const me = (await leader.get('/api/v1/me')).body.user;
    const notices = (await operator.get('/api/v1/notices')).body.items;
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ content: '十一月结案率偏低，请说明原因并加快处置', issuer: { id: me.id, name: me.displayName, role: 'leader' } });
    await context.close();
  });
});
