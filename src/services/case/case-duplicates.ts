/**
 * Likely duplicates (DESIGN §4.4): open cases of the same category within the category's radius
 * (default 50 m) and a time window. Reporters see a short list to follow instead of reporting
 * again; operators see the candidates of a case to merge.
 */
import { mayEver, permits } from '../../domain/access/index.ts';
import { DomainError } from '../../domain/errors.ts';
import { canViewCase } from '../../domain/case/case-access.ts';
import { haversineMeters } from '../../domain/geo/index.ts';
import type { Actor } from '../../domain/case/case-model.ts';
import { findCategoryByCode, findCategoryById } from '../../db/repositories/case/category-repository.ts';
import { findCase } from '../../db/repositories/case/case-repository.ts';
import { listOpenCasesInBox } from '../../db/repositories/case/duplicate-repository.ts';
import { findDistrictById } from '../../db/repositories/org/index.ts';
import { parseDistrictSettings, periodOf } from '../../domain/org/index.ts';
import type { ServiceDeps } from '../service-deps.ts';
import { toWgs84, type CoordSystem, type LatLng } from '../geo/index.ts';

/** How far back a report counts as the same problem. */
export const DUPLICATE_WINDOW_DAYS = 30;
const MAX_RESULTS = 20;
const METERS_PER_DEGREE_LAT = 111_320;

export interface DuplicateCandidate {
  id: number;
  number: string;
  districtId: number;
  state: string;
  title: string;
  categoryCode: string;
  categoryName: string;
  categoryNameEn: string;
  distanceMeters: number;
  createdAt: Date;
  gridId: number | null;
  departmentId: number | null;
}

async function findNear(deps: ServiceDeps, categoryId: number, radius: number, point: LatLng, options: { districtId?: number; excludeId?: number }) {
  const dLat = radius / METERS_PER_DEGREE_LAT;
  const dLng = radius / (METERS_PER_DEGREE_LAT * Math.max(0.1, Math.cos((point.lat * Math.PI) / 180)));
  const since = new Date(deps.clock().getTime() - DUPLICATE_WINDOW_DAYS * 86_400_000);
  const rows = await listOpenCasesInBox(deps.db, {
    categoryId, minLat: point.lat - dLat, maxLat: point.lat + dLat, minLng: point.lng - dLng, maxLng: point.lng + dLng, since, ...options,
  });
  return rows
    .map((row) => ({ row, distance: haversineMeters([point.lng, point.lat], [row.lng!, row.lat!]) }))
    .filter(({ distance }) => distance <= radius)
    .sort((a, b) => a.distance - b.distance)
    .slice(0, MAX_RESULTS)
    .map(({ row, distance }): DuplicateCandidate => ({
      id: row.id, number: row.number, districtId: row.district_id, state: row.state, title: row.title, categoryCode: row.category_code,
      categoryName: row.category_name, categoryNameEn: row.category_name_en, distanceMeters: Math.round(distance), createdAt: row.created_at,
      gridId: row.grid_id, departmentId: row.department_id,
    }));
}

/**
 * Open cases near a point for a category (before reporting).
 * @throws DomainError CASE_CATEGORY_UNKNOWN
 */
export async function findNearbyCases(deps: ServiceDeps, query: { point: LatLng; coordSystem?: CoordSystem | undefined; categoryCode: string }) {
  const category = await findCategoryByCode(deps.db, query.categoryCode);
  if (!category) throw new DomainError('CASE_CATEGORY_UNKNOWN', { categoryCode: query.categoryCode });
  if (category.duplicate_radius_m <= 0) return { radiusMeters: 0, items: [] as DuplicateCandidate[] };
  const point = toWgs84(query.point, query.coordSystem);
  return { radiusMeters: category.duplicate_radius_m, items: await findNear(deps, category.id, category.duplicate_radius_m, point, {}) };
}

/**
 * Likely duplicates of a case, for operators deciding to merge.
 * @throws DomainError NOT_FOUND, FORBIDDEN
 */
export async function findLikelyDuplicates(deps: ServiceDeps, actor: Actor, caseId: number) {
  if (!mayEver(actor.role, 'case.duplicates')) throw new DomainError('FORBIDDEN');
  const row = await findCase(deps.db, caseId);
  const facts = row ? { districtId: row.district_id, departmentId: row.department_id, gridId: row.grid_id, state: row.state } : null;
  if (!row || !facts || !canViewCase(actor, facts, false) || !permits(actor, 'case.duplicates', facts)) throw new DomainError('NOT_FOUND');
  const category = await findCategoryById(deps.db, row.category_id);
  const district = await findDistrictById(deps.db, row.district_id);
  // A district may set one radius for all its categories (区级配置); otherwise each category's own.
  const districtRadius = district ? parseDistrictSettings({ settings: district.settings, workingHours: district.working_hours }, periodOf(deps.clock())).duplicateRadiusMeters : null;
  const radius = districtRadius ?? category?.duplicate_radius_m ?? 0;
  if (!category || row.lat === null || row.lng === null || radius <= 0) return { radiusMeters: radius, items: [] };
  return {
    radiusMeters: radius,
    items: await findNear(deps, category.id, radius, { lat: row.lat, lng: row.lng }, { districtId: row.district_id, excludeId: row.id }),
  };
}
