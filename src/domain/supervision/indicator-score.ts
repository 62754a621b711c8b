/**
 * 综合指标值 (0–100), grades and the 赛马 ranking (DESIGN §5). Weights are district settings;
 * rates whose weight is "inverted" (返工率, 延期率, 退单率) count as (1 − rate).
 */
import type { IndicatorRates } from './indicator-compute.ts';

export type RateKey = keyof IndicatorRates;
export type IndicatorWeights = Partial<Record<RateKey, number>>;

/** The default weights: 按期结案率 40, 满意率 30, 结案率 20, 返工率 10 (as 1 − 返工率). */
export const DEFAULT_WEIGHTS: IndicatorWeights = Object.freeze({ onTimeCloseRate: 40, satisfactionRate: 30, closeRate: 20, reworkRate: 10 });

/** Rates where lower is better; they enter the score as (1 − rate). */
export const INVERTED_RATES: readonly RateKey[] = ['reworkRate', 'extensionRate', 'returnRate'];

export type Grade = 'A' | 'B' | 'C' | 'D' | 'E';

/**
 * Weighted score. Rates without data (null) drop out and the remaining weights are rescaled,
 * so a unit without ratings is scored on its case handling alone; null when nothing is known.
 * @example compositeScore({ onTimeCloseRate: 1, satisfactionRate: 0.9, closeRate: 1, reworkRate: 0, … }, DEFAULT_WEIGHTS) // 97
 */
export function compositeScore(rates: IndicatorRates, weights: IndicatorWeights = DEFAULT_WEIGHTS): number | null {
  let sum = 0;
  let weightSum = 0;
  for (const [key, weight] of Object.entries(weights) as [RateKey, number][]) {
    const rate = rates[key];
    if (rate === null || rate === undefined || !(weight > 0)) continue;
    sum += weight * (INVERTED_RATES.includes(key) ? 1 - rate : rate);
    weightSum += weight;
  }
  if (weightSum === 0) return null;
  return Math.round((sum / weightSum) * 100 * 100) / 100;
}

/** @example gradeOf(89.99) // 'B' */
export function gradeOf(score: number | null): Grade | null {
  if (score === null) return null;
  if (score >= 90) return 'A';
  if (score >= 75) return 'B';
  if (score >= 60) return 'C';
  if (score >= 40) return 'D';
  return 'E';
}

export interface RankInput {
  unitId: number;
  score: number | null;
  /** 应结案数 in the period: only units with cases due are ranked (DESIGN §5). */
  due: number;
}

export interface RankedUnit {
  unitId: number;
  score: number;
  /** 1-based; ties share a place and the next place skips (1, 1, 3). */
  place: number;
  /** 争先进位计分: first place 100, −5 per place, not below 0. */
  rankScore: number;
}

/**
 * Ranks units by score, highest first; units without a score or without cases due in the period
 * (e.g. only service ratings) are not ranked.
 * @example rankUnits([{ unitId: 1, score: 90, due: 4 }, { unitId: 2, score: 95, due: 2 }, { unitId: 3, score: 90, due: 1 }])
 * // [{ unitId: 2, place: 1, rankScore: 100 }, { unitId: 1, place: 2, rankScore: 95 }, { unitId: 3, place: 2, rankScore: 95 }]
 */
export function rankUnits(inputs: readonly RankInput[]): RankedUnit[] {
  const scored = inputs.filter((input): input is RankInput & { score: number } => input.score !== null && input.due > 0);
  scored.sort((a, b) => b.score - a.score || a.unitId - b.unitId);
  const ranked: RankedUnit[] = [];
  scored.forEach((input, index) => {
    const previous = ranked[index - 1];
    const place = previous && previous.score === input.score ? previous.place : index + 1;
    ranked.push({ unitId: input.unitId, score: input.score, place, rankScore: Math.max(0, 100 - 5 * (place - 1)) });
  });
  return ranked;
}

/**
 * 红榜 and 黑榜: the units in the first `size` places and in the last `size` places. With fewer than
 * 2 × size ranked units the lists are shortened so that no unit is on both.
 */
export function redAndBlackLists(ranked: readonly RankedUnit[], size: number): { red: RankedUnit[]; black: RankedUnit[] } {
  const n = Math.min(size, Math.floor(ranked.length / 2));
  if (n === 0) return { red: [], black: [] };
  const red = ranked.filter((unit) => unit.place <= (ranked[n - 1] as RankedUnit).place);
  const lastPlaces = ranked.slice(ranked.length - n).map((unit) => unit.place);
  const black = ranked.filter((unit) => unit.place >= Math.min(...lastPlaces) && !red.includes(unit)).reverse();
  return { red, black };
}
