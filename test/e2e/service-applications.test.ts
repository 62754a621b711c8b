/**
 * 政务服务办件 in the browser (issue 13, "Done when"): the window clerk receives and accepts an
 * application (容缺), requests 补正 and receives the materials; the department's 首席事务代表 concludes
 * it; the applicant finds it by number and phone and rates it 不满意, which opens a rectification case.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startE2eApp, type E2eApp } from './support/e2e-app.ts';
import { chromiumAvailable, launchBrowser, loginThroughUi, newPerson, snap, closeBrowserSuite } from './support/browser.ts';
import { pickOption } from './support/antd.ts';
import { departmentsOf220106 } from '../support/case-script.ts';
import { DEMO_SERVICE_ITEMS } from '../../src/db/seed/demo-service-items.ts';
import { seedServiceItems } from '../../src/services/applications/index.ts';

const haveChromium = chromiumAvailable();
let env: E2eApp;
let browser: Browser;
let number = '';
const phone = '13800001234';

beforeAll(async () => {
  if (!haveChromium) return;
  env = await startE2eApp();
  await seedServiceItems(env.t.services.db, DEMO_SERVICE_ITEMS, env.t.clock.now);
  await (await departmentsOf220106(env.t)).handler('zjj');
  browser = await launchBrowser();
});

afterAll(() => closeBrowserSuite(env, browser));

describe.skipIf(!haveChromium)('an application from the window to its rating', () => {
  it('the window clerk receives and accepts it, requests 补正 once and receives the materials', async () => {
    const context = await newPerson(browser, env.baseUrl);
    const page = await context.newPage();
    await loginThroughUi(page, 'operator-220106');
    await page.getByRole('link', { name: '一窗受理' }).click();
    await pickOption(page, '办理事项', '建筑工程施工许可证核发');
    await page.getByLabel('申请人', { exact: true }).fill('长春宏达建设有限公司');
    await page.getByLabel('联系电话').fill(phone);
    for (const material of ['施工许可申请表', '建设工程规划许可证', '中标通知书', '质量安全监督手续']) await page.getByLabel(material).check();
    await snap(page, 'zh-40-window-intake');
    await page.getByRole('button', { name: '接件并受理' }).click();
    const received = page.getByText(/已接件：[A-Z]{2}-2026-\d{6}/);
    await received.waitFor();
    number = /[A-Z]{2}-2026-\d{6}/.exec((await received.textContent()) ?? '')![0];
    const row = page.getByRole('row').filter({ hasText: number });
    await row.getByText('已受理').waitFor();
    await row.getByRole('button', { name: '补正告知' }).click();
    await row.getByText('补正中').waitFor();
    await row.getByText('承诺时限：已暂停（补正）').waitFor();
    await row.getByRole('button', { name: '补正材料已收' }).click();
    await row.getByText('已受理').waitFor();
    await snap(page, 'zh-41-window-after-supplement');
    await context.close();
  });

  it('the department concludes it from the back-office inbox', async () => {
    const context = await newPerson(browser, env.baseUrl);
    const page = await context.newPage();
    await loginThroughUi(page, 'handler-zjj-220106');
    await page.getByRole('link', { name: '政务办件' }).click();
    const row = page.getByRole('row').filter({ hasText: number });
    await row.getByText(/承诺时限：剩 \d+ 个工作日/).waitFor();
    await row.getByText(/法定时限：剩 \d+ 个工作日/).waitFor();
    await snap(page, 'zh-42-service-inbox');
    await row.getByRole('button', { name: '办结（通过）' }).click();
    await row.getByText('已办结').first().waitFor();
    await context.close();
  });

  it('the applicant finds it by number and phone, rates it 不满意, and a rectification case opens', async () => {
    const context = await newPerson(browser, env.baseUrl);
    const page = await context.newPage();
    await page.goto('/service-track');
    await page.getByLabel('办件编号').fill(number);
    await page.getByLabel('联系电话').fill(phone);
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByText('已办结').waitFor();
    await page.getByRole('button', { name: '不满意', exact: true }).click();
    await page.getByText('感谢您的评价').waitFor();
    await page.getByText('已评价：不满意').waitFor();
    await snap(page, 'zh-43-applicant-rated');
    await context.close();
    const db = env.t.services.db;
    const source = await db.selectFrom('cases').select(['id', 'rating']).where('number', '=', number).executeTakeFirstOrThrow();
    expect(source.rating).toBe('dissatisfied');
    const rectification = await db.selectFrom('cases').select(['kind', 'state']).where('rectification_of_id', '=', source.id).execute();
    expect(rectification).toEqual([{ kind: 'rectification', state: 'dispatched' }]);
  });

  it('the supervisor sees the month’s 政务服务 indicators per department and per window; the department sees its own marked', async () => {
    const context = await newPerson(browser, env.baseUrl);
    const page = await context.newPage();
    await loginThroughUi(page, 'supervisor-220106');
    await page.getByRole('link', { name: '政务服务指标' }).click();
    await page.getByText('政务服务指标与排名').waitFor();
    // received 1, 补正 once, concluded by the promised limit, rated 不满意 (rectification still open):
    // 按承诺时限办结率 100%, 好评率 0%, 一次办结率 0%, 差评整改率 0% → (40 × 1) / 100 = 40.00, grade D.
    const row = page.getByRole('row').filter({ hasText: '住房和城乡建设局' });
    await row.getByText('40.00 D').waitFor();
    await page.getByRole('row').filter({ hasText: '全区' }).getByText('40.00 D').waitFor();
    await snap(page, 'zh-44-service-indicators');
    await page.getByText('按窗口').click();
    await page.getByRole('columnheader', { name: '窗口' }).waitFor();
    await page.getByRole('row').filter({ hasText: '全区' }).getByText('40.00 D').waitFor();
    await context.close();

    const department = await newPerson(browser, env.baseUrl);
    const handlerPage = await department.newPage();
    await loginThroughUi(handlerPage, 'handler-zjj-220106');
    await handlerPage.getByRole('link', { name: '政务服务指标' }).click();
    await handlerPage.getByRole('row').filter({ hasText: '住房和城乡建设局' }).getByText('本单位').waitFor();
    // The department's rating and rectification view: the 差评 and the rectification case awaiting its callback.
    await handlerPage.getByRole('link', { name: '政务办件' }).click();
    const rated = handlerPage.getByRole('row').filter({ hasText: number }).filter({ hasText: '待回访' });
    await rated.getByText('不满意').waitFor();
    await rated.getByText('已派遣').waitFor();
    await snap(handlerPage, 'zh-45-service-ratings');
    await department.close();
  });
});
