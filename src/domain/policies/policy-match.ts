/**
 * One enterprise against one policy on a date: the version in force, eligibility explained, the
 * amount when eligible, and exclusivity with policies already granted to it (checked both ways:
 * either policy may name the other).
 */
import type { EnterpriseProfile } from '../enterprises/index.ts';
import { computeBenefit } from './benefit-formula.ts';
import { versionOn, type PolicyDefinition } from './policy-rules.ts';
import { evaluateRule, type Bilingual, type MatchStatus, type RuleOutcome } from './rule-evaluator.ts';

export interface PolicyMatch {
  policyCode: string;
  status: MatchStatus;
  version: number | null;
  outcome: RuleOutcome | null;
  amountCents: number | null;
  amountText: Bilingual | null;
  /** Codes of granted policies that rule this one out. */
  excludedBy: string[];
  reason: Bilingual | null;
}

/** The granted policies that cannot be combined with `policy`. */
export function exclusionsFor(policy: Pick<PolicyDefinition, 'code' | 'excludes'>, granted: readonly Pick<PolicyDefinition, 'code' | 'excludes'>[]): string[] {
  return granted
    .filter((other) => other.code !== policy.code && (policy.excludes.includes(other.code) || other.excludes.includes(policy.code)))
    .map((other) => other.code);
}

export function matchPolicy(
  policy: PolicyDefinition,
  profile: EnterpriseProfile,
  date: string,
  granted: readonly Pick<PolicyDefinition, 'code' | 'excludes'>[] = [],
): PolicyMatch {
  const version = versionOn(policy, date);
  const base = { policyCode: policy.code, amountCents: null, amountText: null, excludedBy: [] as string[] };
  if (!version) {
    return { ...base, status: 'not', version: null, outcome: null, reason: { zh: `${date} 不在政策有效期内`, en: `The policy is not in force on ${date}` } };
  }
  const outcome = evaluateRule(version.eligibility, profile, date);
  const excludedBy = exclusionsFor(policy, granted);
  if (excludedBy.length > 0) {
    return { ...base, status: 'not', version: version.version, outcome, excludedBy, reason: { zh: `不可与已享受的政策 ${excludedBy.join('、')} 同时享受`, en: `Cannot be combined with ${excludedBy.join(', ')}, already granted` } };
  }
  if (outcome.status !== 'met') return { ...base, status: outcome.status, version: version.version, outcome, reason: null };
  const benefit = computeBenefit(version.benefit, profile, date);
  return { ...base, status: 'met', version: version.version, outcome, amountCents: benefit.amountCents, amountText: benefit.text, reason: null };
}
