/**
 * Benefit amounts in whole 分 (cents), so that "3025.14 × 60%" is 1815.08 and never 1815.0839999.
 * Rates round half up to the 分; a cap bounds one grant.
 */
import { FACT_CATALOG, factHistory, type EnterpriseProfile } from '../enterprises/index.ts';
import type { Benefit, Formula } from './policy-rules.ts';
import { evaluateRule, factDate, listMatches, readFact, type Bilingual } from './rule-evaluator.ts';

export interface BenefitResult {
  /** null when a fact the formula needs is missing. */
  amountCents: number | null;
  text: Bilingual;
}

const toCents = (yuan: number): number => Math.round(yuan * 100);
export const formatYuan = (cents: number): string => (cents / 100).toFixed(2);

function missing(fact: keyof typeof FACT_CATALOG, date: string): BenefitResult {
  return { amountCents: null, text: { zh: `缺少${FACT_CATALOG[fact].zh}（截至 ${date}）`, en: `${FACT_CATALOG[fact].en} is missing (as of ${date})` } };
}

function result(cents: number, zh: string, en: string): BenefitResult {
  return { amountCents: cents, text: { zh: `${zh} = ${formatYuan(cents)} 元`, en: `${en} = ¥${formatYuan(cents)}` } };
}

function tierAmount(formula: Extract<Formula, { type: 'tiers' }>, profile: EnterpriseProfile, date: string): BenefitResult {
  const at = factDate(date, formula.at);
  const history = factHistory(profile.facts, formula.fact, at);
  const latest = history.at(-1);
  if (!latest) return missing(formula.fact, at);
  const earlierBest = Math.max(-Infinity, ...history.slice(0, -1).map((fact) => fact.value));
  const tiers = [...formula.tiers].sort((a, b) => b.atLeast - a.atLeast);
  const tier = tiers.find((candidate) => latest.value >= candidate.atLeast && (!formula.firstTime || earlierBest < candidate.atLeast));
  const cents = tier ? toCents(tier.amount) : 0;
  return result(cents, `${FACT_CATALOG[formula.fact].zh} ${latest.value}${tier ? ` 达到 ${tier.atLeast} 档` : ' 未达新档'}`, `${FACT_CATALOG[formula.fact].en} ${latest.value}${tier ? ` reaches the ${tier.atLeast} tier` : ' reaches no new tier'}`);
}

function formulaAmount(formula: Formula, profile: EnterpriseProfile, date: string): BenefitResult {
  switch (formula.type) {
    case 'fixed':
      return result(toCents(formula.amount), `定额 ${formula.amount} 元`, `fixed ¥${formula.amount}`);
    case 'rate':
    case 'per_count': {
      const at = factDate(date, formula.at);
      const fact = readFact(profile, formula.fact, date, formula.at);
      if (!fact) return missing(formula.fact, at);
      const name = FACT_CATALOG[formula.fact];
      if (formula.type === 'rate') {
        return result(Math.round(toCents(fact.value) * formula.rate), `${name.zh} ${fact.value} × ${formula.rate * 100}%`, `${name.en} ${fact.value} × ${formula.rate * 100}%`);
      }
      return result(toCents(formula.amount) * fact.value, `${formula.amount} 元 × ${name.zh} ${fact.value}`, `¥${formula.amount} × ${name.en} ${fact.value}`);
    }
    case 'per_list_item': {
      const count = listMatches(profile.lists[formula.list], formula.where);
      return result(toCents(formula.amount) * count, `${formula.amount} 元 × ${count} 人`, `¥${formula.amount} × ${count}`);
    }
    case 'tiers':
      return tierAmount(formula, profile, date);
    case 'cases': {
      const chosen = formula.cases.find((entry) => evaluateRule(entry.when, profile, date).status === 'met');
      return formulaAmount(chosen?.formula ?? formula.otherwise, profile, date);
    }
  }
}

/** The amount one enterprise gets on a date, with the arithmetic spelled out. */
export function computeBenefit(benefit: Benefit, profile: EnterpriseProfile, date: string): BenefitResult {
  const raw = formulaAmount(benefit.formula, profile, date);
  if (raw.amountCents === null || benefit.cap === undefined || raw.amountCents <= toCents(benefit.cap)) return raw;
  const capped = toCents(benefit.cap);
  return { amountCents: capped, text: { zh: `${raw.text.zh}，封顶 ${formatYuan(capped)} 元`, en: `${raw.text.en}, capped at ¥${formatYuan(capped)}` } };
}
