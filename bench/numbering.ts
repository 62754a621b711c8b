/**
 * Measurement for ADR 0006 (not product code): how many short intake-like transactions per second one
 * district can commit when its case number comes from (a) a counter row (`insert … on conflict do update
 * … returning`, the row locked until COMMIT — the old design) or (b) `nextval` of a sequence (no lock),
 * each transaction also inserting one row and holding one more round trip, as intake does. PostgreSQL.
 * `tsx bench/numbering.ts [--seconds 5] [--concurrency 16]`
 */
import pg from 'pg';
import { PG_BASE_URL } from './lib/databases.ts';

const args = new Map(process.argv.slice(2).map((arg, i, all) => [arg, all[i + 1]]));
const seconds = Number(args.get('--seconds') ?? 5);
const concurrency = Number(args.get('--concurrency') ?? 16);

async function run(pool: pg.Pool, label: string, take: string): Promise<void> {
  let done = 0;
  const until = Date.now() + seconds * 1000;
  const worker = async () => {
    while (Date.now() < until) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const { rows } = await client.query<{ n: string }>(take);
        await client.query('insert into numbering_bench_rows (n) values ($1)', [rows[0]!.n]);
        await client.query('select 1');
        await client.query('commit');
        done += 1;
      } finally {
        client.release();
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  process.stdout.write(`${label}: ${Math.round(done / seconds)} transactions/s (${concurrency} clients, one district)\n`);
}

const pool = new pg.Pool({ connectionString: PG_BASE_URL, max: concurrency });
await pool.query(`drop table if exists numbering_bench_counter, numbering_bench_rows; drop sequence if exists numbering_bench_seq;
  create table numbering_bench_counter (district_id int primary key, last_seq int not null);
  create table numbering_bench_rows (id bigint generated always as identity primary key, n bigint not null);
  create sequence numbering_bench_seq;`);
try {
  await run(pool, 'counter row (locked to COMMIT)', `insert into numbering_bench_counter values (1, 1)
    on conflict (district_id) do update set last_seq = numbering_bench_counter.last_seq + 1 returning last_seq as n`);
  await run(pool, 'sequence (nextval)', `select nextval('numbering_bench_seq') as n`);
} finally {
  await pool.query('drop table if exists numbering_bench_counter, numbering_bench_rows; drop sequence if exists numbering_bench_seq');
  await pool.end();
}
