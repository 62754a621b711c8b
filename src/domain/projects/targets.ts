/**
 * District targets (目标): an amount (规上工业总产值 500亿元) is judged by its cumulative share of the annual
 * target against 序时进度; a growth rate (固定资产投资增速 5.5%) by the year-on-year figure against the
 * target rate. Peers are ranked on the same measure.
 */
import { percentOfPlan, progressLight, timeProgress } from './investment.ts';
import { rankUnits } from '../supervision/index.ts';
import type { TrafficLight, Ym } from './project-model.ts';

export const TARGET_KINDS = ['amount', 'growth'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

/** A growth rate this many points below target is still amber. */
export const GROWTH_AMBER_POINTS = 1;

export interface TargetStanding {
  /** amount: % of the annual target done; growth: the year-on-year rate. */
  measure: number | null;
  timeProgress: number;
  light: TrafficLight | null;
}

/**
 * @example targetStanding('amount', 500, { value: 260, yoy: 10 }, '2026-06') // { measure: 52, timeProgress: 50, light: 'green' }
 * @example targetStanding('growth', 5.5, { value: null, yoy: 4.8 }, '2026-06') // { measure: 4.8, timeProgress: 50, light: 'amber' }
 */
export function targetStanding(kind: TargetKind, target: number | null, actual: { value: number | null; yoy: number | null } | null, month: Ym): TargetStanding {
  const progress = timeProgress(month);
  if (target === null || actual === null) return { measure: null, timeProgress: progress, light: null };
  if (kind === 'amount') {
    const measure = actual.value === null ? null : percentOfPlan(actual.value, target);
    return { measure, timeProgress: progress, light: measure === null ? null : progressLight(measure, progress) };
  }
  const yoy = actual.yoy;
  if (yoy === null) return { measure: null, timeProgress: progress, light: null };
  const light: TrafficLight = yoy >= target ? 'green' : yoy >= target - GROWTH_AMBER_POINTS ? 'amber' : 'red';
  return { measure: yoy, timeProgress: progress, light };
}


/** Places among peer districts by the measure, highest first; ties share a place (争先进位 as for cases). */
export function rankPeers(peers: readonly { districtId: number; measure: number | null }[]): { districtId: number; place: number; rankScore: number }[] {
  return rankUnits(peers.map((peer) => ({ unitId: peer.districtId, score: peer.measure, due: 1 })))
    .map((ranked) => ({ districtId: ranked.unitId, place: ranked.place, rankScore: ranked.rankScore }));
}
