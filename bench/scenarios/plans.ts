/**
 * EXPLAIN ANALYZE of the hot read paths, on PostgreSQL: the production functions run once on a logging
 * Kysely that records their SQL, and each statement is explained with its parameters.
 */
import pg from 'pg';
import { Kysely, PostgresDialect, type CompiledQuery } from 'kysely';
import type { Database } from '../../src/db/schema.ts';
import { listCases } from '../../src/db/repositories/case/case-repository.ts';
import { loadCaseFacts, loadFlowFacts, loadRatingFacts } from '../../src/db/repositories/supervision/indicator-repository.ts';
import { findDueWarnings } from '../../src/db/repositories/supervision/sweep-repository.ts';
import { parsePeriod } from '../../src/domain/supervision/period.ts';

export interface Plan {
  name: string;
  sql: string;
  plan: string;
  executionMs: number | null;
}

/** Explains the list, indicator and sweep statements on the database at `url`. */
export async function explainHotPaths(url: string, districtId: number, month: string): Promise<Plan[]> {
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
  const subjects: [string, () => Promise<unknown>][] = [
    ['list: district inbox', () => listCases(db, { page: 1, pageSize: 20 }, { kind: 'district', districtId })],
    ['list: overdue', () => listCases(db, { page: 1, pageSize: 20, overdueAt: now }, { kind: 'district', districtId })],
    ['list: being worked on', () => listCases(db, { page: 1, pageSize: 20, state: ['dispatched', 'signed'] }, { kind: 'district', districtId })],
    ['indicators: case facts (street)', () => loadCaseFacts(db, districtId, 'street', period.start, period.end)],
    ['indicators: flow facts (street)', () => loadFlowFacts(db, districtId, 'street', period.start, period.end)],
    ['indicators: rating facts (street)', () => loadRatingFacts(db, districtId, 'street', period.start, period.end)],
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
