import { describe, expect, it } from 'vitest';
import type { EnterpriseProfile } from '../enterprises/index.ts';
import { computeBenefit } from './benefit-formula.ts';
import { formulaProblems, policyProblems, ruleProblems, type Rule } from './policy-rules.ts';
import { evaluateRule } from './rule-evaluator.ts';

const enterprise: EnterpriseProfile = {
  id: 1,
  industryCode: '3670',
  districtCode: '220106',
  facts: [
    { key: 'employees', value: 95, asOf: '2025-12-31', source: '年报' },
    { key: 'revenue', value: 30_000_000, asOf: '2025-12-31', source: '年报' },
    { key: 'rd_expense', value: 900_000, asOf: '2025-12-31', source: '年报' },
  ],
  tags: [{ tag: 'high_tech', validFrom: '2024-01-01', validTo: '2026-12-31', source: '证书' }],
  lists: {},
};

describe('rule evaluator', () => {
  it('explains each condition of a group and calls a near miss "almost"', () => {
    const rule: Rule = { type: 'all', rules: [{ type: 'tag', tag: 'high_tech' }, { type: 'fact', fact: 'employees', op: '>=', value: 100 }, { type: 'industry', prefixes: ['C'] }] };
    const outcome = evaluateRule(rule, enterprise, '2026-06-01');
    expect(outcome.status).toBe('almost');
    expect(outcome.children?.map((child) => child.status)).toEqual(['met', 'almost', 'met']);
    expect(outcome.children?.[1]?.text).toEqual({ zh: '接近：从业人员 >= 100，实际 95（2025-12-31）', en: 'almost met: Employees >= 100, actual 95 (2025-12-31)' });
  });

  it('handles not, any, size class, district and missing data', () => {
    expect(evaluateRule({ type: 'not', rule: { type: 'size', classes: ['large'] } }, enterprise, '2026-06-01').status).toBe('met');
    expect(evaluateRule({ type: 'size', classes: ['medium'] }, enterprise, '2026-06-01').actual).toBe('small');
    expect(evaluateRule({ type: 'any', rules: [{ type: 'district', codes: ['220103'] }, { type: 'tag', tag: 'little_giant' }] }, enterprise, '2026-06-01').status).toBe('not');
    expect(evaluateRule({ type: 'fact', fact: 'assets', op: '>', value: 1 }, enterprise, '2026-06-01')).toMatchObject({ status: 'not', actual: null });
    expect(evaluateRule({ type: 'tag', tag: 'high_tech' }, enterprise, '2027-01-01').status).toBe('not');
  });

  it('caps a benefit and rounds rates to the 分', () => {
    const benefit = computeBenefit({ formula: { type: 'rate', rate: 0.333, fact: 'rd_expense' }, cap: 200_000 }, enterprise, '2026-06-01');
    expect(benefit.amountCents).toBe(20_000_000);
    expect(benefit.text.zh).toContain('封顶 200000.00 元');
    expect(computeBenefit({ formula: { type: 'fixed', amount: 1000 } }, enterprise, '2026-06-01').amountCents).toBe(100_000);
  });

  it('refuses rules over unknown facts, tags and malformed prefixes', () => {
    const bad = { type: 'all', rules: [{ type: 'fact', fact: 'headcount', op: '>=', value: 1 }, { type: 'tag', tag: 'famous' }, { type: 'industry', prefixes: ['C36X'] }] } as unknown as Rule;
    expect(ruleProblems(bad).map((problem) => problem.problem)).toEqual(['UNKNOWN_FACT', 'UNKNOWN_TAG', 'BAD_PREFIX']);
    expect(formulaProblems({ type: 'rate', rate: 0.5, fact: 'profit' as never })).toHaveLength(1);
    const overlapping = { versions: [1, 2].map((version) => ({ version, effectiveFrom: '2025-01-01', effectiveTo: null, eligibility: { type: 'district' as const, codes: ['220106'] }, benefit: { formula: { type: 'fixed' as const, amount: 1 } } })) };
    expect(policyProblems(overlapping)).toHaveLength(1);
  });
});
