import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestClock, startTestApp, type TestApp } from '../support/test-app.ts';
import { loginAs } from '../support/api-client.ts';
import { bulkGenerateCases } from '../../bench/generator/bulk-generate.ts';
import { verifyTimelineChains } from '../../src/db/repositories/case/timeline-repository.ts';
import { loadCaseNumberPositions } from '../../src/db/repositories/case/index.ts';
import { compareRollupsWithOracle, districtRef } from '../support/rollup-oracle.ts';

// The benchmark data generator writes through its own bulk path, not the services. These tests check
// what the rows must satisfy for the real product to work on them: well-formed unique numbers with
// matching number sequences, one timeline event per version, an unbroken hash chain, and cases the API can act on.
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ clock: createTestClock('2026-03-10T02:00:00Z') });
});
afterAll(async () => { await t?.close(); });

describe('bulk data generator', () => {
  it('writes well-formed unique numbers with matching number sequences, one event per version and an unbroken hash chain', async () => {
    const report = await bulkGenerateCases(t.services.db, { cases: 300, end: t.clock.now, seed: 7, batchSize: 120, years: 0.1 });
    expect(report.cases).toBe(300);
    expect(report.events).toBeGreaterThan(300);
    expect(await verifyTimelineChains(t.services.db)).toEqual([]);
    const numbers = await t.services.db.selectFrom('cases').select(['number']).execute();
    expect(numbers).toHaveLength(300);
    for (const { number } of numbers) expect(number).toMatch(/^[A-Z]{2}-\d{4}-\d{6}$/);
    expect(new Set(numbers.map((row) => row.number)).size).toBe(300);
    const positions = await loadCaseNumberPositions(t.services.db);
    const perYear = await sql<{ district_id: number; year: number; n: number }>`
      select district_id, split_part(number, '-', 2)::int as year, count(*)::int as n from cases group by 1, 2`.execute(t.services.db);
    for (const row of perYear.rows) expect(positions.get(`${row.district_id}:${row.year}`)).toBe(row.n);
    const versions = await sql<{ bad: number }>`
      select count(*)::int as bad from cases k where k.version <> (select count(*) from case_events e where e.case_id = k.id)`.execute(t.services.db);
    expect(versions.rows[0]!.bad).toBe(0);
  });

  it('keeps the rollups the linker would have kept: each district\'s February equals the fact-based oracle', async () => {
    for (const code of ['220106', '220105', '220103']) {
      const { mismatches, nonZero } = await compareRollupsWithOracle(t.services, await districtRef(t.services, code), '2026-02');
      expect(mismatches).toEqual([]);
      expect(nonZero).toBeGreaterThan(0);
    }
    const recorded = await sql<{ n: number }>`
      select count(*)::int as n from case_events where action = 'dispatch' and department_id is null`.execute(t.services.db);
    expect(recorded.rows[0]!.n).toBe(0);
  });

  it('leaves cases the real API can keep working on, extending the same chain', async () => {
    const reported = await t.services.db.selectFrom('cases as k').innerJoin('districts as d', 'd.id', 'k.district_id')
      .select(['k.id', 'k.version', 'd.code']).where('k.state', '=', 'reported').orderBy('k.id').executeTakeFirst();
    expect(reported).toBeDefined();
    const operator = await loginAs(t.app, `operator-${reported!.code.trim()}`);
    const filed = await operator.post(`/api/v1/cases/${reported!.id}/actions/file`, { version: reported!.version });
    expect(filed.status).toBe(200);
    expect(filed.body.state).toBe('filed');
    const created = await operator.post('/api/v1/cases', { kind: 'citizen_request', categoryCode: 'H02', description: '停水两天了，请尽快处理。', districtCode: reported!.code.trim() });
    expect(created.status).toBe(201);
    // Answers do not wait for the linker; the chain is checked once it has run.
    await t.services.afterCommit.drain();
    expect(await verifyTimelineChains(t.services.db)).toEqual([]);
  });
});

describe('bulk data generator with deferred indexes (the large-load path)', () => {
  let own: TestApp;
  beforeAll(async () => { own = await startTestApp({ clock: createTestClock('2026-03-10T02:00:00Z') }); });
  afterAll(async () => { await own?.close(); });

  const indexSet = async () => (await sql<{ name: string; definition: string }>`
    select indexname as name, indexdef as definition from pg_indexes
    where schemaname = current_schema() and tablename in ('cases', 'case_events', 'case_search_terms') order by 1`.execute(own.services.db)).rows;

  it('builds the same indexes afterwards, gives every case its search terms and re-enables the trigger', async () => {
    const before = await indexSet();
    const report = await bulkGenerateCases(own.services.db, { cases: 200, end: own.clock.now, seed: 11, batchSize: 70, years: 0.1, deferIndexes: true });
    expect(report.cases).toBe(200);
    expect(await indexSet()).toEqual(before);
    const missing = await sql<{ n: number }>`
      select count(*)::int as n from cases k where not exists (select 1 from case_search_terms s where s.case_id = k.id and cardinality(s.terms) > 0)`.execute(own.services.db);
    expect(missing.rows[0]!.n).toBe(0);
    // The load ran without foreign-key triggers: every reference must still hold.
    const dangling = await sql<{ n: number }>`
      select (select count(*) from case_events e where not exists (select 1 from cases k where k.id = e.case_id))
        + (select count(*) from case_events e where e.actor_user_id is not null and not exists (select 1 from users u where u.id = e.actor_user_id))
        + (select count(*) from cases k where not exists (select 1 from categories c where c.id = k.category_id))
        + (select count(*) from cases k where k.grid_id is not null and not exists (select 1 from grids g where g.id = k.grid_id))
        + (select count(*) from cases k where k.department_id is not null and not exists (select 1 from departments d where d.id = k.department_id))
        + (select count(*) from cases k where k.reporter_user_id is not null and not exists (select 1 from users u where u.id = k.reporter_user_id))
        + (select count(*) from cases k where k.merged_into_id is not null and not exists (select 1 from cases m where m.id = k.merged_into_id))
        as n`.execute(own.services.db);
    expect(Number(dangling.rows[0]!.n)).toBe(0);
    expect(await verifyTimelineChains(own.services.db)).toEqual([]);
    // The trigger is back: a new case over the API is searchable by a two-character term at once.
    const operator = await loginAs(own.app, 'operator-220106');
    const created = await operator.post('/api/v1/cases', { kind: 'citizen_request', categoryCode: 'H02', description: '楼道里的消防栓漏水', districtCode: '220106' });
    expect(created.status).toBe(201);
    const found = await operator.get(`/api/v1/cases?q=${encodeURIComponent('消防')}`);
    expect(found.body.items.map((item: { id: number }) => item.id)).toContain(created.body.id);
  });
});
