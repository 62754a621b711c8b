import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestClock, startTestApp, type TestApp } from '../support/test-app.ts';
import { loginAs, type ApiClient } from '../support/api-client.ts';
import { LY, actOk, departmentId, reportEvent } from '../support/case-helpers.ts';

// Deadlines through the real server, on the working calendar seeded from the holiday library.
// Times are UTC; Shanghai is UTC+8 (working hours 08:30–12:00, 13:00–17:30 = 00:30–04:00, 05:00–09:30 UTC).
let t: TestApp;
let operator: ApiClient;
let handler: ApiClient;
let gridWorker: ApiClient;
let cgj: number;

beforeAll(async () => {
  t = await startTestApp({ clock: createTestClock('2025-09-30T02:00:00Z') });
  [operator, handler, gridWorker] = await Promise.all([loginAs(t.app, `operator-${LY}`), loginAs(t.app, `handler-${LY}`), loginAs(t.app, `grid_worker-${LY}`)]);
  cgj = await departmentId(operator, LY, 'cgj');
});
afterAll(async () => { await t?.close(); });

async function dispatchAt(iso: string, categoryCode: string) {
  t.clock.set(iso);
  const c = await reportEvent(gridWorker, { categoryCode });
  const filed = await actOk(operator, c.id, 'file', { version: 1 });
  return actOk(operator, c.id, 'dispatch', { version: filed.version, departmentId: cgj });
}

describe('deadlines on the Chinese working calendar', () => {
  it('runs a 1-working-day limit over National Day 2025 to the close of Oct 9', async () => {
    // E0404 占道经营: 1 working day. Dispatched Tue Sep 30 10:00 Shanghai; Oct 1–8 are off.
    const c = await dispatchAt('2025-09-30T02:00:00Z', 'E0404');
    expect(c.deadlines.resolve).toBe('2025-10-09T09:30:00.000Z');
  });

  it('counts 4 working hours across the lunch break and the evening', async () => {
    // E0102 暴露垃圾: 4 working hours. Dispatched Thu 2026-03-12 16:00 Shanghai: 1.5 h that day, 2.5 h next morning → Fri 11:00.
    const c = await dispatchAt('2026-03-12T08:00:00Z', 'E0102');
    expect(c.deadlines.resolve).toBe('2026-03-13T03:00:00.000Z');
  });

  it('stops the clock while suspended, across a holiday', async () => {
    // Dispatched Mon 2025-09-29 09:00 Shanghai (E0102, 4 working hours: 09:00–12:00 + 13:00–14:00 → 14:00 that day).
    // Suspended at 09:30, resumed Thu Oct 9 09:30 (Oct 1–8 off): working time in between =
    // 7 h (Sep 29: 2.5 + 4.5) + 8 h (Sep 30) + 1 h (Oct 9: 08:30–09:30) = 16 h.
    const c = await dispatchAt('2025-09-29T01:00:00Z', 'E0102');
    expect(c.deadlines.resolve).toBe('2025-09-29T06:00:00.000Z');
    const signed = await actOk(handler, c.id, 'sign', { version: c.version });
    t.clock.set('2025-09-29T01:30:00Z');
    const requested = await actOk(handler, c.id, 'request_suspension', { version: signed.version, reason: '等待节后施工' });
    const suspended = await actOk(operator, c.id, 'approve_suspension', { version: requested.version });
    t.clock.set('2025-10-09T01:30:00Z');
    const resumed = await actOk(operator, c.id, 'resume', { version: suspended.version });
    // 14:00 Sep 29 + 16 working hours: 3.5 h left on Sep 29, 8 h on Sep 30, then 3.5 h + 1 h on Oct 9 → Oct 9 14:00 Shanghai.
    expect(resumed.deadlines.resolve).toBe('2025-10-09T06:00:00.000Z');
  });

  it('moves the deadline by the approved extension in working days', async () => {
    // E0404, dispatched Fri 2026-02-13 10:00 Shanghai; 1 working day → Sat Feb 14 (a make-up working day) 17:30.
    const c = await dispatchAt('2026-02-13T02:00:00Z', 'E0404');
    expect(c.deadlines.resolve).toBe('2026-02-14T09:30:00.000Z');
    const signed = await actOk(handler, c.id, 'sign', { version: c.version });
    const asked = await actOk(handler, c.id, 'request_extension', { version: signed.version, days: 2, reason: '春节期间人员不足' });
    const approved = await actOk(operator, c.id, 'approve_extension', { version: asked.version });
    // Spring Festival Feb 15–23 off → next working days Feb 24, Feb 25.
    expect(approved.deadlines.resolve).toBe('2026-02-25T09:30:00.000Z');
  });
});
