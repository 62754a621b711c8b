/**
 * The English pass: the same pages with English selected, including the server's English error
 * message, a citizen report and an operator's dispatch dialog.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startE2eApp, type E2eApp } from './support/e2e-app.ts';
import { chromiumAvailable, launchBrowser, loginThroughUi, newPerson, PHONE, snap, closeBrowserSuite } from './support/browser.ts';
import { pickOption } from './support/antd.ts';

const haveChromium = chromiumAvailable();
const EN = { username: 'Username', password: 'Password', submit: 'Log in' };
let env: E2eApp;
let browser: Browser;

beforeAll(async () => {
  if (!haveChromium) return;
  env = await startE2eApp();
  browser = await launchBrowser();
});

afterAll(() => closeBrowserSuite(env, browser));

describe.skipIf(!haveChromium)('the web UI in English', () => {
  let number = '';

  it('switches language and shows the server’s English error on a failed login', async () => {
    const context = await newPerson(browser, env.baseUrl);
    const page = await context.newPage();
    await page.goto('/login');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Log in', exact: true }).waitFor();
    await page.getByLabel('Username').fill('operator-220106');
    await page.getByLabel('Password').fill('wrong-password');
    await page.getByRole('button', { name: 'Log in', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'Wrong username or password' }).waitFor();
    // What was typed stays.
    expect(await page.getByLabel('Username').inputValue()).toBe('operator-220106');
    await snap(page, 'en-01-login-error');
    await page.getByRole('button', { name: '中文' }).click();
    // The message already shown follows the language switch.
    await page.getByRole('alert').filter({ hasText: '用户名或密码错误' }).waitFor();
    await snap(page, 'en-01b-back-to-chinese');
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: '用户名或密码错误' }).waitFor();
    await context.close();
  });

  it('a citizen reports by district on the phone page', async () => {
    const context = await newPerson(browser, env.baseUrl, PHONE, 'en-US');
    const page = await context.newPage();
    await page.goto('/report?lang=en');
    await page.getByText('Report a problem').first().waitFor();
    await pickOption(page, 'Category', 'Exposed garbage');
    await page.getByLabel('Description').fill('Garbage piled at the gate for three days');
    await pickOption(page, 'District of the problem', 'yuan District');
    await page.getByRole('button', { name: 'Report', exact: true }).click();
    await page.getByTestId('reported-number').waitFor();
    number = (await page.getByTestId('reported-number').textContent())!.trim();
    await snap(page, 'en-02-citizen-reported');
    await context.close();
  });

  it('the operator sees the workbench, files the case and previews the dispatch', async () => {
    const context = await newPerson(browser, env.baseUrl, undefined, 'en-US');
    const page = await context.newPage();
    await page.goto('/login?lang=en');
    await loginThroughUi(page, 'operator-220106', EN);
    await page.getByRole('heading', { name: 'Intake & dispatch workbench' }).waitFor();
    await page.getByTestId('user-scope').filter({ hasText: 'Operator' }).waitFor();
    await page.getByRole('button', { name: number, exact: true }).click();
    await page.getByRole('button', { name: 'File', exact: true }).click();
    const fileDialog = page.getByRole('dialog').filter({ hasText: `File · ${number}` });
    await fileDialog.getByRole('button', { name: 'Submit' }).click();
    await fileDialog.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Dispatch', exact: true }).click();
    const dispatch = page.getByRole('dialog').filter({ hasText: `Dispatch · ${number}` });
    await dispatch.getByText('Time limits of this category').waitFor();
    await pickOption(page, 'Department', 'Urban Management', dispatch);
    await snap(page, 'en-03-operator-dispatch');
    await dispatch.getByRole('button', { name: 'Submit' }).click();
    await dispatch.waitFor({ state: 'detached' });
    await page.getByRole('dialog').getByText('Dispatched').first().waitFor();
    await snap(page, 'en-04-operator-dispatched');
    await page.goto('/search');
    await page.getByRole('heading', { name: 'Case search' }).waitFor();
    await snap(page, 'en-05-search');
    await context.close();
  });

  it('the handler inbox and the grid worker page read in English', async () => {
    const handler = await newPerson(browser, env.baseUrl, undefined, 'en-US');
    const inbox = await handler.newPage();
    await inbox.goto('/login?lang=en');
    await loginThroughUi(inbox, 'handler-220106', EN);
    await inbox.getByRole('heading', { name: 'Department inbox' }).waitFor();
    await inbox.getByRole('button', { name: number, exact: true }).waitFor();
    await snap(inbox, 'en-06-handler-inbox');
    await handler.close();

    const worker = await newPerson(browser, env.baseUrl, PHONE, 'en-US');
    const grid = await worker.newPage();
    await grid.goto('/login?lang=en');
    await loginThroughUi(grid, 'grid_worker-220106', EN);
    await grid.getByRole('navigation', { name: 'Patrol navigation' }).getByRole('button', { name: /Patrol report/ }).click();
    await grid.getByRole('button', { name: 'Report', exact: true }).waitFor();
    await snap(grid, 'en-07-grid-report');
    await worker.close();
  });
});
