/**
 * The write path without a district-wide lock (ADR 0006), on both databases: case numbers from
 * per-district-year sequences, timeline rows linked after commit by one leased linker per district,
 * follow-ups through the outbox exactly once, and deadlocks retried inside the server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { loginAs, type ApiClient } from '../support/api-client.ts';
import { caseScript, departmentsOf220106, type CaseScript } from '../support/case-script.ts';
import { reportCase } from '../../src/services/case/case-intake.ts';
import { performCaseAction } from '../../src/services/case/case-actions.ts';
import { createAfterCommit } from '../../src/services/case/post-commit.ts';
import { runWrite, WRITE_ATTEMPTS } from '../../src/services/write-transaction.ts';
import { actorFromUser } from '../../src/services/actor.ts';
import { releaseLease, tryTakeLease, verifyTimelineChains } from '../../src/db/repositories/case/index.ts';
import { DomainError } from '../../src/domain/errors.ts';
import type { ServiceDeps } from '../../src/services/service-deps.ts';

let t: TestApp;
let op: ApiClient;
let swj: ApiClient;
let s: CaseScript;
let dept: Record<string, number>;
let gridOf: Map<string, string>;

beforeAll(async () => {
  t = await startTestApp();
  op = await loginAs(t.app, 'operator-220106');
  const departments = await departmentsOf220106(t);
  dept = departments.ids;
  swj = await departments.handler('swj');
  s = await caseScript(t, op);
  const grids = await t.services.db.selectFrom('grids as g').innerJoin('districts as d', 'd.id', 'g.district_id')
    .select(['d.code as district', 'g.code as grid']).orderBy('g.code').execute();
  gridOf = new Map();
  for (const row of grids) if (!gridOf.has(row.district.trim())) gridOf.set(row.district.trim(), row.grid.trim());
}, 300_000);

afterAll(async () => { await t?.close(); });

/** The services with nothing run after commit: what the write path alone leaves behind. */
function withoutAfterCommit(deps: ServiceDeps): ServiceDeps {
  return { ...deps, afterCommit: { kick: async () => {}, drain: async () => {}, settled: async () => {} } };
}

async function operatorActor(code: string) {
  const user = await t.services.db.selectFrom('users').selectAll().where('username', '=', `operator-${code}`).executeTakeFirstOrThrow();
  return actorFromUser(user);
}

describe('case numbers', () => {
  it('come from a sequence per district and Shanghai year, unique, starting again at 1 in a new year', async () => {
    const codes = [...gridOf.keys()].slice(0, 2);
    const numbers: string[] = [];
    for (const [instant, code] of [['2026-12-31T15:58:00Z', codes[0]], ['2026-12-31T15:59:00Z', codes[1]], ['2026-12-31T16:01:00Z', codes[0]],
      ['2026-12-31T16:02:00Z', codes[0]], ['2026-12-31T16:03:00Z', codes[1]]] as const) {
      t.clock.set(instant);
      const { row } = await reportCase(t.services, await operatorActor(code!), {
        kind: 'event', categoryCode: 'E0104', description: '跨年编号测试', gridCode: gridOf.get(code!)!,
      });
      numbers.push(row.number);
    }
    const [a2026, b2026, a2027first, a2027second, b2027first] = numbers.map((n) => n.split('-'));
    expect(a2026![1]).toBe('2026');
    expect(b2026![1]).toBe('2026');
    expect(a2027first!.slice(1)).toEqual(['2027', '000001']);
    expect(a2027second!.slice(1)).toEqual(['2027', '000002']);
    expect(b2027first!.slice(1)).toEqual(['2027', '000001']);
    expect(a2027first![0]).not.toBe(b2027first![0]);
    const all = await t.services.db.selectFrom('cases').select('number').execute();
    expect(new Set(all.map((row) => row.number)).size).toBe(all.length);
  });
});

describe('concurrent intake alongside 差评 ratings', () => {
  it('answers every request without a 500 and opens each rectification case exactly once', async () => {
    const ready: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      const id = await s.openAndSign('H02', swj, dept.swj!, '2026-03-10', String(10 + i));
      await s.act(swj, id, 'resolve', `2026-03-10T${10 + i}:40`, { note: '已修复' });
      await s.act(op, id, 'check_pass', `2026-03-10T${10 + i}:50`);
      ready.push(id);
    }
    s.at('2026-03-10T17:00');
    const versions = await t.services.db.selectFrom('cases').select(['id', 'version']).where('id', 'in', ready).execute();
    const districtCodes = [...gridOf.keys()];
    const operators = await Promise.all(districtCodes.map((code) => loginAs(t.app, `operator-${code}`)));
    const intakes = Array.from({ length: 24 }, (_, i) => operators[i % operators.length]!.post('/api/v1/cases', {
      kind: 'event', categoryCode: 'E0104', description: `并发上报 ${i}`, gridCode: gridOf.get(districtCodes[i % districtCodes.length]!)!,
    }));
    const ratings = versions.map((row) => op.post(`/api/v1/cases/${row.id}/actions/rate`, { version: row.version, level: 'dissatisfied', comment: '不满意' }));
    const responses = await Promise.all([...intakes, ...ratings]);
    expect(responses.map((r) => r.status)).toEqual([...intakes.map(() => 201), ...ratings.map(() => 200)]);
    await t.services.afterCommit.drain();
    const rectifications = await t.services.db.selectFrom('cases').select(['rectification_of_id']).where('rectification_of_id', 'in', ready).execute();
    expect(rectifications.map((row) => row.rectification_of_id).sort()).toEqual([...ready].sort());
    const outbox = await t.services.db.selectFrom('outbox').select(['kind', 'done_at', 'attempts']).execute();
    expect(outbox.filter((row) => row.kind === 'follow_up:rectification_on_bad_rating')).toHaveLength(ready.length);
    expect(outbox.every((row) => row.done_at !== null && row.attempts === 1)).toBe(true);
    expect(await verifyTimelineChains(t.services.db)).toEqual([]);
    const numbers = await t.services.db.selectFrom('cases').select('number').execute();
    expect(new Set(numbers.map((row) => row.number)).size).toBe(numbers.length);
  });
});

describe('the timeline linker', () => {
  it('links every waiting row exactly once, in one chain order per district, with two linkers racing', async () => {
    t.clock.set('2026-03-11T02:00:00Z');
    const bare = withoutAfterCommit(t.services);
    const codes = [...gridOf.keys()];
    const filed: number[] = [];
    for (let i = 0; i < 12; i += 1) {
      const code = codes[i % codes.length]!;
      const actor = await operatorActor(code);
      const { row } = await reportCase(bare, actor, { kind: 'event', categoryCode: 'E0104', description: `待链接 ${i}`, gridCode: gridOf.get(code)! });
      await performCaseAction(bare, actor, { caseId: row.id, action: 'file', version: row.version, fields: {} });
      filed.push(row.id);
    }
    const waiting = await t.services.db.selectFrom('case_events').select('id').where('hash', 'is', null).execute();
    expect(waiting).toHaveLength(24);
    const before = await sql<{ filed: number }>`
      select coalesce(sum(filed), 0)::int as filed from indicator_rollups where level = 'district' and day = '2026-03-11'`.execute(t.services.db);
    expect(before.rows[0]!.filed).toBe(0);

    await Promise.all([createAfterCommit(t.services, 'linker-a').drain(), createAfterCommit(t.services, 'linker-b').drain()]);

    expect(await t.services.db.selectFrom('case_events').select('id').where('hash', 'is', null).execute()).toEqual([]);
    const gaps = await sql<{ bad: number }>`
      select count(*)::int as bad from (
        select district_id, chain_seq, row_number() over (partition by district_id order by chain_seq) as n from case_events) r
      where r.chain_seq <> r.n`.execute(t.services.db);
    expect(gaps.rows[0]!.bad).toBe(0);
    expect(await verifyTimelineChains(t.services.db)).toEqual([]);
    // Linking adds each event's rollup deltas once: 12 filings, not 24.
    const after = await sql<{ filed: number }>`
      select coalesce(sum(filed), 0)::int as filed from indicator_rollups where level = 'district' and day = '2026-03-11'`.execute(t.services.db);
    expect(after.rows[0]!.filed).toBe(filed.length);
  });

  it('lets one holder at a time take a district lease, and another once it is released', async () => {
    expect(await tryTakeLease(t.services.db, 'test-lease', 'a', 60_000)).toBe(true);
    expect(await tryTakeLease(t.services.db, 'test-lease', 'b', 60_000)).toBe(false);
    expect(await tryTakeLease(t.services.db, 'test-lease', 'a', 60_000)).toBe(true);
    await releaseLease(t.services.db, 'test-lease', 'a');
    expect(await tryTakeLease(t.services.db, 'test-lease', 'b', 60_000)).toBe(true);
    await releaseLease(t.services.db, 'test-lease', 'b');
  });

  it('takes over a lease whose holder stopped renewing it', async () => {
    expect(await tryTakeLease(t.services.db, 'test-expired', 'dead', 1)).toBe(true);
    await t.services.db.updateTable('worker_leases').set({ expires_at: new Date('2000-01-01T00:00:00Z') }).where('name', '=', 'test-expired').execute();
    expect(await tryTakeLease(t.services.db, 'test-expired', 'alive', 60_000)).toBe(true);
  });
});

describe('bounded retry', () => {
  it('runs a transaction again after a deadlock or serialization failure', async () => {
    let attempts = 0;
    const result = await runWrite(t.services, async () => {
      attempts += 1;
      if (attempts === 1) throw Object.assign(new Error('deadlock detected'), { code: '40P01' });
      if (attempts === 2) throw Object.assign(new Error('could not serialize access'), { code: '40001' });
      return 'done';
    });
    expect(result).toBe('done');
    expect(attempts).toBe(3);
  });

  it('gives up after a bounded number of attempts with WRITE_CONFLICT (503), not a 500', async () => {
    let attempts = 0;
    const failing = runWrite(t.services, async () => {
      attempts += 1;
      throw Object.assign(new Error('deadlock detected'), { code: '40P01' });
    });
    const error = await failing.then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('WRITE_CONFLICT');
    expect(attempts).toBe(WRITE_ATTEMPTS);
  });

  it('does not retry other errors', async () => {
    let attempts = 0;
    const error = await runWrite(t.services, async () => {
      attempts += 1;
      throw new DomainError('CASE_VERSION_CONFLICT');
    }).then(() => null, (e: unknown) => e);
    expect((error as DomainError).code).toBe('CASE_VERSION_CONFLICT');
    expect(attempts).toBe(1);
  });
});
