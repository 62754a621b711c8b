/**
 * Smart dispatch in the browser: a citizen's report page suggests the category as they type and one click
 * fills it; the operator's dispatch dialog offers the top suggestions with confidence and one click fills the
 * department, and what was shown is recorded for the next training.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startE2eApp, type E2eApp } from './support/e2e-app.ts';
import { chromiumAvailable, closeBrowserSuite, launchBrowser, loginThroughUi, newPerson, PHONE, snap } from './support/browser.ts';
import { loginAs } from '../support/api-client.ts';
import { LY_GRID } from '../support/case-helpers.ts';

const haveChromium = chromiumAvailable();
let env: E2eApp;
let browser: Browser;

beforeAll(async () => {
  if (!haveChromium) return;
  env = await startE2eApp();
  browser = await launchBrowser();
});

afterAll(() => closeBrowserSuite(env, browser));

describe.skipIf(!haveChromium)('dispatch suggestions in the browser', () => {
  it('a citizen gets a category suggestion while typing and takes it with one click', async () => {
    const citizen = await newPerson(browser, env.baseUrl, PHONE, 'zh-CN');
    const page = await citizen.newPage();
    // Through a grid's QR code (扫码反映): the grid names the district the suggestions come from.
    await page.goto(`/report?grid=${LY_GRID}`);
    await page.getByLabel('问题描述').fill('喂，我跟你说，小区门口垃圾桶满了溢出来了');
    const suggestions = page.getByTestId('dispatch-suggestions');
    await suggestions.locator('[data-category="E0111"]').click();
    await page.locator('.ant-select').filter({ hasText: '垃圾满溢' }).first().waitFor();
    await snap(page, 'dispatch-01-citizen-suggestion');
    await citizen.close();
  });

  it('the operator dispatches with one click on a suggestion, and the suggestion shown is recorded', async () => {
    const operatorApi = await loginAs(env.t.app, 'operator-220106');
    const created = await operatorApi.post('/api/v1/cases', {
      kind: 'component', categoryCode: 'C0107', description: '这一排路灯晚上都不亮，黑咕隆咚的', gridCode: LY_GRID,
    });
    expect(created.status).toBe(201);
    const number: string = created.body.number;
    const context = await newPerson(browser, env.baseUrl);
    const page = await context.newPage();
    await loginThroughUi(page, 'operator-220106');
    await page.waitForURL(/\/workbench/);
    await page.getByRole('button', { name: number, exact: true }).click();
    await page.getByRole('dialog').getByText(number).first().waitFor();
    const openAction = async (action: string) => {
      await page.getByRole('button', { name: action, exact: true }).click();
      const modal = page.getByRole('dialog').filter({ hasText: `${action} · ${number}` });
      await modal.waitFor();
      return modal;
    };
    let modal = await openAction('立案');
    await modal.getByRole('button', { name: '提交', exact: true }).click();
    await modal.waitFor({ state: 'detached' });
    modal = await openAction('派遣');
    const choice = modal.getByTestId('dispatch-suggestions').locator('[data-category="C0107"]');
    await choice.waitFor();
    await expect(choice.textContent()).resolves.toMatch(/路灯 → 城市管理局（置信度 \d+%）/);
    await choice.click();
    await modal.locator('.ant-select').filter({ hasText: '城市管理局' }).first().waitFor();
    await snap(page, 'dispatch-02-operator-suggestion');
    await modal.getByRole('button', { name: '提交', exact: true }).click();
    await modal.waitFor({ state: 'detached' });
    await page.getByRole('dialog').getByText('已派遣').first().waitFor();
    const recorded = await env.t.handle.db.selectFrom('dispatch_suggestion_feedback').selectAll().where('case_id', '=', created.body.id).executeTakeFirst();
    expect(recorded).toMatchObject({ suggested_category_code: 'C0107' });
    await context.close();
  });

  it('finds a case by a two-character term and marks the term in the results', async () => {
    const context = await newPerson(browser, env.baseUrl);
    const page = await context.newPage();
    await loginThroughUi(page, 'operator-220106');
    await page.goto('/search');
    await page.getByLabel('关键词').fill('路灯');
    await page.getByRole('button', { name: /查\s*询/ }).click();
    const hit = page.getByTestId('search-hit').first();
    await hit.waitFor();
    await expect(hit.textContent()).resolves.toBe('路灯');
    await snap(page, 'dispatch-03-search-highlight');
    await context.close();
  });
});
