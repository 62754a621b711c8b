/** The supervisor's pages: the grid map drawn from local GeoJSON and the cockpit's indicators and ranking. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startE2eApp, type E2eApp } from './support/e2e-app.ts';
import { chromiumAvailable, launchBrowser, loginThroughUi, newPerson, snap, closeBrowserSuite } from './support/browser.ts';
import { loginAs } from '../support/api-client.ts';
import { loadDemoMap, pointInsideGrid } from '../support/grid-fixtures.ts';
import { chooseMonth, openMenuItem, pickOption } from './support/antd.ts';
import { e2eNow } from './support/e2e-time.ts';

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
  it('draws the cases on the offline map without any tile server; a click on a case point opens its drawer with a small map', async () => {
    const context = await newPerson(browser, env.baseUrl);
    const page = await context.newPage();
    const external: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(env.baseUrl)) external.push(request.url());
    });
    await loginThroughUi(page, 'supervisor-220106');
    await page.waitForURL(/\/cockpit/);
    await openMenuItem(page, '网格地图');
    const map = page.getByRole('region', { name: '网格地图' });
    await map.locator('.civicloop-map-label-street').first().waitFor();
    // Zoomed out the cases are clustered; a click on a cluster zooms in until the case points show.
    await map.locator('.civicloop-case-cluster, .civicloop-case-dot').first().waitFor();
    await snap(page, 'zh-15-supervisor-map');
    while ((await map.locator('.civicloop-case-dot').count()) === 0) {
      const loads = await map.getAttribute('data-loads');
      await map.locator('.civicloop-case-cluster').first().click();
      await page.waitForFunction(([before]) => document.querySelector('[data-testid="case-map"]')?.getAttribute('data-loads') !== before, [loads]);
    }
    const point = map.locator('.leaflet-marker-icon:has(.civicloop-case-dot)').first();
    const title = (await point.getAttribute('title'))!;
    const number = title.split(' ')[0]!;
    expect(number).toMatch(/^LY-\d{4}-\d{6}$/);
    // Markers close together overlap at this zoom; the event goes to this case's marker as a tap on it would.
    await point.dispatchEvent('click');
    const drawer = page.getByRole('dialog');
    await drawer.getByText(number).first().waitFor();
    await drawer.getByRole('img', { name: '工单位置' }).locator('.civicloop-pin').waitFor();
    await snap(page, 'zh-15b-supervisor-map-case');
    expect(external).toEqual([]);
    await context.close();
  });

  it('drills down to a street and shows the heatmap; admin\'s /map loads', async () => {
    const context = await newPerson(browser, env.baseUrl);
    const page = await context.newPage();
    await loginThroughUi(page, 'admin');
    await page.goto('/map');
    const map = page.getByRole('region', { name: '网格地图' });
    await map.locator('.civicloop-map-label-street').first().waitFor();
    // Admin belongs to no district and picks one.
    await pickOption(page, '所在区', '绿园区');
    await page.getByText('区：绿园区').waitFor();
    await map.locator('.civicloop-case-cluster, .civicloop-case-dot').first().waitFor();
    const box = (await map.boundingBox())!;
    await map.locator('path.leaflet-interactive').nth(3).dispatchEvent('click');
    await page.getByText(/^街道：/).waitFor();
    await page.locator('.ant-segmented-item').filter({ hasText: '热力图' }).click();
    await map.locator('canvas.leaflet-heatmap-layer').waitFor();
    expect(box.width).toBeGreaterThan(300);
    await snap(page, 'zh-15c-admin-map-heat');
    await context.close();
  });

  it('shows the cockpit with indicators and the ranking chart, in Chinese and English', async () => {
    const context = await newPerson(browser, env.baseUrl);
    const page = await context.newPage();
    await loginThroughUi(page, 'supervisor-220106');
    await page.getByRole('heading', { name: '指挥驾驶舱' }).waitFor();
    // the cockpit opens on the last complete month; the cases of this test are this month's
    await chooseMonth(page, e2eNow());
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
