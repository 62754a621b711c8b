/**
 * Scenarios in process on the bench database: the single-row INSERT ceiling through the same driver
 * and pool, the warning sweep and its read ceiling, and the read ceilings of a month's indicator facts and rollups.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.ts';
import { runSweep, type SweepResult } from '../../src/services/supervision/warning-sweep.ts';
import { createCalendarCache } from '../../src/services/calendar/calendar-cache.ts';
import { parsePeriod, previousPeriod } from '../../src/domain/supervision/period.ts';
import { toShanghaiDate } from '../../src/domain/calendar/working-calendar.ts';
import { withAfterCommit } from '../../src/services/case/post-commit.ts';
import { QUIET_INTEGRATION_SETTINGS } from '../../src/services/service-deps.ts';

/**
 * Single-row autocommit INSERTs into a copy of `cases` (same columns, defaults and indexes) from
 * `concurrency` callers for `durationMs`: the most the same pool can write, one row per round-trip.
 */
export async function insertCeiling(db: Kysely<Database>, concurrency: number, durationMs: number) {
  await sql`drop table if exists bench_insert_ceiling`.execute(db);
  await sql`create table bench_insert_ceiling (like cases including defaults including identity including indexes)`.execute(db);
  const template = await sql<Record<string, unknown>>`select * from cases order by id desc limit 1`.execute(db);
  const row = template.rows[0];
  if (!row) throw new Error('no case to copy for the INSERT ceiling');
  const columns = Object.keys(row).filter((column) => column !== 'id' && column !== 'number');
  let inserted = 0;
  let counter = 0;
  const started = performance.now();
  const deadline = started + durationMs;
  const worker = async () => {
    while (performance.now() < deadline) {
      const n = counter++;
      const values = columns.map((column) => {
        const value = row[column];
        return value !== null && typeof value === 'object' && !(value instanceof Date) ? JSON.stringify(value) : value;
      });
      await sql`insert into bench_insert_ceiling (number, ${sql.join(columns.map((c) => sql.ref(c)))})
        values (${`BENCH-${n}`}, ${sql.join(values)})`.execute(db);
      inserted += 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  await sql`drop table if exists bench_insert_ceiling`.execute(db);
  return { rows: inserted, seconds, perSecond: inserted / seconds };
}

/** How many cases the sweep looks at (being worked on, with a deadline) and how many are open at all. */
export async function openCounts(db: Kysely<Database>) {
  const result = await sql<{ warned: number; open: number; total: number }>`
    select count(*) filter (where state in ('dispatched', 'signed') and resolve_deadline is not null) as warned,
           count(*) filter (where state in ('reported', 'filed', 'dispatched', 'signed', 'suspended', 'resolved')) as open,
           count(*) as total
    from cases`.execute(db);
  const row = result.rows[0]!;
  return { warned: Number(row.warned), open: Number(row.open), total: Number(row.total) };
}

/** Runs the production sweep twice at the same instant: the first run may write, the second is the steady state. */
export async function sweep(db: Kysely<Database>) {
  const deps = withAfterCommit({ db, clock: () => new Date(), calendar: createCalendarCache(db), settings: { sessionHours: 12, sessionIdleMinutes: 30, reopenWindowDays: 30, integrations: QUIET_INTEGRATION_SETTINGS } });
  await deps.calendar.get();
  const runs: { ms: number; result: SweepResult }[] = [];
  for (let i = 0; i < 2; i += 1) {
    const start = performance.now();
    const result = await runSweep(deps);
    runs.push({ ms: performance.now() - start, result });
  }
  return runs;
}

/**
 * The sweep's read ceiling: every case being worked on with its stored instants, read in one query (no
 * locks, no writes) — what the old per-case sweep had to read, and what the set-based one no longer does.
 */
export async function sweepReadCeiling(db: Kysely<Database>): Promise<number> {
  const start = performance.now();
  await sql`select id, district_id, number, state, department_id, warning_level, resolve_deadline, amber_at
    from cases where state in ('dispatched', 'signed') and resolve_deadline is not null order by id`.execute(db);
  return performance.now() - start;
}

/**
 * The indicator read ceiling: counting the case and flow facts the two requests read (indicators for the
 * month; rankings for the month and the month before) with one aggregate per period.
 */
export async function indicatorReadCeiling(db: Kysely<Database>, districtId: number, month: string): Promise<number> {
  const period = parsePeriod(month);
  const periods = [period, period, previousPeriod(period)];
  const start = performance.now();
  for (const p of periods) {
    await sql`select count(*) from cases k where k.district_id = ${districtId} and k.filed_at is not null and k.filed_at < ${p.end}
      and (k.closed_at is null or k.closed_at >= ${p.start})`.execute(db);
    await sql`select count(*) from case_events e where e.district_id = ${districtId} and e.action in ('dispatch', 'return')
      and e.at >= ${p.start} and e.at < ${p.end}`.execute(db);
  }
  return performance.now() - start;
}

/**
 * The rollup read ceiling: the same three reads (the month at street level, the month and the month before
 * at department level), each a plain sum over that level's and the district's rollup rows of the period —
 * the units × days rows a frozen month is made of, and nothing per case.
 */
export async function rollupReadCeiling(db: Kysely<Database>, districtId: number, month: string): Promise<number> {
  const period = parsePeriod(month);
  const reads: [string, ReturnType<typeof parsePeriod>][] = [['street', period], ['department', period], ['department', previousPeriod(period)]];
  const start = performance.now();
  for (const [level, p] of reads) {
    await sql`select level, unit_id, sum(filed), sum(closed), sum(due_open) from indicator_rollups
      where district_id = ${districtId} and level in (${level}, 'district') and day >= ${toShanghaiDate(p.start)}::date and day < ${toShanghaiDate(p.end)}::date
      group by level, unit_id`.execute(db);
  }
  return performance.now() - start;
}
