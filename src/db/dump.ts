/**
 * The SQL of `civicloop backup` and `restore` (docs/backup.md): every table of the schema as JSON rows, read in one
 * snapshot, and loaded back through PostgreSQL's own input functions (`json_populate_recordset`), so each value —
 * timestamps, jsonb, arrays, bytea — comes back exactly as stored, on PostgreSQL and PGlite alike.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from './schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Tables a backup leaves out: the migrator's own (the restore migrates the target itself), the photo bytes
 * (written as photo records, whatever the store), what a trigger rebuilds from other rows and the rate-limit
 * counters (a minute's worth of traffic, meaningless in another deployment).
 */
export const TABLES_NOT_DUMPED = ['kysely_migration', 'kysely_migration_lock', 'attachment_blobs', 'case_search_terms', 'rate_limit_counters'];

export interface DumpedTable {
  name: string;
  /** Columns that take a value on insert (generated ones are computed again). */
  columns: string[];
  /** The primary key's columns, the order rows are read in. */
  key: string[];
}

export interface DumpedSequence {
  name: string;
  start: number;
  /** null: never used. */
  last: number | null;
}

/** Every table of the public schema, by name, with its insertable columns and primary key. */
export async function listDumpTables(db: Db): Promise<DumpedTable[]> {
  const { rows } = await sql<{ name: string; columns: string[]; key: string[] | null }>`
    select c.relname as name,
      array(select a.attname::text from pg_attribute a where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
        and a.attgenerated = '' order by a.attnum) as columns,
      array(select a.attname::text from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any (i.indkey)
        where i.indrelid = c.oid and i.indisprimary order by array_position(i.indkey::int2[], a.attnum)) as key
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p')
    order by c.relname`.execute(db);
  return rows.filter((row) => !TABLES_NOT_DUMPED.includes(row.name)).map((row) => ({ name: row.name, columns: row.columns, key: row.key ?? [] }));
}

/**
 * Rows of a table as JSON text in primary-key order, `limit` at a time: after the key value `after` when the key is
 * one column (keyset paging, so a million events cost no more per batch than the first), else from `offset`.
 */
export async function readDumpRows(db: Db, table: DumpedTable, page: { offset: number; after: unknown }, limit: number): Promise<string[]> {
  const order = table.key.length > 0 ? table.key : table.columns;
  const single = table.key.length === 1 ? table.key[0]! : undefined;
  const where = single !== undefined && page.after !== undefined ? sql`where ${sql.id(single)} > ${page.after}` : sql``;
  const offset = single !== undefined ? 0 : page.offset;
  const { rows } = await sql<{ j: string }>`
    select to_json(t)::text as j from (
      select ${sql.join(table.columns.map((c) => sql.id(c)))} from ${sql.id(table.name)} ${where}
      order by ${sql.join(order.map((c) => sql.id(c)))} offset ${offset} limit ${limit}
    ) t`.execute(db);
  return rows.map((row) => row.j);
}

/** Every sequence of the public schema: identity columns' and the case-number sequences made on demand. */
export async function listSequences(db: Db): Promise<DumpedSequence[]> {
  const { rows } = await sql<{ name: string; start: string; last: string | null }>`
    select sequencename as name, start_value::text as start, last_value::text as last
    from pg_sequences where schemaname = 'public' order by sequencename`.execute(db);
  return rows.map((row) => ({ name: row.name, start: Number(row.start), last: row.last === null ? null : Number(row.last) }));
}

export interface ForeignKey {
  table: string;
  name: string;
  definition: string;
}

/**
 * Makes the target ready to load: drops every foreign key (rows then load in any order, self-references
 * included; `finishRestore` puts them back, checking every row) and empties every table the backup holds.
 * TRUNCATE fires no row trigger, so the timeline's append-only trigger does not stand in the way of a restore.
 */
export async function prepareRestore(trx: Transaction<Database>, tables: string[]): Promise<ForeignKey[]> {
  const { rows: keys } = await sql<ForeignKey>`
    select cl.relname as table, co.conname as name, pg_get_constraintdef(co.oid) as definition
    from pg_constraint co join pg_class cl on cl.oid = co.conrelid join pg_namespace n on n.oid = cl.relnamespace
    where co.contype = 'f' and n.nspname = 'public' order by cl.relname, co.conname`.execute(trx);
  for (const key of keys) await sql`alter table ${sql.id(key.table)} drop constraint ${sql.id(key.name)}`.execute(trx);
  const present = (await listDumpTables(trx)).map((t) => t.name);
  const all = [...new Set([...present, ...tables, 'attachment_blobs', 'case_search_terms'])];
  await sql`truncate ${sql.join(all.map((t) => sql.id(t)))}`.execute(trx);
  return keys;
}

/** Inserts rows given as JSON objects, ids included. */
export async function loadDumpRows(trx: Transaction<Database>, table: string, columns: string[], rows: unknown[]): Promise<void> {
  if (rows.length === 0) return;
  const cols = sql.join(columns.map((c) => sql.id(c)));
  await sql`
    insert into ${sql.id(table)} (${cols}) overriding system value
    select ${cols} from json_populate_recordset(null::${sql.id(table)}, ${JSON.stringify(rows)}::json)`.execute(trx);
}

/** Creates the sequence if the schema does not (a case-number sequence) and sets it where the backup left it. */
export async function restoreSequence(trx: Transaction<Database>, sequence: DumpedSequence): Promise<void> {
  await sql`create sequence if not exists ${sql.id(sequence.name)} start with ${sql.lit(sequence.start)}`.execute(trx);
  if (sequence.last === null) await sql`select setval(format('%I', ${sequence.name}::text)::regclass, ${sequence.start}, false)`.execute(trx);
  else await sql`select setval(format('%I', ${sequence.name}::text)::regclass, ${sequence.last}, true)`.execute(trx);
}

/** Puts the foreign keys back; a row that breaks one fails the restore (and rolls it back). */
export async function finishRestore(trx: Transaction<Database>, keys: ForeignKey[]): Promise<void> {
  for (const key of keys) await sql`alter table ${sql.id(key.table)} add constraint ${sql.id(key.name)} ${sql.raw(key.definition)}`.execute(trx);
}

/** Whether the database holds any case (a restore over one needs `--force`). */
export async function hasCases(db: Db): Promise<boolean> {
  const { rows } = await sql<{ found: boolean }>`select exists (select 1 from cases) as found`.execute(db);
  return rows[0]?.found === true;
}
