/**
 * A citizen on a phone follows a case: a wrong code and an unknown number get one answer, the right
 * pair shows the case in plain words, and the public pages never ask /api/v1/me (no 401 in the console).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startE2eApp, type E2eApp } from './support/e2e-app.ts';
import { PHONE, chromiumAvailable, closeBrowserSuite, launchBrowser, newPerson, snap } from './support/browser.ts';
import { apiClient } from '../support/api-client.ts';

const haveChromium = chromiumAvailable();
let env: E2eApp;
let browser: Browser;
let reported: { number: string; trackingCode: string };

beforeAll(async () => {
  if (!haveChromium) return;
  env = await startE2eApp();
  browser = await launchBrowser();
  const created = await apiClient(env.t.app).post('/api/v1/cases', {
    kind: 'citizen_request', categoryCode: 'H02', description: '小区门口水管漏水', gridCode: '220106001001001',
  });
  reported = { number: created.body.number, trackingCode: created.body.trackingCode };
});

afterAll(() => closeBrowserSuite(env, browser));

describe.skipIf(!haveChromium)('citizen tracking on a phone', () => {
  it('answers a wrong code like an unknown number, then shows the case in plain words', async () => {
    const context = await newPerson(browser, env.baseUrl, PHONE);
    const page = await context.newPage();
    const asked: string[] = [];
    const consoleErrors: string[] = [];
    page.on('request', (request) => asked.push(new URL(request.url()).pathname));
    page.on('console', (message) => { if (message.type() === 'error') consoleErrors.push(message.text()); });

    await page.goto('/track');
    await page.getByLabel('工单号').fill(reported.number);
    await page.getByLabel('查询码').fill('ABCDEF012345');
    await page.getByRole('button', { name: '查 询' }).or(page.getByRole('button', { name: '查询' })).click();
    const wrongCode = await page.getByRole('alert').textContent();
    expect(wrongCode).toContain('未找到该工单，请核对工单编号和查询码');

    await page.getByLabel('工单号').fill('LY-2026-999999');
    await page.getByLabel('查询码').fill(reported.trackingCode);
    await page.getByRole('button', { name: '查 询' }).or(page.getByRole('button', { name: '查询' })).click();
    await page.getByRole('alert').filter({ hasText: '未找到该工单' }).waitFor();
    expect(await page.getByRole('alert').textContent()).toBe(wrongCode);

    await page.getByLabel('工单号').fill(reported.number);
    await page.getByRole('button', { name: '查 询' }).or(page.getByRole('button', { name: '查询' })).click();
    await page.getByRole('heading', { name: '已收到，正在受理' }).waitFor();
    await page.getByText('您反映了问题').waitFor();
    const body = await page.locator('main, body').first().textContent();
    expect(body).not.toContain('220106001001001');
    expect(body).not.toContain('可执行操作');
    await snap(page, 'phone-track');

    expect(asked).not.toContain('/api/v1/me');
    expect(asked.filter((path) => path === '/api/v1/track')).toHaveLength(3);
    expect(consoleErrors.filter((text) => !text.includes('404'))).toEqual([]);
    await context.close();
  });

  it('takes number and code from a fragment link and clears them from the address bar', async () => {
    const context = await newPerson(browser, env.baseUrl, PHONE);
    const page = await context.newPage();
    await page.goto(`/track#number=${reported.number}&code=${reported.trackingCode}`);
    await page.getByRole('heading', { name: '已收到，正在受理' }).waitFor();
    expect(page.url()).toBe(`${env.baseUrl}/track`);
    await context.close();
  });
});
