/**
 * The rollups (ADR 0005) against the fact-based computation kept as their oracle: every case-event
 * counter of every unit at every level, for one district and period. Returns the mismatches in words.
 */
import { computeFactTable, type DistrictRef } from '../../src/services/supervision/indicator-service.ts';
import { sumRollups, shanghaiDay } from '../../src/db/repositories/supervision/rollup-repository.ts';
import { parsePeriod } from '../../src/domain/supervision/period.ts';
import { UNIT_LEVELS } from '../../src/db/repositories/supervision/indicator-repository.ts';
import type { IndicatorCounts } from '../../src/domain/supervision/indicator-compute.ts';
import type { RollupCounter } from '../../src/domain/supervision/rollup-deltas.ts';
import type { ServiceDeps } from '../../src/services/service-deps.ts';

/** Rollup counter → the oracle's count it must equal (case-event counters; service ratings and notices to a department are not case events). */
const SAME: [RollupCounter, keyof IndicatorCounts][] = [
  ['filed', 'filed'], ['dispatched', 'dispatched'], ['returned', 'returned'], ['extended', 'extended'], ['closed', 'closed'],
  ['closed_on_time', 'closedOnTime'], ['resolved_on_time', 'resolvedOnTime'], ['followed_up', 'followedUp'],
  ['responded_in_time', 'respondedInTime'], ['solved', 'solved'],
];
/** Rating levels: equal where service ratings are never credited (they have no community, grid or person). */
const LEVELS: [RollupCounter, keyof IndicatorCounts][] = [
  ['very_satisfied', 'veryS'], ['satisfied', 'satisfied'], ['basically_satisfied', 'basicallyS'], ['dissatisfied', 'dissatisfied'],
  ['very_dissatisfied', 'veryD'],
];

export async function districtRef(services: ServiceDeps, code: string): Promise<DistrictRef> {
  const row = await services.db.selectFrom('districts').selectAll().where('code', '=', code).executeTakeFirstOrThrow();
  return { id: row.id, code: row.code.trim(), name: row.name, settings: (row.settings as Record<string, unknown> | null) ?? {} };
}

export async function compareRollupsWithOracle(services: ServiceDeps, district: DistrictRef, periodKey: string) {
  const period = parsePeriod(periodKey);
  const mismatches: string[] = [];
  let nonZero = 0;
  for (const level of UNIT_LEVELS) {
    const oracle = await computeFactTable(services, district, level, period);
    const sums = await sumRollups(services.db, district.id, level, shanghaiDay(period.start), shanghaiDay(period.end));
    const pairs = ['community', 'grid', 'person'].includes(level) ? [...SAME, ...LEVELS] : SAME;
    for (const row of oracle.units) {
      const rollup = sums.get(row.unit.id);
      for (const [counter, key] of pairs) {
        const got = rollup?.[counter] ?? 0;
        if (got !== 0) nonZero += 1;
        if (got !== row.counts[key]) mismatches.push(`${level} ${row.unit.code} ${key}: rollup ${got}, oracle ${row.counts[key]}`);
      }
    }
  }
  return { mismatches, nonZero };
}
