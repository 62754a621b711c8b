/**
 * The warning sweep: amber at 80% of the limit, red when overdue, once each (idempotent), also
 * with several sweepers at the same time; suspended cases are skipped; the hash chain holds.
 * H02 (供水) has a 24 clock-hour limit: dispatched 03-10 09:20 → deadline 03-11 09:20.
 * Each test starts its own server and cases, so none depends on what another left behind.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { loginAs, type ApiClient } from '../support/api-client.ts';
import { caseScript, departmentsOf220106, type CaseScript } from '../support/case-script.ts';
import { runSweep, startSweepLoop } from '../../src/services/supervision/warning-sweep.ts';
import { verifyTimelineChains } from '../../src/db/repositories/case/timeline-repository.ts';
import { openDatabase } from '../../src/db/connect.ts';
import { createServiceDeps } from '../../src/services/create-service-deps.ts';
import { loadConfig } from '../../src/config.ts';
import type { ServiceDeps } from '../../src/services/service-deps.ts';

const kind = process.env.TEST_DB_KIND === 'postgres' ? 'postgres' : 'pglite';
const CASES = 6;

interface World {
  t: TestApp;
  op: ApiClient;
  swj: ApiClient;
  s: CaseScript;
  /** Signed H02 cases dispatched 03-10 09:20, deadline 03-11 09:20. */
  ids: number[];
  /** One more, suspended at 03-10 10:00. */
  suspendedId: number;
}

let current: World | null = null;
afterEach(async () => {
  await current?.t.close();
  current = null;
});

async function world(): Promise<World> {
  const t = await startTestApp();
  const op = await loginAs(t.app, 'operator-220106');
  const departments = await departmentsOf220106(t);
  const swj = await departments.handler('swj');
  const s = await caseScript(t, op);
  const ids: number[] = [];
  for (let i = 0; i < CASES; i += 1) ids.push(await s.openAndSign('H02', swj, departments.ids.swj!, '2026-03-10'));
  const suspendedId = await s.openAndSign('H02', swj, departments.ids.swj!, '2026-03-10');
  await s.act(swj, suspendedId, 'request_suspension', '2026-03-10T10:00', { reason: '等待配件' });
  await s.act(op, suspendedId, 'approve_suspension', '2026-03-10T10:00');
  current = { t, op, swj, s, ids, suspendedId };
  return current;
}

/**
 * A second server instance on PostgreSQL: a second `openDatabase` (its own pool) on the same database
 * and its own service deps (calendar cache, settings), sharing only the test clock.
 */
async function secondInstance(t: TestApp): Promise<{ deps: ServiceDeps; close: () => Promise<void> }> {
  const row = await t.services.db.selectNoFrom((eb) => eb.fn<string>('current_database').as('name')).executeTakeFirstOrThrow();
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${row.name}`;
  const handle = await openDatabase({ databaseUrl: url.toString(), dataDir: '' });
  const deps = createServiceDeps(handle.db, loadConfig({ DATABASE_URL: url.toString(), LOG_LEVEL: 'silent' }), () => t.clock.now);
  return { deps, close: () => handle.close() };
}

const actionsOf = async (w: World, id: number) =>
  ((await w.op.get(`/api/v1/cases/${id}`)).body.timeline as { action: string }[]).map((e) => e.action);
const count = (list: string[], action: string) => list.filter((a) => a === action).length;

// Each test builds its own server and cases; the bound only stops a hung test, nothing is timed.
describe('warning sweep', { timeout: 300_000 }, () => {
  it('does nothing before 80% of the limit is used', async () => {
    const w = await world();
    w.s.at('2026-03-11T04:30'); // 19h10m of 24h = 0.797
    expect(await runSweep(w.t.services)).toMatchObject({ amber: 0, red: 0 });
    expect((await w.op.get(`/api/v1/cases/${w.ids[0]}`)).body.warningLevel).toBe('none');
  });

  it('marks amber once, however often it runs, and skips the suspended case', async () => {
    const w = await world();
    w.s.at('2026-03-11T04:40'); // 19h20m of 24h = 0.806
    expect((await runSweep(w.t.services)).amber).toBe(CASES);
    expect((await runSweep(w.t.services)).amber).toBe(0);
    expect((await w.op.get(`/api/v1/cases/${w.ids[0]}`)).body.warningLevel).toBe('amber');
    for (const id of w.ids) expect(count(await actionsOf(w, id), 'warn_amber')).toBe(1);
    expect((await w.op.get(`/api/v1/cases/${w.suspendedId}`)).body.warningLevel).toBe('none');
  });

  async function expectRedExactlyOnce(w: World, results: { red: number }[]) {
    expect(results.reduce((sum, r) => sum + r.red, 0)).toBe(CASES);
    for (const id of w.ids) {
      const actions = await actionsOf(w, id);
      expect(count(actions, 'warn_red')).toBe(1);
      expect(count(actions, 'warn_amber')).toBe(1);
    }
    expect(count(await actionsOf(w, w.suspendedId), 'warn_red')).toBe(0);
    expect((await runSweep(w.t.services)).red).toBe(0);
    expect(await verifyTimelineChains(w.t.services.db)).toEqual([]);
  }

  it.runIf(kind === 'postgres')('marks red exactly once with two instances (two pools, own deps) sweeping at the same time', async () => {
    const w = await world();
    w.s.at('2026-03-11T04:40');
    await runSweep(w.t.services);
    w.s.at('2026-03-11T09:21');
    const other = await secondInstance(w.t);
    try {
      const results = await Promise.all([runSweep(w.t.services), runSweep(other.deps), runSweep(w.t.services), runSweep(other.deps)]);
      await expectRedExactlyOnce(w, results);
    } finally {
      await other.close();
    }
  });

  it.runIf(kind === 'pglite')('marks red exactly once when one process sweeps again and again (PGlite: one process, sequential idempotence)', async () => {
    const w = await world();
    w.s.at('2026-03-11T04:40');
    await runSweep(w.t.services);
    w.s.at('2026-03-11T09:21');
    const results = await Promise.all([runSweep(w.t.services), runSweep(w.t.services), runSweep(w.t.services)]);
    await expectRedExactlyOnce(w, results);
  });

  it('notifies the owning unit of amber and red, and only that unit may mark them read', async () => {
    const w = await world();
    w.s.at('2026-03-11T04:40');
    await runSweep(w.t.services);
    w.s.at('2026-03-11T09:21');
    await runSweep(w.t.services);
    const res = await w.swj.get('/api/v1/notifications');
    expect(res.status).toBe(200);
    const mine = (res.body.items as { id: number; kind: string; caseId: number }[]).filter((n) => n.caseId === w.ids[0]);
    expect(mine.map((n) => n.kind).sort()).toEqual(['warn_amber', 'warn_red']);
    expect((await w.swj.post(`/api/v1/notifications/${mine[0]!.id}/read`)).body.readAt).toBe(w.t.clock.now.toISOString());
    expect((await w.op.post(`/api/v1/notifications/${mine[0]!.id}/read`)).status).toBe(404);
  });

  it('lowers a warning at once, without an event, when an extension moves the instants, and clears it on resolve', async () => {
    const w = await world();
    w.s.at('2026-03-11T04:40');
    expect((await runSweep(w.t.services)).amber).toBe(CASES);
    const [extended, resolved] = [w.ids[1]!, w.ids[2]!];
    await w.s.act(w.swj, extended, 'request_extension', '2026-03-11T05:00', { days: 2, reason: '需协调' });
    await w.s.act(w.op, extended, 'approve_extension', '2026-03-11T05:10');
    const view = (await w.op.get(`/api/v1/cases/${extended}`)).body;
    expect(view.warningLevel).toBe('none');
    // 2 working days after 03-11: 03-13 17:30; amber at 80% of the 80h10m from 03-10 09:20
    expect(view.deadlines).toMatchObject({ resolve: '2026-03-13T09:30:00.000Z', amber: '2026-03-12T17:28:00.000Z' });
    expect((await actionsOf(w, extended)).filter((a) => a.startsWith('warn_'))).toEqual(['warn_amber']);
    await w.s.act(w.swj, resolved, 'resolve', '2026-03-11T05:20', { note: '已修复' });
    expect((await w.op.get(`/api/v1/cases/${resolved}`)).body.warningLevel).toBe('none');
    expect(await runSweep(w.t.services)).toEqual({ examined: 0, amber: 0, red: 0, cleared: 0, noticesEscalated: 0 });
  });

  it('writes nothing in a steady state: no row touched, no event, no notification', async () => {
    const w = await world();
    w.s.at('2026-03-11T04:40');
    await runSweep(w.t.services);
    w.s.at('2026-03-11T09:21');
    expect((await runSweep(w.t.services)).red).toBe(CASES);
    const db = w.t.services.db;
    const snapshot = async () => ({
      rows: (await sql<{ id: number; v: string }>`select id, xmin::text as v from cases order by id`.execute(db)).rows,
      events: Number((await db.selectFrom('case_events').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
      notifications: Number((await db.selectFrom('notifications').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
    });
    const before = await snapshot();
    w.s.at('2026-03-11T09:30');
    expect(await runSweep(w.t.services)).toEqual({ examined: 0, amber: 0, red: 0, cleared: 0, noticesEscalated: 0 });
    expect(await snapshot()).toEqual(before);
  });

  it('turns amber after a suspension only once 80% of the limit is used, the suspended time left out (review §A.3)', async () => {
    const w = await world();
    // suspended 03-10 10:00, resumed 03-10 20:00: 10 clock hours stopped; deadline 03-11 19:20, amber 03-11 14:32
    await w.s.act(w.op, w.suspendedId, 'resume', '2026-03-10T20:00');
    const view = (await w.op.get(`/api/v1/cases/${w.suspendedId}`)).body;
    expect(view.deadlines).toMatchObject({ resolve: '2026-03-11T11:20:00.000Z', amber: '2026-03-11T06:32:00.000Z' });
    w.s.at('2026-03-11T14:31');
    await runSweep(w.t.services);
    expect((await w.op.get(`/api/v1/cases/${w.suspendedId}`)).body.warningLevel).toBe('none');
    w.s.at('2026-03-11T14:32');
    await runSweep(w.t.services);
    expect((await w.op.get(`/api/v1/cases/${w.suspendedId}`)).body.warningLevel).toBe('amber');
  });

  it('runs from a loop that stops cleanly, waiting for the sweep in progress', async () => {
    const w = await world();
    w.s.at('2026-03-11T04:40');
    const errors: unknown[] = [];
    const loop = startSweepLoop(w.t.services, 60_000, (error) => errors.push(error));
    await loop.stop();
    expect(errors).toEqual([]);
    // The loop's first sweep ran to its end before stop() returned.
    for (const id of w.ids) expect((await w.op.get(`/api/v1/cases/${id}`)).body.warningLevel).toBe('amber');
  });
});
