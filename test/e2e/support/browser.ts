/** Debian's Chromium through playwright-core; skipped loudly when absent (fails under CI). */
import { existsSync } from 'node:fs';
import { expect } from 'vitest';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { REPO_ROOT } from './e2e-app.ts';
import { e2eNow } from './e2e-time.ts';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = join(REPO_ROOT, 'test-results/screenshots');

/** True when the browser is there; under CI a missing browser is an error, locally a loud skip. */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  if (process.env.CI) throw new Error(`Chromium not found at ${CHROMIUM_PATH}: apt-get install -y chromium fonts-noto-cjk`);
  console.warn(`\n!!! e2e SKIPPED: Chromium not found at ${CHROMIUM_PATH}. Install it: apt-get install -y chromium fonts-noto-cjk !!!\n`);
  return false;
}

/** Launches headless Chromium with a fresh profile. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

export const PHONE = { width: 360, height: 780 };
export const DESKTOP = { width: 1366, height: 860 };

/** Uncaught errors from any page of any context; tests expect none. */
export const pageErrors: string[] = [];

/** Records uncaught page errors of a context's pages in pageErrors. */
export function watchErrors(context: BrowserContext): BrowserContext {
  context.on('page', (page) => page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`)));
  return context;
}

/** A fresh context (own cookies) for one person. */
export async function newPerson(
  browser: Browser, baseURL: string, viewport = DESKTOP, locale = 'zh-CN', extra: BrowserContextOptions = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL, viewport, locale, timezoneId: 'Asia/Shanghai', acceptDownloads: true, ...extra });
  // Waits end on the DOM event they wait for; this only bounds a wait that would never end.
  context.setDefaultTimeout(60_000);
  // The page's clock starts where the server's is and runs on: dates and countdowns agree with the server.
  await context.clock.install({ time: e2eNow() });
  return watchErrors(context);
}

/** Saves a full-page screenshot as test-results/screenshots/<name>.png. */
export async function snap(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/** Logs in through the login page. */
export async function loginThroughUi(page: Page, username: string, labels = { username: '用户名', password: '密码', submit: '登录' }): Promise<void> {
  await page.goto('/login');
  await page.getByLabel(labels.username).fill(username);
  await page.getByLabel(labels.password).fill('demo1234');
  await page.getByRole('button', { name: labels.submit, exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** Ends a browser test file: no page may have thrown, then the browser and the app close. */
export async function closeBrowserSuite(env: { close(): Promise<void> } | undefined, browser: Browser | undefined): Promise<void> {
  expect(pageErrors).toEqual([]);
  await browser?.close();
  await env?.close();
}
