/**
 * The sweep with a million cases being worked on at once (issue 10's "sweep ≤ 2 s with 1M open cases"):
 * `tsx bench/sweep-open.ts [--open 1m] [--base 5000]`.
 *
 * Realistic history leaves only ≈1% of cases open (docs/performance.md), so a generated 1M set has ≈8k being
 * worked on. This scenario builds the extreme instead: a small realistic base from the generator, then its
 * dispatched/signed cases copied in SQL until `--open` cases are being worked on, each copy with its clock
 * shifted so the deadlines spread over ±10 days around now. Each copy carries the warning level the sweep
 * would have left one minute ago, so the first sweep at "now" raises what crossed a threshold in that last
 * minute (as a sweep running every minute would) and the second run is the steady state. The ceiling is
 * reading every worked-on case with its instants once, what a per-case sweep would have to do.
 * Results go to bench/results/sweep-open-<size>-<time>.{json,md}. The first run raises every crossing since the
 * copy began; with `--keep`, `bench/sweep-again.ts` then runs the sweep a minute apart for a minute's crossings.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sql } from 'kysely';
import { createPostgresBench } from './lib/databases.ts';
import { parseSize, prepareBulkBase } from './generator/bulk-prepare.ts';
import { argument } from './lib/cli-args.ts';
import { bulkGenerateCases } from './generator/bulk-generate.ts';
import { sweep, sweepReadCeiling } from './scenarios/database.ts';
import { machineInfo } from './lib/machine.ts';

const open = parseSize(argument('open', '1m'));
const baseCases = parseSize(argument('base', '5000'));
const log = (text: string) => console.log(`[sweep-open ${new Date().toISOString().slice(11, 19)}] ${text}`);

const bench = await createPostgresBench(`civicloop_bench_sweep_open`);
const handle = await bench.open();
const { db } = handle;
try {
  const now = new Date();
  await prepareBulkBase(db, now);
  log(`base: generating ${baseCases.toLocaleString()} realistic cases`);
  await bulkGenerateCases(db, { cases: baseCases, end: now, years: 0.2 });
  const templates = await sql<{ n: number }>`
    select count(*)::int as n from cases where state in ('dispatched', 'signed') and resolve_deadline is not null`.execute(db);
  const templateCount = templates.rows[0]!.n;
  if (templateCount === 0) throw new Error('the base has no case being worked on');
  log(`copying ${templateCount.toLocaleString()} worked-on cases to ${open.toLocaleString()}`);
  const copyStarted = performance.now();
  const chunk = 100_000;
  for (let from = 0; from < open - templateCount; from += chunk) {
    const count = Math.min(chunk, open - templateCount - from);
    // Each copy moves its whole clock by the same shift, so amber stays at 80% of the limit used.
    await sql`
      with t as (
        select row_number() over (order by id) - 1 as i, * from cases
        where state in ('dispatched', 'signed') and resolve_deadline is not null and number not like 'SW-%'
      ), g as (
        select n, t.*, make_interval(secs => ((abs(hashint8(n)::bigint) % 1728000) - 864000)::double precision)
          + (${now}::timestamptz - t.resolve_deadline) as shift
        from generate_series(${from}::bigint, ${from + count - 1}::bigint) as n
        join t on t.i = n % ${templateCount}
      )
      insert into cases (district_id, number, kind, source, category_id, priority, title, description, state, version, lat, lng,
        address, grid_id, community_id, street_id, department_id, reporter_user_id, created_by, dispatch_deadline, sign_deadline,
        resolve_deadline, resolve_clock_started_at, amber_at, resolve_suspended_ms, filed_at, dispatched_at, signed_at,
        warning_level, created_at, updated_at)
      select district_id, 'SW-' || lpad(n::text, 9, '0'), kind, source, category_id, priority, title, description, state, version, lat, lng,
        address, grid_id, community_id, street_id, department_id, reporter_user_id, created_by, dispatch_deadline + shift, sign_deadline + shift,
        resolve_deadline + shift, resolve_clock_started_at + shift, amber_at + shift, resolve_suspended_ms, filed_at + shift,
        dispatched_at + shift, signed_at + shift,
        case when resolve_deadline + shift <= ${now}::timestamptz - interval '1 minute' then 'red'
             when amber_at + shift <= ${now}::timestamptz - interval '1 minute' then 'amber' else 'none' end,
        created_at + shift, updated_at + shift
      from g`.execute(db);
  }
  await sql`vacuum analyze cases`.execute(db);
  const copySeconds = (performance.now() - copyStarted) / 1000;
  const counts = await sql<{ worked: number; red: number; amber: number }>`
    select count(*)::int as worked, count(*) filter (where warning_level = 'red')::int as red, count(*) filter (where warning_level = 'amber')::int as amber
    from cases where state in ('dispatched', 'signed') and resolve_deadline is not null`.execute(db);
  const { worked, red, amber } = counts.rows[0]!;
  log(`${worked.toLocaleString()} cases being worked on (${red.toLocaleString()} red, ${amber.toLocaleString()} amber) after ${copySeconds.toFixed(1)} s`);
  const ceilings: number[] = [];
  for (let i = 0; i < 3; i += 1) ceilings.push(await sweepReadCeiling(db));
  const ceilingMs = [...ceilings].sort((a, b) => a - b)[1]!;
  const [first, steady] = await sweep(db);
  const result = {
    startedAt: now.toISOString(), machine: machineInfo(), open, baseCases, worked, red, amber, copySeconds,
    first: first!, steady: steady!, readCeilingMs: ceilingMs,
  };
  const line = (name: string, run: { ms: number; result: unknown }) =>
    `| ${name} | ${run.ms.toFixed(0)} ms (${JSON.stringify(run.result)}) | read of every worked-on case ${ceilingMs.toFixed(0)} ms | ${(ceilingMs / run.ms).toFixed(2)}× | ≤ 2 s | ${run.ms <= 2000 ? 'met' : '**missed**'} |`;
  const markdown = [
    `# Sweep over ${worked.toLocaleString()} cases being worked on (${now.toISOString()})`, '',
    `PostgreSQL; base ${baseCases.toLocaleString()} generated cases, worked-on ones copied with shifted clocks (bench/sweep-open.ts).`,
    `Machine: ${JSON.stringify(result.machine)}`, '',
    '| run | time | ceiling (same run) | ceiling ÷ run | target | verdict |', '|---|---|---|---|---|---|',
    line('first run (raises what crossed in the last minute)', first!), line('steady state', steady!), '',
  ].join('\n');
  console.log(markdown);
  const dir = join(import.meta.dirname, 'results');
  await mkdir(dir, { recursive: true });
  const base = join(dir, `sweep-open-${argument('open', '1m')}-${now.toISOString().slice(0, 19).replace(/:/g, '-')}`);
  await writeFile(`${base}.json`, JSON.stringify(result, null, 2));
  await writeFile(`${base}.md`, markdown);
  log(`wrote ${base}.md`);
} finally {
  await handle.close();
  if (!process.argv.includes('--keep')) await bench.drop();
}
