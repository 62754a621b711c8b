/**
 * Key projects in the browser: the project officer files a monthly report and raises a problem on the
 * project page; the problem is a project_problem case that the department resolves through the case loop;
 * the patron (包保领导) sees the report, its site photo and the closed problem under "我包保的项目".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator } from 'playwright-core';
import ExcelJS from 'exceljs';
import sharp from 'sharp';
import { startE2eApp, type E2eApp } from './support/e2e-app.ts';
import { chromiumAvailable, closeBrowserSuite, launchBrowser, loginThroughUi, newPerson, snap } from './support/browser.ts';
import { pickOption } from './support/antd.ts';
import { loginAs, type ApiClient } from '../support/api-client.ts';
import { actOk } from '../support/case-helpers.ts';
import { departmentsOf220106 } from '../support/case-script.ts';

const haveChromium = chromiumAvailable();
let env: E2eApp;
let browser: Browser;
let officer: ApiClient;
const NAME = '智能装备产业园';

beforeAll(async () => {
  if (!haveChromium) return;
  env = await startE2eApp();
  browser = await launchBrowser();
  officer = await loginAs(env.t.app, 'project_officer-220106');
  const leader = await loginAs(env.t.app, 'leader-220106');
  const patronId = (await leader.get('/api/v1/me')).body.user.id;
  const created = await officer.post('/api/v1/projects', { name: NAME, type: 'industry', totalInvestment: 50000, annualInvestment: 12000, patronUserId: patronId });
  expect(created.status).toBe(201);
});

afterAll(() => closeBrowserSuite(env, browser));

/** Waits for an image to be in the page and loaded (its load event, not a timer); its natural width, 0 when broken. */
async function loadedImage(img: Locator): Promise<number> {
  await img.waitFor();
  return img.evaluate((el: HTMLImageElement) => (el.complete ? el.naturalWidth
    : new Promise<number>((resolve) => { el.addEventListener('load', () => resolve(el.naturalWidth)); el.addEventListener('error', () => resolve(0)); })));
}

describe.skipIf(!haveChromium)('a project in the browser (中文)', () => {
  let caseNumber = '';

  it('the project officer files a monthly report and raises a problem', async () => {
    const page = await (await newPerson(browser, env.baseUrl)).newPage();
    await loginThroughUi(page, 'project_officer-220106');
    await page.goto('/projects');
    await page.getByRole('cell', { name: NAME }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByText('节点进度图').waitFor();
    await drawer.getByLabel('本月完成投资（万元）').fill('800');
    await drawer.getByLabel('形象进度', { exact: true }).fill('厂房基础施工');
    const site = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#6b8e23' } }).jpeg().toBuffer();
    await drawer.locator('input[type=file]').setInputFiles({ name: 'site.jpg', mimeType: 'image/jpeg', buffer: site });
    await drawer.getByRole('button', { name: '提交月报' }).click();
    await drawer.getByRole('cell', { name: '厂房基础施工' }).waitFor();
    await loadedImage(drawer.getByRole('row').filter({ hasText: '厂房基础施工' }).getByRole('img', { name: /形象进度照片$/ }));
    await pickOption(page, '问题类别', '水电气热接入', drawer);
    await drawer.getByLabel('问题', { exact: true }).fill('施工用电未接入');
    await drawer.getByLabel('问题描述').fill('需协调供电公司尽快接入施工用电');
    await drawer.getByRole('button', { name: '提交问题（生成工单）' }).click();
    const cell = drawer.getByRole('cell', { name: /^LY-\d{4}-\d{6}$/ });
    await cell.waitFor();
    caseNumber = (await cell.textContent()) ?? '';
    await snap(page, 'projects-01-officer');
    expect(caseNumber).toMatch(/^LY-/);
  });

  it('the department resolves the problem through the case loop', async () => {
    const operator = await loginAs(env.t.app, 'operator-220106');
    const departments = await departmentsOf220106(env.t);
    const handler = await departments.handler('fgj');
    const found = await operator.get(`/api/v1/cases/${caseNumber}`);
    expect(found.status, JSON.stringify(found.body)).toBe(200);
    expect(JSON.stringify(found.body)).toContain('project_problem');
    const id = found.body.id ?? found.body.case?.id;
    let current = await actOk(operator, id, 'file', { version: 1 });
    current = await actOk(operator, id, 'dispatch', { version: current.version, departmentId: departments.ids.fgj });
    current = await actOk(handler, id, 'sign', { version: current.version });
    current = await actOk(handler, id, 'resolve', { version: current.version, note: '已协调供电公司接入' });
    current = await actOk(operator, id, 'check_pass', { version: current.version });
    expect(current.state).toBe('closed');
  });

  it('the patron sees the report and the closed problem among the projects they patronise', async () => {
    const page = await (await newPerson(browser, env.baseUrl)).newPage();
    await loginThroughUi(page, 'leader-220106');
    await page.getByRole('link', { name: '我包保的项目' }).click();
    await page.getByRole('cell', { name: NAME }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByRole('cell', { name: '厂房基础施工' }).waitFor();
    // The officer's site photo, as a thumbnail the patron's browser actually loaded (320 px wide at most).
    expect(await loadedImage(drawer.getByRole('row').filter({ hasText: '厂房基础施工' }).getByRole('img', { name: /形象进度照片$/ }))).toBe(320);
    const problem = drawer.getByRole('row').filter({ hasText: caseNumber });
    await problem.getByText('已结案').waitFor();
    await snap(page, 'projects-02-patron');
    // The cockpit gains the key projects' four rates and the targets.
    await page.goto('/cockpit');
    const card = page.locator('.ant-card').filter({ has: page.getByText('重点项目与目标', { exact: true }) });
    await card.getByText('招商落地率').waitFor();
    await card.getByText('赛马得分').waitFor();
  });

  it('the project officer imports a project list from Excel and sees the new project in the list', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('项目清单');
    sheet.addRow(['项目名称', '类型', '总投资（万元）', '年度计划投资（万元）', '计划年度']);
    sheet.addRow(['西新冷链物流园（导入）', '产业项目', 18000, 6000, '2026/区']);
    const page = await (await newPerson(browser, env.baseUrl)).newPage();
    await loginThroughUi(page, 'project_officer-220106');
    await page.goto('/projects');
    await page.getByRole('cell', { name: NAME }).waitFor();
    await page.locator('input[type=file]').setInputFiles({
      name: '项目清单.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(await book.xlsx.writeBuffer()),
    });
    await page.getByText('已导入 1 个项目').waitFor();
    await page.getByRole('cell', { name: '西新冷链物流园（导入）' }).waitFor();
  });
});
