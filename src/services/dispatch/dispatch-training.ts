/**
 * Training the dispatch model of a district: the seed corpus plus the district's dispatched cases (an operator's
 * correction weighs more), stored as a new version. The server retrains every district on a schedule, one
 * instance at a time under a lease; `civicloop train` does the same once.
 */
import { buildDispatchModel, placeNameVariants, type DispatchModel } from '../../domain/dispatch/index.ts';
import { listCategories } from '../../db/repositories/case/index.ts';
import { releaseLease, tryTakeLease } from '../../db/repositories/case/index.ts';
import {
  insertDispatchModel, listDispatchedCaseLabels, listPlaceNames, listTrainableDistrictIds,
} from '../../db/repositories/dispatch/index.ts';
import { findDistrictByCode, findDistrictById } from '../../db/repositories/org/index.ts';
import { DomainError } from '../../domain/errors.ts';
import type { ServiceDeps } from '../service-deps.ts';
import { repeatEvery, type RepeatingWork } from '../repeat-every.ts';
import { jiebaSegmenter } from './jieba-segmenter.ts';

/** The newest dispatched cases a training reads: enough for years of a district, bounded in memory. */
export const TRAINING_CASE_LIMIT = 50_000;
export const DISPATCH_TRAINING_LEASE = 'dispatch-training';
// Long enough for a training of every district; renewed before each district.
const TRAINING_LEASE_MS = 10 * 60_000;

export interface TrainingResult {
  districtId: number;
  districtCode: string;
  version: number;
  trainedOn: DispatchModel['trainedOn'];
  /** No dispatched case yet: the model is the seed corpus alone (said so to whoever trained it). */
  seedOnly: boolean;
}

/** What both training and suggesting need of a district: its place names (for the segmenter and the features). */
export async function placeNamesOfDistrict(deps: Pick<ServiceDeps, 'db'>, districtId: number): Promise<string[]> {
  return placeNameVariants(await listPlaceNames(deps.db, districtId));
}

/** Trains and stores a new model version of one district. @throws DomainError NOT_FOUND for an unknown district */
export async function trainDistrictModel(deps: ServiceDeps, districtId: number): Promise<TrainingResult> {
  const district = await findDistrictById(deps.db, districtId);
  if (!district) throw new DomainError('NOT_FOUND');
  const [categories, rows, places] = await Promise.all([
    listCategories(deps.db),
    listDispatchedCaseLabels(deps.db, districtId, TRAINING_CASE_LIMIT),
    placeNamesOfDistrict(deps, districtId),
  ]);
  const history = rows.map((row) => ({
    text: row.text, categoryCode: row.categoryCode, departmentId: row.departmentId,
    corrected: row.suggestedCategoryCode !== null
      && (row.suggestedCategoryCode !== row.categoryCode || (row.suggestedDepartmentId !== null && row.suggestedDepartmentId !== row.departmentId)),
  }));
  const model = buildDispatchModel({
    history,
    activeCategoryCodes: new Set(categories.map((category) => category.code)),
    categoryNames: new Map(categories.map((category) => [category.code, [category.minor_name]])),
    features: { segment: jiebaSegmenter(places), placeNames: places },
    places,
  });
  const version = await insertDispatchModel(deps.db, { districtId, trainedAt: deps.clock(), trainedOn: model.trainedOn, model });
  return { districtId, districtCode: district.code, version, trainedOn: model.trainedOn, seedOnly: model.trainedOn.cases === 0 };
}

/** @throws DomainError DISTRICT_UNKNOWN */
export async function trainDistrictByCode(deps: ServiceDeps, districtCode: string): Promise<TrainingResult> {
  const district = await findDistrictByCode(deps.db, districtCode);
  if (!district) throw new DomainError('DISTRICT_UNKNOWN', { districtCode });
  return trainDistrictModel(deps, district.id);
}

/**
 * Trains every district under the training lease.
 * @returns the results, or null when another instance holds the lease
 */
export async function trainAllDistricts(deps: ServiceDeps, holder: string): Promise<TrainingResult[] | null> {
  if (!(await tryTakeLease(deps.db, DISPATCH_TRAINING_LEASE, holder, TRAINING_LEASE_MS))) return null;
  try {
    const results: TrainingResult[] = [];
    for (const districtId of await listTrainableDistrictIds(deps.db)) {
      await tryTakeLease(deps.db, DISPATCH_TRAINING_LEASE, holder, TRAINING_LEASE_MS);
      results.push(await trainDistrictModel(deps, districtId));
    }
    return results;
  } finally {
    await releaseLease(deps.db, DISPATCH_TRAINING_LEASE, holder);
  }
}

/** The server's periodic retraining; the first run waits one interval (a fresh district trains on its first suggestion). */
export function startRetrainLoop(deps: ServiceDeps, holder: string, intervalMs: number, onError: (error: unknown) => void): RepeatingWork {
  let first = true;
  return repeatEvery(async () => {
    if (first) { first = false; return; }
    await trainAllDistricts(deps, holder);
  }, intervalMs, onError);
}
