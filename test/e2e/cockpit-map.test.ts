/** The supervisor's pages: the grid map drawn from local GeoJSON and the cockpit's indicators and ranking. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startE2eApp, type E2eApp } from './support/e2e-app.ts';
import { chromiumAvailable, launchBrowser, loginThroughUi, newPerson, snap, closeBrowserSuite } from './support/browser.ts';
import { loginAs } from '../support/api-client.ts';
import { loadDemoMap, pointInsideGrid } from '../support/grid-fixtures.ts';

const haveChromium = chromiumAvailable();
let env: E2eApp;
let browser: Browser;

beforeAll(async () => {
  if (!haveChromium) return;
  env = await startE2eApp();
  browser = await launchBrowser();
  await loadDemoMap(env.t);
  const operator = await loginAs(env.t.app, 'operator-220106');
  const map = await operator.get('/api/v1/grids/map?district=220106');
  const codes: string[] = map.body.features.slice(0, 4).map((f: any) => f.properties.code);
  for (const [index, code] of codes.entries()) {
    const location = await pointInsideGrid(env.t, code);
    for (let n = 0; n <= index; n += 1) {
      const created = await operator.post('/api/v1/cases', { kind: 'event', categoryCode: 'E0102', description: `网格 ${code} 暴露垃圾 ${n}`, location });
      expect(created.status).toBe(201);
    }
  }
  // Take two cases round the loop so the month has indicators and a ranking.
  const handler = await loginAs(env.t.app, 'handler-220106');
  const departments = await operator.get('/api/v1/departments?district=220106');
  const cgj = departments.body.items.find((d: any) => d.code === 'cgj').id;
  const open = await operator.get('/api/v1/cases?state=reported&pageSize=2');
  for (const item of open.body.items) {
    let current = (await operator.post(`/api/v1/cases/${item.id}/actions/file`, { version: item.version })).body;
    current = (await operator.post(`/api/v1/cases/${item.id}/actions/dispatch`, { version: current.version, departmentId: cgj })).body;
    current = (await handler.post(`/api/v1/cases/${item.id}/actions/sign`, { version: current.version })).body;
    current = (await handler.post(`/api/v1/cases/${item.id}/actions/resolve`, { version: current.version, note: '已清理' })).body;
    current = (await operator.post(`/api/v1/cases/${item.id}/actions/check_pass`, { version: current.version })).body;
    expect(current.state).toBe('closed');
  }
});

afterAll(() => closeBrowserSuite(env, browser));

describe.skipIf(!haveChromium)('map and cockpit', () => {
  it('draws the grid map coloured by open cases, without any tile server', async () => {
    const context = await newPerson(browser, env.baseUrl);
    const page = await context.newPage();
    const external: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(env.baseUrl)) external.push(request.url());
    });
    await loginThroughUi(page, 'supervisor-220106');
    await page.waitForURL(/\/cockpit/);
    await page.getByRole('menuitem', { name: '网格地图' }).click();
    await page.getByRole('img', { name: '网格地图' }).locator('canvas').waitFor();
    await page.getByRole('cell', { name: '3', exact: true }).first().waitFor();
    await page.waitForTimeout(500); // let the canvas finish its first paint before the screenshot
    await snap(page, 'zh-15-supervisor-map');
    expect(external).toEqual([]);
    await context.close();
  });

  it('shows the cockpit with indicators and the ranking chart, in Chinese and English', async () => {
    const context = await newPerson(browser, env.baseUrl);
    const page = await context.newPage();
    await loginThroughUi(page, 'supervisor-220106');
    await page.getByRole('heading', { name: '指挥驾驶舱' }).waitFor();
    await page.getByRole('img', { name: '赛马排名（综合得分）' }).locator('canvas').waitFor();
    await page.getByText('立案数').first().waitFor();
    await page.waitForTimeout(500);
    await snap(page, 'zh-16-supervisor-cockpit');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Cockpit' }).waitFor();
    await page.waitForTimeout(500);
    await snap(page, 'en-08-supervisor-cockpit');
    await context.close();
  });
});
