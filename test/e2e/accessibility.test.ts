/**
 * axe-core on every page of every role (issue 18): the public pages, the login page, then each role logs in
 * and walks the pages its menu links to (the grid worker, who has no menu on a phone, its bottom navigation).
 * No page may have a serious or critical violation; every page has a title of its own, one h1, a skip link
 * as the first thing a Tab reaches, and a visible focus ring.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { REPO_ROOT, startE2eApp, type E2eApp } from './support/e2e-app.ts';
import { DESKTOP, PHONE, chromiumAvailable, closeBrowserSuite, launchBrowser, loginThroughUi, newPerson } from './support/browser.ts';
import { loginAs } from '../support/api-client.ts';
import { completeUscc } from '../../src/domain/enterprises/index.ts';

const haveChromium = chromiumAvailable();
const AXE_SOURCE = readFileSync(join(REPO_ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
let env: E2eApp;
let browser: Browser;

interface Finding { page: string; rule: string; impact: string; help: string; targets: string[]; why: string }
const findings: Finding[] = [];
const titles = new Map<string, string>();

beforeAll(async () => {
  if (!haveChromium) return;
  env = await startE2eApp();
  browser = await launchBrowser();
  // An enterprise contact, so the enterprise role has its portal to walk too.
  const op = await loginAs(env.t.app, 'operator-220106');
  const created = await op.post('/api/v1/enterprises', { name: '长春无障碍检查有限公司', uscc: completeUscc('91220106MA0000017'), industryCode: '3670', districtCode: '220106' });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const contact = await op.post(`/api/v1/enterprises/${created.body.id}/contacts`, { username: 'a11y-enterprise', password: 'demo1234', displayName: '企业联系人' });
  expect(contact.status, JSON.stringify(contact.body)).toBe(201);
}, 600_000);
afterAll(() => closeBrowserSuite(env, browser));

/** Waits until the page has its heading and nothing is loading any more (spinners and skeletons gone). */
async function settled(page: Page): Promise<void> {
  await page.locator('h1').first().waitFor({ state: 'attached' });
  await page.waitForFunction(() => !document.querySelector('.ant-spin-spinning, .ant-skeleton-active'));
}

/** Runs axe on the page as it is now and keeps its serious and critical violations. */
async function audit(page: Page, name: string): Promise<void> {
  await settled(page);
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run(context: Document): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] }[] }> } }).axe.run(document);
    return result.violations.map((v) => ({ id: v.id, impact: v.impact ?? '', help: v.help, targets: v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target)), why: v.nodes[0]?.failureSummary ?? '' }));
  });
  for (const v of violations) {
    if (v.impact === 'serious' || v.impact === 'critical') findings.push({ page: name, rule: v.id, impact: v.impact, help: v.help, targets: v.targets, why: v.why });
  }
  expect(await page.locator('h1').count(), `${name}: one h1`).toBe(1);
  titles.set(name, await page.title());
}

/** On a freshly loaded page the first Tab reaches the skip link, shown with a focus ring; following it moves the focus to the main content. */
async function checkSkipLink(page: Page, name: string): Promise<void> {
  await page.keyboard.press('Tab');
  const link = page.locator('a.civicloop-skip-link');
  expect(await link.evaluate((el) => el === document.activeElement), `${name}: the first Tab reaches the skip link`).toBe(true);
  expect(await link.evaluate((el) => getComputedStyle(el).outlineStyle), `${name}: the focus ring shows`).not.toBe('none');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'main');
}

const ROLES = [
  'operator-220106', 'shift_lead-220106', 'handler-220106', 'supervisor-220106', 'leader-220106',
  'admin', 'project_officer-220106', 'a11y-enterprise',
];

describe.skipIf(!haveChromium)('accessibility of every page', () => {
  it('has no serious or critical axe violation on the public pages, in both languages', async () => {
    const context = await newPerson(browser, env.baseUrl, PHONE);
    const page = await context.newPage();
    for (const path of ['/report', '/track', '/service-track', '/login']) {
      await page.goto(path);
      await audit(page, path);
    }
    await page.goto('/report');
    await settled(page);
    await checkSkipLink(page, '/report');
    expect(findings.splice(0)).toEqual([]);
    await page.goto('/report?lang=en');
    await page.getByRole('heading', { name: 'Report a problem' }).first().waitFor();
    await audit(page, '/report (en)');
    expect(titles.get('/report (en)')).toContain('Report a problem');
    expect(titles.get('/report')).toContain('我要反映');
    await context.close();
  });

  for (const username of ROLES) {
    it(`has no serious or critical axe violation on the pages of ${username}`, async () => {
      const context = await newPerson(browser, env.baseUrl, DESKTOP);
      const page = await context.newPage();
      await loginThroughUi(page, username);
      await settled(page);
      const hrefs = await page.locator('nav .ant-menu [data-path]').evaluateAll((links) => [...new Set(links.map((a) => a.getAttribute('data-path')!))]);
      expect(hrefs.length, `${username} has a menu`).toBeGreaterThan(0);
      for (const href of hrefs) {
        await page.goto(href);
        await audit(page, `${username} ${href}`);
      }
      await page.goto(hrefs[0]!);
      await settled(page);
      await checkSkipLink(page, `${username} ${hrefs[0]}`);
      expect(findings.splice(0)).toEqual([]);
      await context.close();
    }, 300_000);
  }

  it('has no serious or critical axe violation on the grid worker\'s phone pages', async () => {
    const context = await newPerson(browser, env.baseUrl, PHONE);
    const page = await context.newPage();
    await loginThroughUi(page, 'grid_worker-220106');
    await page.waitForURL(/\/grid/);
    const nav = page.getByRole('navigation', { name: '巡查导航' });
    await nav.getByRole('button').first().waitFor();
    const views = await nav.getByRole('button').allInnerTexts();
    expect(views.length).toBeGreaterThan(1);
    for (const [i] of views.entries()) {
      await nav.getByRole('button').nth(i).click();
      await nav.getByRole('button').nth(i).and(page.locator('[aria-current=page]')).waitFor();
      await audit(page, `grid_worker /grid view ${i + 1}`);
    }
    await page.reload();
    await settled(page);
    await checkSkipLink(page, 'grid_worker /grid');
    expect(findings.splice(0)).toEqual([]);
    await context.close();
  });

  it('gives every page a title of its own', () => {
    expect(titles.size).toBeGreaterThan(20);
    for (const [name, title] of titles) {
      expect(title, name).toMatch(/ · /);
    }
  });
});
