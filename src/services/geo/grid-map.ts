/** The grid map as a GeoJSON FeatureCollection for map views, with the org names of each grid. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { findDistrictByCode } from '../../db/repositories/org/org-repository.ts';
import { DomainError } from '../../domain/errors.ts';
import { isDistrictCode } from '../../domain/org/org-codes.ts';

/**
 * Grids with geometry, optionally of one district.
 * @throws DomainError ORG_CODE_INVALID, DISTRICT_UNKNOWN
 */
export async function listGridMap(db: Kysely<Database>, districtCode?: string) {
  let districtId: number | undefined;
  if (districtCode) {
    if (!isDistrictCode(districtCode)) throw new DomainError('ORG_CODE_INVALID', { districtCode });
    const district = await findDistrictByCode(db, districtCode);
    if (!district) throw new DomainError('DISTRICT_UNKNOWN');
    districtId = district.id;
  }
  let query = db
    .selectFrom('grids as g')
    .innerJoin('communities as c', 'c.id', 'g.community_id')
    .innerJoin('streets as s', 's.id', 'g.street_id')
    .innerJoin('districts as d', 'd.id', 'g.district_id')
    .select(['g.code', 'g.name', 'g.geometry', 'c.code as communityCode', 'c.name as communityName', 's.code as streetCode', 's.name as streetName', 'd.code as districtCode'])
    .where('g.geometry', 'is not', null)
    .orderBy('g.code');
  if (districtId !== undefined) query = query.where('g.district_id', '=', districtId);
  const rows = await query.execute();
  return {
    type: 'FeatureCollection' as const,
    features: rows.map(({ geometry, ...properties }) => ({ type: 'Feature' as const, properties, geometry })),
  };
}
