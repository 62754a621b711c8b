import { sql, type Kysely } from 'kysely';

/**
 * The write path without a district-wide lock (docs/adr/0006-write-path-without-a-district-lock.md):
 * - case numbers come from one sequence per district and year (`case_number_<district>_<year>`), created on
 *   demand; the counters table is converted into sequences and dropped;
 * - timeline rows are written unlinked (chain_seq, prev_hash, hash null) and linked after commit by one
 *   linker per district holding a lease in `worker_leases`; the chain order is `chain_seq`, not `id`;
 *   `rollup_deltas` carries the event's indicator deltas until the linker adds them to the rollups;
 * - follow-ups (and later webhook deliveries) are rows of `outbox`, drained after commit and by the worker.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table case_events
      alter column prev_hash drop not null,
      alter column hash drop not null,
      add column chain_seq bigint,
      add column recorded_at timestamptz not null default now(),
      add column rollup_deltas jsonb;
    update case_events e set chain_seq = r.n
      from (select id, row_number() over (partition by district_id order by id) as n from case_events) r
      where e.id = r.id;
    create unique index case_events_chain_idx on case_events (district_id, chain_seq);
    create index case_events_unlinked_idx on case_events (district_id, id) where hash is null;
    alter table timeline_chain_heads add column last_seq bigint not null default 0;
    update timeline_chain_heads h set last_seq = (select count(*) from case_events e where e.district_id = h.district_id);
    create table worker_leases (
      name text primary key,
      holder text not null,
      expires_at timestamptz not null
    );
    create table outbox (
      id bigint generated always as identity primary key,
      kind text not null,
      payload jsonb not null,
      attempts integer not null default 0,
      next_attempt_at timestamptz not null default now(),
      last_error text,
      done_at timestamptz,
      created_at timestamptz not null default now()
    );
    create index outbox_due_idx on outbox (next_attempt_at, id) where done_at is null;
  `.execute(db);
  const counters = await sql<{ district_id: number; year: number; last_seq: number }>`
    select district_id, year, last_seq from case_number_counters`.execute(db);
  for (const counter of counters.rows) {
    const name = `case_number_${Number(counter.district_id)}_${Number(counter.year)}`;
    await sql`create sequence ${sql.id(name)} start with ${sql.lit(Number(counter.last_seq) + 1)}`.execute(db);
  }
  await sql`drop table case_number_counters`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table case_number_counters (
      district_id integer not null references districts(id),
      year integer not null,
      last_seq integer not null,
      primary key (district_id, year)
    );
    drop table if exists outbox;
    drop table if exists worker_leases;
    alter table timeline_chain_heads drop column if exists last_seq;
    drop index if exists case_events_unlinked_idx;
    drop index if exists case_events_chain_idx;
    alter table case_events drop column if exists chain_seq, drop column if exists recorded_at, drop column if exists rollup_deltas;
  `.execute(db);
}
