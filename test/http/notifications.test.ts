/**
 * Notifications as their reader sees them (issue 17 §6): each names a message key and its parameters, so the
 * reader's language renders it, and the case's number to open it; one or all of them are marked read, only
 * the reader's own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { apiClient, loginAs, type ApiClient } from '../support/api-client.ts';
import { actOk, departmentId, LY, reportEvent } from '../support/case-helpers.ts';
import { zhCN } from '../../src/web/i18n/zh-cn.ts';
import { en } from '../../src/web/i18n/en.ts';

let t: TestApp;
let operator: ApiClient;
let handler: ApiClient;
let number = '';
let leaderName = '';

beforeAll(async () => {
  t = await startTestApp();
  operator = await loginAs(t.app, `operator-${LY}`);
  handler = await loginAs(t.app, `handler-${LY}`);
  const leader = await loginAs(t.app, `leader-${LY}`);
  const supervisor = await loginAs(t.app, `supervisor-${LY}`);
  leaderName = (await leader.get('/api/v1/me')).body.user.displayName;
  const cgj = await departmentId(operator, LY, 'cgj');
  const reported = await reportEvent(operator);
  const filed = await actOk(operator, reported.id, 'file', { version: reported.version });
  await actOk(operator, reported.id, 'dispatch', { version: filed.version, departmentId: cgj });
  number = reported.number;
  expect((await supervisor.post('/api/v1/notices', { caseId: reported.id, content: '请加快处置' })).status).toBe(201);
  expect((await leader.post('/api/v1/notices', { departmentId: cgj, content: '请报告本月进展' })).status).toBe(201);
});
afterAll(async () => { await t?.close(); });

describe('notifications', () => {
  it('carry a message key of the web catalogs with its parameters, and the case number to open', async () => {
    const items = (await handler.get('/api/v1/notifications')).body.items;
    expect(items.map((n: { messageKey: string; params: unknown; caseNumber: string | null }) => [n.messageKey, n.params, n.caseNumber])).toEqual([
      ['notification.notice_leader', { issuerName: leaderName, content: '请报告本月进展', respondBy: expect.any(String) }, null],
      ['notification.notice', { caseNumber: number, content: '请加快处置', respondBy: expect.any(String), issuerName: expect.any(String) }, number],
    ]);
    // every key the server names is in both catalogs
    for (const item of items) {
      const key = item.messageKey.split('.')[1] as keyof typeof zhCN.notification;
      expect(zhCN.notification[key]).toContain('{{content}}');
      expect(en.notification[key]).toContain('{{content}}');
    }
  });

  it('are marked read one or all at once, only the reader’s own', async () => {
    const items = (await handler.get('/api/v1/notifications')).body.items;
    const one = await handler.post(`/api/v1/notifications/${items[1].id}/read`);
    expect([one.status, one.body.caseNumber, typeof one.body.readAt]).toEqual([200, number, 'string']);
    // someone they are not addressed to reads none of them
    expect((await operator.post('/api/v1/notifications/read-all')).body).toEqual({ read: 0 });
    expect((await handler.get('/api/v1/notifications')).body.items.filter((n: { readAt: string | null }) => !n.readAt)).toHaveLength(1);
    expect((await handler.post('/api/v1/notifications/read-all')).body).toEqual({ read: 1 });
    expect((await handler.get('/api/v1/notifications')).body.items.every((n: { readAt: string | null }) => n.readAt)).toBe(true);
    expect((await handler.post('/api/v1/notifications/read-all')).body).toEqual({ read: 0 });
    expect((await apiClient(t.app).post('/api/v1/notifications/read-all')).body.code).toBe('AUTH_REQUIRED');
  });
});
