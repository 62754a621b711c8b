/**
 * The rollups kept from timeline events (ADR 0005) against the fact-based computation, used as the
 * oracle: for the scripted October 2026 (test/support/october-2026.ts) and its September, every counter
 * the rollups keep equals the oracle evaluated at the period's end, at every level and for every unit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { scriptOctober2026 } from '../support/october-2026.ts';
import { compareRollupsWithOracle, districtRef } from '../support/rollup-oracle.ts';
import type { DistrictRef } from '../../src/services/supervision/indicator-service.ts';

let t: TestApp;
let district: DistrictRef;

beforeAll(async () => {
  t = await startTestApp();
  await scriptOctober2026(t);
  district = await districtRef(t.services, '220106');
}, 600_000);

afterAll(async () => { await t?.close(); });

const compare = (periodKey: string) => compareRollupsWithOracle(t.services, district, periodKey);

describe('rollups against the fact-based oracle', () => {
  it('agree on every counter of every unit in October, at every level', async () => {
    const { mismatches, nonZero } = await compare('2026-10');
    expect(mismatches).toEqual([]);
    expect(nonZero).toBeGreaterThan(50);
  });

  it('agree on September, and on an October week except where the oracle reads a later fact', async () => {
    expect((await compare('2026-09')).mismatches).toEqual([]);
    // RC was filed on 10-16 and signed by handler-zjj on 10-20 (week 43). At the end of week 42 nobody had
    // signed it, so the oracle then said 1; read now, it credits zjj's later signature back to week 42.
    expect((await compare('2026-W42')).mismatches).toEqual(['person handler-zjj filed: rollup 1, oracle 2']);
  });

  it('record the units and facts on the events themselves', async () => {
    const db = t.services.db;
    const swj = await db.selectFrom('departments').select('id').where('code', '=', 'swj').where('district_id', '=', district.id).executeTakeFirstOrThrow();
    const closes = await db.selectFrom('case_events').select(['department_id', 'on_time', 'reworked', 'person_id'])
      .where('action', '=', 'check_pass').where('department_id', '=', swj.id).execute();
    // swj closed A0 (late), A1, A2 (reworked), A3, A4 (late) and RA4 in October.
    expect(closes).toHaveLength(6);
    expect(closes.filter((row) => row.on_time === false)).toHaveLength(2);
    expect(closes.filter((row) => row.reworked === true)).toHaveLength(1);
    expect(closes.every((row) => row.person_id !== null)).toBe(true);
  });
});

describe('a period frozen at its end', () => {
  it('keeps October\'s indicators and ranking after November closes a late case, reopens one and upholds an appeal', async () => {
    const { loginAs } = await import('../support/api-client.ts');
    const db = t.services.db;
    const op = await loginAs(t.app, 'operator-220106');
    const sup = await loginAs(t.app, 'supervisor-220106');
    const read = async () => ({
      departments: (await sup.get('/api/v1/indicators?period=2026-10&level=department')).body,
      district: (await sup.get('/api/v1/indicators?period=2026-10')).body,
      ranking: (await sup.get('/api/v1/rankings?period=2026-10&level=department')).body,
    });
    const before = await read();
    expect(before.district.items[0].counts.overdue).toBe(4);

    const dept = async (code: string) => (await db.selectFrom('departments').select('id').where('code', '=', code).where('district_id', '=', district.id).executeTakeFirstOrThrow()).id;
    const swj = await dept('swj');
    const fgj = await dept('fgj');
    const act = async (client: typeof op, id: number, action: string, local: string, body: Record<string, unknown> = {}) => {
      t.clock.set(`${local}:00+08:00`);
      const current = await op.get(`/api/v1/cases/${id}`);
      const res = await client.post(`/api/v1/cases/${id}/actions/${action}`, { version: current.body.version, ...body });
      expect(res.status, `${action}: ${JSON.stringify(res.body)}`).toBe(200);
    };
    const a5 = await db.selectFrom('cases').select('id').where('department_id', '=', swj).where('state', '=', 'signed').executeTakeFirstOrThrow();
    const ra4 = await db.selectFrom('cases').select('id').where('department_id', '=', swj).where('kind', '=', 'rectification').where('state', '=', 'closed').executeTakeFirstOrThrow();
    const b1 = await db.selectFrom('cases').select('id').where('department_id', '=', fgj).where('rating', '=', 'dissatisfied').executeTakeFirstOrThrow();
    const handler = await loginAs(t.app, 'handler-swj');
    const fgjHandler = await loginAs(t.app, 'handler-fgj');

    await act(handler, a5.id, 'resolve', '2026-11-03T10:00', { note: '已处置' });
    await act(op, a5.id, 'check_pass', '2026-11-03T11:00');
    await act(sup, ra4.id, 'reopen', '2026-11-04T10:00', { reason: '回访发现未解决' });
    t.clock.set('2026-11-05T10:00:00+08:00');
    const appeal = await fgjHandler.post('/api/v1/ratings/appeals', { caseId: b1.id, reason: '已按规定处置' });
    expect(appeal.status).toBe(201);
    expect((await sup.post(`/api/v1/ratings/appeals/${appeal.body.id}/decide`, { upheld: true })).status).toBe(200);

    t.clock.set('2027-10-05T10:00:00+08:00');
    const after = await read();
    expect(after).toEqual(before);
    // November took the changes: A5 closed late there, RA4's closing and B1's rating were taken back there.
    const november = (await sup.get('/api/v1/indicators?period=2026-11&level=department&unit=swj')).body.items[0].counts;
    expect(november).toMatchObject({ closed: 0, closedLate: 1, closedOnTime: -1 });
  });
});
