/** Candidates for duplicates: open cases of a category inside a box, since a time. */
import type { Kysely } from 'kysely';
import type { Database } from '../../schema.ts';
import { OPEN_STATES } from '../../../domain/case/case-model.ts';

export async function listOpenCasesInBox(
  db: Kysely<Database>,
  filter: { categoryId: number; districtId?: number; minLat: number; maxLat: number; minLng: number; maxLng: number; since: Date; excludeId?: number },
) {
  let query = db
    .selectFrom('cases as k')
    .innerJoin('categories as c', 'c.id', 'k.category_id')
    .select([
      'k.id', 'k.number', 'k.district_id', 'k.state', 'k.title', 'k.lat', 'k.lng', 'k.created_at', 'k.grid_id', 'k.department_id',
      'c.code as category_code', 'c.minor_name as category_name', 'c.minor_name_en as category_name_en',
    ])
    .where('k.category_id', '=', filter.categoryId)
    .where('k.state', 'in', [...OPEN_STATES])
    .where('k.created_at', '>=', filter.since)
    .where('k.lat', '>=', filter.minLat)
    .where('k.lat', '<=', filter.maxLat)
    .where('k.lng', '>=', filter.minLng)
    .where('k.lng', '<=', filter.maxLng);
  if (filter.districtId !== undefined) query = query.where('k.district_id', '=', filter.districtId);
  if (filter.excludeId !== undefined) query = query.where('k.id', '!=', filter.excludeId);
  return query.orderBy('k.created_at', 'desc').limit(200).execute();
}
