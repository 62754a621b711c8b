/**
 * What the maps load besides Leaflet: the base-map settings (from the public health check) and the grid
 * GeoJSON per district, each fetched once per page load.
 */
import { apiGet } from '../../api/client.ts';
import type { PolygonCoords } from '../../../domain/geo/index.ts';

export interface MapSettings {
  /** XYZ raster tiles (WGS-84/CGCS2000 Web Mercator); null → the offline style. */
  tileUrl: string | null;
  tileAttribution: string | null;
}

export interface GridFeature {
  type: 'Feature';
  properties: { code: string; name: string; communityCode: string; communityName: string; streetCode: string; streetName: string; districtCode: string };
  geometry: { type: 'Polygon'; coordinates: PolygonCoords } | { type: 'MultiPolygon'; coordinates: PolygonCoords[] };
}

export interface GridMap {
  type: 'FeatureCollection';
  features: GridFeature[];
}

const OFFLINE: MapSettings = { tileUrl: null, tileAttribution: null };
let settings: Promise<MapSettings> | null = null;
const grids = new Map<string, Promise<GridMap>>();

export function loadMapSettings(): Promise<MapSettings> {
  settings ??= apiGet<{ map?: MapSettings }>('/api/v1/health').then((health) => health.map ?? OFFLINE, () => OFFLINE);
  return settings;
}

/** The grids of a district, or of every district (the citizen's map) when none is given. */
export function loadGridMap(districtCode?: string): Promise<GridMap> {
  const key = districtCode ?? '*';
  let entry = grids.get(key);
  if (!entry) {
    entry = apiGet<GridMap>('/api/v1/grids/map', districtCode ? { district: districtCode } : undefined);
    entry.catch(() => grids.delete(key));
    grids.set(key, entry);
  }
  return entry;
}

/** Drill-down levels of the staff map. */
export type DrillLevel = 'district' | 'street' | 'community' | 'grid';
export interface DrillUnit { level: DrillLevel; code: string; name: string }

/** The grids inside a drill-down unit. */
export function featuresOf(map: GridMap, unit: DrillUnit): GridFeature[] {
  switch (unit.level) {
    case 'district': return map.features;
    case 'street': return map.features.filter((f) => f.properties.streetCode === unit.code);
    case 'community': return map.features.filter((f) => f.properties.communityCode === unit.code);
    case 'grid': return map.features.filter((f) => f.properties.code === unit.code);
  }
}

/** One level down from a unit, towards the grid that was clicked. */
export function drillInto(unit: DrillUnit, clicked: GridFeature): DrillUnit | null {
  const p = clicked.properties;
  if (unit.level === 'district') return { level: 'street', code: p.streetCode, name: p.streetName };
  if (unit.level === 'street') return { level: 'community', code: p.communityCode, name: p.communityName };
  if (unit.level === 'community') return { level: 'grid', code: p.code, name: p.name };
  return null;
}
