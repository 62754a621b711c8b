/** Only units with cases due in the period are ranked (DESIGN §5; review §A.4). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { loginAs } from '../support/api-client.ts';
import { departmentsOf220106 } from '../support/case-script.ts';

let t: TestApp;
beforeAll(async () => { t = await startTestApp(); }, 300_000);
afterAll(async () => { await t?.close(); });

describe('ranking', () => {
  it('lists a unit with only a service rating as unranked: no place, no list', async () => {
    t.clock.set('2026-10-15T02:00:00Z');
    const citizen = await loginAs(t.app, 'citizen-demo');
    const sup = await loginAs(t.app, 'supervisor-220106');
    const { ids } = await departmentsOf220106(t);
    const rated = await citizen.post('/api/v1/ratings/services', { departmentId: ids.zjj, channel: 'on_site', serviceName: '燃气开户', level: 'very_satisfied' });
    expect(rated.status).toBe(201);
    const indicators = await sup.get('/api/v1/indicators?period=2026-10&level=department&unit=zjj');
    expect(indicators.status).toBe(200);
    expect(JSON.stringify(indicators.body)).toContain('"rated":1');
    const res = await sup.get('/api/v1/rankings?period=2026-10&level=department');
    expect(res.status).toBe(200);
    const codes = (rows: { unit: { code: string } }[]) => rows.map((row) => row.unit.code);
    expect(res.body.unranked.map((unit: { code: string }) => unit.code)).toContain('zjj');
    expect(codes(res.body.items)).not.toContain('zjj');
    expect(codes(res.body.redList)).not.toContain('zjj');
    expect(codes(res.body.blackList)).not.toContain('zjj');
  });
});
