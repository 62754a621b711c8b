/**
 * Cases on the map, aggregated on the server: the matching located cases in the visible box are
 * clustered for the zoom (supercluster), so the browser draws a few hundred markers whatever the count,
 * and the same weighted clusters feed the heatmap.
 */
import Supercluster from 'supercluster';
import { mayEver } from '../../domain/access/index.ts';
import { DomainError } from '../../domain/errors.ts';
import { listScopeFor, type Actor, type CaseState, type WarningLevel } from '../../domain/case/index.ts';
import type { BBox } from '../../domain/geo/index.ts';
import { findDistrictByCode } from '../../db/repositories/org/index.ts';
import { findCategoryByCode } from '../../db/repositories/case/index.ts';
import { findOrgUnitIdByCode, listCaseMapRows, type CaseMapFilter, type CaseMapRow } from '../../db/repositories/geo/index.ts';
import type { ServiceDeps } from '../service-deps.ts';

/** More located cases than this in one view are cut (newest kept) and the answer says so. */
export const CASE_MAP_POINT_LIMIT = 50_000;
/** Past this zoom every case is its own point (a grid is a few hundred metres across). */
const CLUSTER_MAX_ZOOM = 16;
const CLUSTER_RADIUS_PX = 60;

export interface CaseMapQuery {
  district?: string | undefined;
  states?: CaseState[] | undefined;
  category?: string | undefined;
  warning?: WarningLevel | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  street?: string | undefined;
  community?: string | undefined;
  grid?: string | undefined;
  bbox?: BBox | undefined;
  zoom: number;
}

export type CaseMapPoint = Omit<CaseMapRow, never>;
export interface CaseMapCluster { lat: number; lng: number; count: number; expansionZoom: number }
export interface CaseMapAnswer { total: number; capped: boolean; clusters: CaseMapCluster[]; points: CaseMapPoint[] }

const EMPTY: CaseMapAnswer = { total: 0, capped: false, clusters: [], points: [] };

/** The district the caller may map: admin any (or all), district-wide staff their own. */
async function mapDistrictId(deps: ServiceDeps, actor: Actor, districtCode: string | undefined): Promise<number | null | 'unknown'> {
  const scope = listScopeFor(actor);
  if (scope.kind === 'none') throw new DomainError('AUTH_REQUIRED');
  if (!mayEver(actor.role, 'case.map') || (scope.kind !== 'all' && scope.kind !== 'district')) throw new DomainError('FORBIDDEN');
  if (!districtCode) return scope.kind === 'district' ? scope.districtId : null;
  const district = await findDistrictByCode(deps.db, districtCode);
  if (!district) return 'unknown';
  if (scope.kind === 'district' && district.id !== scope.districtId) throw new DomainError('FORBIDDEN');
  return district.id;
}

/**
 * The caller's located cases by the filters, clustered for the zoom.
 * @throws DomainError AUTH_REQUIRED, FORBIDDEN for roles without a district-wide view
 */
export async function getCaseMap(deps: ServiceDeps, actor: Actor, query: CaseMapQuery): Promise<CaseMapAnswer> {
  const districtId = await mapDistrictId(deps, actor, query.district);
  if (districtId === 'unknown') return EMPTY;
  const filter: CaseMapFilter = { districtId, states: query.states, warning: query.warning, from: query.from, to: query.to, bbox: query.bbox };
  if (query.category) {
    const category = await findCategoryByCode(deps.db, query.category);
    if (!category) return EMPTY;
    filter.categoryId = category.id;
  }
  for (const [level, code] of [['street', query.street], ['community', query.community], ['grid', query.grid]] as const) {
    if (!code) continue;
    const unit = await findOrgUnitIdByCode(deps.db, level, code);
    if (!unit || (districtId !== null && unit.districtId !== districtId)) return EMPTY;
    filter[`${level}Id`] = unit.id;
  }
  const rows = await listCaseMapRows(deps.db, filter, CASE_MAP_POINT_LIMIT + 1);
  const capped = rows.length > CASE_MAP_POINT_LIMIT;
  const cases = capped ? rows.slice(0, CASE_MAP_POINT_LIMIT) : rows;
  const index = new Supercluster<CaseMapRow, Record<string, never>>({ radius: CLUSTER_RADIUS_PX, maxZoom: CLUSTER_MAX_ZOOM });
  index.load(cases.map((row) => ({ type: 'Feature', properties: row, geometry: { type: 'Point', coordinates: [row.lng, row.lat] } })));
  const box = query.bbox ?? [-180, -85, 180, 85];
  const clusters: CaseMapCluster[] = [];
  const points: CaseMapPoint[] = [];
  for (const feature of index.getClusters(box, Math.floor(query.zoom))) {
    const [lng, lat] = feature.geometry.coordinates as [number, number];
    const properties = feature.properties;
    if ('cluster' in properties && properties.cluster) {
      const id = properties.cluster_id;
      clusters.push({ lat, lng, count: properties.point_count, expansionZoom: Math.min(index.getClusterExpansionZoom(id), CLUSTER_MAX_ZOOM + 1) });
    } else {
      points.push(properties as CaseMapRow);
    }
  }
  return { total: cases.length, capped, clusters, points };
}
