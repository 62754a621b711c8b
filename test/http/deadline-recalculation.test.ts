/**
 * Recalculation of open cases' clocks when the calendar changes (issue 15 item 3), through the admin
 * override: an open case whose future crosses the changed day gets new instants and one event (old → new);
 * a closed case and a change in the past move nothing. Working hours 08:30–12:00, 13:00–17:30 Shanghai.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestClock, startTestApp, type TestApp } from '../support/test-app.ts';
import { loginAs, type ApiClient } from '../support/api-client.ts';
import { LY, actOk, departmentId, reportEvent } from '../support/case-helpers.ts';

let t: TestApp;
let admin: ApiClient;
let operator: ApiClient;
let handler: ApiClient;
let gridWorker: ApiClient;
let cgj: number;

beforeAll(async () => {
  t = await startTestApp({ clock: createTestClock('2026-03-09T02:00:00Z') }); // Mon 10:00 Shanghai
  [admin, operator, handler, gridWorker] = await Promise.all([
    loginAs(t.app, 'admin'), loginAs(t.app, `operator-${LY}`), loginAs(t.app, `handler-${LY}`), loginAs(t.app, `grid_worker-${LY}`),
  ]);
  cgj = await departmentId(operator, LY, 'cgj');
});
afterAll(async () => { await t?.close(); });

/** E0404 占道经营, 1 working day, dispatched now. */
async function dispatched() {
  const c = await reportEvent(gridWorker, { categoryCode: 'E0404' });
  const filed = await actOk(operator, c.id, 'file', { version: 1 });
  return actOk(operator, c.id, 'dispatch', { version: filed.version, departmentId: cgj });
}

async function setDay(date: string, isWorkingDay: boolean) {
  const res = await t.app.inject({
    method: 'PUT', url: `/api/v1/admin/calendar/${date}`, headers: { authorization: `Bearer ${admin.token}` }, payload: { isWorkingDay, name: '临时调整' },
  });
  expect(res.statusCode, res.body).toBe(200);
  return JSON.parse(res.body) as { recalculatedCases: number };
}

const view = async (id: number) => (await operator.get(`/api/v1/cases/${id}`)).body;
const recalculations = (c: { timeline: { action: string; data: Record<string, unknown> }[] }) =>
  c.timeline.filter((e) => e.action === 'recalculate_deadlines');

describe('recalculating open deadlines when calendar days change', { timeout: 120_000 }, () => {
  it('moves an open clock across a day made a holiday and back, one event each; a closed case and a past day move nothing', async () => {
    const open = await dispatched();
    // Mon 10:00 + 1 working day → Tue 17:30; amber at 80% of 870 working minutes → Tue 14:36
    expect(open.deadlines).toMatchObject({ resolve: '2026-03-10T09:30:00.000Z', amber: '2026-03-10T06:36:00.000Z' });
    const done = await dispatched();
    const signed = await actOk(handler, done.id, 'sign', { version: done.version });
    const resolved = await actOk(handler, done.id, 'resolve', { version: signed.version, note: '已清理' });
    await actOk(gridWorker, done.id, 'check_pass', { version: resolved.version });

    t.clock.set('2026-03-09T03:00:00Z'); // Mon 11:00
    expect(await setDay('2026-03-10', false)).toEqual(expect.objectContaining({ recalculatedCases: 1 }));
    const moved = await view(open.id);
    // The 810 working minutes left (Mon 11:00 → Tue 17:30) now skip Tuesday: Wed 17:30; amber likewise Wed 14:36
    expect(moved.deadlines).toMatchObject({ resolve: '2026-03-11T09:30:00.000Z', amber: '2026-03-11T06:36:00.000Z' });
    expect(moved.version).toBe(open.version);
    expect(recalculations(moved).map((e) => e.data)).toEqual([expect.objectContaining({
      changedDays: ['2026-03-10'],
      resolveDeadline: { from: '2026-03-10T09:30:00.000Z', to: '2026-03-11T09:30:00.000Z' },
      amberAt: { from: '2026-03-10T06:36:00.000Z', to: '2026-03-11T06:36:00.000Z' },
    })]);
    const closed = await view(done.id);
    expect(closed.deadlines.resolve).toBe('2026-03-10T09:30:00.000Z');
    expect(recalculations(closed)).toEqual([]);

    expect(await setDay('2026-03-10', true)).toEqual(expect.objectContaining({ recalculatedCases: 1 }));
    const back = await view(open.id);
    expect(back.deadlines).toMatchObject({ resolve: '2026-03-10T09:30:00.000Z', amber: '2026-03-10T06:36:00.000Z' });
    expect(recalculations(back)).toHaveLength(2);

    expect(await setDay('2026-03-06', false)).toEqual(expect.objectContaining({ recalculatedCases: 0 }));
    expect(recalculations(await view(open.id))).toHaveLength(2);
  });
});
