/**
 * Webhooks and subscriptions through real parts (issue 16): a partner's HTTP receiver and an SMTP server on
 * loopback, deliveries from the outbox after commit, signed bodies, the delivery log, dead letters and replay,
 * area subscriptions by e-mail and Atom, signed unsubscribe links.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { loginAs, type ApiClient } from '../support/api-client.ts';
import { actOk, departmentId, LY, LY_GRID, reportEvent } from '../support/case-helpers.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.ts';
import { startSmtpReceiver, type SmtpReceiver } from '../support/smtp-receiver.ts';
import { verifyWebhookSignature } from '../../src/services/integrations/index.ts';
import { countRows } from '../support/grid-fixtures.ts';
import { createKey, open311Post } from '../support/open311-client.ts';

let t: TestApp;
let admin: ApiClient;
let operator: ApiClient;
let handler: ApiClient;
let gridWorker: ApiClient;
let cgj: number;
let receiver: WebhookReceiver;
let smtp: SmtpReceiver;
const PUBLIC_URL = 'https://311.example.gov.cn';

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  smtp = await startSmtpReceiver();
  t = await startTestApp({
    overrides: {
      CIVICLOOP_PUBLIC_URL: PUBLIC_URL, CIVICLOOP_WEBHOOK_PRIVATE_TARGETS: 'true', CIVICLOOP_WEBHOOK_RETRY_MS: '0', CIVICLOOP_WEBHOOK_MAX_ATTEMPTS: '3',
      CIVICLOOP_SMTP_URL: smtp.url, CIVICLOOP_LINK_SECRET: 'test-link-secret-0123456789',
    },
  });
  [admin, operator, handler, gridWorker] = await Promise.all([
    loginAs(t.app, 'admin'), loginAs(t.app, `operator-${LY}`), loginAs(t.app, `handler-${LY}`), loginAs(t.app, `grid_worker-${LY}`),
  ]);
  cgj = await departmentId(operator, LY, 'cgj');
});
afterAll(async () => {
  await t?.close();
  await receiver?.close();
  await smtp?.close();
});

async function register(eventKinds: string[], url = receiver.url) {
  return admin.post('/api/v1/admin/webhooks', { url, eventKinds, description: '12345 热线平台' });
}

async function switchOff(id: number) {
  const res = await t.app.inject({ method: 'DELETE', url: `/api/v1/admin/webhooks/${id}`, headers: { authorization: `Bearer ${admin.token}` } });
  expect(res.statusCode).toBe(200);
}

async function closeCase(id: number, checker: () => ApiClient = () => gridWorker) {
  let c = await actOk(operator, id, 'file', { version: 1 });
  c = await actOk(operator, id, 'dispatch', { version: c.version, departmentId: cgj });
  c = await actOk(handler, id, 'sign', { version: c.version });
  c = await actOk(handler, id, 'resolve', { version: c.version, note: '已清理' });
  return actOk(checker(), id, 'check_pass', { version: c.version });
}

describe('webhooks', () => {
  it('refuses a URL that is not http(s) or points at the server itself, storing nothing', async () => {
    for (const url of ['ftp://partner.example/hook', 'javascript:alert(1)', `${PUBLIC_URL}/api/v1/health`]) {
      const res = await register(['case.report'], url);
      expect(res.status, url).toBe(400);
      expect(res.body.code).toBe('WEBHOOK_URL_REFUSED');
    }
    expect((await register(['case.nothing'])).status).toBe(400);
    expect((await operator.post('/api/v1/admin/webhooks', { url: receiver.url, eventKinds: ['*'] })).status).toBe(403);
    expect(await countRows(t, 'webhooks')).toBe(0);
  });

  it('delivers a signed event that fails twice and then succeeds, with the same delivery id, and logs each answer', async () => {
    const created = await register(['case.report']);
    expect(created.status).toBe(201);
    expect(created.body.secret).toEqual(expect.any(String));
    receiver.script([500, 503, 200]);
    const reported = await reportEvent(operator, { description: '井盖缺失，请尽快处理' });
    await t.services.afterCommit.drain();
    expect(receiver.received).toHaveLength(3);
    const ids = receiver.received.map((r) => r.headers['x-civicloop-delivery']);
    expect(new Set(ids).size).toBe(1);
    for (const hook of receiver.received) {
      const timestamp = Number(hook.headers['x-civicloop-timestamp']);
      expect(verifyWebhookSignature(created.body.secret, timestamp, hook.body, String(hook.headers['x-civicloop-signature']))).toBe(true);
      expect(JSON.parse(hook.body)).toMatchObject({ deliveryId: ids[0], event: 'case.report', case: { number: reported.number, state: 'reported' } });
    }
    expect(receiver.received[0]!.body).not.toContain('reporter');
    const log = await admin.get(`/api/v1/admin/webhook-deliveries?webhookId=${created.body.id}`);
    expect(log.body.items).toHaveLength(1);
    expect(log.body.items[0]).toMatchObject({ id: ids[0], status: 'delivered', attempts: 3 });
    expect(log.body.items[0].log.map((a: { responseStatus: number }) => a.responseStatus)).toEqual([500, 503, 200]);
    expect(log.body.items[0].log[0].responseBody).toBe('busy 1');
    await switchOff(created.body.id);
  });

  it('moves a delivery to the dead-letter list after N failures, and an admin replays it with the same id', async () => {
    const created = await register(['case.report']);
    receiver.received.length = 0;
    receiver.script([500, 500, 500]);
    await reportEvent(operator, { description: '路灯不亮' });
    await t.services.afterCommit.drain();
    expect(receiver.received).toHaveLength(3);
    const dead = await admin.get(`/api/v1/admin/webhook-deliveries?webhookId=${created.body.id}&status=dead`);
    expect(dead.body.items).toHaveLength(1);
    const id = dead.body.items[0].id;
    expect((await operator.post(`/api/v1/admin/webhook-deliveries/${id}/replay`, {})).status).toBe(403);
    receiver.script([200]);
    const replay = await admin.post(`/api/v1/admin/webhook-deliveries/${id}/replay`, {});
    expect(replay.status).toBe(200);
    await t.services.afterCommit.drain();
    expect(receiver.received).toHaveLength(4);
    expect(receiver.received[3]!.headers['x-civicloop-delivery']).toBe(id);
    const after = await admin.get(`/api/v1/admin/webhook-deliveries?webhookId=${created.body.id}`);
    expect(after.body.items[0]).toMatchObject({ id, status: 'delivered', attempts: 4 });
    expect((await admin.post(`/api/v1/admin/webhook-deliveries/${id}/replay`, {})).body.code).toBe('WEBHOOK_DELIVERY_NOT_DEAD');
    await switchOff(created.body.id);
  });
});

describe('subscriptions', () => {
  it('e-mails a grid subscriber through SMTP when a case in the grid is closed; the signed link unsubscribes, a tampered one is refused', async () => {
    const sub = await t.app.inject({ method: 'POST', url: '/api/v1/subscriptions', payload: { channel: 'email', address: 'resident@example.org', target: { grid: LY_GRID } } });
    expect(sub.statusCode, sub.body).toBe(201);
    const reported = await reportEvent(operator, { description: '绿化带内有建筑垃圾' });
    await closeCase(reported.id);
    await t.services.afterCommit.drain();
    const mails = (await smtp.waitFor(1)).filter((m) => m.to.includes('resident@example.org'));
    const closing = mails.find((m) => m.raw.includes(reported.number) && m.raw.includes('Checked and closed'));
    expect(closing, mails.map((m) => m.raw.slice(0, 300)).join('\n---\n')).toBeDefined();
    const unfolded = closing!.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
    const link = /https:\/\/311\.example\.gov\.cn(\/api\/v1\/subscriptions\/\d+\/unsubscribe\?sig=[A-Za-z0-9_-]+)/.exec(unfolded)?.[1];
    expect(link).toBeDefined();
    expect(closing!.raw).toMatch(/List-Unsubscribe:\s+<https:\/\/311\.example\.gov\.cn/);

    const tampered = await t.app.inject({ method: 'GET', url: link!.replace(/sig=./, (s) => (s.endsWith('A') ? 'sig=B' : 'sig=A')) });
    expect(tampered.statusCode).toBe(400);
    expect(JSON.parse(tampered.body).code).toBe('SUBSCRIPTION_LINK_INVALID');
    const active = await t.handle.db.selectFrom('subscriptions').select('unsubscribed_at').where('address', '=', 'resident@example.org').executeTakeFirstOrThrow();
    expect(active.unsubscribed_at).toBeNull();

    const ok = await t.app.inject({ method: 'GET', url: link! });
    expect(ok.statusCode).toBe(200);
    const before = smtp.mails.length;
    await reportEvent(operator, { description: '又有垃圾' });
    await t.services.afterCommit.drain();
    expect(smtp.mails.slice(before).filter((m) => m.to.includes('resident@example.org'))).toEqual([]);
  });

  it('e-mails an Open311 reporter who gave an address the public steps of their case', async () => {
    const { key } = await createKey(t.app, admin.token!);
    const posted = await open311Post(t.app, '/requests.json', {
      api_key: key, service_code: 'E0104', address_string: '春城大街 1 号', jurisdiction_id: LY, description: '人行道落叶', email: 'Ann <ann@example.org>',
    });
    expect(posted.status, posted.raw).toBe(200);
    const number = posted.body[0].service_request_id;
    const row = await t.handle.db.selectFrom('cases').select('id').where('number', '=', number).executeTakeFirstOrThrow();
    await closeCase(row.id, () => operator);
    await t.services.afterCommit.drain();
    const toAnn = smtp.mails.filter((m) => m.to.includes('ann@example.org'));
    expect(toAnn.length).toBeGreaterThanOrEqual(2);
    expect(toAnn.some((m) => m.raw.includes(number) && m.raw.includes('Checked and closed'))).toBe(true);
  });

  it('refuses a self-intersecting polygon and stores nothing', async () => {
    const before = await countRows(t, 'subscriptions');
    const bowTie = [[[125.2, 43.8], [125.4, 44.0], [125.4, 43.8], [125.2, 44.0], [125.2, 43.8]]];
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/subscriptions', payload: { channel: 'email', address: 'a@example.org', target: { polygon: bowTie } } });
    expect(res.statusCode).toBe(400);
    expect(JSON.parse(res.body).code).toBe('SUBSCRIPTION_POLYGON_INVALID');
    expect(await countRows(t, 'subscriptions')).toBe(before);
  });

  it('serves the public steps of a grid as an Atom feed', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/feeds/area.atom?grid=${LY_GRID}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    expect(res.body).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
    expect(res.body).toContain('<entry>');
    expect(res.body).toContain(`${PUBLIC_URL}/track?number=`);
  });
});

describe('the fan-out while nobody listens', () => {
  let own: TestApp;
  let ownReceiver: WebhookReceiver;
  beforeAll(async () => {
    ownReceiver = await startWebhookReceiver();
    own = await startTestApp({ overrides: { CIVICLOOP_WEBHOOK_PRIVATE_TARGETS: 'true', CIVICLOOP_WEBHOOK_RETRY_MS: '0' } });
  });
  afterAll(async () => {
    await own?.close();
    await ownReceiver?.close();
  });

  const cursorsBehind = async () => (await own.handle.db.selectFrom('timeline_chain_heads as h')
    .leftJoin('integration_cursors as c', 'c.district_id', 'h.district_id')
    .select(['h.district_id', 'h.last_seq', 'c.last_seq as cursor']).execute()).filter((row) => Number(row.cursor ?? 0) < Number(row.last_seq));

  it('moves the cursors to the heads without deliveries, and a webhook made later hears only what follows', async () => {
    const ownOperator = await loginAs(own.app, `operator-${LY}`);
    await reportEvent(ownOperator, { description: '无人订阅时上报的工单' });
    await own.services.afterCommit.drain();
    expect(await cursorsBehind()).toEqual([]);
    expect(await own.handle.db.selectFrom('webhook_deliveries').select('id').execute()).toEqual([]);
    const ownAdmin = await loginAs(own.app, 'admin');
    const created = await ownAdmin.post('/api/v1/admin/webhooks', { url: ownReceiver.url, eventKinds: ['case.report'], description: '区 12345 平台' });
    expect(created.status).toBe(201);
    const later = await reportEvent(ownOperator, { description: '有订阅后上报的工单' });
    await own.services.afterCommit.drain();
    expect(ownReceiver.received.map((hook) => JSON.parse(hook.body).case.number)).toEqual([later.number]);
    expect(await cursorsBehind()).toEqual([]);
  });
});
