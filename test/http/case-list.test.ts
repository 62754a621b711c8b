import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { behindTheTriggersBack } from '../support/tamper.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { loginAs, type ApiClient } from '../support/api-client.ts';
import { LY, actOk, departmentId, reportEvent } from '../support/case-helpers.ts';
import { verifyTimelineChains } from '../../src/db/repositories/case/timeline-repository.ts';
import { listCases } from '../../src/db/repositories/case/case-repository.ts';

let t: TestApp;
let operator: ApiClient;
let handler: ApiClient;
let gridWorker: ApiClient;
let ids: number[] = [];

beforeAll(async () => {
  t = await startTestApp();
  [operator, handler, gridWorker] = await Promise.all([loginAs(t.app, `operator-${LY}`), loginAs(t.app, `handler-${LY}`), loginAs(t.app, `grid_worker-${LY}`)]);
  const cgj = await departmentId(operator, LY, 'cgj');
  const a = await reportEvent(gridWorker, { description: '青年路井盖破损' });
  const b = await reportEvent(gridWorker, { categoryCode: 'E0404', description: '占道经营摊点' });
  const c = await reportEvent(operator, { kind: 'citizen_request', categoryCode: 'H06', description: '咨询供暖时间', gridCode: '220106003001001' });
  const filed = await actOk(operator, b.id, 'file', { version: 1 });
  await actOk(operator, b.id, 'dispatch', { version: filed.version, departmentId: cgj });
  ids = [a.id, b.id, c.id];
});
afterAll(async () => { await t?.close(); });

const idsOf = (res: { body: { items: { id: number }[] } }) => res.body.items.map((item) => item.id).sort();

describe('GET /api/v1/cases: keyset pages and the total', () => {
  it('walks the list by cursor in the same order as page 1, ending with nextCursor null', async () => {
    const all = (await operator.get('/api/v1/cases?pageSize=50')).body;
    expect(all).toMatchObject({ total: 3, totalIsEstimate: false, nextCursor: null });
    const walked: number[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 5; i += 1) {
      const res: { status: number; body: { items: { id: number }[]; nextCursor: string | null } } =
        await operator.get(`/api/v1/cases?pageSize=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      walked.push(...res.body.items.map((item) => item.id));
      cursor = res.body.nextCursor;
      if (!cursor) break;
    }
    expect(walked).toEqual((all.items as { id: number }[]).map((item) => item.id));
  });

  it('refuses a cursor it never gave out, in both languages', async () => {
    const res = await operator.get('/api/v1/cases?cursor=bm90LWEtY3Vyc29y');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('answers the planner estimate, marked as such, past the exact-count cap', async () => {
    const district = await t.services.db.selectFrom('districts').select('id').where('code', '=', LY).executeTakeFirstOrThrow();
    const scope = { kind: 'district', districtId: district.id } as const;
    expect(await listCases(t.services.db, { page: 1, pageSize: 1, countCap: 5 }, scope)).toMatchObject({ total: 3, totalIsEstimate: false });
    const estimated = await listCases(t.services.db, { page: 1, pageSize: 1, countCap: 2 }, scope);
    expect(estimated.totalIsEstimate).toBe(true);
    expect(estimated.total).toBeGreaterThanOrEqual(3);
  });
});

describe('GET /api/v1/cases', () => {
  it('shows an operator the whole district, newest first, with a total', async () => {
    const res = await operator.get('/api/v1/cases');
    expect(res.body.total).toBe(3);
    expect(res.body.items[0].id).toBe(ids[2]);
  });

  it('shows a handler only the cases dispatched to their unit', async () => {
    expect(idsOf(await handler.get('/api/v1/cases'))).toEqual([ids[1]]);
  });

  it('shows a grid worker their grid and their own reports', async () => {
    expect(idsOf(await gridWorker.get('/api/v1/cases'))).toEqual([ids[0], ids[1]]);
  });

  it('filters by state, kind, category, street and text, and pages', async () => {
    expect(idsOf(await operator.get('/api/v1/cases?state=reported'))).toEqual([ids[0], ids[2]]);
    expect(idsOf(await operator.get('/api/v1/cases?kind=citizen_request'))).toEqual([ids[2]]);
    expect(idsOf(await operator.get('/api/v1/cases?category=E0404'))).toEqual([ids[1]]);
    expect(idsOf(await operator.get('/api/v1/cases?street=220106003000'))).toEqual([ids[2]]);
    expect(idsOf(await operator.get(`/api/v1/cases?q=${encodeURIComponent('井盖')}`))).toEqual([ids[0]]);
    const page = await operator.get('/api/v1/cases?pageSize=2&page=2');
    expect(page.body).toMatchObject({ total: 3 });
    expect(page.body.items).toHaveLength(1);
    expect((await operator.get('/api/v1/cases?district=220105')).body.total).toBe(0);
  });

  it('lists overdue cases once the clock passes their deadline', async () => {
    expect((await operator.get('/api/v1/cases?overdue=true')).body.total).toBe(0);
    t.clock.advanceMinutes(7 * 24 * 60);
    const overdue = await operator.get('/api/v1/cases?overdue=true');
    expect(idsOf(overdue)).toEqual([ids[1]]);
    expect(overdue.body.items[0].overdue).toBe(true);
  });

  it('rejects malformed filters', async () => {
    const res = await operator.get('/api/v1/cases?pageSize=5000&district=abc');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(['querystring.pageSize', 'querystring.district']));
  });
});

describe('the timeline hash chain', () => {
  it('holds for what the API wrote and breaks when a row is edited behind its back', async () => {
    await t.services.afterCommit.drain(); // answers do not wait for the linker
    expect(await verifyTimelineChains(t.handle.db)).toEqual([]);
    await behindTheTriggersBack(t.handle.db, () => sql`update case_events set note = 'tampered' where id = (select min(id) from case_events)`.execute(t.handle.db));
    const problems = await verifyTimelineChains(t.handle.db);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.problem).toBe('hash mismatch');
  });
});
