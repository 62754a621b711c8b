/**
 * Evaluates an eligibility rule tree against one enterprise and explains it condition by condition:
 * each node is met, almost met (a numeric condition within 10% of its bound, or a group whose only
 * shortfalls are almost-met), or not met, with the values that decided it.
 */
import {
  FACT_CATALOG, TAG_CATALOG, factAsOf, factHistory, holdsTag, industryHasPrefix, sizeAsOf,
  type DatedFact, type EnterpriseProfile, type FactKey, type ListItem,
} from '../enterprises/index.ts';
import type { Comparison, FactDate, ListFilter, Rule } from './policy-rules.ts';

export type MatchStatus = 'met' | 'almost' | 'not';

export interface Bilingual {
  zh: string;
  en: string;
}

export interface RuleOutcome {
  status: MatchStatus;
  type: Rule['type'];
  text: Bilingual;
  /** The value the enterprise has, when the condition reads one. */
  actual?: number | string | null;
  children?: RuleOutcome[];
}

/** How close a numeric shortfall must be to count as "almost". */
export const ALMOST_RATIO = 0.1;

export function factDate(evaluationDate: string, at: FactDate | undefined): string {
  return at === 'previous_year_end' ? `${Number(evaluationDate.slice(0, 4)) - 1}-12-31` : evaluationDate;
}

/**
 * A fact read for a rule. "Last year's" figures are annual: a record from an earlier year does not
 * stand in for the missing one, so the 2026 run needs the 2025 returns.
 */
export function readFact(profile: Pick<EnterpriseProfile, 'facts'>, key: FactKey, evaluationDate: string, at: FactDate | undefined): DatedFact | undefined {
  const date = factDate(evaluationDate, at);
  const fact = factAsOf(profile.facts, key, date);
  return at === 'previous_year_end' && fact && fact.asOf.slice(0, 4) !== date.slice(0, 4) ? undefined : fact;
}

export function compare(actual: number, op: Comparison, bound: number): boolean {
  switch (op) {
    case '>=': return actual >= bound;
    case '>': return actual > bound;
    case '<=': return actual <= bound;
    case '<': return actual < bound;
    default: return actual === bound;
  }
}

function nearly(actual: number, op: Comparison, bound: number): boolean {
  const slack = Math.abs(bound) * ALMOST_RATIO;
  if (op === '>=' || op === '>') return actual >= bound - slack;
  if (op === '<=' || op === '<') return actual <= bound + slack;
  return false;
}

function numericStatus(actual: number, op: Comparison, bound: number): MatchStatus {
  if (compare(actual, op, bound)) return 'met';
  return nearly(actual, op, bound) ? 'almost' : 'not';
}

const STATUS_ZH: Record<MatchStatus, string> = { met: '满足', almost: '接近', not: '不满足' };
const STATUS_EN: Record<MatchStatus, string> = { met: 'met', almost: 'almost met', not: 'not met' };

function says(status: MatchStatus, zh: string, en: string): Bilingual {
  return { zh: `${STATUS_ZH[status]}：${zh}`, en: `${STATUS_EN[status]}: ${en}` };
}

export function listMatches(items: readonly ListItem[] | undefined, where: ListFilter[] | undefined): number {
  return (items ?? []).filter((item) => (where ?? []).every((filter) => {
    const value = item[filter.field];
    if (value === undefined) return false;
    if (filter.in && !filter.in.includes(value)) return false;
    return filter.atLeast === undefined || (typeof value === 'number' && value >= filter.atLeast);
  })).length;
}

function evaluateFact(rule: Extract<Rule, { type: 'fact' }>, profile: EnterpriseProfile, date: string): RuleOutcome {
  const at = factDate(date, rule.at);
  const fact = readFact(profile, rule.fact, date, rule.at);
  const name = FACT_CATALOG[rule.fact];
  const wanted = `${name.zh} ${rule.op} ${rule.value}`;
  if (!fact) return { status: 'not', type: 'fact', actual: null, text: says('not', `${wanted}（截至 ${at} 无数据）`, `${name.en} ${rule.op} ${rule.value} (no data as of ${at})`) };
  const status = numericStatus(fact.value, rule.op, rule.value);
  return { status, type: 'fact', actual: fact.value, text: says(status, `${wanted}，实际 ${fact.value}（${fact.asOf}）`, `${name.en} ${rule.op} ${rule.value}, actual ${fact.value} (${fact.asOf})`) };
}

function evaluateFirstReaches(rule: Extract<Rule, { type: 'first_reaches' }>, profile: EnterpriseProfile, date: string): RuleOutcome {
  const history = factHistory(profile.facts, rule.fact, factDate(date, rule.at));
  const latest = history.at(-1);
  const earlier = history.slice(0, -1).some((fact) => fact.value >= rule.value);
  const reached = latest !== undefined && latest.value >= rule.value;
  const status: MatchStatus = reached && !earlier ? 'met' : !reached && latest && nearly(latest.value, '>=', rule.value) ? 'almost' : 'not';
  const name = FACT_CATALOG[rule.fact];
  const why = earlier ? ['此前已达到', 'reached before'] : [`实际 ${latest?.value ?? '无数据'}`, `actual ${latest?.value ?? 'no data'}`];
  return { status, type: 'first_reaches', actual: latest?.value ?? null, text: says(status, `${name.zh}首次达到 ${rule.value}，${why[0]}`, `${name.en} first reaches ${rule.value}, ${why[1]}`) };
}

function evaluateLeaf(rule: Exclude<Rule, { type: 'all' | 'any' | 'not' }>, profile: EnterpriseProfile, date: string): RuleOutcome {
  switch (rule.type) {
    case 'fact':
      return evaluateFact(rule, profile, date);
    case 'first_reaches':
      return evaluateFirstReaches(rule, profile, date);
    case 'tag': {
      const at = factDate(date, rule.at);
      const status: MatchStatus = holdsTag(profile.tags, rule.tag, at) ? 'met' : 'not';
      return { status, type: 'tag', text: says(status, `${at} 持有“${TAG_CATALOG[rule.tag].zh}”资质`, `holds “${TAG_CATALOG[rule.tag].en}” on ${at}`) };
    }
    case 'industry': {
      const status: MatchStatus = rule.prefixes.some((prefix) => industryHasPrefix(profile.industryCode, prefix)) ? 'met' : 'not';
      return { status, type: 'industry', actual: profile.industryCode, text: says(status, `行业属于 ${rule.prefixes.join('、')}，实际 ${profile.industryCode}`, `industry under ${rule.prefixes.join(', ')}, actual ${profile.industryCode}`) };
    }
    case 'size': {
      const size = sizeAsOf(profile, factDate(date, rule.at)).sizeClass;
      const status: MatchStatus = size !== null && rule.classes.includes(size) ? 'met' : 'not';
      return { status, type: 'size', actual: size, text: says(status, `企业规模为 ${rule.classes.join('/')}，实际 ${size ?? '无法划型'}`, `size class ${rule.classes.join('/')}, actual ${size ?? 'unclassified'}`) };
    }
    case 'district': {
      const status: MatchStatus = rule.codes.includes(profile.districtCode) ? 'met' : 'not';
      return { status, type: 'district', actual: profile.districtCode, text: says(status, `属地为 ${rule.codes.join('、')}`, `district is ${rule.codes.join(', ')}`) };
    }
    case 'list': {
      const count = listMatches(profile.lists[rule.list], rule.where);
      const status = numericStatus(count, rule.op, rule.value);
      return { status, type: 'list', actual: count, text: says(status, `名单“${rule.list}”中符合条件的 ${rule.op} ${rule.value}，实际 ${count}`, `qualifying entries in “${rule.list}” ${rule.op} ${rule.value}, actual ${count}`) };
    }
  }
}

function groupStatus(type: 'all' | 'any', children: RuleOutcome[]): MatchStatus {
  const statuses = children.map((child) => child.status);
  if (type === 'any') return statuses.includes('met') ? 'met' : statuses.includes('almost') ? 'almost' : 'not';
  if (statuses.every((status) => status === 'met')) return 'met';
  return statuses.includes('not') ? 'not' : 'almost';
}

/** Evaluates a rule tree on a date; the result explains every condition. */
export function evaluateRule(rule: Rule, profile: EnterpriseProfile, date: string): RuleOutcome {
  if (rule.type === 'all' || rule.type === 'any') {
    const children = rule.rules.map((child) => evaluateRule(child, profile, date));
    const status = groupStatus(rule.type, children);
    const text = rule.type === 'all' ? says(status, '以下条件全部满足', 'all of the following') : says(status, '以下条件满足其一', 'any of the following');
    return { status, type: rule.type, text, children };
  }
  if (rule.type === 'not') {
    const child = evaluateRule(rule.rule, profile, date);
    const status: MatchStatus = child.status === 'met' ? 'not' : 'met';
    return { status, type: 'not', text: says(status, '以下条件不成立', 'the following does not hold'), children: [child] };
  }
  return evaluateLeaf(rule, profile, date);
}
