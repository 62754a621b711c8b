/** The administrator's pages: users (with the server's error on a taken name), category limits, calendar, API keys. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startE2eApp, type E2eApp } from './support/e2e-app.ts';
import { chromiumAvailable, launchBrowser, loginThroughUi, newPerson, snap, closeBrowserSuite } from './support/browser.ts';
import { pickOption } from './support/antd.ts';
import { loginAs } from '../support/api-client.ts';

const haveChromium = chromiumAvailable();
let env: E2eApp;
let browser: Browser;

beforeAll(async () => {
  if (!haveChromium) return;
  env = await startE2eApp();
  browser = await launchBrowser();
});

afterAll(() => closeBrowserSuite(env, browser));

describe.skipIf(!haveChromium)('administration', () => {
  it('adds a user, and shows the server’s message when the name is taken', async () => {
    const context = await newPerson(browser, env.baseUrl);
    const page = await context.newPage();
    // demo mode is announced before anyone signs in
    await page.goto(`${env.baseUrl}/login`);
    await page.getByRole('status').filter({ hasText: '演示模式' }).waitFor();
    await page.goto(`${env.baseUrl}/report`);
    await page.getByRole('status').filter({ hasText: '演示模式' }).waitFor();
    await loginThroughUi(page, 'admin');
    await page.getByRole('heading', { name: '系统管理' }).waitFor();
    await page.getByLabel('用户名', { exact: true }).fill('operator-220106');
    await page.getByLabel('姓名').fill('重名测试');
    await page.getByLabel('密码').fill('short');
    await pickOption(page, '角色', '受理员');
    await pickOption(page, '区', '绿园区');
    // The password policy is the server's (issue 19): its message, with the rule, comes back to the form.
    await page.getByRole('button', { name: '创建', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: '密码太弱' }).waitFor();
    await page.getByLabel('密码').fill('long-enough-1');
    await page.getByRole('button', { name: '创建', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: '用户名已存在' }).waitFor();
    expect(await page.getByLabel('姓名').inputValue()).toBe('重名测试');
    await page.getByLabel('用户名', { exact: true }).fill('operator-new');
    await page.getByRole('button', { name: '创建', exact: true }).click();
    await page.getByRole('cell', { name: 'operator-new', exact: true }).waitFor();
    await snap(page, 'zh-17-admin-users');
    await context.close();
  });

  it('edits a category’s resolve limit and lists the calendar and API keys', async () => {
    const context = await newPerson(browser, env.baseUrl);
    const page = await context.newPage();
    await loginThroughUi(page, 'admin');
    await page.getByRole('tab', { name: '类别与时限' }).click();
    await page.getByRole('searchbox', { name: '关键词' }).or(page.getByLabel('关键词')).first().fill('E0102');
    const row = page.getByRole('row').filter({ hasText: 'E0102' });
    await row.getByRole('button', { name: '修改' }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: '修改时限' });
    await dialog.getByLabel('处置', { exact: true }).fill('6');
    await snap(page, 'zh-18-admin-category-limits');
    await dialog.getByRole('button', { name: '提交' }).click();
    await dialog.waitFor({ state: 'detached' });
    await row.filter({ hasText: '6 个工作时' }).waitFor();
    const categories = await (await loginAs(env.t.app, 'operator-220106')).get('/api/v1/categories');
    expect(categories.body.items.find((c: any) => c.code === 'E0102').limits.resolve).toEqual({ amount: 6, unit: 'working_hours' });

    await page.getByRole('tab', { name: '工作日历' }).click();
    await page.getByRole('cell', { name: '春节' }).first().waitFor();
    await snap(page, 'zh-19-admin-calendar');

    await page.getByRole('tab', { name: 'API 密钥' }).click();
    await page.getByLabel('名称').fill('FixMyStreet 测试');
    await page.getByRole('button', { name: '创建', exact: true }).click();
    await page.getByText('请立即复制此密钥').waitFor();
    await snap(page, 'zh-20-admin-apikeys');
    await context.close();
  });

  it('checks a grid file, lists every problem by feature, and imports a good one', async () => {
    const context = await newPerson(browser, env.baseUrl);
    const page = await context.newPage();
    await loginThroughUi(page, 'admin');
    await page.getByRole('tab', { name: '网格导入' }).click();
    const square = (lng: number, lat: number) => [[[lng, lat], [lng + 0.002, lat], [lng + 0.002, lat + 0.002], [lng, lat + 0.002], [lng, lat]]];
    const bad = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { code: '123', name: '坏编码' }, geometry: { type: 'Polygon', coordinates: square(125.0, 44.2) } },
        { type: 'Feature', properties: { code: '220103002001901', name: '境外' }, geometry: { type: 'Polygon', coordinates: square(10, 10) } },
      ],
    };
    await page.getByLabel('GeoJSON 文件').setInputFiles({ name: 'bad.geojson', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
    await page.getByRole('button', { name: '检查' }).click();
    await page.getByRole('alert').filter({ hasText: '未导入任何数据' }).waitFor();
    await page.getByRole('cell', { name: /坐标不在中国境内/ }).waitFor();
    expect(await page.getByRole('row').count()).toBeGreaterThanOrEqual(3); // header + one row per problem
    await snap(page, 'zh-21b-admin-grid-problems');

    const good = {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { code: '220103002001901', name: '站前测试网格' }, geometry: { type: 'Polygon', coordinates: square(125.0, 44.2) } }],
    };
    await page.getByLabel('GeoJSON 文件').setInputFiles({ name: 'good.geojson', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(good)) });
    await page.getByRole('button', { name: '检查' }).click();
    await page.getByRole('status').filter({ hasText: '检查通过' }).waitFor();
    await page.getByRole('button', { name: '导入' }).click();
    await page.getByRole('status').filter({ hasText: '已导入 1 个网格' }).waitFor();
    const located = await (await loginAs(env.t.app, 'operator-220103')).get('/api/v1/grids/locate?lat=44.201&lng=125.001');
    expect(located.body.grid?.code).toBe('220103002001901');
    await context.close();
  });
});
