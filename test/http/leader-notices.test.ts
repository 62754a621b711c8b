/**
 * The leader's 督办 (issue 17): a district leader issues a supervision notice on a case (from the cockpit or
 * the supervision board); the notice names the leader, the unit's notification says it is the leader's, and
 * it lands on the case's timeline. Roles outside the supervision office and the leadership are refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { loginAs, type ApiClient } from '../support/api-client.ts';
import { actOk, departmentId, LY, reportEvent } from '../support/case-helpers.ts';

let t: TestApp;
let operator: ApiClient;
let leader: ApiClient;
let handler: ApiClient;
let caseId = 0;
let leaderName = '';
let cgj = 0;

beforeAll(async () => {
  t = await startTestApp();
  operator = await loginAs(t.app, `operator-${LY}`);
  leader = await loginAs(t.app, `leader-${LY}`);
  handler = await loginAs(t.app, `handler-${LY}`);
  leaderName = (await leader.get('/api/v1/me')).body.user.displayName;
  cgj = await departmentId(operator, LY, 'cgj');
  const reported = await reportEvent(operator);
  const filed = await actOk(operator, reported.id, 'file', { version: reported.version });
  await actOk(operator, reported.id, 'dispatch', { version: filed.version, departmentId: cgj });
  caseId = reported.id;
});
afterAll(async () => { await t?.close(); });

describe('the leader’s 督办', () => {
  it('is a supervision notice naming the leader, on the case’s timeline and in the unit’s notifications', async () => {
    const res = await leader.post('/api/v1/notices', { caseId, content: '群众反映强烈，请今日处置完毕', respondWithinDays: 1 });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ caseId, departmentId: cgj, status: 'open', issuer: { name: leaderName, role: 'leader' } });
    const listed = await operator.get('/api/v1/notices');
    expect(listed.body.items.map((n: { issuer: unknown }) => n.issuer)).toEqual([{ id: res.body.issuer.id, name: leaderName, role: 'leader' }]);
    const detail = await operator.get(`/api/v1/cases/${caseId}`);
    expect(detail.body.counts.supervision).toBe(1);
    expect(detail.body.timeline.at(-1)).toMatchObject({ action: 'supervise', note: '群众反映强烈，请今日处置完毕' });
    const inbox = await handler.get('/api/v1/notifications');
    const notice = inbox.body.items.find((n: { noticeId: number | null }) => n.noticeId === res.body.id);
    expect(notice.title).toContain(`区领导督办（${leaderName}）`);
  });

  it('a supervisor’s notice names the supervisor; handlers and operators may not issue one, and nothing is written', async () => {
    const supervisor = await loginAs(t.app, `supervisor-${LY}`);
    const res = await supervisor.post('/api/v1/notices', { departmentId: cgj, content: '请报告本月退单情况' });
    expect(res.status).toBe(201);
    expect(res.body.issuer.role).toBe('supervisor');
    const before = (await operator.get('/api/v1/notices')).body.items.length;
    for (const client of [handler, operator]) {
      const refused = await client.post('/api/v1/notices', { caseId, content: '请加快' });
      expect([refused.status, refused.body.code]).toEqual([403, 'FORBIDDEN']);
    }
    expect((await operator.get('/api/v1/notices')).body.items).toHaveLength(before);
  });
});
