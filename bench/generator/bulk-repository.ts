/**
 * The bulk write path of the data generator (bench/, `civicloop generate`): whole batches of
 * cases and timeline events as one `INSERT … SELECT FROM json_populate_recordset(…)` each, with
 * ids, numbers and hashes computed by the caller exactly as the production path would. Runs on
 * PostgreSQL and PGlite alike; use it only while no server writes to the same database.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../src/db/schema.ts';
import type { Role } from '../../src/domain/case/case-model.ts';
import { ROLLUP_COUNTERS, type RollupCounter } from '../../src/domain/supervision/rollup-deltas.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** The next free ids of cases and case_events (max + 1; explicit ids are used by the bulk path). */
export async function nextBulkIds(db: Db): Promise<{ caseId: number; eventId: number }> {
  const row = await sql<{ case_id: number; event_id: number }>`
    select (select coalesce(max(id), 0) + 1 from cases) as case_id, (select coalesce(max(id), 0) + 1 from case_events) as event_id
  `.execute(db);
  return { caseId: Number(row.rows[0]!.case_id), eventId: Number(row.rows[0]!.event_id) };
}

/** Every district's timeline chain head. */
export async function loadChainHeads(db: Db): Promise<Map<number, { lastHash: string; lastEventId: number | null; lastSeq: number }>> {
  const rows = await db.selectFrom('timeline_chain_heads').selectAll().execute();
  return new Map(rows.map((row) => [row.district_id, { lastHash: row.last_hash, lastEventId: row.last_event_id, lastSeq: Number(row.last_seq) }]));
}

/** One INSERT … SELECT over a JSON array; the columns are the first row's keys, the rest take their defaults. */
async function bulkInsert(trx: Transaction<Database>, table: 'cases' | 'case_events', rows: Record<string, unknown>[]): Promise<void> {
  const columns = sql.join(Object.keys(rows[0]!).map((column) => sql.ref(column)));
  await sql`insert into ${sql.table(table)} (${columns})
    select ${columns} from json_populate_recordset(null::${sql.table(table)}, ${JSON.stringify(rows)}::json)`.execute(trx);
}

/** Inserts rows (objects keyed by column name, dates as Date or ISO strings) into cases in one statement. */
export async function bulkInsertCases(trx: Transaction<Database>, rows: Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  await bulkInsert(trx, 'cases', rows);
}

/** Inserts timeline rows (with their ids and hashes) in one statement. */
export async function bulkInsertEvents(trx: Transaction<Database>, rows: Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  await bulkInsert(trx, 'case_events', rows);
}

/** One rollup row: a district, level, unit and day with its counters. */
export type RollupRow = { district_id: number; level: string; unit_id: number; day: string } & Record<RollupCounter, number>;

/** Adds rollup rows (one per key, already summed) to the stored counters in one upsert. */
export async function bulkAddToRollups(trx: Transaction<Database>, rows: RollupRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 5000) {
    const slice = rows.slice(i, i + 5000);
    const columns = sql.join(Object.keys(slice[0]!).map((column) => sql.ref(column)));
    await sql`insert into indicator_rollups (${columns})
      select ${columns} from json_populate_recordset(null::indicator_rollups, ${JSON.stringify(slice)}::json)
      on conflict (district_id, level, day, unit_id) do update set
      ${sql.join(ROLLUP_COUNTERS.map((c) => sql`${sql.ref(c)} = indicator_rollups.${sql.ref(c)} + excluded.${sql.ref(c)}`))}`.execute(trx);
  }
}

/** Moves the chain heads to the last event a batch wrote. */
export async function saveChainHeads(trx: Transaction<Database>, heads: { districtId: number; lastHash: string; lastEventId: number | null; lastSeq: number }[]): Promise<void> {
  if (heads.length === 0) return;
  await trx
    .insertInto('timeline_chain_heads')
    .values(heads.map((h) => ({ district_id: h.districtId, last_hash: h.lastHash, last_event_id: h.lastEventId, last_seq: h.lastSeq })))
    .onConflict((oc) => oc.column('district_id').doUpdateSet({
      last_hash: sql`excluded.last_hash`, last_event_id: sql`excluded.last_event_id`, last_seq: sql`excluded.last_seq`,
    }))
    .execute();
}

/** Moves the identity sequences past the explicit ids the bulk path used. */
export async function syncIdSequences(trx: Transaction<Database>): Promise<void> {
  await sql`select setval(pg_get_serial_sequence('cases', 'id'), greatest((select max(id) from cases), 1))`.execute(trx);
  await sql`select setval(pg_get_serial_sequence('case_events', 'id'), greatest((select max(id) from case_events), 1))`.execute(trx);
}

/** Refreshes planner statistics and the visibility map (index-only scans) after a bulk load, as autovacuum would. */
export async function analyzeCaseTables(db: Db): Promise<void> {
  await sql`vacuum analyze cases`.execute(db);
  await sql`vacuum analyze case_events`.execute(db);
  await sql`analyze users`.execute(db);
  await sql`analyze grids`.execute(db);
}

/** The tables whose secondary indexes a large load builds afterwards instead of row by row. */
const DEFERRABLE_TABLES = ['cases', 'case_events', 'case_search_terms'];

/**
 * Drops the secondary indexes of the case tables (not primary keys or unique constraints, which the load
 * relies on) and the search-terms trigger, remembering each definition in `bulk_deferred_indexes`, so a
 * large load writes only heap rows; `restoreDeferredIndexes` builds them again in one pass each, as
 * pg_restore does. A definition stays recorded until its index exists again, so a load that died
 * half-way is mended by the next run.
 */
export async function deferSecondaryIndexes(db: Db): Promise<number> {
  await sql`create table if not exists bulk_deferred_indexes (name text primary key, definition text not null)`.execute(db);
  await restoreDeferredIndexes(db, 0);
  const indexes = await sql<{ name: string; definition: string }>`
    select i.indexname as name, i.indexdef as definition from pg_indexes i
    where i.schemaname = current_schema() and i.tablename in (${sql.join(DEFERRABLE_TABLES)})
      and not exists (select 1 from pg_constraint c where c.conindid = to_regclass(quote_ident(i.indexname)))`.execute(db);
  for (const index of indexes.rows) {
    await sql`insert into bulk_deferred_indexes (name, definition) values (${index.name}, ${index.definition}) on conflict (name) do nothing`.execute(db);
    await sql`drop index ${sql.id(index.name)}`.execute(db);
  }
  await sql`alter table cases disable trigger cases_search_terms_sync`.execute(db);
  return indexes.rows.length;
}

/**
 * For one large-load transaction: no per-row foreign-key triggers (as pg_restore loads data; the generator
 * draws every reference from rows that exist, and its test checks them) and no wait for the WAL flush
 * at commit (a crash loses only the last batches of a load that is re-run anyway).
 */
export async function largeLoadSettings(trx: Transaction<Database>): Promise<void> {
  await sql`set local session_replication_role = replica`.execute(trx);
  await sql`set local synchronous_commit = off`.execute(trx);
}

/**
 * Gives the cases from `fromCaseId` on their search terms (what the disabled trigger would have written),
 * enables the trigger again and rebuilds every recorded index.
 */
export async function restoreDeferredIndexes(db: Db, fromCaseId: number): Promise<void> {
  const recorded = await sql<{ name: string; definition: string }>`
    select name, definition from bulk_deferred_indexes order by name`.execute(db).catch(() => ({ rows: [] as { name: string; definition: string }[] }));
  if (recorded.rows.length === 0) return;
  if (fromCaseId > 0) {
    await sql`insert into case_search_terms (case_id, terms)
      select id, civicloop_bigrams(concat_ws(' ', number, title, description, address)) from cases where id >= ${fromCaseId}
      on conflict (case_id) do nothing`.execute(db);
  }
  await sql`alter table cases enable trigger cases_search_terms_sync`.execute(db);
  await sql`set maintenance_work_mem = '256MB'`.execute(db);
  for (const index of recorded.rows) {
    await sql.raw(index.definition.replace(/^CREATE (UNIQUE )?INDEX /, 'CREATE $1INDEX IF NOT EXISTS ')).execute(db);
    await sql`delete from bulk_deferred_indexes where name = ${index.name}`.execute(db);
  }
}

/** Adds users in bulk with one shared password hash; existing usernames are kept. */
export async function bulkInsertUsers(db: Db, rows: {
  username: string; password_hash: string; display_name: string; role: Role; district_id: number;
  street_id: number | null; department_id: number | null; grid_id: number | null;
}[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await db.insertInto('users').values(rows.slice(i, i + 500)).onConflict((oc) => oc.column('username').doNothing()).execute();
  }
}

/** The org tree, categories and users the generator draws from. */
export async function loadBulkOrgRows(db: Db) {
  const [districts, grids, departments, categories, users] = await Promise.all([
    db.selectFrom('districts').selectAll().orderBy('code').execute(),
    db.selectFrom('grids').select(['id', 'code', 'district_id', 'street_id', 'community_id', 'responsible_department_id', 'geometry']).orderBy('code').execute(),
    db.selectFrom('departments').select(['id', 'district_id', 'code', 'name', 'street_id']).orderBy('id').execute(),
    db.selectFrom('categories').selectAll().where('active', '=', true).orderBy('code').execute(),
    db.selectFrom('users').select(['id', 'username', 'role', 'district_id', 'street_id', 'department_id', 'grid_id']).execute(),
  ]);
  return { districts, grids, departments, categories, users };
}
