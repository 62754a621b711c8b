import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { apiClient, loginAs, type ApiClient } from '../support/api-client.ts';
import { LY, act, actOk, departmentId, reportEvent } from '../support/case-helpers.ts';

let t: TestApp;
let operator: ApiClient;
let handler: ApiClient;
let gridWorker: ApiClient;
let otherOperator: ApiClient;
let cgj: number;

beforeAll(async () => {
  t = await startTestApp();
  [operator, handler, gridWorker, otherOperator] = await Promise.all([
    loginAs(t.app, `operator-${LY}`), loginAs(t.app, `handler-${LY}`), loginAs(t.app, `grid_worker-${LY}`), loginAs(t.app, 'operator-220105'),
  ]);
  cgj = await departmentId(operator, LY, 'cgj');
});
afterAll(async () => { await t?.close(); });

/**
 * The case and its timeline as stored, to prove a rejected request changed nothing. Answers no longer wait for
 * the after-commit pass, so the earlier writes' events are linked (hashed) first: the pass is not the request's doing.
 */
async function snapshot(id: number) {
  await t.services.afterCommit.drain();
  const res = await operator.get(`/api/v1/cases/${id}`);
  return { state: res.body.state, version: res.body.version, updatedAt: res.body.updatedAt, timeline: res.body.timeline };
}

async function expectRejected(
  client: ApiClient, id: number, action: string, body: Record<string, unknown>, status: number, code: string,
) {
  const before = await snapshot(id);
  const res = await act(client, id, action, body);
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body.code).toBe(code);
  expect(res.body.message).toEqual(expect.any(String));
  expect(res.body.messageEn).toEqual(expect.any(String));
  expect(await snapshot(id)).toEqual(before);
  return res.body;
}

describe('rejected requests change nothing', () => {
  it('refuses the wrong role with FORBIDDEN', async () => {
    const c = await reportEvent(gridWorker);
    await expectRejected(handler, c.id, 'file', { version: 1 }, 403, 'FORBIDDEN');
    await expectRejected(gridWorker, c.id, 'dispatch', { version: 1, departmentId: cgj }, 403, 'FORBIDDEN');
  });

  it('hides a case from another district and answers acting on it as not found (no existence leak)', async () => {
    const c = await reportEvent(gridWorker);
    expect((await otherOperator.get(`/api/v1/cases/${c.id}`)).status).toBe(404);
    await expectRejected(otherOperator, c.id, 'file', { version: 1 }, 404, 'NOT_FOUND');
    const list = await otherOperator.get('/api/v1/cases?pageSize=200');
    expect(list.body.items.map((x: { id: number }) => x.id)).not.toContain(c.id);
  });

  it('refuses a stale version with CASE_VERSION_CONFLICT', async () => {
    const c = await reportEvent(gridWorker);
    await actOk(operator, c.id, 'file', { version: 1 });
    await expectRejected(operator, c.id, 'dispatch', { version: 1, departmentId: cgj }, 409, 'CASE_VERSION_CONFLICT');
  });

  it('refuses an action the state does not allow with CASE_INVALID_TRANSITION', async () => {
    const c = await reportEvent(gridWorker);
    await expectRejected(operator, c.id, 'dispatch', { version: 1, departmentId: cgj }, 409, 'CASE_INVALID_TRANSITION');
    // A handler sees the case only once it is dispatched to its unit (issue 19); then resolving before signing is the wrong state.
    const filed = await actOk(operator, c.id, 'file', { version: 1 });
    const dispatched = await actOk(operator, c.id, 'dispatch', { version: filed.version, departmentId: cgj });
    await expectRejected(handler, c.id, 'resolve', { version: dispatched.version, note: 'x' }, 409, 'CASE_INVALID_TRANSITION');
  });

  it('refuses missing fields, unknown fields and wrong types with every problem listed', async () => {
    const c = await reportEvent(gridWorker);
    await actOk(operator, c.id, 'file', { version: 1 });
    const body = await expectRejected(operator, c.id, 'dispatch', { version: 'two', colour: 'red' }, 400, 'VALIDATION_FAILED');
    const paths = body.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['body.version', 'body.departmentId']));
    expect(body.details.some((d: { code: string }) => d.code === 'unrecognized_keys')).toBe(true);
  });

  it('refuses a department of another district', async () => {
    const c = await reportEvent(gridWorker);
    const filed = await actOk(operator, c.id, 'file', { version: 1 });
    const foreign = await departmentId(operator, '220105', 'cgj');
    await expectRejected(operator, c.id, 'dispatch', { version: filed.version, departmentId: foreign }, 400, 'CASE_DEPARTMENT_UNKNOWN');
  });

  it('refuses malformed JSON and oversized bodies', async () => {
    const c = await reportEvent(gridWorker);
    const before = await snapshot(c.id);
    const malformed = await t.app.inject({
      method: 'POST', url: `/api/v1/cases/${c.id}/actions/file`,
      headers: { authorization: `Bearer ${operator.token}`, 'content-type': 'application/json' }, payload: '{"version": 1',
    });
    expect(malformed.statusCode).toBe(400);
    expect(JSON.parse(malformed.body).code).toBe('VALIDATION_FAILED');
    const huge = await t.app.inject({
      method: 'POST', url: `/api/v1/cases/${c.id}/actions/file`,
      headers: { authorization: `Bearer ${operator.token}`, 'content-type': 'application/json' },
      payload: JSON.stringify({ version: 1, note: 'x'.repeat(300_000) }),
    });
    expect(huge.statusCode).toBe(413);
    expect(JSON.parse(huge.body).code).toBe('BODY_TOO_LARGE');
    expect(await snapshot(c.id)).toEqual(before);
  });

  it('refuses bad reports and stores nothing', async () => {
    const count = async () => (await operator.get('/api/v1/cases?pageSize=1')).body.total;
    const before = await count();
    const anon = apiClient(t.app);
    const cases: [Record<string, unknown>, number, string][] = [
      [{ kind: 'event', categoryCode: 'NOPE', description: 'x', gridCode: '220106001001001' }, 400, 'CASE_CATEGORY_UNKNOWN'],
      [{ kind: 'citizen_request', categoryCode: 'E0102', description: 'x', gridCode: '220106001001001' }, 400, 'CASE_CATEGORY_KIND_MISMATCH'],
      [{ kind: 'event', categoryCode: 'E0102', description: 'x', gridCode: '220106999999999' }, 400, 'GRID_UNKNOWN'],
      [{ kind: 'event', categoryCode: 'E0102', description: 'x' }, 400, 'CASE_LOCATION_REQUIRED'],
      [{ kind: 'event', categoryCode: 'E0102', description: '<script>alert(1)</script>', gridCode: '220106001001001' }, 400, 'VALIDATION_FAILED'],
      [{ kind: 'event', categoryCode: 'E0102', description: '长'.repeat(5000), gridCode: '220106001001001' }, 400, 'VALIDATION_FAILED'],
      // rectification is a valid kind, but only the system opens one (after a 差评): no one may report it by hand
      [{ kind: 'rectification', categoryCode: 'R01', description: 'x', gridCode: '220106001001001' }, 403, 'FORBIDDEN'],
    ];
    for (const [body, status, code] of cases) {
      const res = await anon.post('/api/v1/cases', body);
      expect({ status: res.status, code: res.body.code }, JSON.stringify(body).slice(0, 120)).toEqual({ status, code });
    }
    const staffOtherDistrict = await otherOperator.post('/api/v1/cases', { kind: 'event', categoryCode: 'E0102', description: 'x', gridCode: '220106001001001' });
    expect({ status: staffOtherDistrict.status, code: staffOtherDistrict.body.code }).toEqual({ status: 403, code: 'FORBIDDEN' });
    expect(await count()).toBe(before);
  });

  it('lets exactly one of twenty parallel dispatches through', async () => {
    const c = await reportEvent(gridWorker);
    const filed = await actOk(operator, c.id, 'file', { version: 1 });
    const results = await Promise.all(
      Array.from({ length: 20 }, () => act(operator, c.id, 'dispatch', { version: filed.version, departmentId: cgj })),
    );
    const ok = results.filter((r) => r.status === 200);
    const conflicts = results.filter((r) => r.status === 409);
    expect(ok).toHaveLength(1);
    expect(conflicts).toHaveLength(19);
    for (const conflict of conflicts) expect(conflict.body.code).toBe('CASE_VERSION_CONFLICT');
    const detail = await operator.get(`/api/v1/cases/${c.id}`);
    expect(detail.body.timeline.filter((e: { action: string }) => e.action === 'dispatch')).toHaveLength(1);
  });
});
