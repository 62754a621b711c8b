import { sql } from 'kysely';
import { openDatabase } from '../src/db/connect.ts';
const handle = await openDatabase({ databaseUrl: 'postgres://postgres@127.0.0.1:5432/civicloop_bench_sweep_open', dataDir: '' });
const db = handle.db;
const now = new Date();
const templateCount = (await sql<{ n: number }>`select count(*)::int as n from cases where state in ('dispatched', 'signed') and resolve_deadline is not null and number not like 'SW-%'`.execute(db)).rows[0]!.n;
const existing = (await sql<{ n: number }>`select count(*)::int as n from cases`.execute(db)).rows[0]!.n;
const target = 1_000_000 + (existing - 700_000 - templateCount > 0 ? 0 : 0);
for (let from = 700_000; from < target - 5000; from += 100_000) {
  const count = Math.min(100_000, target - 5000 - from);
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
      from g on conflict do nothing`.execute(db);
  console.log('copied', from + count);
}
await sql`vacuum analyze cases`.execute(db);
console.log((await sql<{ n: number }>`select count(*)::int as n from cases where state in ('dispatched','signed')`.execute(db)).rows[0]);
await handle.close();
