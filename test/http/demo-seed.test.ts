/**
 * The demo `npm start` shows a newcomer: every demo account logs in and sees cases of its own district in
 * every part of the loop, the timeline of the seeded cases is intact, and a second start adds nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { loginAs, type ApiClient } from '../support/api-client.ts';
import { DEMO_PASSWORD, seedDemoCases, seedDemoUsers } from '../../src/services/seed/index.ts';
import { verifyTimelineChains } from '../../src/db/repositories/case/index.ts';
import { ROLES } from '../../src/domain/case/index.ts';

const PER_DISTRICT = 24;
let t: TestApp;
let created = 0;
let operator: ApiClient;

beforeAll(async () => {
  t = await startTestApp();
  operator = await loginAs(t.app, 'operator-220106', DEMO_PASSWORD);
  created = await seedDemoCases(t.handle.db, t.clock.now, PER_DISTRICT);
});
afterAll(async () => { await t?.close(); });

describe('the demo seeder', () => {
  it('creates the asked number of cases in each district, and none on a second start', async () => {
    const districts = await sql<{ n: number }>`select count(*)::int as n from districts`.execute(t.handle.db);
    expect(created).toBe(PER_DISTRICT * districts.rows[0]!.n);
    expect(await seedDemoCases(t.handle.db, t.clock.now, PER_DISTRICT)).toBe(0);
    // Besides the reported cases, each 差评 among them opened its rectification case (a follow-up).
    const kinds = await sql<{ reported: number; rectifications: number; bad: number }>`
      select count(*) filter (where kind <> 'rectification')::int as reported,
             count(*) filter (where kind = 'rectification')::int as rectifications,
             count(*) filter (where rating in ('dissatisfied', 'very_dissatisfied'))::int as bad
      from cases`.execute(t.handle.db);
    expect(kinds.rows[0]!.reported).toBe(created);
    expect(kinds.rows[0]!.rectifications).toBe(kinds.rows[0]!.bad);
    expect(kinds.rows[0]!.bad).toBeGreaterThan(0);
    expect((await seedDemoUsers(t.handle.db)).length).toBe((await seedDemoUsers(t.handle.db)).length);
  });

  it('spreads every district over open and finished states, with an intact timeline', async () => {
    const states = await sql<{ code: string; states: string[] }>`
      select d.code, array_agg(distinct k.state) as states from cases k join districts d on d.id = k.district_id group by d.code`.execute(t.handle.db);
    for (const row of states.rows) {
      expect(row.states, row.code).toEqual(expect.arrayContaining(['closed', 'dispatched']));
      expect(row.states.length, row.code).toBeGreaterThanOrEqual(4);
    }
    expect(await verifyTimelineChains(t.handle.db)).toEqual([]);
  });

  it('lets every demo account log in with the demo password, and covers every staff role', async () => {
    const users = await seedDemoUsers(t.handle.db);
    // One address per person: the login limit counts per address, and these are different people.
    for (const [i, user] of users.entries()) {
      const response = await t.app.inject({
        method: 'POST', url: '/api/v1/auth/login', payload: { username: user.username, password: DEMO_PASSWORD }, remoteAddress: `10.0.${i >> 8}.${i & 255}`,
      });
      expect(response.statusCode, user.username).toBe(200);
    }
    const roles = new Set(users.map((user) => user.role));
    for (const role of ROLES.filter((r) => !['enterprise', 'project_officer'].includes(r))) expect(roles, role).toContain(role);
  });

  it('shows an operator only the cases of the operator’s own district', async () => {
    const list = await operator.get('/api/v1/cases?pageSize=100');
    expect(list.status).toBe(200);
    expect(list.body.items.length).toBeGreaterThan(0);
    expect(new Set(list.body.items.map((item: { number: string }) => item.number.slice(0, 2)))).toEqual(new Set(['LY']));
  });
});
