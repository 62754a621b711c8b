/**
 * EXPLAIN ANALYZE of the hot read paths, on PostgreSQL: the production functions run once on a logging
 * Kysely that records their SQL, and each statement is explained with its parameters.
 */
import pg from 'pg';
import { Kysely, PostgresDialect, type CompiledQuery } from 'kysely';
import type { Database } from '../../src/db/schema.ts';
import { listCases } from '../../src/db/repositories/case/case-repository.ts';
import { loadCaseFacts, loadCaseRatingFacts, loadFlowFacts, loadNoticeFacts, loadServiceRatingFacts } from '../../src/db/repositories/supervision/indicator-repository.ts';
import { readFrozenSums } from '../../src/db/repositories/supervision/day-close-repository.ts';
import { shanghaiDay } from '../../src/db/repositories/supervision/rollup-repository.ts';
import { findDueWarnings } from '../../src/db/repositories/supervision/sweep-repository.ts';
import { parsePeriod } from '../../src/domain/supervision/period.ts';

export interface Plan {
  name: string;
  sql: string;
  plan: string;
  executionMs: number | null;
}

/** What the explained statements filter on: the bench fixture's district, month and typical list filters. */
export interface PlanSubjects {
  districtId: number;
  month: string;
  departmentId: number;
  streetCode: string;
  categoryCode: string;
  textQuery: string;
}

/** Explains the list, indicator and sweep statements on the database at `url`. */
export async function explainHotPaths(url: string, { districtId, month, departmentId, streetCode, categoryCode, textQuery }: PlanSubjects): Promise<Plan[]> {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  let captured: CompiledQuery[] = [];
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    log: (event) => {
      if (event.level === 'query') captured.push(event.query);
    },
  });
  const period = parsePeriod(month);
  const now = new Date();
  const street = await db.selectFrom('streets').select('id').where('district_id', '=', districtId).where('code', '=', streetCode).executeTakeFirstOrThrow();
  const category = await db.selectFrom('categories').select('id').where('code', '=', categoryCode).executeTakeFirstOrThrow();
  const scope = { kind: 'district', districtId } as const;
  const list = (filter: Omit<Parameters<typeof listCases>[1], 'page' | 'pageSize'>) => () => listCases(db, { page: 1, pageSize: 20, ...filter }, scope);
  const [fromDay, toDay] = [shanghaiDay(period.start), shanghaiDay(period.end)];
  const subjects: [string, () => Promise<unknown>][] = [
    ['list: district inbox', list({})],
    ['list: overdue', list({ overdueAt: now })],
    ['list: being worked on', list({ state: ['dispatched', 'signed'] })],
    ['list: new reports', list({ state: ['reported'] })],
    ['list: one street', list({ streetId: street.id })],
    ['list: one department, open', list({ departmentId, state: ['dispatched', 'signed', 'resolved'] })],
    ['list: one category', list({ categoryId: category.id })],
    ['list: text search', list({ text: textQuery })],
    ['month (frozen): rollup sums (street)', () => readFrozenSums(db, districtId, 'street', fromDay, toDay)],
    ['month (frozen): rollup sums (department)', () => readFrozenSums(db, districtId, 'department', fromDay, toDay)],
    ['month (frozen): service ratings (street)', () => loadServiceRatingFacts(db, districtId, 'street', period.start, period.end)],
    ['month (frozen): notices (street)', () => loadNoticeFacts(db, districtId, 'street', period.start, period.end)],
    ['running period: case facts (street)', () => loadCaseFacts(db, districtId, 'street', period.start, period.end)],
    ['running period: flow facts (street)', () => loadFlowFacts(db, districtId, 'street', period.start, period.end)],
    ['running period: case rating facts (street)', () => loadCaseRatingFacts(db, districtId, 'street', period.start, period.end)],
    ['sweep: due red warnings', () => findDueWarnings(db, 'red', now, 1000).execute()],
    ['sweep: due amber warnings', () => findDueWarnings(db, 'amber', now, 1000).execute()],
  ];
  const plans: Plan[] = [];
  const client = await pool.connect();
  try {
    for (const [name, run] of subjects) {
      captured = [];
      await run();
      const statements = captured.filter((q) => /^\s*select/i.test(q.sql));
      for (const [n, query] of statements.entries()) {
        const result = await client.query(`explain (analyze, buffers) ${query.sql}`, query.parameters as unknown[]);
        const lines = result.rows.map((row: Record<string, string>) => row['QUERY PLAN']!);
        const time = lines.map((line) => /Execution Time: ([\d.]+) ms/.exec(line)).find(Boolean);
        plans.push({ name: statements.length > 1 ? `${name} [${n + 1}/${statements.length}]` : name, sql: query.sql, plan: lines.join('\n'), executionMs: time ? Number(time[1]) : null });
      }
    }
  } finally {
    client.release();
    await db.destroy();
  }
  return plans;
}
