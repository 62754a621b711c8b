/** A grid worker's patrol: 我的网格 lists the worker's grid only; Idempotency-Key makes a replayed offline queue create nothing twice. */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { loginAs, type ApiClient } from '../support/api-client.ts';

let t: TestApp;
let worker: ApiClient;
let operator: ApiClient;
const OWN_GRID = '220106001001001'; // the demo grid worker's grid (the district's first)
const OTHER_GRID = '220106003001001';

beforeAll(async () => {
  t = await startTestApp();
  worker = await loginAs(t.app, 'grid_worker-220106');
  operator = await loginAs(t.app, 'operator-220106');
});
afterAll(async () => { await t?.close(); });

const report = (description: string, gridCode = OWN_GRID, extra: Record<string, unknown> = {}) => ({
  kind: 'event', categoryCode: 'E0104', description, gridCode, ...extra,
});

/** POSTs as `client` with an Idempotency-Key. */
async function postWithKey(client: ApiClient, url: string, body: unknown, key: string) {
  const response = await t.app.inject({
    method: 'POST', url, payload: body as object, headers: { authorization: `Bearer ${client.token}`, 'idempotency-key': key },
  });
  return { status: response.statusCode, body: JSON.parse(response.body), replayed: response.headers['idempotent-replayed'] === 'true' };
}

const countCases = async (description: string) =>
  Number((await t.handle.db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).where('description', '=', description).executeTakeFirstOrThrow()).n);

describe('我的网格 (myGrid)', () => {
  it('lists the cases of the worker\'s own grid, not those the worker reported elsewhere', async () => {
    const own = await worker.post('/api/v1/cases', report('本网格内的垃圾'));
    const elsewhere = await worker.post('/api/v1/cases', report('别的网格的垃圾', OTHER_GRID));
    const byOperator = await operator.post('/api/v1/cases', report('受理员上报在本网格'));
    expect([own.status, elsewhere.status, byOperator.status]).toEqual([201, 201, 201]);

    const mine = await worker.get('/api/v1/cases?myGrid=true&pageSize=200');
    const ids = mine.body.items.map((item: { id: number }) => item.id);
    expect(ids).toEqual(expect.arrayContaining([own.body.id, byOperator.body.id]));
    expect(ids).not.toContain(elsewhere.body.id);
    expect(mine.body.items.every((item: { gridCode: string }) => item.gridCode === OWN_GRID)).toBe(true);
    // Without the filter the worker still sees what they reported elsewhere (their own reports).
    expect((await worker.get('/api/v1/cases?pageSize=200')).body.items.map((item: { id: number }) => item.id)).toContain(elsewhere.body.id);
    // A caller without a grid has no 我的网格.
    expect((await operator.get('/api/v1/cases?myGrid=true')).body.items).toEqual([]);
  });
});

describe('Idempotency-Key on intake', () => {
  it('answers concurrent repeats with the first result and creates exactly one case', async () => {
    const key = randomUUID();
    const body = report('离线排队的上报：井盖缺失');
    const answers = await Promise.all(Array.from({ length: 6 }, () => postWithKey(worker, '/api/v1/cases', body, key)));
    expect(answers.map((a) => a.status)).toEqual(Array(6).fill(201));
    expect(new Set(answers.map((a) => a.body.number)).size).toBe(1);
    expect(answers.filter((a) => !a.replayed)).toHaveLength(1);
    expect(await countCases(body.description)).toBe(1);
    // A later repeat (the phone lost the answer) still gets the same case.
    const later = await postWithKey(worker, '/api/v1/cases', body, key);
    expect([later.status, later.replayed, later.body.id]).toEqual([201, true, answers[0]!.body.id]);
  });

  it('refuses the same key with another request, and a malformed key, creating nothing', async () => {
    const key = randomUUID();
    expect((await postWithKey(worker, '/api/v1/cases', report('第一次'), key)).status).toBe(201);
    const reused = await postWithKey(worker, '/api/v1/cases', report('换了内容'), key);
    expect([reused.status, reused.body.code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
    expect(reused.body.message).toBeTruthy();
    const malformed = await postWithKey(worker, '/api/v1/cases', report('坏的键'), 'bad key!');
    expect([malformed.status, malformed.body.code]).toEqual([400, 'IDEMPOTENCY_KEY_INVALID']);
    expect(await countCases('换了内容') + await countCases('坏的键')).toBe(0);
  });

  it('keys belong to their sender: another user with the same key gets their own case', async () => {
    const key = randomUUID();
    const first = await postWithKey(worker, '/api/v1/cases', report('同键不同人'), key);
    const second = await postWithKey(operator, '/api/v1/cases', report('同键不同人'), key);
    expect([first.status, second.status, second.replayed]).toEqual([201, 201, false]);
    expect(second.body.id).not.toBe(first.body.id);
  });

  it('lets a refused request be retried with its key (a refusal stores nothing)', async () => {
    const key = randomUUID();
    const refused = await postWithKey(worker, '/api/v1/cases', report('未知网格', '220106999999999'), key);
    expect(refused.status).toBe(400);
    const retried = await postWithKey(worker, '/api/v1/cases', report('未知网格'), key);
    expect([retried.status, retried.replayed]).toEqual([201, false]);
  });
});

describe('the report\'s own time (reportedAt)', () => {
  it('keeps when the report was made on the phone apart from when it was received', async () => {
    const madeAt = new Date(t.clock.now.getTime() - 3 * 3_600_000).toISOString();
    const res = await postWithKey(worker, '/api/v1/cases', report('三小时前离线上报', OWN_GRID, { reportedAt: madeAt }), randomUUID());
    expect(res.status).toBe(201);
    expect(res.body.reportedAt).toBe(madeAt);
    expect(res.body.createdAt).toBe(t.clock.now.toISOString());
    const plain = await worker.post('/api/v1/cases', report('当场上报'));
    expect(plain.body.reportedAt).toBe(plain.body.createdAt);
  });

  it('refuses a time in the future or older than a week, creating nothing', async () => {
    for (const [description, offsetMs] of [['未来的上报', 3_600_000], ['八天前的上报', -8 * 24 * 3_600_000]] as const) {
      const res = await worker.post('/api/v1/cases', report(description, OWN_GRID, { reportedAt: new Date(t.clock.now.getTime() + offsetMs).toISOString() }));
      expect([res.status, res.body.code]).toEqual([400, 'CASE_REPORTED_AT_INVALID']);
      expect(await countCases(description)).toBe(0);
    }
  });
});

describe('Idempotency-Key on a check (核查)', () => {
  it('passes the check once however often the queued check is sent', async () => {
    const created = await operator.post('/api/v1/cases', report('待核查的井盖'));
    let version = created.body.version as number;
    const step = async (client: ApiClient, action: string, fields: Record<string, unknown> = {}) => {
      const res = await client.post(`/api/v1/cases/${created.body.id}/actions/${action}`, { version, ...fields });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      version = res.body.version;
    };
    await step(operator, 'file');
    await step(operator, 'dispatch', { departmentId: created.body.departmentId });
    const handler = await loginAs(t.app, 'handler-220106');
    await step(handler, 'sign');
    await step(handler, 'resolve', { note: '已更换井盖' });

    const key = randomUUID();
    const url = `/api/v1/cases/${created.body.id}/actions/check_pass`;
    const answers = await Promise.all(Array.from({ length: 4 }, () => postWithKey(worker, url, { version }, key)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    expect(answers.every((a) => a.body.state === 'closed' && a.body.version === answers[0]!.body.version)).toBe(true);
    const events = await t.handle.db.selectFrom('case_events').select('action').where('case_id', '=', created.body.id).where('action', '=', 'check_pass').execute();
    expect(events).toHaveLength(1);
  });
});
