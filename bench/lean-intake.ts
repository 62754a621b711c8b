/**
 * Experiment (not product code): how much faster intake gets with the changes recommended in
 * docs/performance.md — reference data cached in process and a transaction of four round trips
 * (BEGIN; number + case + chain-head lock in one CTE; event + head in one statement; COMMIT) —
 * against the production `reportCase`, both in process at the same concurrency, on PostgreSQL.
 * The lean path writes the same rows (number, case columns, hash-chained event) for the fields used here.
 * `tsx bench/lean-intake.ts [--seconds 8] [--concurrency 16]`
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../src/db/schema.ts';
import { createPostgresBench } from './lib/databases.ts';
import { prepareBulkBase } from './generator/bulk-prepare.ts';
import { createCalendarCache } from '../src/services/calendar/calendar-cache.ts';
import { reportCase } from '../src/services/case/case-intake.ts';
import { actorFromUser } from '../src/services/actor.ts';
import { ensureBulkUsers, loadBulkOrg } from './generator/bulk-org.ts';
import { computeDeadline } from '../src/domain/calendar/deadlines.ts';
import { toShanghaiDate } from '../src/domain/calendar/working-calendar.ts';
import { genesisHash, hashEvent } from '../src/db/repositories/case/timeline-repository.ts';
import { verifyTimelineChains } from '../src/db/repositories/case/timeline-repository.ts';
import type { Actor } from '../src/domain/case/case-model.ts';
import { withAfterCommit } from '../src/services/case/post-commit.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const seconds = arg('seconds', 8);
const concurrency = arg('concurrency', 16);

async function load(run: (i: number) => Promise<void>): Promise<number> {
  let done = 0;
  let n = 0;
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (performance.now() < deadline) {
      await run(n++);
      done += 1;
    }
  }));
  return done / ((performance.now() - started) / 1000);
}

const bench = await createPostgresBench('civicloop_bench_lean');
let handle = await bench.open(10);
let db: Kysely<Database> = handle.db;
try {
  await prepareBulkBase(db, new Date());
  await ensureBulkUsers(db);
  const calendar = await createCalendarCache(db).get();
  const org = await loadBulkOrg(db, calendar);
  const category = (await db.selectFrom('categories').selectAll().where('code', '=', 'E0502').executeTakeFirstOrThrow());
  const districts = org.districtWeights.map(([d]) => d);
  const operators: Actor[] = [];
  for (const d of districts) operators.push(actorFromUser(await db.selectFrom('users').selectAll().where('username', '=', `operator-${d.code}`).executeTakeFirstOrThrow()));
  const gridCodes = new Map<number, string>();
  for (const d of districts) gridCodes.set(d.id, (await db.selectFrom('grids').select('code').where('id', '=', d.grids[0]!.id).executeTakeFirstOrThrow()).code.trim());
  for (const d of districts) {
    await db.insertInto('timeline_chain_heads').values({ district_id: d.id, last_event_id: null, last_hash: genesisHash(d.id) })
      .onConflict((oc) => oc.column('district_id').doNothing()).execute();
  }

  const deps = withAfterCommit({ db, clock: () => new Date(), calendar: createCalendarCache(db), settings: { sessionHours: 12, reopenWindowDays: 30 } });
  const production = await load(async (i) => {
    const k = i % districts.length;
    await reportCase(deps, operators[k]!, { kind: 'event', categoryCode: category.code, description: '压测 bench', gridCode: gridCodes.get(districts[k]!.id)! });
  });

  const leanRun = async (i: number) => {
    const k = i % districts.length;
    const district = districts[k]!;
    const grid = district.grids[0]!;
    const actor = operators[k]!;
    const now = new Date();
    const year = Number(toShanghaiDate(now).slice(0, 4));
    const departmentId = org.routeDepartment(category, district.id, grid);
    const deadline = computeDeadline(now, category.dispatch_limit, calendar, district.hours);
    await db.transaction().execute(async (trx) => {
      const first = await sql<{ id: number; last_hash: string }>`
        with seq as (
          insert into case_number_counters (district_id, year, last_seq) values (${district.id}, ${year}, 1)
          on conflict (district_id, year) do update set last_seq = case_number_counters.last_seq + 1 returning last_seq),
        head as (select last_hash from timeline_chain_heads where district_id = ${district.id} for update),
        k as (
          insert into cases (district_id, number, kind, source, category_id, priority, title, description, state, version, grid_id,
            community_id, street_id, department_id, reporter_user_id, created_by, dispatch_deadline, created_at, updated_at)
          select ${district.id}, ${district.abbr} || '-' || ${year} || '-' || lpad(seq.last_seq::text, 6, '0'), 'event', 'hotline',
            ${category.id}, 'normal', ${category.minor_name}, '压测 bench', 'reported', 1, ${grid.id}, ${grid.communityId}, ${grid.streetId},
            ${departmentId}, ${actor.userId}, ${actor.userId}, ${deadline}, ${now}, ${now}
          from seq returning id)
        select k.id, head.last_hash from k, head`.execute(trx);
      const row = first.rows[0]!;
      const event = {
        caseId: row.id, districtId: district.id, at: now, actorUserId: actor.userId, actorRole: actor.role, action: 'report',
        fromState: null, toState: 'reported', note: null, data: { source: 'hotline', categoryCode: category.code, routedDepartmentId: departmentId },
      };
      const hash = hashEvent(row.last_hash, event);
      await sql`
        with e as (
          insert into case_events (case_id, district_id, at, actor_user_id, actor_role, action, from_state, to_state, note, data, prev_hash, hash)
          values (${row.id}, ${district.id}, ${now}, ${actor.userId}, ${actor.role}, 'report', null, 'reported', null, ${JSON.stringify(event.data)}, ${row.last_hash}, ${hash})
          returning id)
        update timeline_chain_heads set last_hash = ${hash}, last_event_id = (select id from e) where district_id = ${district.id}`.execute(trx);
    });
  };
  const lean = await load(leanRun);
  // Diagnosis only: the same lean path without waiting for the WAL flush at commit (not a recommendation).
  await sql.raw(`alter database ${new URL(bench.url!).pathname.slice(1)} set synchronous_commit = off`).execute(db);
  await handle.close();
  handle = await bench.open(10);
  db = handle.db;
  const leanNoSync = await load(leanRun);
  const problems = await verifyTimelineChains(db);
  console.log(JSON.stringify({
    concurrency, seconds, productionCasesPerSecond: Math.round(production), leanCasesPerSecond: Math.round(lean), leanWithoutCommitFlush: Math.round(leanNoSync),
    speedup: Math.round((lean / production) * 100) / 100, chainProblems: problems,
  }));
} finally {
  await handle.close();
  await bench.drop();
}
