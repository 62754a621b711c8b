/** Turns a bench run into the Markdown table (and keeps the JSON as is). */
import type { MachineInfo } from './machine.ts';
import type { LoadResult } from './load.ts';
import type { LatencySummary } from './stats.ts';
import { RSS_CEILING_MB, type MemorySummary } from './memory-sampler.ts';

export interface DbResult {
  kind: 'postgres' | 'pglite';
  size: number;
  note?: string;
  generation: { cases: number; events: number; seconds: number; casesPerSecond: number };
  counts: { total: number; open: number; warned: number };
  trivial: LoadResult;
  trivialSequential: LoadResult;
  intake: LoadResult;
  /** PostgreSQL only: backends active / waiting on a lock during the intake load. */
  intakeLocks?: { samples: number; avgActive: number; avgWaitingOnLock: number; lockEvents: Record<string, number> };
  insertCeiling: { rows: number; seconds: number; perSecond: number };
  list: { queries: { name: string; path: string; latency: LatencySummary; total?: number }[]; all: LatencySummary };
  indicators: { indicators: LatencySummary; rankings: LatencySummary; both: LatencySummary } | { skipped: string };
  indicatorCeilingMs: number;
  /** The rollup rows the same reads are made of (absent in results written before 2026-12-03, later). */
  rollupCeilingMs?: number;
  sweep: { ms: number; result: Record<string, number> }[];
  sweepCeilingMs: number;
  /** Absent when the start failed (`coldStartError` says why): a failed scenario must not lose the others' figures. */
  coldStart?: { serveMs: number; bareMs: number; serveRuns: number[]; bareRuns: number[] };
  coldStartError?: string;
  plans?: { name: string; sql: string; plan: string; executionMs: number | null }[];
  /** The server's RSS during the indicator and intake loads; absent in results written before it was sampled. */
  memory?: { indicators: MemorySummary; intake: MemorySummary };
}

export interface BenchResult {
  startedAt: string;
  finishedAt: string;
  options: Record<string, unknown>;
  machine: MachineInfo;
  databases: DbResult[];
  skipped: string[];
  routing: { grids: number; verticesPerGrid: number; points: number; found: number; buildMs: number; perSecond: number; ceilingPerSecond: number; candidatesPerPoint: number };
  /** 惠企政策 matching in memory (bench/scenarios/policy-matching.ts); absent in results written before it. */
  policyMatching?: { policies: number; enterprises: number; medianMs: number; runs: number[]; met: number };
}

const int = (value: number) => Math.round(value).toLocaleString('en-US');
const ms = (value: number) => `${value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : Math.round(value)} ms`;
const ratio = (value: number) => `${(value * 100).toFixed(1)}%`;
const sizeLabel = (n: number) => (n >= 1_000_000 ? `${n / 1_000_000}M` : n >= 1000 ? `${n / 1000}k` : String(n));

function verdict(ok: boolean | null): string {
  return ok === null ? '—' : ok ? 'met' : '**missed**';
}

/** The Markdown report: one row per scenario and database, each with its ceiling and the ratio. */
export function renderMarkdown(result: BenchResult): string {
  const m = result.machine;
  const lines = [
    `# civicloop bench — ${result.startedAt}`,
    '',
    `Machine: ${m.cores} cores (${m.cpuModel}), ${m.memoryGiB} GiB, ${m.platform}, Node ${m.node}; ${m.postgres ?? 'PostgreSQL n/a'}; PGlite ${m.pglite ?? 'n/a'}.`,
    `Load average at start: ${m.loadAverageAtStart.join(' / ')} (the machine is shared; figures are noisy, ±30% or more).`,
    `Options: ${JSON.stringify(result.options)}`,
    '',
    '| scenario | db | size | figure | ceiling (same run) | ratio | target | verdict |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const d of result.databases) {
    const size = sizeLabel(d.size);
    const pg = d.kind === 'postgres';
    const i = d.intake;
    const intakeShare = i.perSecond / d.insertCeiling.perSecond;
    const intakeOk = pg ? i.perSecond >= 1000 && intakeShare >= 0.3 : i.perSecond >= 200;
    lines.push(`| intake over HTTP, ${result.options.concurrency} clients | ${d.kind} | ${size} | ${int(i.perSecond)} cases/s (p50 ${ms(i.latency.p50)}, p95 ${ms(i.latency.p95)}, p99 ${ms(i.latency.p99)}; ${i.errors} errors) | single-row INSERT ${int(d.insertCeiling.perSecond)} rows/s | ${ratio(intakeShare)} | ${pg ? '≥1,000/s and ≥30%' : '≥200/s'} | ${verdict(intakeOk)} |`);
    if (d.intakeLocks) {
      const l = d.intakeLocks;
      lines.push(`| intake: PostgreSQL backends during the load | ${d.kind} | ${size} | ${l.avgActive} active, ${l.avgWaitingOnLock} waiting on a row lock (avg of ${l.samples} samples; ${JSON.stringify(l.lockEvents)}) | pool size 10 | — | — | — |`);
    }
    lines.push(`| intake vs trivial route | ${d.kind} | ${size} | ${int(i.perSecond)} req/s | GET /__bench/ping ${int(d.trivial.perSecond)} req/s (p95 ${ms(d.trivial.latency.p95)}) | ${ratio(i.perSecond / d.trivial.perSecond)} | — | — |`);
    const floor = d.trivialSequential.latency.p95;
    lines.push(`| case list, typical filters (p95 of all) | ${d.kind} | ${size} | p95 ${ms(d.list.all.p95)} (p50 ${ms(d.list.all.p50)}) | trivial route p95 ${ms(floor)} (1 client) | ${ratio(floor / d.list.all.p95)} | ≤100 ms at 1M | ${verdict(d.size >= 1_000_000 ? d.list.all.p95 <= 100 : null)} |`);
    if ('skipped' in d.indicators) {
      lines.push(`| month indicators + rankings | ${d.kind} | ${size} | skipped: ${d.indicators.skipped} | | | ≤200 ms at 10M | — |`);
    } else {
      const both = d.indicators.both;
      const ceiling = d.rollupCeilingMs === undefined
        ? `fact-count SQL ${ms(d.indicatorCeilingMs)}`
        : `rollup rows ${ms(d.rollupCeilingMs)} (fact-count SQL ${ms(d.indicatorCeilingMs)})`;
      lines.push(`| month indicators (street) + rankings (department), p95 | ${d.kind} | ${size} | p95 ${ms(both.p95)} (indicators ${ms(d.indicators.indicators.p95)}, rankings ${ms(d.indicators.rankings.p95)}) | ${ceiling} | ${ratio((d.rollupCeilingMs ?? d.indicatorCeilingMs) / both.p95)} | ≤200 ms at 10M | ${verdict(d.size >= 10_000_000 ? both.p95 <= 200 : null)} (10M not run) |`);
    }
    if (d.memory) {
      for (const [name, m] of [['month indicators + rankings', d.memory.indicators], ['intake load', d.memory.intake]] as const) {
        lines.push(`| server RSS during the ${name}${pg ? '' : ' (includes the embedded database)'} | ${d.kind} | ${size} | peak ${int(m.maxRssMb)} MB (mean ${int(m.meanRssMb)} MB, ${m.samples} samples) | ${RSS_CEILING_MB} MB | ${ratio(m.maxRssMb / RSS_CEILING_MB)} | < ${RSS_CEILING_MB} MB | ${verdict(m.maxRssMb < RSS_CEILING_MB)} |`);
      }
    }
    const [first, steady] = d.sweep;
    lines.push(`| sweep, first run (writes warnings) | ${d.kind} | ${size} | ${ms(first!.ms)} over ${int(d.counts.warned)} worked-on of ${int(d.counts.open)} open cases (${JSON.stringify(first!.result)}) | read of the same rows ${ms(d.sweepCeilingMs)} | ${ratio(d.sweepCeilingMs / first!.ms)} | — | — |`);
    lines.push(`| sweep, steady state | ${d.kind} | ${size} | ${ms(steady!.ms)} | read of the same rows ${ms(d.sweepCeilingMs)} | ${ratio(d.sweepCeilingMs / steady!.ms)} | ≤2 s over 1M open | ${verdict(d.counts.open >= 1_000_000 ? steady!.ms <= 2000 : null)} |`);
    if (d.coldStart) lines.push(`| cold start of serve until /api/v1/health | ${d.kind} | ${size} | ${ms(d.coldStart.serveMs)} (median of ${d.coldStart.serveRuns.length}) | bare Fastify under tsx ${ms(d.coldStart.bareMs)} | ${ratio(d.coldStart.bareMs / d.coldStart.serveMs)} | — | — |`);
    else lines.push(`| cold start of serve until /api/v1/health | ${d.kind} | ${size} | failed: ${d.coldStartError ?? 'unknown'} | — | — | — | — |`);
    lines.push(`| data generation (bulk path) | ${d.kind} | ${size} | ${int(d.generation.casesPerSecond)} cases/s (${int(d.generation.events)} events, ${d.generation.seconds.toFixed(1)} s) | — | — | — | — |`);
  }
  const r = result.routing;
  lines.push(`| grid routing, ${int(r.grids)} grids × ${r.verticesPerGrid} vertices | — | ${int(r.points)} points | ${int(r.perSecond)} points/s (${r.candidatesPerPoint.toFixed(2)} candidates/point, build ${ms(r.buildMs)}) | flatbush bbox only ${int(r.ceilingPerSecond)} points/s | ${ratio(r.perSecond / r.ceilingPerSecond)} | ≥500k/s | ${verdict(r.perSecond >= 500_000)} |`);
  const p = result.policyMatching;
  if (p) lines.push(`| policy matching, ${p.policies} policies × ${int(p.enterprises)} enterprises (explained) | — | ${int(p.policies * p.enterprises)} matches | ${ms(p.medianMs)} (median of ${p.runs.length}, ${int(p.met)} met) | — | — | ≤1 s | ${verdict(p.medianMs <= 1000)} |`);
  lines.push('');
  for (const note of [...result.skipped, ...result.databases.flatMap((d) => (d.note ? [`${d.kind}: ${d.note}`] : []))]) lines.push(`- ${note}`);
  lines.push('', '## Case list per filter', '', '| db | filter | total | p50 | p95 |', '|---|---|---|---|---|');
  for (const d of result.databases) {
    for (const q of d.list.queries) lines.push(`| ${d.kind} | ${q.name} | ${int(q.total ?? 0)} | ${ms(q.latency.p50)} | ${ms(q.latency.p95)} |`);
  }
  const plans = result.databases.flatMap((d) => d.plans ?? []);
  if (plans.length > 0) {
    lines.push('', '## Query plans (PostgreSQL, EXPLAIN ANALYZE)', '');
    for (const plan of plans) lines.push(`### ${plan.name} — ${plan.executionMs ?? '?'} ms`, '', '```', plan.plan, '```', '');
  }
  return `${lines.join('\n')}\n`;
}
