/**
 * Enterprise facts are dated records, never overwritten columns: a policy asks "as of" a date and
 * gets the latest record on or before it. Qualification tags hold between two dates.
 */
import type { SizeInputs, SizeResult } from './size-class.ts';
import { classifySize } from './size-class.ts';

export const FACT_KEYS = [
  'employees', 'revenue', 'assets', 'insured_headcount', 'insured_months', 'unemployment_insurance_paid',
  'layoff_rate', 'industrial_output', 'rd_expense',
] as const;
export type FactKey = (typeof FACT_KEYS)[number];

/** Unit and names of each fact; money in 元, rates in percent. */
export const FACT_CATALOG: Record<FactKey, { unit: 'persons' | 'yuan' | 'months' | 'percent'; zh: string; en: string }> = {
  employees: { unit: 'persons', zh: '从业人员', en: 'Employees' },
  revenue: { unit: 'yuan', zh: '营业收入', en: 'Revenue' },
  assets: { unit: 'yuan', zh: '资产总额', en: 'Total assets' },
  insured_headcount: { unit: 'persons', zh: '失业保险参保人数', en: 'Insured headcount' },
  insured_months: { unit: 'months', zh: '足额缴纳失业保险月数', en: 'Months of unemployment insurance paid in full' },
  unemployment_insurance_paid: { unit: 'yuan', zh: '实缴失业保险费', en: 'Unemployment insurance paid' },
  layoff_rate: { unit: 'percent', zh: '裁员率', en: 'Layoff rate' },
  industrial_output: { unit: 'yuan', zh: '工业总产值', en: 'Industrial output' },
  rd_expense: { unit: 'yuan', zh: '研发费用', en: 'R&D expense' },
};

export const TAG_KEYS = ['four_above', 'high_tech', 'tech_sme', 'innovative_sme', 'specialized_sme', 'little_giant'] as const;
export type TagKey = (typeof TAG_KEYS)[number];

export const TAG_CATALOG: Record<TagKey, { zh: string; en: string }> = {
  four_above: { zh: '四上企业', en: 'Above-threshold unit (四上)' },
  high_tech: { zh: '高新技术企业', en: 'High-tech enterprise' },
  tech_sme: { zh: '科技型中小企业', en: 'Technology-based SME' },
  innovative_sme: { zh: '创新型中小企业', en: 'Innovative SME' },
  specialized_sme: { zh: '专精特新中小企业', en: 'Specialised and sophisticated SME' },
  little_giant: { zh: '专精特新“小巨人”', en: '“Little giant” enterprise' },
};

export function isFactKey(key: string): key is FactKey {
  return (FACT_KEYS as readonly string[]).includes(key);
}

export function isTagKey(key: string): key is TagKey {
  return (TAG_KEYS as readonly string[]).includes(key);
}

/** Dates are ISO calendar dates ('YYYY-MM-DD'), compared as strings. */
export interface DatedFact {
  key: FactKey;
  value: number;
  asOf: string;
  source: string;
}

export interface TagHolding {
  tag: TagKey;
  validFrom: string;
  /** Inclusive; null while open-ended. */
  validTo: string | null;
  source: string;
}

/** One entry of a list fact such as the hires a policy counts. */
export type ListItem = Record<string, string | number | boolean>;

export interface EnterpriseProfile {
  id: number;
  districtCode: string;
  industryCode: string;
  facts: readonly DatedFact[];
  tags: readonly TagHolding[];
  lists: Readonly<Record<string, readonly ListItem[]>>;
}

// Matching reads the same profile's facts many times (every policy, every condition): index them
// once per facts array, by key and oldest first.
const INDEXES = new WeakMap<readonly DatedFact[], Map<FactKey, DatedFact[]>>();

function indexOf(facts: readonly DatedFact[]): Map<FactKey, DatedFact[]> {
  let index = INDEXES.get(facts);
  if (!index) {
    index = new Map();
    for (const fact of facts) {
      const list = index.get(fact.key);
      if (list) list.push(fact);
      else index.set(fact.key, [fact]);
    }
    for (const list of index.values()) list.sort((a, b) => (a.asOf < b.asOf ? -1 : a.asOf > b.asOf ? 1 : 0));
    INDEXES.set(facts, index);
  }
  return index;
}

/** The latest record of a fact dated on or before `date`. */
export function factAsOf(facts: readonly DatedFact[], key: FactKey, date: string): DatedFact | undefined {
  const list = indexOf(facts).get(key);
  if (!list) return undefined;
  for (let i = list.length - 1; i >= 0; i--) if (list[i]!.asOf <= date) return list[i];
  return undefined;
}

/** Every record of a fact on or before `date`, oldest first. */
export function factHistory(facts: readonly DatedFact[], key: FactKey, date: string): DatedFact[] {
  return (indexOf(facts).get(key) ?? []).filter((fact) => fact.asOf <= date);
}

export function holdsTag(tags: readonly TagHolding[], tag: TagKey, date: string): TagHolding | undefined {
  return tags.find((holding) => holding.tag === tag && holding.validFrom <= date && (holding.validTo === null || holding.validTo >= date));
}

const SIZES = new WeakMap<readonly DatedFact[], Map<string, SizeResult>>();

/** Size class from the facts known on a date (remembered per facts array and date). */
export function sizeAsOf(profile: Pick<EnterpriseProfile, 'industryCode' | 'facts'>, date: string): SizeResult {
  let byDate = SIZES.get(profile.facts);
  if (!byDate) SIZES.set(profile.facts, (byDate = new Map()));
  const key = `${profile.industryCode}|${date}`;
  const known = byDate.get(key);
  if (known) return known;
  const inputs: SizeInputs = {};
  for (const fact of ['employees', 'revenue', 'assets'] as const) {
    const found = factAsOf(profile.facts, fact, date);
    if (found) inputs[fact] = found.value;
  }
  const result = classifySize(profile.industryCode, inputs);
  byDate.set(key, result);
  return result;
}

/** Why a new fact cannot be recorded, or null when it can. */
export function factProblem(key: string, value: number, asOf: string, today: string): 'ENTERPRISE_FACT_UNKNOWN' | 'ENTERPRISE_FACT_NEGATIVE' | 'ENTERPRISE_FACT_IN_FUTURE' | null {
  if (!isFactKey(key)) return 'ENTERPRISE_FACT_UNKNOWN';
  if (!Number.isFinite(value) || value < 0) return 'ENTERPRISE_FACT_NEGATIVE';
  return asOf > today ? 'ENTERPRISE_FACT_IN_FUTURE' : null;
}
