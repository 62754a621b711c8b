/**
 * Policies as data: eligibility is a tree of declarative rules over dated enterprise facts, and the
 * benefit a formula over the same facts. Stored as JSON, checked here before it is saved, so a rule
 * that names an unknown fact never reaches the evaluator.
 */
import { isFactKey, isTagKey, SIZE_CLASSES, type FactKey, type SizeClass, type TagKey } from '../enterprises/index.ts';

/** Which date a fact is read as of: the evaluation date, or 31 December of the year before it. */
export type FactDate = 'evaluation_date' | 'previous_year_end';
export type Comparison = '>=' | '>' | '<=' | '<' | '=';

export interface ListFilter {
  field: string;
  /** Equal to one of these values. */
  in?: (string | number | boolean)[];
  atLeast?: number;
}

export type Rule =
  | { type: 'all'; rules: Rule[] }
  | { type: 'any'; rules: Rule[] }
  | { type: 'not'; rule: Rule }
  | { type: 'fact'; fact: FactKey; op: Comparison; value: number; at?: FactDate }
  | { type: 'first_reaches'; fact: FactKey; value: number; at?: FactDate }
  | { type: 'tag'; tag: TagKey; at?: FactDate }
  | { type: 'industry'; prefixes: string[] }
  | { type: 'size'; classes: SizeClass[]; at?: FactDate }
  | { type: 'district'; codes: string[] }
  | { type: 'list'; list: string; where?: ListFilter[]; op: Comparison; value: number };

export type Formula =
  | { type: 'fixed'; amount: number }
  | { type: 'rate'; rate: number; fact: FactKey; at?: FactDate }
  | { type: 'per_count'; amount: number; fact: FactKey; at?: FactDate }
  | { type: 'per_list_item'; amount: number; list: string; where?: ListFilter[] }
  | { type: 'tiers'; fact: FactKey; at?: FactDate; firstTime: boolean; tiers: { atLeast: number; amount: number }[] }
  | { type: 'cases'; cases: { when: Rule; formula: Formula }[]; otherwise: Formula };

export interface Benefit {
  formula: Formula;
  /** Upper bound of one grant, in 元. */
  cap?: number;
}

export type PolicyMode = 'auto_grant' | 'application';

/** One version of a policy's rules with the dates it governs; versions never overlap. */
export interface PolicyVersion {
  version: number;
  effectiveFrom: string;
  effectiveTo: string | null;
  eligibility: Rule;
  benefit: Benefit;
}

export interface PolicyDefinition {
  code: string;
  title: string;
  titleEn: string;
  issuer: string;
  documentNumber: string;
  mode: PolicyMode;
  /** Codes of policies that cannot be combined with this one. */
  excludes: string[];
  versions: PolicyVersion[];
}

export interface RuleProblem {
  path: string;
  problem: 'UNKNOWN_FACT' | 'UNKNOWN_TAG' | 'BAD_PREFIX' | 'BAD_SIZE' | 'BAD_DISTRICT' | 'EMPTY_GROUP' | 'BAD_NUMBER' | 'UNKNOWN_TYPE';
  value?: unknown;
}

const COMPARISONS: Comparison[] = ['>=', '>', '<=', '<', '='];

function factProblems(fact: string, path: string): RuleProblem[] {
  return isFactKey(fact) ? [] : [{ path, problem: 'UNKNOWN_FACT', value: fact }];
}

function numberProblems(value: unknown, path: string): RuleProblem[] {
  return typeof value === 'number' && Number.isFinite(value) ? [] : [{ path, problem: 'BAD_NUMBER', value }];
}

function leafProblems(rule: Rule, path: string): RuleProblem[] {
  switch (rule.type) {
    case 'fact':
    case 'first_reaches': {
      const op = rule.type === 'fact' && !COMPARISONS.includes(rule.op) ? [{ path, problem: 'BAD_NUMBER' as const, value: rule.op }] : [];
      return [...factProblems(rule.fact, path), ...numberProblems(rule.value, path), ...op];
    }
    case 'tag':
      return isTagKey(rule.tag) ? [] : [{ path, problem: 'UNKNOWN_TAG', value: rule.tag }];
    case 'industry':
      return rule.prefixes.filter((prefix) => !/^([A-T]|\d{2,4})$/.test(prefix)).map((value) => ({ path, problem: 'BAD_PREFIX' as const, value }));
    case 'size':
      return rule.classes.filter((value) => !SIZE_CLASSES.includes(value)).map((value) => ({ path, problem: 'BAD_SIZE' as const, value }));
    case 'district':
      return rule.codes.filter((code) => !/^\d{6}$/.test(code)).map((value) => ({ path, problem: 'BAD_DISTRICT' as const, value }));
    case 'list':
      return numberProblems(rule.value, path);
    default:
      return [{ path, problem: 'UNKNOWN_TYPE', value: (rule as { type?: unknown }).type }];
  }
}

/** Everything wrong with a rule tree; empty when it can be saved. */
export function ruleProblems(rule: Rule, path = 'eligibility'): RuleProblem[] {
  if (rule.type === 'all' || rule.type === 'any') {
    if (rule.rules.length === 0) return [{ path, problem: 'EMPTY_GROUP' }];
    return rule.rules.flatMap((child, index) => ruleProblems(child, `${path}.${rule.type}[${index}]`));
  }
  if (rule.type === 'not') return ruleProblems(rule.rule, `${path}.not`);
  return leafProblems(rule, path);
}

/** Everything wrong with a benefit formula. */
export function formulaProblems(formula: Formula, path = 'benefit'): RuleProblem[] {
  switch (formula.type) {
    case 'fixed':
    case 'per_list_item':
      return numberProblems(formula.amount, path);
    case 'rate':
      return [...factProblems(formula.fact, path), ...numberProblems(formula.rate, path)];
    case 'per_count':
      return [...factProblems(formula.fact, path), ...numberProblems(formula.amount, path)];
    case 'tiers':
      return [...factProblems(formula.fact, path), ...formula.tiers.flatMap((tier) => [...numberProblems(tier.atLeast, path), ...numberProblems(tier.amount, path)])];
    case 'cases':
      return [
        ...formula.cases.flatMap((entry, index) => [...ruleProblems(entry.when, `${path}.cases[${index}].when`), ...formulaProblems(entry.formula, `${path}.cases[${index}]`)]),
        ...formulaProblems(formula.otherwise, `${path}.otherwise`),
      ];
    default:
      return [{ path, problem: 'UNKNOWN_TYPE', value: (formula as { type?: unknown }).type }];
  }
}

/** The version whose range holds the date, if any. */
export function versionOn(policy: Pick<PolicyDefinition, 'versions'>, date: string): PolicyVersion | undefined {
  return policy.versions.find((version) => version.effectiveFrom <= date && (version.effectiveTo === null || version.effectiveTo >= date));
}

/**
 * The latest date on or before `date` on which the policy is in force, or null if it never was by then.
 * @example lastDateInForce(F1_STABLE_JOBS, '2027-03-01') // '2026-12-31'
 */
export function lastDateInForce(policy: Pick<PolicyDefinition, 'versions'>, date: string): string | null {
  if (versionOn(policy, date)) return date;
  const ended = policy.versions.filter((version) => version.effectiveTo !== null && version.effectiveTo < date).map((version) => version.effectiveTo!);
  return ended.sort().at(-1) ?? null;
}

/** Problems of a whole policy: every version's rules, and versions whose ranges overlap. */
export function policyProblems(policy: Pick<PolicyDefinition, 'versions'>): RuleProblem[] {
  const sorted = [...policy.versions].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  const overlaps = sorted.slice(1).flatMap((version, index) => {
    const previous = sorted[index]!;
    return previous.effectiveTo === null || previous.effectiveTo >= version.effectiveFrom ? [{ path: `versions[${version.version}]`, problem: 'BAD_NUMBER' as const, value: 'overlapping range' }] : [];
  });
  const empty = policy.versions.length === 0 ? [{ path: 'versions', problem: 'EMPTY_GROUP' as const }] : [];
  return [
    ...empty,
    ...overlaps,
    ...policy.versions.flatMap((version) => [
      ...ruleProblems(version.eligibility, `versions[${version.version}].eligibility`),
      ...formulaProblems(version.benefit.formula, `versions[${version.version}].benefit`),
    ]),
  ];
}

/** A rule change: the new rules and the day they take effect (and, optionally, end). */
export interface PolicyRevision {
  effectiveFrom: string;
  effectiveTo: string | null;
  eligibility: Rule;
  benefit: Benefit;
}

/** The ISO day before an ISO day (calendar arithmetic only, no clock). */
export function dayBefore(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day - 1)).toISOString().slice(0, 10);
}

/**
 * A rule change never edits a version: it adds the next one from `effectiveFrom`, and the latest
 * version, if still in force then, ends the day before. Earlier versions keep governing their dates,
 * so matching "as of" a date still reads the rules then in force.
 * @example
 * revisePolicy({ versions: [{ version: 1, effectiveFrom: '2026-01-01', effectiveTo: null, … }] }, { effectiveFrom: '2026-07-01', … })
 * //=> versions 1 (2026-01-01…2026-06-30) and 2 (from 2026-07-01), no problems
 */
export function revisePolicy(policy: Pick<PolicyDefinition, 'versions'>, revision: PolicyRevision): { versions: PolicyVersion[]; added: PolicyVersion; problems: RuleProblem[] } {
  const sorted = [...policy.versions].sort((a, b) => a.version - b.version);
  const latest = sorted.at(-1);
  const added: PolicyVersion = { version: (latest?.version ?? 0) + 1, ...revision };
  const problems: RuleProblem[] = [];
  if (latest && revision.effectiveFrom <= latest.effectiveFrom) {
    problems.push({ path: 'effectiveFrom', problem: 'BAD_NUMBER', value: `must be after ${latest.effectiveFrom}` });
  }
  if (revision.effectiveTo !== null && revision.effectiveTo < revision.effectiveFrom) {
    problems.push({ path: 'effectiveTo', problem: 'BAD_NUMBER', value: 'before effectiveFrom' });
  }
  const versions = sorted.map((version) => (version === latest && (version.effectiveTo === null || version.effectiveTo >= revision.effectiveFrom)
    ? { ...version, effectiveTo: dayBefore(revision.effectiveFrom) }
    : version));
  versions.push(added);
  if (problems.length > 0) return { versions, added, problems };
  return { versions, added, problems: policyProblems({ versions }) };
}
