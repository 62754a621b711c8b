/**
 * The built UI under the server's Content Security Policy (issue 19 §4): its index.html has no inline
 * script, and the login page, the cockpit's charts and the grid map run without a single violation.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { REPO_ROOT, startE2eApp, type E2eApp } from './support/e2e-app.ts';
import { loginAs } from '../support/api-client.ts';
import { LY, actOk, departmentId, reportEvent } from '../support/case-helpers.ts';
import { chromiumAvailable, closeBrowserSuite, launchBrowser, loginThroughUi, newPerson } from './support/browser.ts';
import { chooseMonth } from './support/antd.ts';
import { e2eNow } from './support/e2e-time.ts';

const haveChromium = chromiumAvailable();
let env: E2eApp;
let browser: Browser;

beforeAll(async () => {
  if (!haveChromium) return;
  env = await startE2eApp();
  browser = await launchBrowser();
  // A month with a ranked street, so the cockpit draws its chart (with none it shows an empty state, no canvas).
  const operator = await loginAs(env.t.app, 'operator-220106');
  const handler = await loginAs(env.t.app, 'handler-220106');
  const cgj = await departmentId(operator, LY, 'cgj');
  let current = await reportEvent(operator);
  current = await actOk(operator, current.id, 'file', { version: current.version });
  current = await actOk(operator, current.id, 'dispatch', { version: current.version, departmentId: cgj });
  current = await actOk(handler, current.id, 'sign', { version: current.version });
  current = await actOk(handler, current.id, 'resolve', { version: current.version, note: '已清理' });
  current = await actOk(operator, current.id, 'check_pass', { version: current.version });
  expect(current.state).toBe('closed');
});

afterAll(() => closeBrowserSuite(env, browser));

describe.skipIf(!haveChromium)('the UI under a strict CSP', () => {
  it('builds an index.html whose scripts are all files', async () => {
    const html = await readFile(`${REPO_ROOT}dist/web/index.html`, 'utf8');
    const scripts = html.match(/<script[^>]*>[\s\S]*?<\/script>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(script).toMatch(/^<script[^>]* src="[^"]+"[^>]*><\/script>$/);
  });

  it('runs the login page and the cockpit’s charts without a CSP violation', async () => {
    const context = await newPerson(browser, env.baseUrl);
    const violations: string[] = [];
    await context.exposeBinding('reportCspViolation', (_source, text: string) => { violations.push(text); });
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        (window as unknown as { reportCspViolation(text: string): void }).reportCspViolation(`${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    const page = await context.newPage();
    const response = await page.goto('/login');
    expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    await loginThroughUi(page, 'supervisor-220106');
    await page.getByRole('heading', { name: '指挥驾驶舱' }).waitFor();
    // the cockpit opens on the last complete month: its 12-month trend is drawn; this month's ranking once chosen
    await page.getByRole('img', { name: '近 12 个月趋势' }).locator('canvas').waitFor();
    await chooseMonth(page, e2eNow());
    await page.getByRole('img', { name: '赛马排名（综合得分）' }).locator('canvas').waitFor();
    expect(violations).toEqual([]);
    await context.close();
  });
});
