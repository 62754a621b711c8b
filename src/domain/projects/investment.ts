/**
 * Monthly investment (投资完成): cumulative sums, % of the annual plan against 序时进度, the traffic light,
 * and the checks on a monthly report. Amounts are 万元.
 */
import type { TrafficLight, Ym } from './project-model.ts';

/**
 * 序时进度: the share of the year elapsed at the end of a month, in percent (month / 12 × 100, one decimal).
 * @example timeProgress('2026-03') // 25
 */
export function timeProgress(month: Ym): number {
  return round1((Number(month.slice(5, 7)) / 12) * 100);
}

/**
 * Percent of a plan done (one decimal); null when there is no plan.
 * @example percentOfPlan(300, 1200) // 25
 */
export function percentOfPlan(done: number, plan: number): number | null {
  return plan > 0 ? round1((done / plan) * 100) : null;
}

/** How far behind the time progress still shows amber, in percentage points. */
export const AMBER_BAND_POINTS = 10;

/**
 * Green at or ahead of the time progress, amber up to 10 points behind, red further behind.
 * @example progressLight(20, 25) // 'amber'
 */
export function progressLight(percentDone: number | null, timeProgressPercent: number): TrafficLight {
  if (percentDone === null) return 'red';
  if (percentDone >= timeProgressPercent) return 'green';
  return percentDone >= timeProgressPercent - AMBER_BAND_POINTS ? 'amber' : 'red';
}

export interface MonthlyAmount {
  month: Ym;
  amount: number;
}

export interface Cumulative {
  /** 本年累计: January to the month, inclusive. */
  yearToDate: number;
  /** 开工至今累计: every reported month up to and including the month. */
  sinceStart: number;
}

/** The cumulative sums at `month` from the monthly amounts (any order). */
export function cumulativeAt(reports: readonly MonthlyAmount[], month: Ym): Cumulative {
  const upTo = reports.filter((report) => report.month <= month);
  const year = month.slice(0, 4);
  return {
    yearToDate: round2(upTo.filter((report) => report.month.startsWith(year)).reduce((sum, report) => sum + report.amount, 0)),
    sinceStart: round2(upTo.reduce((sum, report) => sum + report.amount, 0)),
  };
}

export type ReportProblem = 'investment_invalid' | 'future_month' | 'duplicate_month' | 'over_total_plan';

export interface ReportCheckInput {
  month: Ym;
  amount: number;
  currentMonth: Ym;
  existing: readonly MonthlyAmount[];
  totalPlanned: number;
  /** An explanation lets cumulative investment pass the total plan (概算调整 pending). */
  overPlanExplanation: string | null;
}

/** Every rule a new monthly report breaks, in a fixed order; empty when it may be filed. */
export function reportProblems(input: ReportCheckInput): ReportProblem[] {
  const problems: ReportProblem[] = [];
  if (!Number.isFinite(input.amount) || input.amount < 0) problems.push('investment_invalid');
  if (input.month > input.currentMonth) problems.push('future_month');
  if (input.existing.some((report) => report.month === input.month)) problems.push('duplicate_month');
  const total = cumulativeAt([...input.existing, { month: input.month, amount: input.amount }], '9999-12').sinceStart;
  if (total > input.totalPlanned && !input.overPlanExplanation?.trim()) problems.push('over_total_plan');
  return problems;
}

/** Round to one decimal place, half away from zero, without binary drift on .x5. */
export function round1(value: number): number {
  return Math.round((value + Number.EPSILON) * 10) / 10;
}

function round2(value: number): number {
  return Math.round((value + Number.EPSILON) * 100) / 100;
}
