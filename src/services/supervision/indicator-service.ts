/**
 * Indicators and rankings (DESIGN §5) for one district, level and period: load the facts, group
 * them by unit, compute with the pure rules, score with the district's weights, rank.
 */
import { grantOf, permits } from '../../domain/access/index.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/case/index.ts';
import { parseDistrictSettings, periodOf } from '../../domain/org/index.ts';
import { computeIndicators, type IndicatorCounts, type IndicatorRates, ratesOf, type IndicatorValues } from '../../domain/supervision/indicator-compute.ts';
import { emptyFacts, type UnitFacts } from '../../domain/supervision/indicator-facts.ts';
import {
  compositeScore, gradeOf, rankUnits, redAndBlackLists, type Grade, type IndicatorWeights,
} from '../../domain/supervision/indicator-score.ts';
import { previousPeriod, type Period } from '../../domain/supervision/period.ts';
import {
  listUnits, loadCaseFacts, loadFlowFacts, loadNoticeFacts, loadRatingFacts, loadServiceRatingFacts, type Tagged, type UnitLevel, type UnitRow,
} from '../../db/repositories/supervision/indicator-repository.ts';
import { findDistrictByCode, findDistrictById } from '../../db/repositories/org/index.ts';
import { closeFinishedDays, readFrozenSums, type FrozenSums } from '../../db/repositories/supervision/day-close-repository.ts';
import { shanghaiDay } from '../../db/repositories/supervision/rollup-repository.ts';
import type { ServiceDeps } from '../service-deps.ts';

export interface DistrictRef {
  id: number;
  code: string;
  name: string;
  settings: Record<string, unknown>;
}

/**
 * The district an actor asks about: their own, or for admin the one named.
 * @throws DomainError AUTH_REQUIRED, FORBIDDEN, DISTRICT_UNKNOWN
 */
export async function districtForReader(deps: ServiceDeps, actor: Actor, districtCode: string | undefined): Promise<DistrictRef> {
  if (actor.role === 'anonymous') throw new DomainError('AUTH_REQUIRED');
  const grant = grantOf(actor.role, 'supervision.indicators');
  if (grant.length === 0 || (!grant.includes('any') && actor.districtId === null)) throw new DomainError('FORBIDDEN');
  // A reader of one district reads its own; one granted every district (admin) must name the one it reads.
  const spansDistricts = grant.includes('any');
  if (spansDistricts && !districtCode) throw new DomainError('VALIDATION_FAILED', [{ path: 'district', code: 'required' }]);
  const row = spansDistricts ? await findDistrictByCode(deps.db, districtCode!) : await findDistrictById(deps.db, actor.districtId!);
  if (row && !permits(actor, 'supervision.indicators', { districtId: row.id })) throw new DomainError('FORBIDDEN');
  if (row && !spansDistricts && districtCode && row.code.trim() !== districtCode) throw new DomainError('FORBIDDEN', { district: districtCode });
  if (!row) throw new DomainError('DISTRICT_UNKNOWN', { districtCode });
  return { id: row.id, code: row.code.trim(), name: row.name, settings: (row.settings as Record<string, unknown> | null) ?? {} };
}

/** The district's weights in force for a period (settings changes apply from their period on), or the documented default. */
export function weightsOf(district: DistrictRef, period: Period): IndicatorWeights {
  return parseDistrictSettings(district, periodOf(period.start)).indicatorWeights;
}

export interface UnitIndicators {
  unit: UnitRow;
  counts: IndicatorCounts;
  rates: IndicatorRates;
  score: number | null;
  grade: Grade | null;
}

export interface IndicatorTable {
  period: Period;
  asOf: Date;
  level: UnitLevel;
  weights: IndicatorWeights;
  units: UnitIndicators[];
  total: Omit<UnitIndicators, 'unit'>;
}

function groupFacts(tagged: { [K in keyof UnitFacts]: Tagged<UnitFacts[K][number]>[] }) {
  const byUnit = new Map<number, UnitFacts>();
  const all = emptyFacts();
  for (const key of ['cases', 'flows', 'ratings', 'notices'] as const) {
    for (const item of tagged[key]) {
      (all[key] as unknown[]).push(item.fact);
      if (item.unitId === null) continue;
      const facts = byUnit.get(item.unitId) ?? emptyFacts();
      (facts[key] as unknown[]).push(item.fact);
      byUnit.set(item.unitId, facts);
    }
  }
  return { byUnit, all };
}

/**
 * Computes the indicator table of every unit of a level (or one unit) for a period.
 * @param unit - a unit's code (or id) to compute only that unit
 * @throws DomainError UNIT_UNKNOWN when `unit` is not a unit of that level in the district
 */
export async function computeIndicatorTable(
  deps: ServiceDeps,
  district: DistrictRef,
  level: UnitLevel,
  period: Period,
  unit?: string,
): Promise<IndicatorTable> {
  const now = deps.clock();
  if (period.end.getTime() <= now.getTime()) return computeFrozenTable(deps, district, level, period, unit);
  return computeFactTable(deps, district, level, period, unit);
}

/**
 * The fact-based computation from cases' current rows, at asOf = min(end, now): serves the running
 * period, and is the test oracle for the rollups (equal to them when evaluated at a period's end).
 */
export async function computeFactTable(
  deps: ServiceDeps,
  district: DistrictRef,
  level: UnitLevel,
  period: Period,
  unit?: string,
): Promise<IndicatorTable> {
  const now = deps.clock();
  const asOf = new Date(Math.min(period.end.getTime(), now.getTime()));
  const window = { start: period.start, end: period.end, asOf };
  const [units, cases, flows, ratings, notices] = await Promise.all([
    listUnits(deps.db, district.id, level),
    loadCaseFacts(deps.db, district.id, level, period.start, period.end),
    loadFlowFacts(deps.db, district.id, level, period.start, period.end),
    loadRatingFacts(deps.db, district.id, level, period.start, period.end),
    loadNoticeFacts(deps.db, district.id, level, period.start, period.end),
  ]);
  const selected = unit === undefined ? units : units.filter((row) => row.code === unit || String(row.id) === unit);
  if (unit !== undefined && selected.length === 0) throw new DomainError('UNIT_UNKNOWN', { level, unit });
  const weights = weightsOf(district, period);
  const { byUnit, all } = groupFacts({ cases, flows, ratings, notices });
  const score = (facts: UnitFacts) => {
    const values = computeIndicators(facts, window);
    const value = compositeScore(values.rates, weights);
    return { ...values, score: value, grade: gradeOf(value) };
  };
  return {
    period, asOf, level, weights,
    units: selected.map((row) => ({ unit: row, ...score(byUnit.get(row.id) ?? emptyFacts()) })),
    total: score(all),
  };
}

/** Case counters from the rollups plus the service-rating and notice facts of the unit. */
function frozenValues(sums: FrozenSums | undefined, other: IndicatorValues): IndicatorValues {
  const r = sums ?? ({} as Partial<FrozenSums>);
  const n = (value: number | undefined) => value ?? 0;
  const o = other.counts;
  const closed = n(r.closed);
  const closedOnTime = n(r.closedOnTime);
  const dueOpen = n(r.dueOpen);
  const counts: IndicatorCounts = {
    filed: n(r.filed), closed, dueOpen, due: closed + dueOpen, closedOnTime,
    dueToResolve: n(r.resolvedOnTime) + n(r.missedResolve), resolvedOnTime: n(r.resolvedOnTime),
    rework: n(r.closedReworked) + n(r.reworkOpen), overdueOpen: n(r.overdueOpen), closedLate: closed - closedOnTime,
    overdue: n(r.overdueOpen) + closed - closedOnTime, extended: n(r.extended), dispatched: n(r.dispatched), returned: n(r.returned),
    rated: n(r.followedUp) + o.rated, followedUp: n(r.followedUp), respondedInTime: n(r.respondedInTime), solved: n(r.solved),
    veryS: n(r.veryS) + o.veryS, satisfied: n(r.satisfied) + o.satisfied, basicallyS: n(r.basicallyS) + o.basicallyS,
    dissatisfied: n(r.dissatisfied) + o.dissatisfied, veryD: n(r.veryD) + o.veryD,
    noticesIssued: o.noticesIssued, noticesAnsweredOnTime: o.noticesAnsweredOnTime, noticesEscalated: o.noticesEscalated,
  };
  return { counts, rates: ratesOf(counts) };
}

/**
 * A past period, frozen at its end (docs/indicators.md §2a, ADR 0005): case figures come from the
 * per-day rollups the timeline kept and from the state written when each day was closed, never from a
 * case's current row. Service ratings and notices are their own rows, read as they stood at the end.
 */
async function computeFrozenTable(deps: ServiceDeps, district: DistrictRef, level: UnitLevel, period: Period, unit?: string): Promise<IndicatorTable> {
  const fromDay = shanghaiDay(period.start);
  const toDay = shanghaiDay(period.end);
  // Rollups move when events are linked (ADR 0006): count what this process committed before reading them.
  await deps.afterCommit.kick();
  await closeFinishedDays(deps.db, district.id, fromDay, toDay, deps.clock());
  const units = await listUnits(deps.db, district.id, level);
  const selected = unit === undefined ? units : units.filter((row) => row.code === unit || String(row.id) === unit);
  if (unit !== undefined && selected.length === 0) throw new DomainError('UNIT_UNKNOWN', { level, unit });
  // Only rows of units × days and the period's own service ratings and notices: nothing here reads a case.
  const [sums, totals, services, notices] = await Promise.all([
    readFrozenSums(deps.db, district.id, level, fromDay, toDay),
    readFrozenSums(deps.db, district.id, 'district', fromDay, toDay),
    loadServiceRatingFacts(deps.db, district.id, level, period.start, period.end),
    loadNoticeFacts(deps.db, district.id, level, period.start, period.end),
  ]);
  const noticesAtEnd = notices.map((item) => ({
    ...item,
    fact: { ...item.fact, respondedAt: item.fact.respondedAt && item.fact.respondedAt.getTime() <= period.end.getTime() ? item.fact.respondedAt : null },
  }));
  const { byUnit, all } = groupFacts({ cases: [], flows: [], ratings: services, notices: noticesAtEnd });
  const window = { start: period.start, end: period.end, asOf: period.end };
  const weights = weightsOf(district, period);
  const score = (values: IndicatorValues) => {
    const value = compositeScore(values.rates, weights);
    return { ...values, score: value, grade: gradeOf(value) };
  };
  return {
    period, asOf: period.end, level, weights,
    units: selected.map((row) => ({ unit: row, ...score(frozenValues(sums.get(row.id), computeIndicators(byUnit.get(row.id) ?? emptyFacts(), window))) })),
    total: score(frozenValues(totals.get(district.id), computeIndicators(all, window))),
  };
}

export interface RankingRow {
  unit: UnitRow;
  score: number;
  grade: Grade | null;
  place: number;
  rankScore: number;
  previousPlace: number | null;
  /** Places gained since the previous period (positive = up); null when not ranked then. */
  movement: number | null;
}

export interface Ranking {
  period: Period;
  previous: Period;
  level: UnitLevel;
  weights: IndicatorWeights;
  items: RankingRow[];
  unranked: UnitRow[];
  redList: RankingRow[];
  blackList: RankingRow[];
}

/** Only units with cases due in the period are ranked (no data is not a score; ratings alone are not a race). */
function rankable(table: IndicatorTable) {
  return table.units.map((row) => ({ unitId: row.unit.id, score: row.score, due: row.counts.due }));
}

/** The 赛马 ranking of a level for a period, with movement against the previous period and the red and black lists. */
export async function computeRanking(deps: ServiceDeps, district: DistrictRef, level: UnitLevel, period: Period): Promise<Ranking> {
  const previous = previousPeriod(period);
  const [current, before] = [await computeIndicatorTable(deps, district, level, period), await computeIndicatorTable(deps, district, level, previous)];
  const ranked = rankUnits(rankable(current));
  const previousPlaces = new Map(rankUnits(rankable(before)).map((row) => [row.unitId, row.place]));
  const byId = new Map(current.units.map((row) => [row.unit.id, row]));
  const toRow = (entry: (typeof ranked)[number]): RankingRow => {
    const previousPlace = previousPlaces.get(entry.unitId) ?? null;
    const source = byId.get(entry.unitId)!;
    return {
      unit: source.unit, score: entry.score, grade: source.grade, place: entry.place, rankScore: entry.rankScore, previousPlace,
      movement: previousPlace === null ? null : previousPlace - entry.place,
    };
  };
  const items = ranked.map(toRow);
  const lists = redAndBlackLists(ranked, parseDistrictSettings(district, periodOf(period.start)).rankingListSize);
  const itemOf = (unitId: number) => items.find((row) => row.unit.id === unitId)!;
  return {
    period, previous, level, weights: current.weights, items,
    unranked: current.units.filter((row) => !ranked.some((entry) => entry.unitId === row.unit.id)).map((row) => row.unit),
    redList: lists.red.map((row) => itemOf(row.unitId)),
    blackList: lists.black.map((row) => itemOf(row.unitId)),
  };
}
