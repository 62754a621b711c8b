/**
 * The whole loop through the browser, one person per context: a citizen reports on a phone →
 * the operator files and dispatches → the handler signs and resolves → the grid worker checks →
 * the citizen rates. Then an English pass over the same pages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startE2eApp, type E2eApp } from './support/e2e-app.ts';
import { chromiumAvailable, launchBrowser, loginThroughUi, newPerson, PHONE, snap, closeBrowserSuite } from './support/browser.ts';
import { pickOption } from './support/antd.ts';
import { loginAs } from '../support/api-client.ts';
import { loadDemoMap, pointInsideGrid } from '../support/grid-fixtures.ts';
import sharp from 'sharp';

/** A small real JPEG, as a phone camera would hand over. */
function photo(colour: string): Promise<Buffer> {
  return sharp({ create: { width: 320, height: 240, channels: 3, background: colour } }).jpeg().toBuffer();
}

const haveChromium = chromiumAvailable();
let env: E2eApp;
let browser: Browser;
let gridCode: string;
let spot: { lat: number; lng: number };

beforeAll(async () => {
  if (!haveChromium) return;
  env = await startE2eApp();
  browser = await launchBrowser();
  const worker = await loginAs(env.t.app, 'grid_worker-220106');
  const me = await worker.get('/api/v1/me');
  const tree = await worker.get('/api/v1/org/tree?district=220106');
  const grids = tree.body.districts[0].streets.flatMap((s: any) => s.communities.flatMap((c: any) => c.grids));
  gridCode = grids.find((g: any) => g.id === me.body.user.gridId).code;
  await loadDemoMap(env.t);
  spot = await pointInsideGrid(env.t, gridCode);
});

afterAll(() => closeBrowserSuite(env, browser));

/** Opens a case from a table or list by its number, in the drawer. */
async function openCase(page: Page, number: string): Promise<void> {
  await page.getByRole('button', { name: number, exact: true }).click();
  await page.getByRole('dialog').getByText(number).first().waitFor();
}

/** The modal of one action (its title reads "<action> · <number>"). */
function actionDialog(page: Page, action: string, number: string) {
  return page.getByRole('dialog').filter({ hasText: `${action} · ${number}` });
}

/** Takes an action from the drawer: click its button, fill the modal, submit, wait for success. */
async function act(page: Page, action: string, number: string, fill?: (modal: ReturnType<Page['getByRole']>) => Promise<void>): Promise<void> {
  await page.getByRole('button', { name: action, exact: true }).click();
  const modal = actionDialog(page, action, number);
  await modal.waitFor();
  if (fill) await fill(modal);
  await modal.getByRole('button', { name: '提交', exact: true }).click();
  await modal.waitFor({ state: 'detached' });
}

describe.skipIf(!haveChromium)('the case loop in the browser (中文)', () => {
  let number = '';
  let code = '';

  it('a citizen reports on the phone page and gets a number and tracking code', async () => {
    // The citizen stands inside the grid worker's grid; the browser's location routes the case there.
    const citizen = await newPerson(browser, env.baseUrl, PHONE, 'zh-CN', {
      geolocation: { latitude: spot.lat, longitude: spot.lng }, permissions: ['geolocation'],
    });
    const page = await citizen.newPage();
    await page.goto('/report');
    await page.getByRole('heading', { name: '我要反映问题' }).or(page.getByText('我要反映问题')).first().waitFor();
    await snap(page, 'zh-01-citizen-report-empty');
    // Submitting empty shows the schema's errors and loses nothing.
    await page.getByRole('button', { name: '上报', exact: true }).click();
    await page.getByText('请选择问题类别').first().waitFor();
    await pickOption(page, '类别', '暴露垃圾');
    await page.getByLabel('问题描述').fill('小区门口垃圾堆放三天无人清理');
    await page.getByLabel('地址').fill('春城大街 100 号');
    await page.getByLabel('联系电话').fill('13800000000');
    await page.getByRole('button', { name: '获取当前位置' }).click();
    await page.getByText('已标注').waitFor();
    await page.locator('input[type=file]').setInputFiles({ name: 'before.jpg', mimeType: 'image/jpeg', buffer: await photo('#8a6d3b') });
    await page.getByRole('img', { name: 'before.jpg' }).or(page.getByText('before.jpg')).first().waitFor();
    await snap(page, 'zh-02-citizen-report-filled');
    await page.getByRole('button', { name: '上报', exact: true }).click();
    await page.getByTestId('reported-number').waitFor();
    number = (await page.getByTestId('reported-number').textContent())!.trim();
    code = (await page.getByTestId('reported-code').textContent())!.trim();
    expect(number).toMatch(/^LY-\d{4}-\d{6}$/);
    expect(code).toMatch(/^[0-9A-F]{12}$/);
    await snap(page, 'zh-03-citizen-reported');
    await citizen.close();
  });

  it('the operator files and dispatches it from the workbench', async () => {
    const context = await newPerson(browser, env.baseUrl);
    const page = await context.newPage();
    await loginThroughUi(page, 'operator-220106');
    await page.waitForURL(/\/workbench/);
    await page.getByTestId('user-scope').filter({ hasText: '受理员' }).waitFor();
    await page.getByTestId('user-scope').filter({ hasText: '绿园区' }).waitFor();
    await page.getByRole('button', { name: number, exact: true }).waitFor();
    await snap(page, 'zh-04-operator-workbench');
    await openCase(page, number);
    await snap(page, 'zh-05-operator-case-drawer');
    await act(page, '立案', number);
    await act(page, '派遣', number, async (modal) => {
      await pickOption(page, '处置部门', '城市管理局', modal);
      await modal.getByText('该类别处置时限').waitFor();
      await snap(page, 'zh-06-operator-dispatch');
    });
    await page.getByRole('dialog').getByText('已派遣').first().waitFor();
    await context.close();
  });

  it('the handler signs and resolves it from the inbox', async () => {
    const context = await newPerson(browser, env.baseUrl);
    const page = await context.newPage();
    await loginThroughUi(page, 'handler-220106');
    await page.waitForURL(/\/inbox/);
    await page.getByRole('button', { name: number, exact: true }).waitFor();
    await snap(page, 'zh-07-handler-inbox');
    await openCase(page, number);
    await act(page, '签收', number);
    // The form keeps what was typed when the schema rejects it (markup is not allowed).
    await page.getByRole('button', { name: '处置完成', exact: true }).click();
    const modal = actionDialog(page, '处置完成', number);
    await modal.getByLabel('说明').fill('<b>已清理</b>');
    await modal.getByRole('button', { name: '提交', exact: true }).click();
    await modal.getByText('不能包含 HTML').waitFor();
    await modal.getByLabel('说明').fill('已清运垃圾并消杀');
    await modal.locator('input[type=file]').setInputFiles({ name: 'after.jpg', mimeType: 'image/jpeg', buffer: await photo('#3b8a4f') });
    await snap(page, 'zh-08-handler-resolve');
    await modal.getByRole('button', { name: '提交', exact: true }).click();
    await modal.waitFor({ state: 'detached' });
    await page.getByRole('dialog').getByText('待核查').first().waitFor();
    // The citizen's before-photo and the handler's after-photo are on the case.
    await page.getByRole('img', { name: '上报' }).waitFor();
    await page.getByRole('img', { name: '处置后' }).waitFor();
    await snap(page, 'zh-08b-handler-resolved-photos');
    await context.close();
  });

  it('the grid worker checks it on the phone', async () => {
    const context = await newPerson(browser, env.baseUrl, PHONE);
    const page = await context.newPage();
    await loginThroughUi(page, 'grid_worker-220106');
    await page.waitForURL(/\/grid/);
    const details = page.getByRole('button', { name: `去办理 ${number}` });
    await details.waitFor();
    await snap(page, 'zh-09-grid-list');
    await details.click();
    await page.getByRole('button', { name: '核查通过', exact: true }).waitFor();
    await snap(page, 'zh-10-grid-case');
    await act(page, '核查通过', number);
    await page.getByRole('dialog').getByText('已结案').first().waitFor();
    // Escape, not the close button, which a success message may cover (see requests.test.ts).
    await page.keyboard.press('Escape');
    await page.locator('.ant-drawer-open').waitFor({ state: 'detached' });
    await page.getByRole('navigation', { name: '巡查导航' }).getByRole('button', { name: /巡查上报/ }).click();
    await snap(page, 'zh-11-grid-report');
    await context.close();
  });

  it('the citizen tracks and rates the closed case', async () => {
    const context = await newPerson(browser, env.baseUrl, PHONE);
    const page = await context.newPage();
    await page.goto('/track');
    await page.getByLabel('工单号').fill(number);
    await page.getByLabel('查询码').fill(code);
    // antd spaces a two-character label ('查 询'); the accessible name is either.
    await page.getByRole('button', { name: '查 询' }).or(page.getByRole('button', { name: '查询', exact: true })).click();
    // The tracking page rates inline (issue 18): the levels, then 提交评价.
    await page.getByText('对办理结果评价').waitFor();
    await snap(page, 'zh-12-citizen-track');
    await page.getByRole('radio', { name: '满意', exact: true }).check();
    await page.getByRole('button', { name: '提交评价' }).click();
    await page.getByText('已评价：满意').waitFor();
    expect(await page.getByRole('button', { name: '提交评价' }).count()).toBe(0);
    await snap(page, 'zh-13-citizen-rated');
    await context.close();

    const operator = await loginAs(env.t.app, 'operator-220106');
    const detail = await operator.get(`/api/v1/cases/${number}`);
    expect(detail.body).toMatchObject({ state: 'closed', rating: { level: 'satisfied' } });
  });

  it('the search page lists the case and exports the filter as CSV', async () => {
    const context = await newPerson(browser, env.baseUrl);
    const page = await context.newPage();
    await loginThroughUi(page, 'operator-220106');
    await page.goto('/search');
    await page.getByRole('button', { name: number, exact: true }).waitFor();
    await snap(page, 'zh-14-search');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 CSV' }).click()]);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    const csv = Buffer.concat(chunks).toString('utf8');
    expect(csv).toContain(number);
    expect(csv).toContain('工单号');
    await context.close();
  });
});
