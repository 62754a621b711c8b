/**
 * The citizen's map pin on a phone (issue 18.1): "use my location" places the pin where the browser says,
 * the address fills from the street and community there, a tap moves the pin, and the report carries the
 * pin's point; and the duplicate hint: following a case found nearby adds a follower and files no case.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { sql } from 'kysely';
import { startE2eApp, type E2eApp } from './support/e2e-app.ts';
import { chromiumAvailable, closeBrowserSuite, launchBrowser, newPerson, PHONE, snap } from './support/browser.ts';
import { pickOption } from './support/antd.ts';
import { loginAs, type ApiClient } from '../support/api-client.ts';
import { countRows, loadDemoMap, pointInsideGrid } from '../support/grid-fixtures.ts';

const haveChromium = chromiumAvailable();
let env: E2eApp;
let browser: Browser;
let operator: ApiClient;
let here: { lat: number; lng: number };
let elsewhere: { lat: number; lng: number };
let place: { address: string; communityName: string };

beforeAll(async () => {
  if (!haveChromium) return;
  env = await startE2eApp();
  browser = await launchBrowser();
  await loadDemoMap(env.t);
  operator = await loginAs(env.t.app, 'operator-220106');
  here = await pointInsideGrid(env.t, '220106001001001');
  elsewhere = await pointInsideGrid(env.t, '220106003001001');
  const lookup = await operator.get(`/api/v1/geo/place?lat=${here.lat}&lng=${here.lng}`);
  place = { address: lookup.body.address, communityName: lookup.body.place.communityName };
});

afterAll(() => closeBrowserSuite(env, browser));

describe.skipIf(!haveChromium)('the citizen report map pin (phone)', () => {
  it('places the pin from the phone location, fills the address, and files the report at that point', async () => {
    const context = await newPerson(browser, env.baseUrl, PHONE, 'zh-CN', {
      geolocation: { latitude: here.lat, longitude: here.lng }, permissions: ['geolocation'],
    });
    const page = await context.newPage();
    await page.goto('/report');
    await page.getByTestId('pin-map').locator('.leaflet-map-pane').waitFor({ state: 'attached' });
    // Required fields are flagged inline before anything is sent.
    await page.getByRole('button', { name: '上报', exact: true }).click();
    await page.getByText('请选择问题类别').waitFor();
    await page.getByText('请描述问题').waitFor();
    await pickOption(page, '类别', '私搭乱建');
    await page.getByLabel('问题描述').fill('人行道砖块松动，老人容易绊倒');
    await page.getByRole('button', { name: '获取当前位置' }).click();
    await page.getByTestId('pin-place').filter({ hasText: place.communityName }).waitFor();
    await expect.poll(() => page.getByLabel('地址').inputValue()).toBe(place.address);
    await page.getByTestId('pin-map').locator('.civicloop-pin').waitFor();
    await snap(page, 'zh-30-citizen-report-pin');
    await page.getByRole('button', { name: '上报', exact: true }).click();
    await page.getByTestId('reported-number').waitFor();
    const number = (await page.getByTestId('reported-number').textContent())!.trim();
    const filed = await operator.get(`/api/v1/cases/${number}`);
    expect(filed.body.location).toEqual({ lat: Number(here.lat.toFixed(6)), lng: Number(here.lng.toFixed(6)) });
    expect(filed.body.gridCode).toBe('220106001001001');
    expect(filed.body.address).toBe(place.address);
    await context.close();
  });

  it('moves the pin where the map is tapped and looks the place up again', async () => {
    const context = await newPerson(browser, env.baseUrl, PHONE, 'zh-CN', {
      geolocation: { latitude: elsewhere.lat, longitude: elsewhere.lng }, permissions: ['geolocation'],
    });
    const page = await context.newPage();
    await page.goto('/report');
    await page.getByRole('button', { name: '获取当前位置' }).click();
    await page.getByTestId('pin-map').locator('.civicloop-pin').waitFor();
    await page.getByTestId('pin-place').filter({ hasText: '已标注' }).waitFor();
    const before = await page.getByLabel('地址').inputValue();
    const box = (await page.getByTestId('pin-map').boundingBox())!;
    const pinBefore = (await page.getByTestId('pin-map').locator('.civicloop-pin').boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.2, box.y + box.height * 0.8);
    await expect.poll(async () => (await page.getByTestId('pin-map').locator('.civicloop-pin').boundingBox())!.x).not.toBe(pinBefore.x);
    expect(before).not.toBe('');
    await context.close();
  });

  it('offers to follow a case already reported here; following adds a follower and files no case', async () => {
    const existing = await operator.post('/api/v1/cases', { kind: 'event', categoryCode: 'E0104', description: '路边垃圾桶满溢', location: here });
    expect(existing.status).toBe(201);
    const casesBefore = await countRows(env.t, 'cases');
    const context = await newPerson(browser, env.baseUrl, PHONE, 'zh-CN', {
      geolocation: { latitude: here.lat, longitude: here.lng }, permissions: ['geolocation'],
    });
    const page = await context.newPage();
    await page.goto('/report');
    await pickOption(page, '类别', '道路不洁');
    await page.getByRole('button', { name: '获取当前位置' }).click();
    const hint = page.getByTestId('nearby-hint');
    await hint.getByText('附近已有人反映了同类问题').waitFor();
    await snap(page, 'zh-31-citizen-duplicate-hint');
    await hint.getByRole('button', { name: '关注此工单' }).click();
    await page.getByText('已关注该工单').waitFor();
    expect((await page.getByTestId('reported-number').textContent())!.trim()).toBe(existing.body.number);
    const code = (await page.getByTestId('reported-code').textContent())!.trim();
    expect(code).toMatch(/^[0-9A-F]{12}$/);
    expect(await countRows(env.t, 'cases')).toBe(casesBefore);
    const followers = await sql<{ n: number }>`select count(*)::int as n from case_followers where case_id = ${existing.body.id}`.execute(env.t.handle.db);
    expect(followers.rows[0]!.n).toBe(1);
    await context.close();
  });
});
