/**
 * The admin's webhook page (issue 16): a refused URL says why and stores nothing; a partner's URL is
 * registered for `case.report` and its secret shown once; a delivery that fails every attempt shows on the
 * dead-letter list with each answer, and a replay delivers it with the same delivery id.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startE2eApp, type E2eApp } from './support/e2e-app.ts';
import { chromiumAvailable, closeBrowserSuite, launchBrowser, loginThroughUi, newPerson, snap } from './support/browser.ts';
import { pickOption } from './support/antd.ts';
import { loginAs } from '../support/api-client.ts';
import { reportEvent } from '../support/case-helpers.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.ts';

const haveChromium = chromiumAvailable();
let env: E2eApp;
let browser: Browser;
let receiver: WebhookReceiver;

beforeAll(async () => {
  if (!haveChromium) return;
  receiver = await startWebhookReceiver();
  // The partner runs on loopback here; two failed attempts make a dead letter, retried without waiting.
  env = await startE2eApp({ CIVICLOOP_WEBHOOK_PRIVATE_TARGETS: 'true', CIVICLOOP_WEBHOOK_RETRY_MS: '0', CIVICLOOP_WEBHOOK_MAX_ATTEMPTS: '2' });
  browser = await launchBrowser();
});
afterAll(async () => {
  await closeBrowserSuite(env, browser);
  await receiver?.close();
});

describe.skipIf(!haveChromium)('webhooks admin page', () => {
  it('registers a webhook, shows a dead letter with its answers, and replays it with the same delivery id', async () => {
    const context = await newPerson(browser, env.baseUrl);
    const page = await context.newPage();
    await loginThroughUi(page, 'admin');
    await page.getByRole('tab', { name: 'Webhook 推送' }).click();

    // Not http(s): refused with the catalogue's message, nothing stored.
    await page.getByLabel('回调地址').fill('ftp://partner.example.org/hooks');
    await pickOption(page, '事件类型', 'case.report');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: '登记', exact: true }).click();
    const panel = page.getByRole('tabpanel', { name: 'Webhook 推送' });
    await panel.getByRole('alert').filter({ hasText: 'Webhook 地址不可用' }).waitFor();
    expect(await env.t.handle.db.selectFrom('webhooks').select('id').execute()).toHaveLength(0);

    await page.getByLabel('回调地址').fill(receiver.url);
    await page.getByRole('button', { name: '登记', exact: true }).click();
    await page.getByTestId('webhook-secret').waitFor();
    await page.getByRole('cell', { name: receiver.url }).waitFor();

    receiver.script([500, 502]);
    const operator = await loginAs(env.t.app, 'operator-220106');
    const reported = await reportEvent(operator, { description: 'Webhook 页面：井盖缺失' });
    await env.t.services.afterCommit.drain();
    expect(receiver.received).toHaveLength(2);
    const deliveryId = receiver.received[0]!.headers['x-civicloop-delivery'];

    await page.locator('.ant-segmented').getByText('死信', { exact: true }).click();
    const row = page.getByRole('row').filter({ hasText: '死信' }).filter({ hasText: '上报 (case.report)' });
    await row.waitFor();
    await row.getByRole('button', { name: /展开/ }).click();
    await page.getByRole('cell', { name: '500', exact: true }).waitFor();
    await page.getByRole('cell', { name: '502', exact: true }).waitFor();
    await snap(page, 'webhooks-dead-letter');

    receiver.script([200]);
    await row.getByRole('button', { name: '重发' }).click();
    await page.getByText('已重新排队投递').waitFor();
    await env.t.services.afterCommit.drain();
    await page.locator('.ant-segmented').getByText('已送达', { exact: true }).click();
    await page.getByRole('row').filter({ hasText: '已送达' }).filter({ hasText: '上报 (case.report)' }).waitFor();
    expect(receiver.received).toHaveLength(3);
    expect(receiver.received.map((hook) => hook.headers['x-civicloop-delivery'])).toEqual([deliveryId, deliveryId, deliveryId]);
    expect(JSON.parse(receiver.received[2]!.body)).toMatchObject({ event: 'case.report', case: { number: reported.number } });
    await context.close();
  });
});
