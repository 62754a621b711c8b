/** A handler's requests (延期, 挂起) and the operator's decisions on them (DESIGN §4.3), and required fields per action. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { loginAs, type ApiClient } from '../support/api-client.ts';
import { LY, act, actOk, departmentId, reportEvent } from '../support/case-helpers.ts';
import { TRANSITIONS } from '../../src/domain/case/case-transitions.ts';

let t: TestApp;
let operator: ApiClient;
let handler: ApiClient;
let gridWorker: ApiClient;
let cgj: number;

beforeAll(async () => {
  t = await startTestApp();
  [operator, handler, gridWorker] = await Promise.all([loginAs(t.app, `operator-${LY}`), loginAs(t.app, `handler-${LY}`), loginAs(t.app, `grid_worker-${LY}`)]);
  cgj = await departmentId(operator, LY, 'cgj');
});
afterAll(async () => { await t?.close(); });

async function signedCase() {
  const created = await reportEvent(gridWorker);
  let c = await actOk(operator, created.id, 'file', { version: 1 });
  c = await actOk(operator, created.id, 'dispatch', { version: c.version, departmentId: cgj });
  return actOk(handler, created.id, 'sign', { version: c.version });
}

/** The case once the after-commit pass has linked its events (a pass after the answer, issue 10). */
async function detail(id: number) {
  await t.services.afterCommit.drain();
  const response = await operator.get(`/api/v1/cases/${id}`);
  expect(response.status).toBe(200);
  return response.body;
}

describe('handler requests', () => {
  it('refuses an extension requested after the resolve deadline and changes nothing', async () => {
    const c = await signedCase();
    t.clock.set(new Date(new Date(c.deadlines.resolve).getTime() + 60_000).toISOString());
    const before = await detail(c.id);
    expect(before.allowedActions).not.toContain('request_extension');
    const refused = await act(handler, c.id, 'request_extension', { version: c.version, days: 2, reason: '需协调物业' });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('CASE_EXTENSION_TOO_LATE');
    const after = await detail(c.id);
    expect(after).toEqual(before);
    expect(after).toMatchObject({ version: c.version, pendingRequest: null, deadlines: { resolve: c.deadlines.resolve } });
  });

  it('still approves an extension requested in time after the deadline has passed', async () => {
    const c = await signedCase();
    const requested = await actOk(handler, c.id, 'request_extension', { version: c.version, days: 2, reason: '需协调物业' });
    t.clock.set(new Date(new Date(c.deadlines.resolve).getTime() + 60_000).toISOString());
    const approved = await actOk(operator, c.id, 'approve_extension', { version: requested.version });
    expect(approved).toMatchObject({ pendingRequest: null, counts: { extension: 1 } });
    expect(new Date(approved.deadlines.resolve).getTime()).toBeGreaterThan(new Date(c.deadlines.resolve).getTime());
  });

  it('suspends only on an approved request, and records a rejected one', async () => {
    const c = await signedCase();
    const direct = await act(operator, c.id, 'approve_suspension', { version: c.version });
    expect(direct.status).toBe(409);
    expect(direct.body.code).toBe('CASE_NO_PENDING_REQUEST');

    let current = await actOk(handler, c.id, 'request_suspension', { version: c.version, reason: '等待天气转好' });
    expect(current).toMatchObject({ state: 'signed', pendingRequest: { type: 'suspension', reason: '等待天气转好' } });
    current = await actOk(operator, c.id, 'reject_suspension', { version: current.version, reason: '可先行处置' });
    expect(current).toMatchObject({ state: 'signed', pendingRequest: null });
    expect(current.timeline.at(-1)).toMatchObject({ action: 'reject_suspension', note: '可先行处置' });

    current = await actOk(handler, c.id, 'request_suspension', { version: current.version, reason: '等待配件到货' });
    current = await actOk(operator, c.id, 'approve_suspension', { version: current.version });
    expect(current).toMatchObject({ state: 'suspended', pendingRequest: null });
    expect(current.timeline.at(-1)).toMatchObject({ action: 'approve_suspension', fromState: 'signed', toState: 'suspended' });
  });

  it('does not let a second request overwrite a pending one', async () => {
    const c = await signedCase();
    const pending = await actOk(handler, c.id, 'request_extension', { version: c.version, days: 2, reason: '需协调物业' });
    const before = await detail(c.id);
    for (const [action, body] of [['request_extension', { days: 5, reason: '再延' }], ['request_suspension', { reason: '挂起' }]] as const) {
      const refused = await act(handler, c.id, action, { version: pending.version, ...body });
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('CASE_REQUEST_PENDING');
    }
    expect(await detail(c.id)).toEqual(before);
  });
});

describe('required fields come from the transition table', () => {
  const required = TRANSITIONS.filter((rule) => rule.requires.length > 0 && rule.requires.every((field) => field === 'reason' || field === 'note'));

  it.each([...new Set(required.map((rule) => rule.action))])('%s without its required fields answers 400 VALIDATION_FAILED naming them', async (action) => {
    const rule = required.find((candidate) => candidate.action === action)!;
    const response = await act(operator, 1, action, { version: 1 });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    const paths = (response.body.details as { path: string }[]).map((issue) => issue.path);
    expect(paths.sort()).toEqual(rule.requires.map((field) => `body.${field}`).sort());
  });
});

describe('a 督办 notice on a case', () => {
  it('supervises through the action path: one version bump, one supervise event with the notice', async () => {
    const supervisor = await loginAs(t.app, `supervisor-${LY}`);
    const c = await signedCase();
    const res = await supervisor.post('/api/v1/notices', { caseId: c.id, content: '请加快处置', respondWithinDays: 1 });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const after = await detail(c.id);
    expect(after.version).toBe(c.version + 1);
    expect(after.counts).toMatchObject({ ...c.counts, supervision: c.counts.supervision + 1 });
    expect(after.timeline.length).toBe(c.timeline.length + 1);
    expect(after.timeline.at(-1)).toMatchObject({ action: 'supervise', note: '请加快处置', data: { noticeId: res.body.id } });
  });
});
