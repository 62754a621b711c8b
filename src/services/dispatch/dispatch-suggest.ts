/**
 * Suggestions for a report: which category and department, best first, with confidence, from the district's
 * model. The district comes from the given code, else from the location's grid, else from the caller; a
 * district never trained is trained on its first suggestion (the seed corpus carries it on day one).
 */
import { suggestCategories, type DispatchModel, type FeatureOptions } from '../../domain/dispatch/index.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/case/index.ts';
import { COMMAND_CENTRE_CODE } from '../../domain/org/index.ts';
import { listCategories } from '../../db/repositories/case/index.ts';
import { findLatestDispatchModel, findLatestDispatchModelVersion } from '../../db/repositories/dispatch/index.ts';
import { findDistrictByCode, findDistrictById, listDepartments } from '../../db/repositories/org/index.ts';
import type { CategoryRow, DispatchModelRow } from '../../db/schema.ts';
import { sqlState } from '../../db/sql-state.ts';
import { findGridAt, toWgs84, type CoordSystem, type LatLng } from '../geo/index.ts';
import type { ServiceDeps } from '../service-deps.ts';
import { jiebaSegmenter } from './jieba-segmenter.ts';
import { placeNamesOfDistrict, trainDistrictModel } from './dispatch-training.ts';

export const MAX_SUGGESTIONS = 5;

export interface SuggestInput {
  text: string;
  location?: LatLng | undefined;
  coordSystem?: CoordSystem | undefined;
  districtCode?: string | undefined;
  limit?: number | undefined;
}

export interface DispatchSuggestion {
  categoryCode: string;
  categoryName: string;
  categoryNameEn: string;
  kind: CategoryRow['kind'];
  departmentId: number | null;
  departmentName: string | null;
  departmentNameEn: string | null;
  confidence: number;
}

export interface SuggestResult {
  suggestions: DispatchSuggestion[];
  model: { districtCode: string; version: number; trainedAt: string; trainedOn: DispatchModelRow['trained_on']; seedOnly: boolean };
  /** How the district was chosen; `location_outside` = the point lies outside every grid and was not used. */
  districtFrom: 'district_code' | 'location' | 'caller' | 'location_outside';
}

interface LoadedModel {
  version: number;
  trainedAt: Date;
  trainedOn: DispatchModelRow['trained_on'];
  model: DispatchModel;
  features: FeatureOptions;
}

// Per database handle, per district: the parsed model of the version last seen. A version check (one indexed
// max()) per suggestion keeps every instance on the newest training without reparsing the JSON each time.
const MODEL_CACHE = new WeakMap<object, Map<number, LoadedModel>>();

// Suggestions arriving together for an untrained district share one training.
const TRAINING_IN_FLIGHT = new Map<number, Promise<unknown>>();

async function trainOnce(deps: ServiceDeps, districtId: number): Promise<void> {
  let running = TRAINING_IN_FLIGHT.get(districtId);
  if (!running) {
    running = trainDistrictModel(deps, districtId).catch((error: unknown) => {
      // Another instance stored version 1 first (unique district, version): its model serves as well.
      if (sqlState(error) !== '23505') throw error;
    }).finally(() => TRAINING_IN_FLIGHT.delete(districtId));
    TRAINING_IN_FLIGHT.set(districtId, running);
  }
  await running;
}

async function loadModel(deps: ServiceDeps, districtId: number, cacheOwner: object): Promise<LoadedModel> {
  let cache = MODEL_CACHE.get(cacheOwner);
  if (!cache) { cache = new Map(); MODEL_CACHE.set(cacheOwner, cache); }
  const latest = await findLatestDispatchModelVersion(deps.db, districtId);
  const cached = cache.get(districtId);
  if (cached && latest !== null && cached.version === latest) return cached;
  if (latest === null) await trainOnce(deps, districtId);
  const row = await findLatestDispatchModel(deps.db, districtId);
  if (!row) throw new Error(`dispatch model of district ${districtId} missing right after training`);
  const places = await placeNamesOfDistrict(deps, districtId);
  const loaded: LoadedModel = {
    version: row.version, trainedAt: row.trained_at, trainedOn: row.trained_on, model: row.model as DispatchModel,
    features: { segment: jiebaSegmenter(places), placeNames: places },
  };
  cache.set(districtId, loaded);
  return loaded;
}

async function resolveDistrict(deps: ServiceDeps, actor: Actor, input: SuggestInput) {
  if (input.districtCode) {
    const district = await findDistrictByCode(deps.db, input.districtCode);
    if (!district) throw new DomainError('DISTRICT_UNKNOWN', { districtCode: input.districtCode });
    return { district, from: 'district_code' as const };
  }
  let outside = false;
  if (input.location) {
    const grid = await findGridAt(deps, toWgs84(input.location, input.coordSystem));
    const district = grid ? await findDistrictById(deps.db, grid.districtId) : undefined;
    if (district) return { district, from: 'location' as const };
    outside = true;
  }
  const district = actor.districtId !== null ? await findDistrictById(deps.db, actor.districtId) : undefined;
  if (!district) throw new DomainError('DISPATCH_DISTRICT_UNRESOLVED', outside ? { location: input.location } : undefined);
  return { district, from: outside ? ('location_outside' as const) : ('caller' as const) };
}

/**
 * @param cacheOwner - whose model cache to use: the database handle, also when `deps.db` is one of its
 *   transactions (the auto-dispatch follow-up suggests inside the drain's transaction)
 * @throws DomainError DISTRICT_UNKNOWN, DISPATCH_DISTRICT_UNRESOLVED
 */
export async function suggestDispatch(deps: ServiceDeps, actor: Actor, input: SuggestInput, cacheOwner: object = deps.db): Promise<SuggestResult> {
  const { district, from } = await resolveDistrict(deps, actor, input);
  const loaded = await loadModel(deps, district.id, cacheOwner);
  const ranked = suggestCategories(loaded.model, input.text, loaded.features, Math.min(input.limit ?? MAX_SUGGESTIONS, MAX_SUGGESTIONS));
  const [categories, departments] = await Promise.all([listCategories(deps.db), listDepartments(deps.db, district.id)]);
  const categoryByCode = new Map(categories.map((category) => [category.code, category]));
  const departmentById = new Map(departments.map((department) => [department.id, department]));
  const departmentByCode = new Map(departments.filter((department) => department.street_id === null).map((department) => [department.code, department]));
  const suggestions: DispatchSuggestion[] = [];
  for (const entry of ranked) {
    // A category an admin switched off since the training is not offered.
    const category = categoryByCode.get(entry.categoryCode);
    if (!category) continue;
    const department = (entry.historyDepartmentId !== null ? departmentById.get(entry.historyDepartmentId) : undefined)
      ?? departmentByCode.get(category.department_code) ?? departmentByCode.get(COMMAND_CENTRE_CODE);
    suggestions.push({
      categoryCode: category.code, categoryName: category.minor_name, categoryNameEn: category.minor_name_en, kind: category.kind,
      departmentId: department?.id ?? null, departmentName: department?.name ?? null, departmentNameEn: department?.name_en ?? null,
      confidence: Math.round(entry.confidence * 1000) / 1000,
    });
  }
  return {
    suggestions,
    model: {
      districtCode: district.code, version: loaded.version, trainedAt: loaded.trainedAt.toISOString(),
      trainedOn: loaded.trainedOn, seedOnly: loaded.trainedOn.cases === 0,
    },
    districtFrom: from,
  };
}
