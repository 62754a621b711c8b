/**
 * An admin reads and changes a district's settings. A change is validated against the one settings
 * schema, recorded for the next indicator period (past periods never change) and audited.
 */
import { invalidateReferenceData } from './reference-cache.ts';
import { DomainError } from '../../domain/errors.ts';
import {
  DistrictSettingsPatchSchema, nextPeriod, parseDistrictSettings, periodOf, storedChanges, withChange, type DistrictSettingsPatch,
} from '../../domain/org/index.ts';
import { findDistrictByCode, lockDistrictByCode, updateDistrictSettings } from '../../db/repositories/org/org-repository.ts';
import { insertAudit } from '../../db/repositories/admin/index.ts';
import type { ServiceDeps } from '../service-deps.ts';
import { runWrite } from '../write-transaction.ts';

type DistrictRow = NonNullable<Awaited<ReturnType<typeof findDistrictByCode>>>;

function viewOf(row: DistrictRow, now: Date) {
  const period = periodOf(now);
  const district = { settings: row.settings, workingHours: row.working_hours };
  const pending = storedChanges(row.settings).filter((change) => change.appliesFrom > period);
  return {
    district: row.code.trim(), period, inForce: parseDistrictSettings(district, period),
    nextPeriod: nextPeriod(period), fromNextPeriod: parseDistrictSettings(district, nextPeriod(period)), pending,
  };
}

/** @throws DomainError DISTRICT_UNKNOWN */
export async function getDistrictSettings(deps: ServiceDeps, code: string) {
  const row = await findDistrictByCode(deps.db, code);
  if (!row) throw new DomainError('DISTRICT_UNKNOWN', { districtCode: code });
  return viewOf(row, deps.clock());
}

/** Checks a patch against the schema, naming the broken rule: overlapping hours and weights have their own codes. */
export function validateSettingsPatch(input: unknown): DistrictSettingsPatch {
  const result = DistrictSettingsPatchSchema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message, code: (issue as { params?: { code?: string } }).params?.code ?? issue.code }));
  if (issues.some((issue) => issue.code === 'working_hours_invalid')) throw new DomainError('DISTRICT_SETTINGS_HOURS_INVALID', issues);
  if (issues.some((issue) => issue.code === 'weights_sum')) throw new DomainError('DISTRICT_SETTINGS_WEIGHTS_SUM', issues);
  throw new DomainError('VALIDATION_FAILED', issues);
}

/**
 * Records a change of settings applying from the next period, in one transaction with its audit entry.
 * @throws DomainError DISTRICT_UNKNOWN, DISTRICT_SETTINGS_HOURS_INVALID, DISTRICT_SETTINGS_WEIGHTS_SUM, VALIDATION_FAILED
 */
export async function changeDistrictSettings(deps: ServiceDeps, code: string, input: unknown, actorUserId: number | null) {
  const patch = validateSettingsPatch(input);
  const now = deps.clock();
  const appliesFrom = nextPeriod(periodOf(now));
  const result = await runWrite(deps, async (trx) => {
    const row = await lockDistrictByCode(trx, code);
    if (!row) throw new DomainError('DISTRICT_UNKNOWN', { districtCode: code });
    const before = parseDistrictSettings({ settings: row.settings, workingHours: row.working_hours }, appliesFrom);
    const settings = withChange(row.settings, appliesFrom, patch);
    await updateDistrictSettings(trx, row.id, settings);
    await insertAudit(trx, { at: now, actorUserId, action: 'district.settings', subject: `district:${row.code.trim()}`, data: { appliesFrom, patch, before } });
    return { appliesFrom, ...viewOf({ ...row, settings }, now) };
  });
  invalidateReferenceData(deps.db);
  return result;
}
