/** Reading the org tree and the category catalogue for the reference endpoints, optionally for one district. */
import { listCategories } from '../../db/repositories/case/index.ts';
import { findDistrictByCode, listDepartments, loadOrgTables, pingDatabase } from '../../db/repositories/org/org-repository.ts';
import { DomainError } from '../../domain/errors.ts';
import type { ServiceDeps } from '../service-deps.ts';

/** The district id for a district code; no code means every district; an unknown code is DISTRICT_UNKNOWN. */
async function districtIdOf(deps: ServiceDeps, districtCode: string | undefined): Promise<number | undefined> {
  if (!districtCode) return undefined;
  const district = await findDistrictByCode(deps.db, districtCode);
  if (!district) throw new DomainError('DISTRICT_UNKNOWN');
  return district.id;
}

/** Districts, streets, communities and grids as flat tables (of one district when a code is given). */
export async function readOrgTables(deps: ServiceDeps, districtCode?: string) {
  return loadOrgTables(deps.db, await districtIdOf(deps, districtCode));
}

/** The departments (of one district when a code is given). */
export async function readDepartments(deps: ServiceDeps, districtCode?: string) {
  return listDepartments(deps.db, await districtIdOf(deps, districtCode));
}

/** The category catalogue with its time limits. */
export function readCategories(deps: ServiceDeps) {
  return listCategories(deps.db);
}

/** Resolves when the database answers a trivial query (health checks). */
export function checkDatabase(deps: ServiceDeps): Promise<void> {
  return pingDatabase(deps.db);
}
