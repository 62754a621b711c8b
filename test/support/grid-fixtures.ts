/** Helpers for grid tests: load the demo map into a test database and find points inside grids. */
import gcoordModule from 'gcoord';
import type { TestApp } from './test-app.ts';
import { seedDemoGeometry } from '../../src/db/seed/demo-geometry.ts';
import { invalidateGridIndex } from '../../src/services/geo/grid-index.ts';
import { interiorPoint } from '../../src/domain/geo/polygon-math.ts';
import type { GridGeometry } from '../../src/domain/geo/geo-types.ts';

/** Seeds the synthetic demo map and drops any cached index. */
export async function loadDemoMap(t: TestApp): Promise<void> {
  await seedDemoGeometry(t.handle.db);
  invalidateGridIndex(t.handle.db);
}

/** A point strictly inside the grid with this code, as { lat, lng } (WGS84). */
export async function pointInsideGrid(t: TestApp, gridCode: string): Promise<{ lat: number; lng: number }> {
  const row = await t.handle.db.selectFrom('grids').select('geometry').where('code', '=', gridCode).executeTakeFirstOrThrow();
  const geometry = row.geometry as GridGeometry;
  const polygon = geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates[0]!;
  const point = interiorPoint(polygon);
  if (!point) throw new Error(`no interior point for ${gridCode}`);
  return { lng: point[0], lat: point[1] };
}

type Gcoord = typeof gcoordModule extends { default: infer T } ? T : typeof gcoordModule;
const gcoord = ((gcoordModule as { default?: Gcoord }).default ?? gcoordModule) as Gcoord;

/** What a phone map SDK would report for a WGS84 point. */
export function toGcj02(point: { lat: number; lng: number }): { lat: number; lng: number } {
  const [lng, lat] = gcoord.transform([point.lng, point.lat], gcoord.WGS84, gcoord.GCJ02) as [number, number];
  return { lat, lng };
}

/** Counts rows of a table, to assert that a refused request stored nothing. */
export async function countRows(t: TestApp, table: 'cases' | 'grids' | 'communities' | 'streets' | 'case_events' | 'api_keys' | 'open311_requests' | 'open311_updates' | 'webhooks' | 'subscriptions'): Promise<number> {
  const row = await t.handle.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}
