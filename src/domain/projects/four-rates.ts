/**
 * 四率 (four rates) of a set of projects at a month's end — the formulas docs/projects.md states:
 * - 招商落地率 landingRate = projects whose 招商落地 stage is complete / projects with a signed contract
 * - 前期工作成熟率 preparationRate = projects whose 前期审批 stage is complete / projects landed
 * - 投资完成率 investmentRate = Σ investment January..month / Σ annual planned investment
 * - 项目入统率 registrationRate = projects registered / projects eligible for registration
 * Every count reads node dates up to the month's last day, so a month reads the same later unless a
 * node date is corrected. A rate with an empty denominator is null.
 */
import { DEFAULT_LIFECYCLE, KEY_NODES, type LifecycleStage } from './lifecycle.ts';
import { nodeDoneBy, stageCompleteBy } from './node-rules.ts';
import { cumulativeAt, percentOfPlan, type MonthlyAmount } from './investment.ts';
import { registrationEligibility } from './statistical-registration.ts';
import type { ProjectNodeState, Ym, Ymd } from './project-model.ts';

export interface RateProject {
  totalPlanned: number;
  annualPlanned: number;
  nodes: readonly ProjectNodeState[];
  reports: readonly MonthlyAmount[];
}

export interface FourRates {
  landingRate: number | null;
  preparationRate: number | null;
  investmentRate: number | null;
  registrationRate: number | null;
  counts: { projects: number; signed: number; landed: number; prepared: number; eligible: number; registered: number };
  investment: { yearToDate: number; annualPlanned: number };
}

/** The last day of a month 'YYYY-MM'. */
export function monthEnd(month: Ym): Ymd {
  const [year, mon] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  const last = new Date(Date.UTC(year, mon, 0)).getUTCDate();
  return `${month}-${String(last).padStart(2, '0')}`;
}

/** The four rates in percent (one decimal). */
export function fourRates(projects: readonly RateProject[], month: Ym, lifecycle: readonly LifecycleStage[] = DEFAULT_LIFECYCLE): FourRates {
  const asOf = monthEnd(month);
  const [landingStage, approvalStage] = [lifecycle[0]?.code ?? '', lifecycle[1]?.code ?? ''];
  const signed = projects.filter((project) => nodeDoneBy(project.nodes, KEY_NODES.signed, asOf));
  const landed = signed.filter((project) => stageCompleteBy(project.nodes, landingStage, asOf));
  const prepared = landed.filter((project) => stageCompleteBy(project.nodes, approvalStage, asOf));
  const eligible = projects.filter((project) => registrationEligibility(project.totalPlanned, project.nodes, asOf).eligible);
  const registered = eligible.filter((project) => nodeDoneBy(project.nodes, KEY_NODES.registered, asOf));
  const yearToDate = projects.reduce((sum, project) => sum + cumulativeAt(project.reports, month).yearToDate, 0);
  const annualPlanned = projects.reduce((sum, project) => sum + project.annualPlanned, 0);
  return {
    landingRate: ratio(landed.length, signed.length),
    preparationRate: ratio(prepared.length, landed.length),
    investmentRate: percentOfPlan(yearToDate, annualPlanned),
    registrationRate: ratio(registered.length, eligible.length),
    counts: {
      projects: projects.length, signed: signed.length, landed: landed.length, prepared: prepared.length,
      eligible: eligible.length, registered: registered.length,
    },
    investment: { yearToDate: Math.round(yearToDate * 100) / 100, annualPlanned },
  };
}

/**
 * The score projects are raced (赛马) on: the mean of the rates that are not null, one decimal;
 * null when all four are null.
 * @example raceScore({ landingRate: 100, preparationRate: 50, investmentRate: null, registrationRate: 75 }) // 75
 */
export function raceScore(rates: Pick<FourRates, 'landingRate' | 'preparationRate' | 'investmentRate' | 'registrationRate'>): number | null {
  const values = [rates.landingRate, rates.preparationRate, rates.investmentRate, rates.registrationRate].filter((value): value is number => value !== null);
  if (values.length === 0) return null;
  return Math.round((values.reduce((sum, value) => sum + value, 0) / values.length) * 10) / 10;
}

function ratio(part: number, whole: number): number | null {
  return percentOfPlan(part, whole);
}
