/**
 * Diagnostic: the EXPLAIN (ANALYZE, BUFFERS) of bench/scenarios/plans.ts on an existing generated database,
 * without generating one — to compare the plans at two sizes. Prints each statement's time and rows read.
 * `DATABASE_URL=postgres://…/bench tsx bench/explain-hot-paths.ts [--month 2026-11] [--full]`
 */
import { openDatabase } from '../src/db/connect.ts';
import { loadFixture } from './lib/fixture.ts';
import { explainHotPaths } from './scenarios/plans.ts';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL names the generated database');
const argument = (name: string) => { const at = process.argv.indexOf(`--${name}`); return at >= 0 ? process.argv[at + 1] : undefined; };
const handle = await openDatabase({ databaseUrl: url, dataDir: '' });
const fixture = await loadFixture(handle.db, new Date());
await handle.close();
const month = argument('month') ?? fixture.month;
const plans = await explainHotPaths(url, { ...fixture, month });
for (const plan of plans) {
  // The top node's actual rows and the shared buffers it touched say whether a statement grows with the cases.
  const top = /actual time=[\d.]+\.\.[\d.]+ rows=(\d+)/.exec(plan.plan);
  const buffers = /Buffers: shared hit=(\d+)(?: read=(\d+))?/.exec(plan.plan);
  console.log(`${plan.name}: ${plan.executionMs ?? '?'} ms, ${top?.[1] ?? '?'} rows out, buffers hit ${buffers?.[1] ?? 0} read ${buffers?.[2] ?? 0}`);
  if (process.argv.includes('--full')) console.log(`${plan.plan}\n`);
}
