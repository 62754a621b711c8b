/**
 * `npm run bench:pages [-- --runs 3 --cpu 1]` — the phone pages and the operator's workbench on a slow network
 * (issue 18, item 4). Starts `npm start`'s server on a fresh embedded database in demo mode, then loads each page
 * in Debian's Chromium with an empty cache under a Slow-4G-like profile (150 ms latency, 1.6 Mbit/s down,
 * 750 kbit/s up; `--cpu N` also slows the CPU N times, as Lighthouse's mobile run does with 4):
 * - first render: the browser's first-contentful-paint;
 * - interactive: the moment the page's main control is there (the report's 上报 button, the tracking form's 查询
 *   button, the workbench's queue table loaded).
 * Ceiling in the same run: the same throttled browser fetching `/api/v1/health` (one round trip, no page).
 * Writes bench/results/page-load-<time>.{json,md}; the goal is /report interactive ≤ 3 s.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ROOT, TSX, freePort } from './lib/child.ts';
import { argument } from './lib/cli-args.ts';
import { machineInfo } from './lib/machine.ts';
import { ensureWebBuild } from '../src/server/web-build.ts';

const runs = Number(argument('runs', '3'));
const only = argument('only', '');
const cpuSlowdown = Number(argument('cpu', '1'));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const NETWORK = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };
const PHONE = { width: 360, height: 780 };
const DESKTOP = { width: 1366, height: 860 };
const log = (message: string) => console.log(`[pages ${new Date().toISOString().slice(11, 19)}] ${message}`);

/** The workbench's queue has loaded: its table is there and no longer spinning (an empty queue counts too). */
async function queueShown(page: Page): Promise<void> {
  await page.locator('.ant-table-tbody').first().waitFor();
  await page.locator('.ant-table-wrapper .ant-spin-spinning').first().waitFor({ state: 'detached' });
}

interface Target { name: string; path: string; viewport: { width: number; height: number }; login?: string; ready: (page: Page) => Promise<void> }

const TARGETS: Target[] = [
  { name: 'citizen report /report', path: '/report', viewport: PHONE, ready: (page) => page.getByRole('button', { name: '上报', exact: true }).waitFor() },
  { name: 'citizen tracking /track', path: '/track', viewport: PHONE, ready: (page) => page.getByRole('button', { name: /查\s*询/ }).waitFor() },
  { name: 'operator workbench /workbench', path: '/workbench', viewport: DESKTOP, login: 'operator-220106', ready: queueShown },
];

/** Starts the product's server on a fresh data directory and waits until the demo cases exist. */
async function startProduct(): Promise<{ url: string; stop(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'civicloop-pages-'));
  const port = await freePort();
  const child = spawn(TSX, [join(ROOT, 'src/cli/index.ts'), 'serve'], {
    cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, CIVICLOOP_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', CIVICLOOP_DEMO: 'true', LOG_LEVEL: 'warn' },
  });
  await new Promise<void>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      // The demo's cases are made after the server listens; the workbench is measured with them there.
      if (/demo cases and \d+ demo projects created/.test(output)) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the server exited with ${code}:\n${output}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    async stop() {
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        process.kill(-child.pid!, 'SIGTERM');
      });
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** One cold load: a new context (empty cache and cookies), throttled before the navigation starts. */
async function loadOnce(browser: Browser, url: string, target: Target | null): Promise<{ firstRenderMs: number | null; interactiveMs: number }> {
  const context = await browser.newContext({ baseURL: url, viewport: target?.viewport ?? PHONE, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  try {
    const page = await context.newPage();
    if (target?.login) {
      // Signed in through the page, unthrottled: the measured load is the desk's, with the session in place.
      await page.goto('/login');
      await page.getByLabel('用户名').fill(target.login);
      await page.getByLabel('密码').fill('demo1234');
      await page.getByRole('button', { name: /登\s*录/ }).click();
      await page.waitForURL((address) => !address.pathname.startsWith('/login'));
    }
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', NETWORK);
    if (cpuSlowdown > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
    const started = performance.now();
    await page.goto(target?.path ?? '/api/v1/health', { waitUntil: 'commit' });
    if (!target) {
      await page.waitForLoadState('load');
      return { firstRenderMs: null, interactiveMs: performance.now() - started };
    }
    await target.ready(page).catch(async (error: unknown) => {
      await page.screenshot({ path: join(tmpdir(), 'civicloop-page-load-failed.png') });
      throw error;
    });
    const interactiveMs = performance.now() - started;
    const paint = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null);
    return { firstRenderMs: paint, interactiveMs };
  } finally {
    await context.close();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

await ensureWebBuild(ROOT, { log: (line) => log(line) });
log('starting the server on a fresh embedded database (demo mode) …');
const product = await startProduct();
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-quic'] });
const rows: { name: string; firstRenderMs: number; interactiveMs: number; runs: { firstRenderMs: number | null; interactiveMs: number }[] }[] = [];
let ceilingMs: number;
try {
  const ceilingRuns = [];
  for (let i = 0; i < runs; i += 1) ceilingRuns.push((await loadOnce(browser, product.url, null)).interactiveMs);
  ceilingMs = median(ceilingRuns);
  log(`ceiling: one throttled round trip ${ceilingMs.toFixed(0)} ms`);
  for (const target of TARGETS.filter((t) => !only || t.path === only)) {
    const measured = [];
    for (let i = 0; i < runs; i += 1) measured.push(await loadOnce(browser, product.url, target));
    const row = {
      name: target.name, runs: measured,
      firstRenderMs: median(measured.map((r) => r.firstRenderMs ?? Number.NaN)), interactiveMs: median(measured.map((r) => r.interactiveMs)),
    };
    rows.push(row);
    log(`${target.name}: first render ${row.firstRenderMs.toFixed(0)} ms, interactive ${row.interactiveMs.toFixed(0)} ms`);
  }
} finally {
  await browser.close();
  await product.stop();
}

const machine = machineInfo();
const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
const profile = `latency ${NETWORK.latency} ms, 1.6 Mbit/s down, 750 kbit/s up${cpuSlowdown > 1 ? `, CPU ${cpuSlowdown}× slower` : ''}, cache disabled`;
const lines = [
  `# civicloop page load on a slow network — ${stamp}`, '',
  `Machine: ${JSON.stringify(machine)}`, `Profile: ${profile}; median of ${runs} cold loads each.`, '',
  '| page | first render | interactive | ceiling: one throttled round trip | ceiling ÷ interactive | goal | verdict |',
  '|---|---|---|---|---|---|---|',
  ...rows.map((row) => {
    const goal = row.name.includes('/report') ? '≤ 3 s' : '—';
    const verdict = row.name.includes('/report') ? (row.interactiveMs <= 3000 ? 'met' : '**missed**') : '—';
    return `| ${row.name} | ${row.firstRenderMs.toFixed(0)} ms | ${row.interactiveMs.toFixed(0)} ms | ${ceilingMs.toFixed(0)} ms | ${((ceilingMs / row.interactiveMs) * 100).toFixed(1)}% | ${goal} | ${verdict} |`;
  }),
  '',
];
const dir = join(ROOT, 'bench/results');
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, `page-load-${stamp}.json`), `${JSON.stringify({ machine, profile, runs, ceilingMs, rows }, null, 2)}\n`);
writeFileSync(join(dir, `page-load-${stamp}.md`), lines.join('\n'));
console.log(lines.join('\n'));
