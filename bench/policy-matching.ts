/**
 * `npx tsx bench/policy-matching.ts [--enterprises 10000]` — matches every reference policy (F1–F4)
 * against N generated enterprise profiles in memory, the work behind 精准推 and a 免申即享 run once
 * the profiles are loaded. Target: all policies × 10,000 enterprises ≤ 1 s. Prints the median of 5 runs.
 */
import { matchPolicy, REFERENCE_POLICIES } from '../src/domain/policies/index.ts';
import type { DatedFact, EnterpriseProfile } from '../src/domain/enterprises/index.ts';
import { createRandom } from '../src/services/seed/index.ts';

const index = process.argv.indexOf('--enterprises');
const count = index >= 0 ? Number(process.argv[index + 1]) : 10_000;
const random = createRandom(42);
const INDUSTRIES = ['3670', '3711', '6513', '6210', '5212', '5920', '7020', '1353'];
const DISTRICTS = ['220106', '220105', '220103'];

function profile(id: number): EnterpriseProfile {
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
}

const profiles = Array.from({ length: count }, (_, id) => profile(id));
const timings: number[] = [];
let met = 0;
for (let run = 0; run < 5; run += 1) {
  const started = performance.now();
  met = 0;
  for (const policy of REFERENCE_POLICIES) {
    for (const enterprise of profiles) if (matchPolicy(policy, enterprise, '2026-06-01').status === 'met') met += 1;
  }
  timings.push(performance.now() - started);
}
const median = [...timings].sort((a, b) => a - b)[2]!;
console.log(`${REFERENCE_POLICIES.length} policies × ${count.toLocaleString()} enterprises: median ${median.toFixed(0)} ms (${met} matches met)${median <= 1000 ? '' : ' — over the 1 s target'}`);
