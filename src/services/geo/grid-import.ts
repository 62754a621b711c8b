/**
 * Importing grid GeoJSON (`civicloop import grids FILE`, POST /api/v1/admin/grids/import):
 * check everything first and report every problem with its feature index; import only a file
 * with no problems, in one transaction; then rebuild the spatial index.
 */
import type { Kysely } from 'kysely';
import { invalidateReferenceData } from '../org/index.ts';
import { DomainError } from '../../domain/errors.ts';
import { parseGridFeatureCollection, type GridFeature, type GridImportProblem } from '../../domain/geo/grid-features.ts';
import type { Database } from '../../db/schema.ts';
import {
  findCommunitiesByCodes, findDistrictsByCodes, findStreetsByCodes, insertCommunity, insertStreet, insertStreetUnit,
  listGridGeometries, upsertGrid,
} from '../../db/repositories/geo/grid-repository.ts';
import { invalidateGridIndex } from './grid-index.ts';

export interface GridImportResult {
  features: number;
  inserted: number;
  updated: number;
  streetsCreated: number;
  communitiesCreated: number;
  /** True when only checked (dry run). */
  dryRun: boolean;
}

interface OrgPlan {
  districtIds: Map<string, number>;
  streetIds: Map<string, number>;
  communityIds: Map<string, number>;
  newStreets: Map<string, { districtCode: string; name: string }>;
  newCommunities: Map<string, { streetCode: string; districtCode: string; name: string }>;
}

/** Works out which streets and communities exist or can be created; records what cannot. */
async function planOrg(db: Kysely<Database>, features: GridFeature[], problems: GridImportProblem[]): Promise<OrgPlan> {
  const unique = (values: string[]) => [...new Set(values)];
  const districts = await findDistrictsByCodes(db, unique(features.map((f) => f.districtCode)));
  const streets = await findStreetsByCodes(db, unique(features.map((f) => f.streetCode)));
  const communities = await findCommunitiesByCodes(db, unique(features.map((f) => f.communityCode)));
  const plan: OrgPlan = {
    districtIds: new Map(districts.map((d) => [d.code.trim(), d.id])),
    streetIds: new Map(streets.map((s) => [s.code.trim(), s.id])),
    communityIds: new Map(communities.map((c) => [c.code.trim(), c.id])),
    newStreets: new Map(),
    newCommunities: new Map(),
  };
  for (const f of features) {
    const at = (problem: string, detail: string) => problems.push({ index: f.index, code: f.code, problem, detail });
    if (!plan.districtIds.has(f.districtCode)) { at('DISTRICT_UNKNOWN', `district ${f.districtCode} is not in the org tree`); continue; }
    if (!plan.streetIds.has(f.streetCode) && !plan.newStreets.has(f.streetCode)) {
      if (f.streetName) plan.newStreets.set(f.streetCode, { districtCode: f.districtCode, name: f.streetName });
      else { at('STREET_UNKNOWN', `street ${f.streetCode} does not exist; give streetName to create it`); continue; }
    }
    if (!plan.communityIds.has(f.communityCode) && !plan.newCommunities.has(f.communityCode)) {
      if (f.communityName) plan.newCommunities.set(f.communityCode, { streetCode: f.streetCode, districtCode: f.districtCode, name: f.communityName });
      else at('COMMUNITY_UNKNOWN', `community ${f.communityCode} does not exist; give communityName to create it`);
    }
  }
  return plan;
}

/**
 * Checks and imports a grid FeatureCollection, all or nothing.
 * @throws DomainError GRID_IMPORT_INVALID with details.problems: [{ index, code?, problem, detail? }]
 */
export async function importGrids(db: Kysely<Database>, input: unknown, options: { dryRun?: boolean } = {}): Promise<GridImportResult> {
  const stored = await listGridGeometries(db);
  const { features, problems } = parseGridFeatureCollection(input, stored);
  const plan = await planOrg(db, features, problems);
  if (problems.length > 0) {
    problems.sort((a, b) => (a.index ?? -1) - (b.index ?? -1));
    throw new DomainError('GRID_IMPORT_INVALID', { problems });
  }
  const result: GridImportResult = {
    features: features.length, inserted: 0, updated: 0, streetsCreated: plan.newStreets.size,
    communitiesCreated: plan.newCommunities.size, dryRun: options.dryRun === true,
  };
  if (options.dryRun) return result;
  await db.transaction().execute(async (trx) => {
    for (const [code, street] of plan.newStreets) {
      const districtId = plan.districtIds.get(street.districtCode)!;
      const id = await insertStreet(trx, { district_id: districtId, code, name: street.name });
      await insertStreetUnit(trx, { district_id: districtId, street_id: id, code, name: street.name });
      plan.streetIds.set(code, id);
    }
    for (const [code, community] of plan.newCommunities) {
      const id = await insertCommunity(trx, {
        district_id: plan.districtIds.get(community.districtCode)!, street_id: plan.streetIds.get(community.streetCode)!, code, name: community.name,
      });
      plan.communityIds.set(code, id);
    }
    for (const f of features) {
      const outcome = await upsertGrid(trx, {
        district_id: plan.districtIds.get(f.districtCode)!, street_id: plan.streetIds.get(f.streetCode)!,
        community_id: plan.communityIds.get(f.communityCode)!, code: f.code, name: f.name, geometry: f.geometry,
      });
      result[outcome] += 1;
    }
  });
  invalidateGridIndex(db);
  invalidateReferenceData(db);
  return result;
}
