/**
 * Policy matching: every reference policy (F1–F4) against N generated enterprise profiles in memory, the
 * work behind 精准推 and a 免申即享 run once the profiles are loaded. Target: all policies × 10,000
 * enterprises ≤ 1 s (issue 12). Median of 5 runs.
 */
import { matchPolicy, REFERENCE_POLICIES } from '../../src/domain/policies/index.ts';
import type { DatedFact, EnterpriseProfile } from '../../src/domain/enterprises/index.ts';
import { createRandom } from '../../src/services/seed/index.ts';

const INDUSTRIES = ['3670', '3711', '6513', '6210', '5212', '5920', '7020', '1353'];
const DISTRICTS = ['220106', '220105', '220103'];

export interface PolicyMatchingResult {
  policies: number;
  enterprises: number;
  medianMs: number;
  runs: number[];
  met: number;
}

function profiles(count: number): EnterpriseProfile[] {
  const random = createRandom(42);
  return Array.from({ length: count }, (_, id) => {
    const employees = Math.round(5 + random.next() * 2000);
    const facts: DatedFact[] = [2023, 2024, 2025].flatMap((year) => {
      const asOf = `${year}-12-31`;
      const insured = Math.round(employees * 0.9);
      return ([
        ['employees', employees], ['revenue', employees * 400_000], ['insured_headcount', insured], ['insured_months', 6 + Math.round(random.next() * 18)],
        ['layoff_rate', Math.round(random.next() * 100) / 10], ['unemployment_insurance_paid', insured * 252], ['industrial_output', employees * random.next() * 2_000_000],
      ] as const).map(([key, value]) => ({ key, value, asOf, source: 'bench' }));
    });
    return { id, districtCode: random.pick(DISTRICTS), industryCode: random.pick(INDUSTRIES), facts, tags: [], lists: {} };
  });
}

export function policyMatching(count = 10_000): PolicyMatchingResult {
  const all = profiles(count);
  const runs: number[] = [];
  let met = 0;
  for (let run = 0; run < 5; run += 1) {
    const started = performance.now();
    met = 0;
    for (const policy of REFERENCE_POLICIES) {
      for (const enterprise of all) if (matchPolicy(policy, enterprise, '2026-06-01').status === 'met') met += 1;
    }
    runs.push(performance.now() - started);
  }
  return { policies: REFERENCE_POLICIES.length, enterprises: count, medianMs: [...runs].sort((a, b) => a - b)[2]!, runs, met };
}
