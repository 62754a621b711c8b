/**
 * `npm run bench -- --size 1m [--db postgres,pglite] [--duration 10] [--concurrency 16] [--keep]`
 * Generates a data set per database, runs every scenario next to its ceiling measured in the same
 * run, and writes bench/results/bench-<size>-<time>.{json,md}. See docs/performance.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { parseSize, prepareBulkBase } from './generator/bulk-prepare.ts';
import { bulkGenerateCases } from './generator/bulk-generate.ts';
import { createPgliteBench, createPostgresBench, type BenchDatabase } from './lib/databases.ts';
import { machineInfo } from './lib/machine.ts';
import { ROOT, startBenchServer } from './lib/child.ts';
import { loadFixture } from './lib/fixture.ts';
import { renderMarkdown, type BenchResult, type DbResult } from './lib/report.ts';
import { caseList, indicatorsAndRankings, intake, trivialRoute } from './scenarios/http.ts';
import { indicatorReadCeiling, insertCeiling, openCounts, rollupReadCeiling, sweep, sweepReadCeiling } from './scenarios/database.ts';
import { routing } from './scenarios/routing.ts';
import { policyMatching } from './scenarios/policy-matching.ts';
import { coldStart } from './scenarios/cold-start.ts';
import { explainHotPaths } from './scenarios/plans.ts';
import { startLockSampler } from './lib/lock-sampler.ts';
import { startMemorySampler } from './lib/memory-sampler.ts';
import { argument } from './lib/cli-args.ts';

const size = parseSize(argument('size', '10k'));
const kinds = argument('db', 'postgres,pglite').split(',').map((k) => k.trim());
const durationMs = Number(argument('duration', size >= 1_000_000 ? '10' : '5')) * 1000;
const concurrency = Number(argument('concurrency', '16'));
const pgliteMax = parseSize(argument('pglite-max', '100k'));
const keep = process.argv.includes('--keep');
const iterations = Number(argument('iterations', size >= 1_000_000 ? '15' : '25'));
const log = (message: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);

async function generate(bench: BenchDatabase, cases: number, now: Date) {
  const handle = await bench.open();
  try {
    await prepareBulkBase(handle.db, now);
    let lastPrint = 0;
    const report = await bulkGenerateCases(handle.db, {
      cases, end: now,
      onProgress(p) {
        if (p.cases < p.total && p.elapsedMs - lastPrint < 5000) return;
        lastPrint = p.elapsedMs;
        log(`${bench.kind}: generated ${p.cases.toLocaleString()}/${p.total.toLocaleString()} cases, ${p.events.toLocaleString()} events, ${Math.round(p.cases / (p.elapsedMs / 1000))} cases/s`);
      },
    });
    const fixture = await loadFixture(handle.db, now);
    const version = await sql<{ v: string }>`select version() as v`.execute(handle.db);
    return { report, fixture, version: version.rows[0]!.v };
  } finally {
    await handle.close();
  }
}

async function runDatabase(bench: BenchDatabase, cases: number, result: BenchResult, note?: string): Promise<DbResult> {
  const now = new Date();
  log(`${bench.kind}: generating ${cases.toLocaleString()} cases`);
  const { report, fixture, version } = await generate(bench, cases, now);
  if (bench.kind === 'postgres') result.machine.postgres = version.split(' on ')[0];
  else result.machine.pglite = version.split(' on ')[0];
  const plans = bench.kind === 'postgres' ? await explainHotPaths(bench.url!, fixture) : undefined;

  log(`${bench.kind}: HTTP scenarios`);
  const server = await startBenchServer(bench.url ? { BENCH_DATABASE_URL: bench.url } : { BENCH_DATA_DIR: bench.dataDir });
  let http;
  try {
    const trivial = await trivialRoute(server.port, concurrency, durationMs);
    const trivialSequential = await trivialRoute(server.port, 1, Math.min(durationMs, 3000));
    const list = await caseList(server.port, fixture, iterations);
    const stopIndicatorMemory = startMemorySampler(server.port);
    const indicators = await indicatorsAndRankings(server.port, fixture, Math.max(5, Math.round(iterations / 2)));
    const indicatorMemory = await stopIndicatorMemory();
    const stopSampler = bench.url ? await startLockSampler(bench.url) : null;
    const stopIntakeMemory = startMemorySampler(server.port);
    const intakeResult = await intake(server.port, fixture, concurrency, durationMs);
    const intakeMemory = await stopIntakeMemory();
    const intakeLocks = stopSampler ? await stopSampler() : undefined;
    http = { trivial, trivialSequential, list, indicators, intake: intakeResult, intakeLocks, memory: { indicators: indicatorMemory, intake: intakeMemory } };
  } finally {
    await server.stop();
  }

  log(`${bench.kind}: in-process scenarios`);
  const handle = await bench.open(10);
  let local;
  try {
    const ceiling = await insertCeiling(handle.db, concurrency, durationMs);
    const counts = await openCounts(handle.db);
    const sweepCeilingMs = await sweepReadCeiling(handle.db);
    const sweepRuns = await sweep(handle.db);
    const indicatorCeilingMs = await indicatorReadCeiling(handle.db, fixture.districtId, fixture.month);
    const rollupCeilingMs = await rollupReadCeiling(handle.db, fixture.districtId, fixture.month);
    local = { insertCeiling: ceiling, counts, sweepCeilingMs, sweep: sweepRuns as unknown as DbResult['sweep'], indicatorCeilingMs, rollupCeilingMs };
  } finally {
    await handle.close();
  }

  log(`${bench.kind}: cold start`);
  let cold: DbResult['coldStart'];
  let coldStartError: string | undefined;
  try {
    cold = await coldStart(bench.url ? { DATABASE_URL: bench.url } : { CIVICLOOP_DATA_DIR: bench.dataDir }, 3);
  } catch (error) {
    coldStartError = (error as Error).message;
    log(`${bench.kind}: cold start failed: ${coldStartError}`);
  }
  return {
    kind: bench.kind, size: cases, note,
    generation: { cases: report.cases, events: report.events, seconds: report.elapsedMs / 1000, casesPerSecond: report.cases / (report.elapsedMs / 1000) },
    ...http, ...local, coldStart: cold, coldStartError, plans,
  } as DbResult;
}

const result: BenchResult = {
  startedAt: new Date().toISOString(), finishedAt: '', options: { size, kinds, durationMs, concurrency, iterations, pgliteMax },
  machine: machineInfo(), databases: [], skipped: [], routing: undefined as never,
};
log(`size ${size.toLocaleString()}, databases ${kinds.join(', ')}, ${concurrency} clients, ${durationMs / 1000} s per load`);
log('routing over 10k grids');
result.routing = routing(1_000_000);
log('policy matching: F1–F4 × 10k enterprises');
result.policyMatching = policyMatching(10_000);
for (const kind of kinds) {
  if (kind !== 'postgres' && kind !== 'pglite') throw new Error(`unknown database kind ${kind}`);
  const cases = kind === 'pglite' ? Math.min(size, pgliteMax) : size;
  const note = cases < size ? `run at ${cases.toLocaleString()} cases instead of ${size.toLocaleString()}: generating and sweeping ${size.toLocaleString()} cases in the embedded database is impractical on this machine (raise with --pglite-max)` : undefined;
  const bench = kind === 'postgres' ? await createPostgresBench(`civicloop_bench_${String(size)}`) : await createPgliteBench();
  try {
    result.databases.push(await runDatabase(bench, cases, result, note));
  } finally {
    if (keep) log(`${kind}: kept ${bench.url ?? bench.dataDir}`);
    else await bench.drop();
  }
}
result.finishedAt = new Date().toISOString();
const dir = join(ROOT, 'bench/results');
mkdirSync(dir, { recursive: true });
const stamp = result.startedAt.replace(/[:.]/g, '-').slice(0, 19);
const base = join(dir, `bench-${argument('size', '10k')}-${stamp}`);
writeFileSync(`${base}.json`, `${JSON.stringify(result, null, 2)}\n`);
const markdown = renderMarkdown(result);
writeFileSync(`${base}.md`, markdown);
console.log(markdown.split('\n## Query plans')[0]);
log(`wrote ${base}.json and .md`);
