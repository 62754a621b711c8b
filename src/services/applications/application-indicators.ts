/**
 * 政务服务 indicators and ranking of one district, level (department or window) and month: load the
 * applications' events before asOf = min(month end, now), compute with the pure rules, name the units.
 * Readers: the district's command centre, supervisors and leaders, admin naming the district, and a
 * department's handlers (the ranking of their district, their own department marked by the UI).
 */
import { permits } from '../../domain/access/index.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/case/index.ts';
import {
  computeApplicationIndicators, type ApplicationCounts, type ApplicationRates, type ApplicationUnitLevel,
} from '../../domain/applications/index.ts';
import type { Grade } from '../../domain/supervision/index.ts';
import { parsePeriod, previousPeriod, type Period } from '../../domain/supervision/index.ts';
import { listApplicationUnits, loadApplicationHistories, type ApplicationUnitRow } from '../../db/repositories/applications/index.ts';
import { findDistrictByCode, findDistrictById } from '../../db/repositories/org/index.ts';
import type { ServiceDeps } from '../service-deps.ts';

export interface ApplicationUnitIndicatorsView {
  unit: ApplicationUnitRow;
  counts: ApplicationCounts;
  rates: ApplicationRates;
  score: number | null;
  grade: Grade | null;
  /** 1-based; null when the unit is not ranked (nothing received, concluded or rated). */
  place: number | null;
  rankScore: number | null;
  previousPlace: number | null;
  /** previousPlace − place (positive = up); null if not ranked before. */
  movement: number | null;
}

export interface ApplicationIndicatorReport {
  district: { id: number; code: string; name: string };
  period: Period;
  asOf: Date;
  level: ApplicationUnitLevel;
  items: ApplicationUnitIndicatorsView[];
  total: { counts: ApplicationCounts; rates: ApplicationRates; score: number | null; grade: Grade | null };
}

/**
 * The district an actor may read the indicators of.
 * @throws DomainError AUTH_REQUIRED, FORBIDDEN, DISTRICT_UNKNOWN, VALIDATION_FAILED (admin without district)
 */
export async function applicationIndicatorDistrict(deps: ServiceDeps, actor: Actor, districtCode: string | undefined) {
  if (actor.role === 'anonymous') throw new DomainError('AUTH_REQUIRED');
  let row;
  if (actor.role === 'admin') {
    if (!districtCode) throw new DomainError('VALIDATION_FAILED', [{ path: 'district', code: 'required' }]);
    row = await findDistrictByCode(deps.db, districtCode);
  } else {
    if (!permits(actor, 'application.indicators') || actor.districtId === null) throw new DomainError('FORBIDDEN');
    row = await findDistrictById(deps.db, actor.districtId);
    if (row && districtCode && row.code.trim() !== districtCode) throw new DomainError('FORBIDDEN', { district: districtCode });
  }
  if (!row) throw new DomainError('DISTRICT_UNKNOWN', { districtCode });
  return { id: row.id, code: row.code.trim(), name: row.name };
}

/** The month's indicators of every unit of the level, ranked, with the place of the month before. */
export async function computeApplicationIndicatorReport(
  deps: ServiceDeps, district: { id: number; code: string; name: string }, level: ApplicationUnitLevel, month: string,
): Promise<ApplicationIndicatorReport> {
  const period = parsePeriod(month);
  if (period.kind !== 'month') throw new DomainError('PERIOD_INVALID', { period: month });
  const now = deps.clock();
  const asOf = new Date(Math.min(period.end.getTime(), now.getTime()));
  const previous = previousPeriod(period);
  const histories = await loadApplicationHistories(deps.db, district.id, asOf);
  const table = computeApplicationIndicators(histories, level, period, asOf);
  const before = computeApplicationIndicators(histories, level, previous, new Date(Math.min(previous.end.getTime(), asOf.getTime())));
  const units = new Map((await listApplicationUnits(deps.db, level, table.units.map((unit) => unit.unitId))).map((unit) => [unit.id, unit]));
  const items = table.units.map((unit) => {
    const ranked = table.ranking.find((entry) => entry.unitId === unit.unitId);
    const previousPlace = before.ranking.find((entry) => entry.unitId === unit.unitId)?.place ?? null;
    return {
      unit: units.get(unit.unitId) ?? { id: unit.unitId, code: String(unit.unitId), name: String(unit.unitId) },
      counts: unit.counts, rates: unit.rates, score: unit.score, grade: unit.grade,
      place: ranked?.place ?? null, rankScore: ranked?.rankScore ?? null, previousPlace,
      movement: ranked && previousPlace !== null ? previousPlace - ranked.place : null,
    };
  });
  items.sort((a, b) => (a.place ?? Infinity) - (b.place ?? Infinity) || a.unit.id - b.unit.id);
  return { district, period, asOf, level, items, total: table.total };
}
