import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { apiClient, loginAs, type ApiClient } from '../support/api-client.ts';
import { countRows, loadDemoMap, pointInsideGrid, toGcj02 } from '../support/grid-fixtures.ts';

let t: TestApp;
let citizen: ApiClient;
let operator: ApiClient;
let admin: ApiClient;
const FIRST_LY_GRID = '220106001001001';
const OTHER_LY_GRID = '220106003001001';

beforeAll(async () => {
  t = await startTestApp();
  await loadDemoMap(t);
  citizen = await loginAs(t.app, 'citizen-demo');
  operator = await loginAs(t.app, 'operator-220106');
  admin = await loginAs(t.app, 'admin');
});
afterAll(async () => { await t?.close(); });

const report = (location: { lat: number; lng: number }, extra: Record<string, unknown> = {}) => ({
  kind: 'event', categoryCode: 'E0104', description: '路面有大量垃圾', location, ...extra,
});

describe('demo map', () => {
  it('gives 绿园区 the 700 grids its report names, all with geometry, and is idempotent', async () => {
    const ly = await t.handle.db.selectFrom('grids as g').innerJoin('districts as d', 'd.id', 'g.district_id')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.count<number>('g.geometry').as('located')]).where('d.code', '=', '220106').executeTakeFirstOrThrow();
    expect(Number(ly.n)).toBe(700);
    expect(Number(ly.located)).toBe(700);
    const before = await countRows(t, 'grids');
    await loadDemoMap(t);
    expect(await countRows(t, 'grids')).toBe(before);
  });
  it('serves the map as GeoJSON and locates a point', async () => {
    expect((await apiClient(t.app).get('/api/v1/grids/map?district=220100')).body.code).toBe('ORG_CODE_INVALID');
    const map = await apiClient(t.app).get('/api/v1/grids/map?district=220105');
    expect(map.status).toBe(200);
    expect(map.body.features.length).toBeGreaterThan(20);
    const point = await pointInsideGrid(t, OTHER_LY_GRID);
    const found = await apiClient(t.app).get(`/api/v1/grids/locate?lat=${point.lat}&lng=${point.lng}`);
    expect(found.body.grid.code).toBe(OTHER_LY_GRID);
  });
});

describe('routing a report by its location', () => {
  it('places a citizen report in the grid, community and street under the point', async () => {
    const point = await pointInsideGrid(t, OTHER_LY_GRID);
    const res = await citizen.post('/api/v1/cases', report(point));
    expect(res.status).toBe(201);
    expect(res.body.gridCode).toBe(OTHER_LY_GRID);
    expect(res.body.streetName).toBe('春城街道');
  });
  it('converts GCJ-02 to WGS84 before routing and storing', async () => {
    const point = await pointInsideGrid(t, OTHER_LY_GRID);
    const res = await citizen.post('/api/v1/cases', report(toGcj02(point), { coordSystem: 'gcj02' }));
    expect(res.status).toBe(201);
    expect(res.body.gridCode).toBe(OTHER_LY_GRID);
    expect(res.body.location.lat).toBeCloseTo(point.lat, 6);
    expect(res.body.location.lng).toBeCloseTo(point.lng, 6);
  });
  it('refuses a grid worker point outside every grid and stores nothing', async () => {
    const worker = await loginAs(t.app, 'grid_worker-220106');
    const before = await countRows(t, 'cases');
    const res = await worker.post('/api/v1/cases', report({ lat: 43.89, lng: 125.195 }));
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('GRID_NOT_FOUND_FOR_POINT');
    expect(await countRows(t, 'cases')).toBe(before);
  });
  it('sends a citizen point just outside the grids to the nearest district command centre (区兜底)', async () => {
    const res = await citizen.post('/api/v1/cases', report({ lat: 43.89, lng: 125.195 }));
    expect(res.status).toBe(201);
    expect(res.body.number).toMatch(/^LY-/);
    expect(res.body.departmentName).toBe('区指挥中心');
    expect(res.body.gridCode).toBeNull();
  });
  it('refuses a citizen point far from every grid and stores nothing', async () => {
    const before = await countRows(t, 'cases');
    const res = await citizen.post('/api/v1/cases', report({ lat: 39.9, lng: 116.4 }));
    expect(res.body.code).toBe('GRID_NOT_FOUND_FOR_POINT');
    expect(await countRows(t, 'cases')).toBe(before);
  });
});

describe('relocating a case', () => {
  it('lets an operator move a reported case to another grid, with a timeline event and a version check', async () => {
    const created = await operator.post('/api/v1/cases', { kind: 'event', categoryCode: 'E0104', description: '道路不洁', gridCode: FIRST_LY_GRID });
    expect(created.status).toBe(201);
    const moved = await operator.post(`/api/v1/cases/${created.body.id}/relocate`, { version: created.body.version, gridCode: OTHER_LY_GRID, note: '位置有误' });
    expect(moved.status).toBe(200);
    expect(moved.body.gridCode).toBe(OTHER_LY_GRID);
    expect(moved.body.version).toBe(created.body.version + 1);
    expect(moved.body.timeline.map((e: { action: string }) => e.action)).toContain('relocate');
    const malformed = await operator.post(`/api/v1/cases/${created.body.id}/relocate`, { version: moved.body.version, gridCode: '220106001001000' });
    expect(malformed.body.code).toBe('ORG_CODE_INVALID');
    const stale = await operator.post(`/api/v1/cases/${created.body.id}/relocate`, { version: created.body.version, gridCode: FIRST_LY_GRID });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('CASE_VERSION_CONFLICT');
  });
  it('moves by location, and refuses a point outside every grid, other roles and dispatched cases', async () => {
    const created = await operator.post('/api/v1/cases', { kind: 'event', categoryCode: 'E0104', description: '道路不洁', gridCode: FIRST_LY_GRID });
    const point = await pointInsideGrid(t, OTHER_LY_GRID);
    const outside = await operator.post(`/api/v1/cases/${created.body.id}/relocate`, { version: 1, location: { lat: 39.9, lng: 116.4 } });
    expect(outside.body.code).toBe('GRID_NOT_FOUND_FOR_POINT');
    const handler = await loginAs(t.app, 'handler-220106');
    const forbidden = await handler.post(`/api/v1/cases/${created.body.id}/relocate`, { version: 1, gridCode: OTHER_LY_GRID });
    expect(forbidden.status).toBe(403);
    const byPoint = await operator.post(`/api/v1/cases/${created.body.id}/relocate`, { version: 1, location: point });
    expect(byPoint.body.gridCode).toBe(OTHER_LY_GRID);
    const filed = await operator.post(`/api/v1/cases/${created.body.id}/actions/file`, { version: 2 });
    const departments = await operator.get('/api/v1/departments?district=220106');
    const cgj = departments.body.items.find((d: { code: string }) => d.code === 'cgj');
    await operator.post(`/api/v1/cases/${created.body.id}/actions/dispatch`, { version: filed.body.version, departmentId: cgj.id });
    const late = await operator.post(`/api/v1/cases/${created.body.id}/relocate`, { version: 4, gridCode: FIRST_LY_GRID });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('CASE_INVALID_TRANSITION');
  });
});

const square = (x: number, y: number, size = 0.002) => [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]];
const gridFeature = (code: string, coordinates: unknown, props: Record<string, unknown> = {}) => ({
  type: 'Feature', properties: { code, name: `导入网格${code.slice(-3)}`, ...props }, geometry: { type: 'Polygon', coordinates },
});

describe('importing grid GeoJSON', () => {
  // Far north of the demo map, so nothing overlaps the stored grids.
  const goodFile = {
    type: 'FeatureCollection',
    features: [
      gridFeature('220103101301001', square(125.3, 44.2), { communityCode: '220103101301', communityName: '新建社区' }),
      gridFeature('220103101301002', square(125.302, 44.2), { communityName: '新建社区' }),
      gridFeature('220103199001001', square(125.304, 44.2), { streetName: '新建街道', communityName: '新建街道社区' }),
    ],
  };

  it('is for admins only', async () => {
    const res = await operator.post('/api/v1/admin/grids/import', goodFile);
    expect(res.status).toBe(403);
  });
  it('reports every problem with its feature index and imports nothing', async () => {
    const counts = [await countRows(t, 'grids'), await countRows(t, 'communities'), await countRows(t, 'streets')];
    const res = await admin.post('/api/v1/admin/grids/import', {
      type: 'FeatureCollection',
      features: [
        goodFile.features[0],
        gridFeature('220103101301003', [[[125.31, 44.2], [125.312, 44.202], [125.312, 44.2], [125.31, 44.202], [125.31, 44.2]]], { communityName: '新建社区' }),
        gridFeature('220103101301004', square(2.35, 48.85), { communityName: '新建社区' }),
        gridFeature('220103101302001', square(125.32, 44.2)),
        gridFeature(FIRST_LY_GRID, square(125.3, 44.2)),
        { type: 'Feature', properties: { code: '220103101301006' }, geometry: null },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('GRID_IMPORT_INVALID');
    const problems = res.body.details.problems.map((p: { index: number; problem: string }) => [p.index, p.problem]);
    expect(problems).toEqual(expect.arrayContaining([
      [1, 'RING_SELF_INTERSECTS'], [2, 'OUTSIDE_CHINA'], [3, 'COMMUNITY_UNKNOWN'], [4, 'GRIDS_OVERLAP'], [5, 'NAME_MISSING'], [5, 'GEOMETRY_MISSING'],
    ]));
    expect([await countRows(t, 'grids'), await countRows(t, 'communities'), await countRows(t, 'streets')]).toEqual(counts);
  });
  it('rejects malformed GeoJSON and stores nothing', async () => {
    const before = await countRows(t, 'grids');
    const notGeo = await admin.post('/api/v1/admin/grids/import', { type: 'Topology', objects: {} });
    expect(notGeo.body.code).toBe('GRID_IMPORT_INVALID');
    const broken = await t.app.inject({
      method: 'POST', url: '/api/v1/admin/grids/import', payload: '{"type": "FeatureCollection", "features": [',
      headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'application/json' },
    });
    expect(broken.statusCode).toBe(400);
    expect(await countRows(t, 'grids')).toBe(before);
  });
  it('checks a dry run without storing, then imports, creating streets and communities, and routes to the new grids', async () => {
    const before = await countRows(t, 'grids');
    const dry = await admin.post('/api/v1/admin/grids/import?dryRun=true', goodFile);
    expect(dry.body).toMatchObject({ dryRun: true, features: 3, streetsCreated: 1, communitiesCreated: 2 });
    expect(await countRows(t, 'grids')).toBe(before);
    const res = await admin.post('/api/v1/admin/grids/import', goodFile);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ inserted: 3, updated: 0, streetsCreated: 1, communitiesCreated: 2 });
    const located = await apiClient(t.app).get('/api/v1/grids/locate?lat=44.201&lng=125.305');
    expect(located.body.grid.code).toBe('220103199001001');
    const again = await admin.post('/api/v1/admin/grids/import', goodFile);
    expect(again.body).toMatchObject({ inserted: 0, updated: 3, streetsCreated: 0 });
  });
});
