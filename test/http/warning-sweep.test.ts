/**
 * The warning sweep: amber at 80% of the limit, red when overdue, once each (idempotent), also
 * with several sweepers at the same time; suspended cases are skipped; the hash chain holds.
 * H02 (供水) has a 24 clock-hour limit: dispatched 03-10 09:20 → deadline 03-11 09:20.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { loginAs, type ApiClient } from '../support/api-client.ts';
import { caseScript, departmentsOf220106, type CaseScript } from '../support/case-script.ts';
import { runSweep, startSweepLoop } from '../../src/services/supervision/warning-sweep.ts';
import { verifyTimelineChains } from '../../src/db/repositories/case/timeline-repository.ts';
import { openDatabase } from '../../src/db/connect.ts';
import { createCalendarCache } from '../../src/services/calendar/calendar-cache.ts';
import type { ServiceDeps } from '../../src/services/service-deps.ts';

let t: TestApp;
let op: ApiClient;
let swj: ApiClient;
let s: CaseScript;
const ids: number[] = [];
let suspendedId = 0;

/** On PostgreSQL a second "server instance": its own pool to the same database. PGlite is single-process. */
async function secondInstance(): Promise<{ deps: ServiceDeps; close: () => Promise<void> }> {
  if (t.kind !== 'postgres') return { deps: t.services, close: async () => {} };
  const row = await t.services.db.selectNoFrom((eb) => eb.fn<string>('current_database').as('name')).executeTakeFirstOrThrow();
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${row.name}`;
  const handle = await openDatabase({ databaseUrl: url.toString(), dataDir: '' });
  return { deps: { ...t.services, db: handle.db, calendar: createCalendarCache(handle.db) }, close: () => handle.close() };
}

const actionsOf = async (id: number) => ((await op.get(`/api/v1/cases/${id}`)).body.timeline as { action: string }[]).map((e) => e.action);
const count = (list: string[], action: string) => list.filter((a) => a === action).length;

beforeAll(async () => {
  t = await startTestApp();
  op = await loginAs(t.app, 'operator-220106');
  const departments = await departmentsOf220106(t);
  swj = await departments.handler('swj');
  s = await caseScript(t, op);
  for (let i = 0; i < 6; i += 1) ids.push(await s.openAndSign('H02', swj, departments.ids.swj!, '2026-03-10'));
  suspendedId = await s.openAndSign('H02', swj, departments.ids.swj!, '2026-03-10');
  await s.act(swj, suspendedId, 'request_suspension', '2026-03-10T10:00', { reason: '等待配件' });
  await s.act(op, suspendedId, 'approve_suspension', '2026-03-10T10:00');
}, 300_000);

afterAll(async () => { await t?.close(); });

describe('warning sweep', () => {
  it('does nothing before 80% of the limit is used', async () => {
    s.at('2026-03-11T04:30'); // 19h10m of 24h = 0.797
    const result = await runSweep(t.services);
    expect(result).toMatchObject({ amber: 0, red: 0 });
  });

  it('marks amber once, however often it runs', async () => {
    s.at('2026-03-11T04:40'); // 19h20m of 24h = 0.806
    expect((await runSweep(t.services)).amber).toBe(6);
    expect((await runSweep(t.services)).amber).toBe(0);
    const detail = await op.get(`/api/v1/cases/${ids[0]}`);
    expect(detail.body.warningLevel).toBe('amber');
    expect(count(await actionsOf(ids[0]!), 'warn_amber')).toBe(1);
    expect((await op.get(`/api/v1/cases/${suspendedId}`)).body.warningLevel).toBe('none');
  });

  it('marks red exactly once with sweepers of two instances running at the same time', async () => {
    s.at('2026-03-11T09:21');
    const other = await secondInstance();
    const results = await Promise.all([runSweep(t.services), runSweep(other.deps), runSweep(t.services), runSweep(other.deps)]);
    await other.close();
    expect(results.reduce((sum, r) => sum + r.red, 0)).toBe(6);
    for (const id of ids) {
      const actions = await actionsOf(id);
      expect(count(actions, 'warn_red')).toBe(1);
      expect(count(actions, 'warn_amber')).toBe(1);
    }
    expect(count(await actionsOf(suspendedId), 'warn_red')).toBe(0);
    expect((await runSweep(t.services)).red).toBe(0);
    expect(await verifyTimelineChains(t.services.db)).toEqual([]);
  });

  it('notifies the owning unit', async () => {
    const res = await swj.get('/api/v1/notifications');
    expect(res.status).toBe(200);
    const kinds = (res.body.items as { kind: string; caseId: number }[]).filter((n) => n.caseId === ids[0]).map((n) => n.kind).sort();
    expect(kinds).toEqual(['warn_amber', 'warn_red']);
    const first = res.body.items[0];
    expect((await swj.post(`/api/v1/notifications/${first.id}/read`)).body.readAt).toBe(t.clock.now.toISOString());
    expect((await op.post(`/api/v1/notifications/${first.id}/read`)).status).toBe(404);
  });

  it('lowers a warning without an event when an extension moves the deadline, and clears it on resolve', async () => {
    const id = ids[1]!;
    await s.act(swj, id, 'request_extension', '2026-03-11T09:30', { days: 2, reason: '需协调' });
    await s.act(op, id, 'approve_extension', '2026-03-11T09:40');
    const result = await runSweep(t.services);
    expect(result.lowered).toBe(1);
    expect((await op.get(`/api/v1/cases/${id}`)).body.warningLevel).toBe('none');
    await s.act(swj, ids[2]!, 'resolve', '2026-03-11T09:50', { note: '已修复' });
    expect((await runSweep(t.services)).cleared).toBe(1);
    expect((await op.get(`/api/v1/cases/${ids[2]}`)).body.warningLevel).toBe('none');
  });

  it('runs from a loop that stops cleanly, waiting for the sweep in progress', async () => {
    const id = ids[3]!;
    await s.act(swj, id, 'request_extension', '2026-03-11T10:00', { days: 1, reason: '需协调' });
    await s.act(op, id, 'approve_extension', '2026-03-11T10:10');
    const errors: unknown[] = [];
    const loop = startSweepLoop(t.services, 60_000, (error) => errors.push(error));
    await loop.stop();
    expect(errors).toEqual([]);
    expect((await op.get(`/api/v1/cases/${id}`)).body.warningLevel).toBe('none');
  });
});
