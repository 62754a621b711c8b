/**
 * Diagnostic: the indicator case-facts query with and without a candidate index, on a fresh PostgreSQL
 * database with `--cases` generated cases. `tsx bench/explain-case-facts.ts --cases 300k`
 */
import pg from 'pg';
import { createPostgresBench } from './lib/databases.ts';
import { prepareBulkBase, parseSize } from './generator/bulk-prepare.ts';
import { bulkGenerateCases } from './generator/bulk-generate.ts';
import { parsePeriod } from '../src/domain/supervision/period.ts';
import { lastMonth } from './lib/fixture.ts';

const index = process.argv.indexOf('--cases');
const cases = parseSize(index >= 0 ? process.argv[index + 1]! : '300k');
const bench = await createPostgresBench('civicloop_bench_explain');
const handle = await bench.open();
const client = new pg.Client({ connectionString: bench.url });
try {
  const now = new Date();
  await prepareBulkBase(handle.db, now);
  await bulkGenerateCases(handle.db, { cases, end: now });
  await client.connect();
  const period = parsePeriod(lastMonth(now));
  const query = `explain (analyze, buffers) select k.street_id, k.id, k.state, k.filed_at, k.resolved_at, k.closed_at, k.resolve_deadline, k.rework_count, k.extension_count
    from cases k where k.district_id = 1 and k.filed_at is not null and k.filed_at < $1 and (k.closed_at is null or k.closed_at >= $2)`;
  const show = async (label: string) => {
    for (let i = 0; i < 2; i += 1) await client.query(query, [period.end, period.start]);
    const result = await client.query(query, [period.end, period.start]);
    console.log(`--- ${label}\n${result.rows.map((row: Record<string, string>) => row['QUERY PLAN']).join('\n')}`);
  };
  await show('with the indexes of migrations 0001–0006');
  await client.query('create index cases_unclosed_filed_idx on cases (district_id, filed_at) where closed_at is null');
  await client.query('analyze cases');
  await show('plus (district_id, filed_at) where closed_at is null');
} finally {
  await client.end();
  await handle.close();
  await bench.drop();
}
