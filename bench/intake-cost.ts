/**
 * Diagnostic: where one intake's CPU goes. Generates 10k cases on a fresh PostgreSQL bench database, starts the
 * server under test, runs the 16-client intake load for `--seconds` (8) and prints, per acknowledged case, the CPU
 * time of the server's processes, of the PostgreSQL backends serving this database and of PostgreSQL's own
 * background processes (WAL writer, checkpointer …), and of this load generator, from /proc (other work on the
 * machine is left out), and the database's own counters (transactions, rows written, tuples fetched) from
 * `pg_stat_database`. Linux only. `tsx bench/intake-cost.ts [--seconds 8]` (issue 10; docs/performance.md).
 */
import { readdirSync, readFileSync } from 'node:fs';
import pg from 'pg';
import { createPostgresBench } from './lib/databases.ts';
import { prepareBulkBase } from './generator/bulk-prepare.ts';
import { bulkGenerateCases } from './generator/bulk-generate.ts';
import { loadFixture } from './lib/fixture.ts';
import { startBenchServer } from './lib/child.ts';
import { argument } from './lib/cli-args.ts';
import { intake } from './scenarios/http.ts';

const seconds = Number(argument('seconds', '8'));
const TICK_MS = 10; // USER_HZ is 100 on Linux

function cpuTicks(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0; // ended between the listing and the read
  }
}

/** The process and its descendants (tsx runs the server in a child of its own). */
function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const parent = Number(readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // ended
    }
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i += 1) tree.push(...(children.get(tree[i]!) ?? []));
  return tree;
}

const COUNTERS = ['xact_commit', 'xact_rollback', 'tup_inserted', 'tup_updated', 'tup_deleted', 'tup_fetched'] as const;

const bench = await createPostgresBench('civicloop_bench_intake_cost');
const setup = await bench.open();
const now = new Date();
await prepareBulkBase(setup.db, now);
await bulkGenerateCases(setup.db, { cases: 10_000, end: now });
const fixture = await loadFixture(setup.db, now);
await setup.close();
const server = await startBenchServer({ BENCH_DATABASE_URL: bench.url! });
const stats = new pg.Client({ connectionString: bench.url });
await stats.connect();
const counters = async () => (await stats.query<Record<string, string>>(
  `select ${COUNTERS.join(', ')} from pg_stat_database where datname = current_database()`)).rows[0]!;
try {
  await intake(server.port, fixture, 16, 2000); // warm: caches, prepared statements, the JIT
  await new Promise((resolve) => setTimeout(resolve, 1500)); // let the after-commit pass finish
  // The pool's connections stay open, so the backends now are the backends of the load.
  const backends = (await stats.query<{ pid: number; kind: string }>(
    `select pid, case when datname = current_database() and pid <> pg_backend_pid() then 'backends' else 'background' end as kind
     from pg_stat_activity where (datname = current_database() and pid <> pg_backend_pid()) or backend_type <> 'client backend'`)).rows;
  const groups: [string, number[]][] = [
    ['server (node)', processTree(server.child.pid!)],
    ['PostgreSQL backends of this database', backends.filter((b) => b.kind === 'backends').map((b) => b.pid)],
    ['PostgreSQL background processes', backends.filter((b) => b.kind === 'background').map((b) => b.pid)],
  ];
  const sample = () => groups.map(([, pids]) => pids.reduce((sum, pid) => sum + cpuTicks(pid), 0));
  const before = { db: await counters(), cpu: sample(), self: process.cpuUsage() };
  const result = await intake(server.port, fixture, 16, seconds * 1000);
  await new Promise((resolve) => setTimeout(resolve, 1500)); // the pass of the last answers belongs to them
  const after = { db: await counters(), cpu: sample(), self: process.cpuUsage(before.self) };
  const cases = result.ok;
  console.log(`intake: ${Math.round(result.perSecond)} cases/s, ${cases} acknowledged, ${result.errors} errors`);
  for (const counter of COUNTERS) {
    console.log(`${counter}: ${((Number(after.db[counter]) - Number(before.db[counter])) / cases).toFixed(2)} per case`);
  }
  groups.forEach(([name], i) => console.log(`CPU ${name}: ${(((after.cpu[i]! - before.cpu[i]!) * TICK_MS) / cases).toFixed(2)} ms per case`));
  console.log(`CPU load generator: ${((after.self.user + after.self.system) / 1000 / cases).toFixed(2)} ms per case`);
} finally {
  await stats.end();
  await server.stop();
  await bench.drop();
}
