/**
 * The map's APIs: cases clustered for a view with the map's filters and drill-down, the place at a point
 * (address from the org tree), following an open case instead of reporting it again, and the demo's case
 * locations, each inside its own grid.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { apiClient, loginAs, type ApiClient } from '../support/api-client.ts';
import { countRows, loadDemoMap, pointInsideGrid, toGcj02 } from '../support/grid-fixtures.ts';
import { seedDemoCases } from '../../src/services/seed/index.ts';
import { pointInPolygon } from '../../src/domain/geo/polygon-math.ts';
import { polygonsOf, type GridGeometry } from '../../src/domain/geo/geo-types.ts';

let t: TestApp;
let operator: ApiClient;
const GRID_A = '220106001001001';
const GRID_B = '220106001002001';
let pointA: { lat: number; lng: number };

beforeAll(async () => {
  t = await startTestApp();
  await loadDemoMap(t);
  operator = await loginAs(t.app, 'operator-220106');
  pointA = await pointInsideGrid(t, GRID_A);
  const pointB = await pointInsideGrid(t, GRID_B);
  for (const [location, categoryCode, n] of [[pointA, 'E0104', 3], [pointB, 'E0101', 2]] as const) {
    for (let i = 0; i < n; i += 1) {
      const res = await operator.post('/api/v1/cases', { kind: 'event', categoryCode, description: `地图测试 ${categoryCode} ${i}`, location });
      expect(res.status).toBe(201);
    }
  }
  // one case without a location: never on the map
  expect((await operator.post('/api/v1/cases', { kind: 'event', categoryCode: 'E0104', description: '没有位置', gridCode: GRID_A })).status).toBe(201);
});
afterAll(async () => { await t?.close(); });

const countOf = (body: { clusters: { count: number }[]; points: unknown[] }) => body.points.length + body.clusters.reduce((sum, c) => sum + c.count, 0);

describe('cases on the map', () => {
  it('clusters the located cases at a low zoom and shows each one at a high zoom', async () => {
    const low = await operator.get('/api/v1/map/cases?zoom=8');
    expect(low.status).toBe(200);
    expect(low.body.total).toBe(5);
    expect(low.body.capped).toBe(false);
    expect(low.body.clusters.length).toBeGreaterThan(0);
    expect(countOf(low.body)).toBe(5);
    const high = await operator.get('/api/v1/map/cases?zoom=18');
    expect(high.body.clusters).toEqual([]);
    expect(high.body.points).toHaveLength(5);
    expect(high.body.points[0]).toMatchObject({ number: expect.any(String), state: 'reported', warningLevel: 'none', lat: expect.any(Number), lng: expect.any(Number) });
  });

  it('filters by category, state, period, warning, the box and the drill-down unit', async () => {
    expect((await operator.get('/api/v1/map/cases?zoom=18&category=E0101')).body.points).toHaveLength(2);
    expect((await operator.get('/api/v1/map/cases?zoom=18&state=closed')).body.points).toHaveLength(0);
    expect((await operator.get('/api/v1/map/cases?zoom=18&state=reported,filed')).body.points).toHaveLength(5);
    expect((await operator.get('/api/v1/map/cases?zoom=18&warning=red')).body.points).toHaveLength(0);
    expect((await operator.get('/api/v1/map/cases?zoom=18&from=2026-03-11')).body.points).toHaveLength(0);
    expect((await operator.get('/api/v1/map/cases?zoom=18&from=2026-03-01&to=2026-03-11')).body.points).toHaveLength(5);
    const box = [pointA.lng - 0.0001, pointA.lat - 0.0001, pointA.lng + 0.0001, pointA.lat + 0.0001].join(',');
    expect((await operator.get(`/api/v1/map/cases?zoom=18&bbox=${box}`)).body.points).toHaveLength(3);
    expect((await operator.get(`/api/v1/map/cases?zoom=18&grid=${GRID_B}`)).body.points).toHaveLength(2);
    expect((await operator.get(`/api/v1/map/cases?zoom=18&community=${GRID_A.slice(0, 12)}`)).body.points).toHaveLength(3);
    expect((await operator.get(`/api/v1/map/cases?zoom=18&street=${GRID_A.slice(0, 9)}000`)).body.points).toHaveLength(5);
  });

  it('refuses bad filters, other districts and roles without a district view; admin picks any district', async () => {
    const bad = await operator.get('/api/v1/map/cases?bbox=1,2,3');
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect((await operator.get('/api/v1/map/cases?state=nope')).status).toBe(400);
    expect((await operator.get('/api/v1/map/cases?district=220105')).body.code).toBe('FORBIDDEN');
    expect((await (await loginAs(t.app, 'handler-220106')).get('/api/v1/map/cases')).status).toBe(403);
    expect((await apiClient(t.app).get('/api/v1/map/cases')).status).toBe(401);
    const admin = await loginAs(t.app, 'admin');
    expect((await admin.get('/api/v1/map/cases?district=220106&zoom=18')).body.points).toHaveLength(5);
    expect((await admin.get('/api/v1/map/cases?district=220105&zoom=18')).body.points).toHaveLength(0);
  });
});

describe('the place at a point', () => {
  it('names the district, street and community of the grid at the point, for anyone', async () => {
    const res = await apiClient(t.app).get(`/api/v1/geo/place?lat=${pointA.lat}&lng=${pointA.lng}`);
    expect(res.status).toBe(200);
    expect(res.body.match).toBe('inside');
    expect(res.body.place).toMatchObject({ gridCode: GRID_A, communityCode: GRID_A.slice(0, 12), districtCode: '220106' });
    expect(res.body.address).toBe(`${res.body.place.districtName}${res.body.place.streetName}${res.body.place.communityName}`);
  });
  it('converts GCJ-02 points and answers none far from every grid', async () => {
    const gcj = toGcj02(pointA);
    const converted = await apiClient(t.app).get(`/api/v1/geo/place?lat=${gcj.lat}&lng=${gcj.lng}&coordSystem=gcj02`);
    expect(converted.body.place.gridCode).toBe(GRID_A);
    const far = await apiClient(t.app).get('/api/v1/geo/place?lat=30&lng=100');
    expect(far.body).toMatchObject({ match: 'none', place: null, address: null });
    expect((await apiClient(t.app).get('/api/v1/geo/place?lat=91&lng=100')).status).toBe(400);
  });
});

describe('following instead of reporting again', () => {
  it('gives an anonymous resident a code of their own that opens the case on the tracking page, and creates no case', async () => {
    const nearby = await apiClient(t.app).get(`/api/v1/cases/nearby?lat=${pointA.lat}&lng=${pointA.lng}&category=E0104`);
    const number = nearby.body.items[0].number as string;
    const cases = await countRows(t, 'cases');
    const res = await apiClient(t.app).post(`/api/v1/cases/${number}/follow`, {});
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ number, trackingCode: expect.stringMatching(/^[0-9A-F]{12}$/) });
    expect(await countRows(t, 'cases')).toBe(cases);
    const tracked = await apiClient(t.app).post('/api/v1/track', { number, trackingCode: res.body.trackingCode });
    expect(tracked.status).toBe(200);
    expect(tracked.body.number).toBe(number);
  });
  it('follows once per citizen account, and refuses staff and finished cases', async () => {
    const citizen = await loginAs(t.app, 'citizen-demo');
    const nearby = await apiClient(t.app).get(`/api/v1/cases/nearby?lat=${pointA.lat}&lng=${pointA.lng}&category=E0104`);
    const number = nearby.body.items[1].number as string;
    expect((await citizen.post(`/api/v1/cases/${number}/follow`, {})).body).toEqual({ number, trackingCode: null });
    expect((await citizen.post(`/api/v1/cases/${number}/follow`, {})).status).toBe(200);
    const rows = await sql<{ n: number }>`select count(*)::int as n from case_followers f join cases k on k.id = f.case_id where k.number = ${number} and f.user_id is not null`.execute(t.handle.db);
    expect(rows.rows[0]!.n).toBe(1);
    expect((await citizen.get('/api/v1/cases')).body.items.map((c: { number: string }) => c.number)).toContain(number);
    expect((await operator.post(`/api/v1/cases/${number}/follow`, {})).body.code).toBe('FORBIDDEN');
    const item = (await operator.get(`/api/v1/cases/${number}`)).body;
    const shiftLead = await loginAs(t.app, 'shift_lead-220106');
    expect((await shiftLead.post(`/api/v1/cases/${item.id}/actions/decline`, { version: item.version, reason: '不属于受理范围' })).status).toBe(200);
    const refused = await apiClient(t.app).post(`/api/v1/cases/${number}/follow`, {});
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('CASE_NOT_FOLLOWABLE');
    expect((await apiClient(t.app).post('/api/v1/cases/LY-2026-999999/follow', {})).status).toBe(404);
  });
});

describe('the base layer', () => {
  it('is offline unless CIVICLOOP_TILE_URL is set; then the UI learns it from the health check and the CSP lets its host in', async () => {
    const offline = await apiClient(t.app).get('/api/v1/health');
    expect(offline.body.map).toEqual({ tileUrl: null, tileAttribution: null });
    const tiled = await startTestApp({ overrides: { CIVICLOOP_TILE_URL: 'https://t{s}.tiles.example.cn/{z}/{x}/{y}.png', CIVICLOOP_TILE_ATTRIBUTION: '© 测试底图' } });
    try {
      const health = await tiled.app.inject({ method: 'GET', url: '/api/v1/health' });
      expect(health.json().map).toEqual({ tileUrl: 'https://t{s}.tiles.example.cn/{z}/{x}/{y}.png', tileAttribution: '© 测试底图' });
      expect(health.headers['content-security-policy']).toContain("img-src 'self' data: blob: https://*.tiles.example.cn;");
    } finally {
      await tiled.close();
    }
  });
});

describe('demo case locations', () => {
  it('puts every demo case at a point inside its own grid', async () => {
    const demo = await startTestApp();
    try {
      await loadDemoMap(demo);
      await seedDemoCases(demo.handle.db, demo.clock.now, 8);
      const rows = await sql<{ number: string; lat: number | null; lng: number | null; geometry: GridGeometry }>`
        select k.number, k.lat, k.lng, g.geometry from cases k join grids g on g.id = k.grid_id where k.kind <> 'rectification'`.execute(demo.handle.db);
      expect(rows.rows.length).toBeGreaterThanOrEqual(24);
      const outside = rows.rows.filter((row) => row.lat === null || row.lng === null
        || !polygonsOf(row.geometry).some((polygon) => pointInPolygon([row.lng!, row.lat!], polygon) === 'inside'));
      expect(outside.map((row) => row.number)).toEqual([]);
    } finally {
      await demo.close();
    }
  });
});
