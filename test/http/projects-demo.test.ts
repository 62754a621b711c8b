/** The demo's projects: every project the seeds name for 绿园区 is listed, in its district, with history. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestClock, startTestApp, type TestApp } from '../support/test-app.ts';
import { loginAs } from '../support/api-client.ts';
import { seedDemoProjects } from '../../src/services/seed/index.ts';
import { DEMO_PROJECT_FACTS } from '../../src/db/seed/demo-projects.ts';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ clock: createTestClock('2026-12-02T01:00:00Z') });
  await seedDemoProjects(t.handle.db, t.clock.now);
}, 600_000);

afterAll(async () => { await t?.close(); });

describe('demo projects', () => {
  it('lists the seeds’ 绿园区 projects with reports, problems and the patron', async () => {
    const leader = await loginAs(t.app, 'leader-220106');
    const list = await leader.get('/api/v1/projects?district=220106');
    expect(list.status).toBe(200);
    expect(list.body.items.map((item: { name: string }) => item.name).sort()).toEqual(DEMO_PROJECT_FACTS['220106']!.map((fact) => fact.name).sort());
    expect((await leader.get('/api/v1/projects?patron=me')).body.items).toHaveLength(DEMO_PROJECT_FACTS['220106']!.length);
    const withReports = list.body.items.filter((item: { reports: unknown[] }) => item.reports.length > 0);
    expect(withReports.length).toBeGreaterThan(10);
    const detail = await leader.get(`/api/v1/projects/${list.body.items[0].id}`);
    expect(detail.body.problems.length).toBe(1);
    expect(detail.body.timelineIntact).toBe(true);
    const rates = await leader.get('/api/v1/projects/rates?month=2026-11');
    expect(rates.body.peers).toHaveLength(3);
    // October closed (11-06) long before the demo was written, backwards in time: it freezes from the whole history.
    const october = await leader.get('/api/v1/projects/rates?month=2026-10');
    expect(october.body.frozen).toBe(true);
    expect(october.body.rates.counts.signed).toBeGreaterThan(0);
    expect(october.body.rates.investment.yearToDate).toBeGreaterThan(0);
    expect(withReports.every((item: { reports: { late: boolean }[] }) => item.reports.every((report) => !report.late))).toBe(true);
    const targets = await leader.get('/api/v1/targets?year=2026');
    expect(targets.body.items.length).toBeGreaterThanOrEqual(6);
    expect(targets.body.items[0].illustrative).toBe(true);
  });
});
