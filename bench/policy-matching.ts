/**
 * `npx tsx bench/policy-matching.ts [--enterprises 10000]` — the policy-matching scenario alone
 * (bench/scenarios/policy-matching.ts; `npm run bench` runs it too and reports it against the 1 s target).
 */
import { policyMatching } from './scenarios/policy-matching.ts';

const index = process.argv.indexOf('--enterprises');
const result = policyMatching(index >= 0 ? Number(process.argv[index + 1]) : 10_000);
console.log(`${result.policies} policies × ${result.enterprises.toLocaleString()} enterprises: median ${result.medianMs.toFixed(0)} ms (${result.met} matches met)${result.medianMs <= 1000 ? '' : ' — over the 1 s target'}`);
