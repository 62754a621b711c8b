import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { apiClient, loginAs, type ApiClient } from '../support/api-client.ts';
import { LY, LY_GRID, act, actOk, departmentId, reportEvent } from '../support/case-helpers.ts';
import { verifyTimelineChains } from '../../src/db/repositories/case/timeline-repository.ts';

let t: TestApp;
let operator: ApiClient;
let shiftLead: ApiClient;
let handler: ApiClient;
let gridWorker: ApiClient;
let cgj: number;

beforeAll(async () => {
  t = await startTestApp();
  [operator, shiftLead, handler, gridWorker] = await Promise.all([
    loginAs(t.app, `operator-${LY}`), loginAs(t.app, `shift_lead-${LY}`), loginAs(t.app, `handler-${LY}`), loginAs(t.app, `grid_worker-${LY}`),
  ]);
  cgj = await departmentId(operator, LY, 'cgj');
});
afterAll(async () => { await t?.close(); });

describe('the closed loop', () => {
  it('takes an anonymous citizen report from reported to closed and rated', async () => {
    const citizen = apiClient(t.app);
    const created = await reportEvent(citizen, { kind: 'citizen_request', categoryCode: 'H06', description: '小区门口路灯不亮' });
    expect(created).toMatchObject({ state: 'reported', version: 1, gridCode: LY_GRID, source: 'web' });
    expect(created.number).toMatch(/^LY-2026-\d{6}$/);
    expect(created.trackingCode).toMatch(/^[0-9A-F]{12}$/);
    expect(created.deadlines.dispatch).not.toBeNull();
    expect(created.departmentId).toEqual(expect.any(Number));

    t.clock.advanceMinutes(10);
    let current = await actOk(operator, created.id, 'file', { version: 1 });
    expect(current.allowedActions).toContain('dispatch');
    current = await actOk(operator, created.id, 'dispatch', { version: current.version, departmentId: cgj });
    expect(current).toMatchObject({ state: 'dispatched', departmentId: cgj });
    expect(current.deadlines.sign).not.toBeNull();
    expect(current.deadlines.resolve).not.toBeNull();

    const inbox = await handler.get('/api/v1/cases?state=dispatched');
    expect(inbox.body.items.map((c: { id: number }) => c.id)).toContain(created.id);
    t.clock.advanceMinutes(20);
    current = await actOk(handler, created.id, 'sign', { version: current.version });
    current = await actOk(handler, created.id, 'resolve', { version: current.version, note: '已更换灯泡' });
    expect(current.state).toBe('resolved');

    t.clock.advanceMinutes(60);
    current = await actOk(gridWorker, created.id, 'check_pass', { version: current.version });
    expect(current.state).toBe('closed');

    // the citizen has no account: the tracking code proves they reported it
    const tracked = await citizen.get(`/api/v1/cases/${created.number}?trackingCode=${created.trackingCode}`);
    expect(tracked.status).toBe(200);
    expect(tracked.body.allowedActions).toEqual(['rate']);
    const rated = await act(citizen, created.number, 'rate', { version: current.version, level: 'satisfied', trackingCode: created.trackingCode });
    expect(rated.status).toBe(200);
    expect(rated.body.rating).toMatchObject({ level: 'satisfied' });

    const detail = await operator.get(`/api/v1/cases/${created.id}`);
    expect(detail.body.timeline.map((e: { action: string }) => e.action)).toEqual([
      'report', 'file', 'dispatch', 'sign', 'resolve', 'check_pass', 'rate',
    ]);
    expect(detail.body.timeline.map((e: { toState: string }) => e.toState)).toEqual([
      'reported', 'filed', 'dispatched', 'signed', 'resolved', 'closed', 'closed',
    ]);
    await t.services.afterCommit.drain(); // answers do not wait for the linker
    expect(await verifyTimelineChains(t.handle.db)).toEqual([]);
  });

  it('answers intake with the same detail a read of the case gives, though it reads nothing back', async () => {
    for (const [client, body] of [
      [operator, { kind: 'event', categoryCode: 'E0104', description: '井盖缺失', gridCode: LY_GRID, reporter: { name: '王先生', phone: '13900000000' } }],
      [apiClient(t.app), { kind: 'citizen_request', categoryCode: 'H06', description: '路灯不亮', districtCode: LY }],
    ] as const) {
      const created = await client.post('/api/v1/cases', body);
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const { trackingCode, ...answer } = created.body;
      // Before the linker's pass the row has no hash, as the answer says.
      await t.services.afterCommit.drain();
      const read = await client.get(`/api/v1/cases/${created.body.id}${trackingCode ? `?trackingCode=${trackingCode}` : ''}`);
      expect(read.status).toBe(200);
      expect(answer.timeline[0].hash).toBeNull();
      expect(read.body.timeline[0].hash).toEqual(expect.any(String));
      expect({ ...answer, timeline: answer.timeline.map((e: object) => ({ ...e, hash: 'linked' })) })
        .toEqual({ ...read.body, timeline: read.body.timeline.map((e: object) => ({ ...e, hash: 'linked' })) });
      expect(answer.categoryName).toEqual(expect.any(String));
    }
  });

  it('counts a failed check as rework and restarts the resolve clock', async () => {
    const created = await reportEvent(gridWorker);
    let c = await actOk(operator, created.id, 'file', { version: 1 });
    c = await actOk(operator, created.id, 'dispatch', { version: c.version, departmentId: cgj });
    c = await actOk(handler, created.id, 'sign', { version: c.version });
    c = await actOk(handler, created.id, 'resolve', { version: c.version, note: '已清理' });
    const firstDeadline = c.deadlines.resolve;
    t.clock.advanceMinutes(24 * 60);
    c = await actOk(gridWorker, created.id, 'check_fail', { version: c.version, reason: '现场仍有垃圾' });
    expect(c).toMatchObject({ state: 'signed', counts: { rework: 1 } });
    expect(new Date(c.deadlines.resolve).getTime()).toBeGreaterThan(new Date(firstDeadline).getTime());
  });

  it('lets a grid worker self-handle a category that allows it, and not one that does not', async () => {
    const small = await reportEvent(gridWorker, { categoryCode: 'E0201', description: '电线杆上有小广告' });
    const closed = await actOk(gridWorker, small.id, 'self_handle', { version: 1, note: '已当场清除' });
    expect(closed.state).toBe('closed');
    const big = await reportEvent(gridWorker, { categoryCode: 'E0101', description: '违章搭建彩钢房' });
    const refused = await act(gridWorker, big.id, 'self_handle', { version: 1, note: '试图自行处置' });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('CASE_SELF_HANDLE_NOT_ALLOWED');
  });

  it('returns, extends, suspends and resumes through the operator', async () => {
    const created = await reportEvent(gridWorker);
    let c = await actOk(operator, created.id, 'file', { version: 1 });
    c = await actOk(operator, created.id, 'dispatch', { version: c.version, departmentId: cgj });
    c = await actOk(handler, created.id, 'return', { version: c.version, reason: '不属于本部门职责' });
    expect(c).toMatchObject({ state: 'filed', departmentId: null, counts: { return: 1 } });
    c = await actOk(operator, created.id, 'dispatch', { version: c.version, departmentId: cgj });
    c = await actOk(handler, created.id, 'sign', { version: c.version });
    c = await actOk(handler, created.id, 'request_extension', { version: c.version, days: 2, reason: '需协调物业' });
    expect(c.pendingRequest).toMatchObject({ type: 'extension' });
    const before = c.deadlines.resolve;
    c = await actOk(operator, created.id, 'approve_extension', { version: c.version });
    expect(new Date(c.deadlines.resolve).getTime()).toBeGreaterThan(new Date(before).getTime());
    expect(c.counts.extension).toBe(1);
    c = await actOk(handler, created.id, 'request_suspension', { version: c.version, reason: '等待天气转好' });
    expect(c).toMatchObject({ state: 'signed', pendingRequest: { type: 'suspension' } });
    c = await actOk(operator, created.id, 'approve_suspension', { version: c.version, note: '同意挂起' });
    expect(c.state).toBe('suspended');
    c = await actOk(handler, created.id, 'resume', { version: c.version });
    expect(c.state).toBe('signed');
  });

  it('merges a duplicate into an open case and declines through the shift lead', async () => {
    const kept = await reportEvent(gridWorker);
    const duplicate = await reportEvent(gridWorker);
    const merged = await actOk(operator, duplicate.id, 'merge', { version: 1, intoCaseId: kept.id });
    expect(merged).toMatchObject({ state: 'merged', mergedIntoId: kept.id });
    const other = await reportEvent(gridWorker);
    const refused = await act(operator, other.id, 'decline', { version: 1, reason: '重复' });
    expect(refused.status).toBe(403);
    const declined = await actOk(shiftLead, other.id, 'decline', { version: 1, reason: '不属于受理范围' });
    expect(declined.state).toBe('declined');
  });

  it('lets a supervisor supervise an open case and reopen a closed one', async () => {
    const supervisor = await loginAs(t.app, `supervisor-${LY}`);
    const small = await reportEvent(gridWorker, { categoryCode: 'E0201', description: '墙上小广告' });
    const supervised = await actOk(supervisor, small.id, 'supervise', { version: 1, note: '请加快处理' });
    expect(supervised.counts.supervision).toBe(1);
    const closed = await actOk(gridWorker, small.id, 'self_handle', { version: supervised.version, note: '已清除' });
    const reopened = await actOk(supervisor, small.id, 'reopen', { version: closed.version, reason: '群众反映仍未清理' });
    expect(reopened.state).toBe('filed');
  });
});
