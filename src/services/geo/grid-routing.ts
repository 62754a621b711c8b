/**
 * Routing a point to grid → community → street → district (DESIGN §3). Outside every grid:
 * grid workers and other staff get GRID_NOT_FOUND_FOR_POINT; citizens' reports go to the
 * command centre (区兜底) of the district whose grid is nearest within 5 km.
 */
import gcoordModule from 'gcoord';
import { DomainError } from '../../domain/errors.ts';
import { type Actor, isPublicSide } from '../../domain/case/index.ts';
import { findDepartmentByCode } from '../../db/repositories/org/index.ts';
import { COMMAND_CENTRE_CODE } from '../../domain/org/index.ts';
import type { ServiceDeps } from '../service-deps.ts';
import { getGridIndex, type IndexedGrid } from './grid-index.ts';

// gcoord is CommonJS: at run time the default import is the API; its types describe it as `.default`.
type Gcoord = typeof gcoordModule extends { default: infer T } ? T : typeof gcoordModule;
const gcoord = ((gcoordModule as { default?: Gcoord }).default ?? gcoordModule) as Gcoord;

/** How far from the nearest grid a citizen's point may be and still reach that district's command centre. */
export const CITIZEN_FALLBACK_RADIUS_M = 5_000;

/** WGS84 (GPS), GCJ-02 (Amap, Tencent, WeChat) and BD-09 (Baidu). */
export type CoordSystem = 'wgs84' | 'gcj02' | 'bd09';

export interface LatLng { lat: number; lng: number }

/** Where a located report lands; fallbackDepartmentId is set for 区兜底. */
export interface LocatedPlacement {
  districtId: number;
  streetId: number | null;
  communityId: number | null;
  gridId: number | null;
  responsibleDepartmentId: number | null;
  fallbackDepartmentId?: number | null;
}

/**
 * Converts a phone map SDK's GCJ-02 (or Baidu's BD-09) point to WGS84; WGS84 passes through.
 * @example toWgs84({ lat: 43.9, lng: 125.3 }, 'gcj02') // => about 580 m south-west
 */
export function toWgs84(point: LatLng, system: CoordSystem | undefined): LatLng {
  if (system !== 'gcj02' && system !== 'bd09') return point;
  const from = system === 'gcj02' ? gcoord.GCJ02 : gcoord.BD09;
  const [lng, lat] = gcoord.transform([point.lng, point.lat], from, gcoord.WGS84) as [number, number];
  return { lat: Math.round(lat * 1e7) / 1e7, lng: Math.round(lng * 1e7) / 1e7 };
}

function fromGrid(grid: IndexedGrid): LocatedPlacement {
  return {
    districtId: grid.districtId, streetId: grid.streetId, communityId: grid.communityId, gridId: grid.gridId,
    responsibleDepartmentId: grid.responsibleDepartmentId,
  };
}

/** The grid containing a WGS84 point, or null; null also when no grid has geometry yet. */
export async function findGridAt(deps: ServiceDeps, point: LatLng): Promise<IndexedGrid | null> {
  const index = await getGridIndex(deps.db);
  return index.locate([point.lng, point.lat]);
}

/**
 * Places a report by its location.
 * @param explicitDistrict staff gave a district as well: outside every grid, use it instead of failing
 * @returns null when no grid has geometry (the map is not loaded) or staff named a district, so the caller falls back
 * @throws DomainError GRID_NOT_FOUND_FOR_POINT
 */
export async function placeByLocation(deps: ServiceDeps, actor: Actor, point: LatLng, explicitDistrict?: string): Promise<LocatedPlacement | null> {
  const index = await getGridIndex(deps.db);
  if (index.size === 0) return null;
  const grid = index.locate([point.lng, point.lat]);
  if (grid) return fromGrid(grid);
  if (!isPublicSide(actor.role)) {
    if (explicitDistrict && actor.role !== 'grid_worker') return null;
    throw new DomainError('GRID_NOT_FOUND_FOR_POINT', { lat: point.lat, lng: point.lng });
  }
  const near = index.nearest([point.lng, point.lat], CITIZEN_FALLBACK_RADIUS_M);
  if (!near) throw new DomainError('GRID_NOT_FOUND_FOR_POINT', { lat: point.lat, lng: point.lng, withinMeters: CITIZEN_FALLBACK_RADIUS_M });
  const centre = await findDepartmentByCode(deps.db, near.grid.districtId, COMMAND_CENTRE_CODE);
  return {
    districtId: near.grid.districtId, streetId: null, communityId: null, gridId: null, responsibleDepartmentId: null,
    fallbackDepartmentId: centre?.id ?? null,
  };
}

/**
 * Staff moving a case: the grid at a point, with no fallback.
 * @throws DomainError GRID_NOT_FOUND_FOR_POINT
 */
export async function requireGridAt(deps: ServiceDeps, point: LatLng): Promise<IndexedGrid> {
  const grid = await findGridAt(deps, point);
  if (!grid) throw new DomainError('GRID_NOT_FOUND_FOR_POINT', { lat: point.lat, lng: point.lng });
  return grid;
}
