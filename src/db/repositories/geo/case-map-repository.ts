/** Cases as points for the map: only located cases, by the map's filters and the visible box. */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../schema.ts';
import type { CaseState, WarningLevel } from '../../../domain/case/index.ts';
import type { BBox } from '../../../domain/geo/index.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface CaseMapFilter {
  /** null: every district (admin). */
  districtId: number | null;
  states?: readonly CaseState[] | undefined;
  categoryId?: number | undefined;
  warning?: WarningLevel | undefined;
  /** Reported at or after / before. */
  from?: Date | undefined;
  to?: Date | undefined;
  streetId?: number | undefined;
  communityId?: number | undefined;
  gridId?: number | undefined;
  bbox?: BBox | undefined;
}

export interface CaseMapRow {
  id: number;
  number: string;
  state: CaseState;
  warningLevel: WarningLevel;
  categoryCode: string;
  categoryName: string;
  categoryNameEn: string;
  lat: number;
  lng: number;
}

/** The matching located cases, newest first, at most `limit` (the caller says when the cap was hit). */
export async function listCaseMapRows(db: Db, filter: CaseMapFilter, limit: number): Promise<CaseMapRow[]> {
  let query = db
    .selectFrom('cases as k')
    .innerJoin('categories as c', 'c.id', 'k.category_id')
    .select([
      'k.id', 'k.number', 'k.state', 'k.warning_level as warningLevel', 'c.code as categoryCode', 'c.minor_name as categoryName',
      'c.minor_name_en as categoryNameEn', 'k.lat', 'k.lng',
    ])
    .where('k.lat', 'is not', null)
    .where('k.lng', 'is not', null);
  if (filter.districtId !== null) query = query.where('k.district_id', '=', filter.districtId);
  if (filter.states?.length) query = query.where('k.state', 'in', filter.states);
  if (filter.categoryId !== undefined) query = query.where('k.category_id', '=', filter.categoryId);
  if (filter.warning) query = query.where('k.warning_level', '=', filter.warning);
  if (filter.from) query = query.where('k.created_at', '>=', filter.from);
  if (filter.to) query = query.where('k.created_at', '<', filter.to);
  if (filter.streetId !== undefined) query = query.where('k.street_id', '=', filter.streetId);
  if (filter.communityId !== undefined) query = query.where('k.community_id', '=', filter.communityId);
  if (filter.gridId !== undefined) query = query.where('k.grid_id', '=', filter.gridId);
  if (filter.bbox) {
    const [minLng, minLat, maxLng, maxLat] = filter.bbox;
    query = query.where('k.lng', '>=', minLng).where('k.lng', '<=', maxLng).where('k.lat', '>=', minLat).where('k.lat', '<=', maxLat);
  }
  const rows = await query.orderBy('k.id', 'desc').limit(limit).execute();
  return rows as CaseMapRow[];
}

/** The grid, community, street and district names of a grid, for an address a person can read. */
export async function findGridPlaceNames(db: Db, gridId: number) {
  return db
    .selectFrom('grids as g')
    .innerJoin('communities as c', 'c.id', 'g.community_id')
    .innerJoin('streets as s', 's.id', 'g.street_id')
    .innerJoin('districts as d', 'd.id', 'g.district_id')
    .select([
      'g.code as gridCode', 'g.name as gridName', 'c.code as communityCode', 'c.name as communityName', 's.code as streetCode', 's.name as streetName',
      's.name_en as streetNameEn', 'd.code as districtCode', 'd.name as districtName', 'd.name_en as districtNameEn',
    ])
    .where('g.id', '=', gridId)
    .executeTakeFirst();
}

/** The ids of a street, community or grid by code (the map's drill-down), or undefined. */
export async function findOrgUnitIdByCode(db: Db, level: 'street' | 'community' | 'grid', code: string): Promise<{ id: number; districtId: number } | undefined> {
  const table = level === 'street' ? 'streets' : level === 'community' ? 'communities' : 'grids';
  return db.selectFrom(table).select(['id', 'district_id as districtId']).where('code', '=', code).executeTakeFirst();
}
