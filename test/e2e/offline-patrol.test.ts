/** A grid worker on a phone files a report with the network cut; when it returns, exactly one case is created, with the report's own time. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startE2eApp, type E2eApp } from './support/e2e-app.ts';
import { PHONE, chromiumAvailable, closeBrowserSuite, launchBrowser, loginThroughUi, newPerson, snap } from './support/browser.ts';
import { pickOption } from './support/antd.ts';

const haveChromium = chromiumAvailable();
let env: E2eApp;
let browser: Browser;

beforeAll(async () => {
  if (!haveChromium) return;
  env = await startE2eApp();
  browser = await launchBrowser();
});
afterAll(() => closeBrowserSuite(env, browser));

const DESCRIPTION = '离线巡查：人行道井盖缺失';

describe.skipIf(!haveChromium)('offline patrol on a phone', () => {
  it('queues a report without network and sends it once when the network returns', async () => {
    const context = await newPerson(browser, env.baseUrl, PHONE);
    const page = await context.newPage();
    await loginThroughUi(page, 'grid_worker-220106');
    await page.waitForURL(/\/grid/);
    const nav = page.getByRole('navigation', { name: '巡查导航' });
    await nav.getByRole('button', { name: /巡查上报/ }).click();

    await context.setOffline(true);
    await page.getByText('当前离线').waitFor();
    await pickOption(page, '类别', '暴露垃圾');
    await page.getByLabel('问题描述').fill(DESCRIPTION);
    await page.locator('form button[type=submit]').click();
    await page.getByText('已保存在手机上，联网后自动上报').waitFor();
    await page.getByText('待发送的离线上报：1 条').waitFor();
    await snap(page, 'grid-offline-queued');
    const madeAt = env.t.clock.now.getTime();
    const count = async () => (await env.t.handle.db.selectFrom('cases').select('id').where('description', '=', DESCRIPTION).execute()).length;
    expect(await count()).toBe(0);

    env.t.clock.advanceMinutes(30); // the network returns half an hour later
    await context.setOffline(false);
    await page.getByText('离线上报已发送：1 条').waitFor();
    await page.getByText('待发送的离线上报').waitFor({ state: 'detached' });
    const rows = await env.t.handle.db.selectFrom('cases').select(['reported_at', 'created_at']).where('description', '=', DESCRIPTION).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.created_at.getTime() - rows[0]!.reported_at!.getTime()).toBeGreaterThanOrEqual(29 * 60_000);
    expect(Math.abs(rows[0]!.reported_at!.getTime() - madeAt)).toBeLessThan(5 * 60_000);

    // A reload (the queue's own retry) sends nothing again.
    await page.reload();
    await nav.getByRole('button', { name: /我的网格/ }).click();
    await page.getByText(DESCRIPTION).first().waitFor();
    expect(await count()).toBe(1);
    await context.close();
  });
});
