/** The demo enterprises: valid codes, both districts' liaisons, F1–F4, a paid run and a pending confirmation for enterprise-demo. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestClock, startTestApp, type TestApp } from '../support/test-app.ts';
import { loginAs } from '../support/api-client.ts';
import { seedDemoEnterprises } from '../../src/services/seed/index.ts';
import { checkUscc } from '../../src/domain/enterprises/index.ts';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ clock: createTestClock('2026-12-02T02:00:00Z') });
  expect(await seedDemoEnterprises(t.services.db, t.clock.now)).toBeGreaterThan(20);
  expect(await seedDemoEnterprises(t.services.db, t.clock.now)).toBe(0);
}, 300_000);

afterAll(async () => { await t?.close(); });

describe('demo enterprises', () => {
  it('have valid USCCs, liaisons and patrons in every district, invented ones marked', async () => {
    const rows = await t.services.db.selectFrom('enterprises').selectAll().execute();
    expect(rows.every((row) => checkUscc(row.uscc).valid && checkUscc(row.uscc).warnings.length === 0)).toBe(true);
    expect(new Set(rows.map((row) => row.district_id)).size).toBe(3);
    expect(rows.every((row) => row.liaison_user_id !== null && row.patron_user_id !== null)).toBe(true);
    expect(rows.find((row) => row.name === '中车长春轨道客车')?.invented).toBe(false);
    expect(rows.filter((row) => row.invented).length).toBeGreaterThan(20);
  });

  it('show enterprise-demo its matched policies and a pending 免申即享 confirmation, after a paid one', async () => {
    const boss = await loginAs(t.app, 'enterprise-demo');
    const [mine] = (await boss.get('/api/v1/enterprises')).body.items;
    expect(mine.name).toBe('长春万华汽车实业');
    const policies = await boss.get(`/api/v1/enterprises/${mine.id}/policies`);
    expect(policies.body.items[0]).toMatchObject({ policy: { code: 'F1-WENGANG' }, status: 'met' });
    const benefits = await boss.get(`/api/v1/enterprises/${mine.id}/benefits`);
    expect(benefits.body.grants.map((grant: { status: string }) => grant.status).sort()).toEqual(['paid', 'pending']);
  });
});
