/**
 * 督查 in the browser: a supervisor sees a warned case on the 督查工作台 and issues a 督办 on it →
 * the handler of the case's unit answers it under 督办回复 → the supervisor sees the answer and
 * downloads the 月通报 as Word.
 */
import { stat } from 'node:fs/promises';
import { openMenuItem } from './support/antd.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startE2eApp, type E2eApp } from './support/e2e-app.ts';
import { chromiumAvailable, launchBrowser, loginThroughUi, newPerson, snap, closeBrowserSuite } from './support/browser.ts';
import { loginAs } from '../support/api-client.ts';
import { runSweep } from '../../src/services/supervision/warning-sweep.ts';

const haveChromium = chromiumAvailable();
let env: E2eApp;
let browser: Browser;
let number = '';

beforeAll(async () => {
  if (!haveChromium) return;
  env = await startE2eApp();
  browser = await launchBrowser();
  const operator = await loginAs(env.t.app, 'operator-220106');
  const handler = await loginAs(env.t.app, 'handler-220106');
  const departments = await operator.get('/api/v1/departments?district=220106');
  const cgj = departments.body.items.find((d: any) => d.code === 'cgj').id;
  // The case was reported and signed a month ago, so by now it is red on its stored instants.
  const month = 60 * 24 * 30;
  env.t.clock.advanceMinutes(-month);
  const created = await operator.post('/api/v1/cases', { kind: 'event', categoryCode: 'E0102', description: '春城大街垃圾堆放多日未清理', address: '春城大街 88 号' });
  expect(created.status).toBe(201);
  number = created.body.number;
  let current = (await operator.post(`/api/v1/cases/${created.body.id}/actions/file`, { version: created.body.version })).body;
  current = (await operator.post(`/api/v1/cases/${created.body.id}/actions/dispatch`, { version: current.version, departmentId: cgj })).body;
  current = (await handler.post(`/api/v1/cases/${created.body.id}/actions/sign`, { version: current.version })).body;
  expect(current.state).toBe('signed');
  env.t.clock.advanceMinutes(month);
  await runSweep(env.t.services);
  const warned = await operator.get(`/api/v1/cases/${created.body.id}`);
  expect(warned.body.warningLevel).toBe('red');
  // A closed case rated 不满意 that the unit appeals (差评申诉), for the supervisor to decide.
  const rated = await operator.post('/api/v1/cases', { kind: 'event', categoryCode: 'E0102', description: '绿园路垃圾桶满溢', address: '绿园路 6 号' });
  let step = (await operator.post(`/api/v1/cases/${rated.body.id}/actions/file`, { version: rated.body.version })).body;
  step = (await operator.post(`/api/v1/cases/${rated.body.id}/actions/dispatch`, { version: step.version, departmentId: cgj })).body;
  step = (await handler.post(`/api/v1/cases/${rated.body.id}/actions/sign`, { version: step.version })).body;
  step = (await handler.post(`/api/v1/cases/${rated.body.id}/actions/resolve`, { version: step.version, note: '已清运' })).body;
  step = (await operator.post(`/api/v1/cases/${rated.body.id}/actions/check_pass`, { version: step.version })).body;
  const rating = await operator.post(`/api/v1/cases/${rated.body.id}/actions/rate`, { version: step.version, level: 'dissatisfied', comment: '清运不及时' });
  expect(rating.status, JSON.stringify(rating.body)).toBe(200);
  const appeal = await handler.post('/api/v1/ratings/appeals', { caseId: rated.body.id, reason: '当日已清运完毕，差评系误评' });
  expect(appeal.status, JSON.stringify(appeal.body)).toBe(201);
});

afterAll(() => closeBrowserSuite(env, browser));

describe.skipIf(!haveChromium)('督办 and the monthly bulletin', () => {
  it('a supervisor issues a 督办 on a warned case from the supervision board', async () => {
    const context = await newPerson(browser, env.baseUrl);
    const page = await context.newPage();
    await loginThroughUi(page, 'supervisor-220106');
    await page.waitForURL(/\/cockpit/);
    await page.getByRole('link', { name: '下载 Word (.docx)' }).waitFor();
    await openMenuItem(page, '督查工作台');
    await page.getByRole('heading', { name: '督查工作台' }).waitFor();
    await page.getByRole('button', { name: number, exact: true }).first().waitFor();
    await page.getByRole('button', { name: `督办 ${number}` }).click();
    await expect.poll(() => page.getByLabel('工单号').inputValue()).toBe(number);
    // The text and the time to answer are required.
    await page.getByLabel('回复时限（工作日）').fill('');
    await page.getByRole('button', { name: '发出督办' }).click();
    await page.getByText('此项必填').nth(1).waitFor();
    await page.getByLabel('督办内容').fill('该案件已红牌预警，请立即组织清理并回复处置情况');
    await page.getByLabel('回复时限（工作日）').fill('3');
    await snap(page, 'zh-30-supervisor-board-notice');
    await page.getByRole('button', { name: '发出督办' }).click();
    await page.getByText('督办已发出').waitFor();
    const row = page.getByRole('row').filter({ hasText: '该案件已红牌预警' });
    await row.getByText('待回复').waitFor();
    await snap(page, 'zh-31-supervisor-board-issued');
    await context.close();
  });

  it('the handler sees the notice addressed to the unit and answers it', async () => {
    const context = await newPerson(browser, env.baseUrl);
    const page = await context.newPage();
    await loginThroughUi(page, 'handler-220106');
    await page.waitForURL(/\/inbox/);
    await openMenuItem(page, '督办回复');
    await page.getByRole('heading', { name: '督办回复' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: number });
    await row.getByText('待回复').waitFor();
    await row.getByRole('button', { name: '回复' }).click();
    const modal = page.getByRole('dialog').filter({ hasText: '回复督办' });
    await modal.getByLabel('回复内容').fill('已组织人员清理完毕，今后加强巡查');
    await page.waitForTimeout(300); // let the modal finish opening before the screenshot
    await snap(page, 'zh-32-handler-notice-answer');
    await modal.getByRole('button', { name: '提交' }).click();
    await modal.waitFor({ state: 'detached' });
    await row.getByText('已回复').waitFor();
    await context.close();
  });

  it('the supervisor sees the answer, downloads the monthly bulletin and upholds an appeal', async () => {
    const context = await newPerson(browser, env.baseUrl);
    const page = await context.newPage();
    await loginThroughUi(page, 'supervisor-220106');
    await page.goto('/supervision');
    const row = page.getByRole('row').filter({ hasText: '已组织人员清理完毕' });
    await row.getByText('已回复').waitFor();
    await snap(page, 'zh-33-supervisor-board-answered');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '下载 Word (.docx)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const path = await download.path();
    expect((await stat(path)).size).toBeGreaterThan(0);
    // The pending appeal: uphold it, and it leaves the pending list.
    const appeal = page.getByRole('row').filter({ hasText: '差评系误评' });
    await appeal.getByRole('button', { name: '申诉成立' }).click();
    await page.getByRole('tooltip').getByRole('button', { name: '确定' }).click();
    await appeal.waitFor({ state: 'detached' });
    // antd's Segmented hides its radio inputs; click the label that holds the radio.
    await page.locator('label').filter({ has: page.getByRole('radio', { name: '申诉成立' }) }).click();
    await page.getByRole('row').filter({ hasText: '差评系误评' }).getByText('申诉成立').waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Supervision board' }).waitFor();
    await page.getByRole('link', { name: 'Download Excel (.xlsx)' }).waitFor();
    await snap(page, 'en-30-supervisor-board');
    await context.close();
  });
});
