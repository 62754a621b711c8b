/**
 * Reverse lookup over the org tree: the grid at a point (or the nearest within the citizen fallback
 * radius) and the names of its community, street and district, so a pin on the map fills the address.
 */
import { findGridPlaceNames } from '../../db/repositories/geo/index.ts';
import type { ServiceDeps } from '../service-deps.ts';
import { getGridIndex } from './grid-index.ts';
import { CITIZEN_FALLBACK_RADIUS_M, toWgs84, type CoordSystem, type LatLng } from './grid-routing.ts';

export interface PlaceAnswer {
  location: LatLng;
  /** inside: the point is in this grid; near: the nearest grid within the fallback radius. */
  match: 'inside' | 'near' | 'none';
  distanceMeters: number;
  place: {
    districtCode: string; districtName: string; districtNameEn: string;
    streetCode: string; streetName: string; streetNameEn: string | null;
    communityCode: string; communityName: string;
    gridCode: string; gridName: string;
  } | null;
  /** 绿园区正阳街道鑫旺社区 — what the report form writes into the address field. */
  address: string | null;
}

/** The place at a point, converted to WGS84 first when the client's datum is GCJ-02. */
export async function lookUpPlace(deps: ServiceDeps, input: LatLng, coordSystem?: CoordSystem): Promise<PlaceAnswer> {
  const location = toWgs84(input, coordSystem);
  const index = await getGridIndex(deps.db);
  const inside = index.locate([location.lng, location.lat]);
  const near = inside ? null : index.nearest([location.lng, location.lat], CITIZEN_FALLBACK_RADIUS_M);
  const grid = inside ?? near?.grid ?? null;
  const names = grid ? await findGridPlaceNames(deps.db, grid.gridId) : undefined;
  if (!names) return { location, match: 'none', distanceMeters: 0, place: null, address: null };
  return {
    location,
    match: inside ? 'inside' : 'near',
    distanceMeters: Math.round(near?.meters ?? 0),
    place: { ...names },
    address: `${names.districtName}${names.streetName}${names.communityName}`,
  };
}
