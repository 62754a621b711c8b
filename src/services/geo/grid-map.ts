/** The grid map as a GeoJSON FeatureCollection for map views, with the org names of each grid. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { findDistrictByCode } from '../../db/repositories/org/index.ts';
import { listGridMapRows } from '../../db/repositories/geo/grid-repository.ts';
import { DomainError } from '../../domain/errors.ts';
import { isDistrictCode } from '../../domain/org/index.ts';

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
  const rows = await listGridMapRows(db, districtId);
  return {
    type: 'FeatureCollection' as const,
    features: rows.map(({ geometry, ...properties }) => ({ type: 'Feature' as const, properties, geometry })),
  };
}
