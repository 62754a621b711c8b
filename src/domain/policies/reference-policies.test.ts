import { describe, expect, it } from 'vitest';
import type { DatedFact, EnterpriseProfile, ListItem } from '../enterprises/index.ts';
import { matchPolicy } from './policy-match.ts';
import { policyProblems } from './policy-rules.ts';
import { F1_STABLE_JOBS, F2_TRAINING_SUBSIDY, F3_NEW_POST_SUBSIDY, F4_SCALE_REWARD, REFERENCE_POLICIES } from './reference-policies.ts';

const WAN = 10_000;
const YI = 100_000_000;

function facts(asOf: string, values: Partial<Record<DatedFact['key'], number>>): DatedFact[] {
  return Object.entries(values).map(([key, value]) => ({ key: key as DatedFact['key'], value, asOf, source: 'fixture' }));
}

function profile(id: number, industryCode: string, districtCode: string, records: DatedFact[], lists: Record<string, ListItem[]> = {}): EnterpriseProfile {
  return { id, industryCode, districtCode, facts: records, tags: [], lists };
}

// Hand-made enterprises; amounts below are worked by hand from the reference's rules.
const SMALL_PLANT = profile(1, '3670', '220106', facts('2024-12-31', { employees: 120, revenue: 5000 * WAN, insured_headcount: 110, insured_months: 12, layoff_rate: 3, unemployment_insurance_paid: 3025.14 }));
const LARGE_PLANT = profile(2, '3711', '220106', [
  ...facts('2023-12-31', { industrial_output: 40 * YI }),
  ...facts('2024-12-31', { employees: 8000, revenue: 300000 * WAN, insured_headcount: 7900, insured_months: 24, layoff_rate: 1.2, unemployment_insurance_paid: 109207.3, industrial_output: 60 * YI }),
]);
const TINY_SHOP = profile(3, '5212', '220103', facts('2024-12-31', { employees: 12, revenue: 80 * WAN, insured_headcount: 12, insured_months: 14, layoff_rate: 16.7, unemployment_insurance_paid: 1800 }));
const HIGH_LAYOFFS = profile(4, '6513', '220105', facts('2024-12-31', { employees: 60, revenue: 900 * WAN, insured_headcount: 55, insured_months: 12, layoff_rate: 5.8, unemployment_insurance_paid: 2400 }));
const NEW_INSURER = profile(5, '6210', '220199', facts('2024-12-31', { employees: 40, revenue: 600 * WAN, insured_headcount: 38, insured_months: 8, layoff_rate: 0, unemployment_insurance_paid: 900 }));
const ALL = [SMALL_PLANT, LARGE_PLANT, TINY_SHOP, HIGH_LAYOFFS, NEW_INSURER];

function eligible(policy: typeof F1_STABLE_JOBS, date: string) {
  return ALL.map((enterprise) => ({ id: enterprise.id, match: matchPolicy(policy, enterprise, date) })).filter((entry) => entry.match.status === 'met');
}

describe('reference policies F1–F4', () => {
  it('are valid policy data', () => {
    for (const policy of REFERENCE_POLICIES) expect(policyProblems(policy)).toEqual([]);
  });

  it('F1 稳岗返还 2025: eligible set and the worked amounts (3025.14 × 60% = 1815.08; 109207.3 × 30% = 32762.19)', () => {
    const result = eligible(F1_STABLE_JOBS, '2025-06-30');
    expect(result.map((entry) => [entry.id, entry.match.amountCents])).toEqual([[1, 181508], [2, 3276219], [3, 108000]]);
    expect(result[0]!.match.amountText?.zh).toContain('1815.08');
  });

  it('F1 explains why not and what is almost met', () => {
    const layoffs = matchPolicy(F1_STABLE_JOBS, HIGH_LAYOFFS, '2025-06-30');
    expect(layoffs.status).toBe('almost'); // 5.8% is within 10% of the 5.5% bound
    const months = matchPolicy(F1_STABLE_JOBS, NEW_INSURER, '2025-06-30');
    expect(months.status).toBe('not');
    expect(months.outcome?.children?.[0]).toMatchObject({ status: 'not', actual: 8 });
    expect(months.outcome?.children?.[0]?.text.zh).toContain('足额缴纳失业保险月数');
  });

  it('F1 reads last year’s facts: without 2025 records nobody qualifies in 2026 … until they are recorded', () => {
    expect(eligible(F1_STABLE_JOBS, '2026-03-01')).toEqual([]);
    expect(matchPolicy(F1_STABLE_JOBS, SMALL_PLANT, '2023-06-30').status).toBe('not');
  });

  it('F2 留工培训: 500 元 × insured headcount, in the districts or the listed sectors', () => {
    const at2022 = (records: EnterpriseProfile) => ({ ...records, facts: records.facts.map((fact) => ({ ...fact, asOf: '2022-03-31' })) });
    const result = ALL.map(at2022).map((enterprise) => ({ id: enterprise.id, match: matchPolicy(F2_TRAINING_SUBSIDY, enterprise, '2022-06-01') })).filter((entry) => entry.match.status === 'met');
    expect(result.map((entry) => [entry.id, entry.match.amountCents])).toEqual([[1, 5_500_000], [2, 395_000_000], [3, 600_000], [4, 2_750_000], [5, 1_900_000]]);
    expect(matchPolicy(F2_TRAINING_SUBSIDY, at2022(SMALL_PLANT), '2023-01-01').status).toBe('not');
  });

  it('F3 扩岗补助: 1500 元 per qualifying hire, and exclusive with 一次性吸纳就业补贴', () => {
    const hires: ListItem[] = [
      { category: 'graduate_2022', contract: true, insured_months: 2 },
      { category: 'registered_unemployed_16_24', contract: true, insured_months: 1 },
      { category: 'graduate_2022', contract: false, insured_months: 3 },
      { category: 'other', contract: true, insured_months: 5 },
    ];
    const employer = profile(6, '6513', '220106', [], { hires });
    expect(matchPolicy(F3_NEW_POST_SUBSIDY, employer, '2022-09-01')).toMatchObject({ status: 'met', amountCents: 300_000 });
    expect(matchPolicy(F3_NEW_POST_SUBSIDY, profile(7, '6513', '220106', []), '2022-09-01').status).toBe('not');
    const excluded = matchPolicy(F3_NEW_POST_SUBSIDY, employer, '2022-09-01', [{ code: 'JY-XINA', excludes: [] }]);
    expect(excluded).toMatchObject({ status: 'not', excludedBy: ['JY-XINA'], amountCents: null });
  });

  it('F4 规模奖励: first time over 50亿 pays the 200万 tier; crossing a tier again pays nothing', () => {
    expect(matchPolicy(F4_SCALE_REWARD, LARGE_PLANT, '2025-03-01')).toMatchObject({ status: 'met', amountCents: 200 * WAN * 100 });
    const again = profile(8, '3711', '220106', [...LARGE_PLANT.facts, ...facts('2025-12-31', { industrial_output: 70 * YI })]);
    expect(matchPolicy(F4_SCALE_REWARD, again, '2026-03-01').status).toBe('not');
    expect(matchPolicy(F4_SCALE_REWARD, TINY_SHOP, '2025-03-01').status).toBe('not');
  });
});
