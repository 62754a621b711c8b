/**
 * Case numbers from one PostgreSQL sequence per district and year (ADR 0006): `nextval` takes no row lock
 * and is not rolled back, so a number is never waited for and a rolled-back intake leaves a gap.
 */
import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { Database } from '../../schema.ts';
import { sqlState } from '../../sql-state.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** Sequences known to exist, per database handle, so that only a district-year's first case pays the check. */
const knownSequences = new WeakMap<object, Set<string>>();

function sequenceName(districtId: number, year: number): string {
  return `case_number_${Math.trunc(districtId)}_${Math.trunc(year)}`;
}

/**
 * Creates the district-year's sequence when it is missing. Call it on the outer handle, before the
 * transaction that numbers the case: two transactions creating the same sequence would abort one of them.
 */
export async function ensureCaseNumberSequence(db: Kysely<Database>, districtId: number, year: number): Promise<void> {
  const name = sequenceName(districtId, year);
  const known = knownSequences.get(db) ?? new Set<string>();
  knownSequences.set(db, known);
  if (known.has(name)) return;
  try {
    await sql`create sequence if not exists ${sql.id(name)}`.execute(db);
  } catch (error) {
    // Another instance created it between the check and the insert into the catalog.
    if (sqlState(error) !== '23505' && sqlState(error) !== '42P07') throw error;
  }
  known.add(name);
}

/**
 * The district-year's next case number taken inside the statement that stores it, so that intake needs no
 * round trip of its own for it. It is `formatCaseNumber` in SQL: the prefix, then the sequence padded to at
 * least six digits (never cut). Run `ensureCaseNumberSequence` first.
 */
export function nextCaseNumberSql(districtAbbr: string, districtId: number, year: number): RawBuilder<string> {
  const name = sequenceName(districtId, year);
  return sql<string>`(select ${`${districtAbbr}-${Math.trunc(year)}-`} || lpad(n::text, greatest(6, length(n::text)), '0') from (select nextval(${name}::regclass) as n) as taken)`;
}

/**
 * The next number of a district's year. Either `ensureCaseNumberSequence` ran for it before, or pass
 * `create` inside a transaction (a rare path such as a follow-up): the sequence is then created inside a
 * savepoint, and losing the race to another creator costs that savepoint only.
 */
export async function takeNextCaseSequence(trx: Db, districtId: number, year: number, options: { create?: boolean } = {}): Promise<number> {
  const name = sequenceName(districtId, year);
  if (options.create) {
    await sql`savepoint case_number_sequence`.execute(trx);
    try {
      await sql`create sequence if not exists ${sql.id(name)}`.execute(trx);
      await sql`release savepoint case_number_sequence`.execute(trx);
    } catch (error) {
      if (sqlState(error) !== '23505' && sqlState(error) !== '42P07') throw error;
      await sql`rollback to savepoint case_number_sequence`.execute(trx);
    }
  }
  const result = await sql<{ seq: string }>`select nextval(${name}::regclass) as seq`.execute(trx);
  return Number(result.rows[0]!.seq);
}

/** The last number taken in every district-year that has a sequence, keyed `${districtId}:${year}`. */
export async function loadCaseNumberPositions(db: Db): Promise<Map<string, number>> {
  const names = await sql<{ name: string }>`
    select relname as name from pg_class where relkind = 'S' and relname ~ '^case_number_[0-9]+_[0-9]+$'`.execute(db);
  const positions = new Map<string, number>();
  for (const { name } of names.rows) {
    const [, districtId, year] = /^case_number_(\d+)_(\d+)$/.exec(name)!;
    const state = await sql<{ last_value: string; is_called: boolean }>`select last_value, is_called from ${sql.id(name)}`.execute(db);
    const row = state.rows[0]!;
    positions.set(`${districtId}:${year}`, row.is_called ? Number(row.last_value) : Number(row.last_value) - 1);
  }
  return positions;
}

/** Moves a district-year's sequence to at least `lastSeq` (the bulk generator numbers cases itself). */
export async function advanceCaseNumberSequence(db: Db, districtId: number, year: number, lastSeq: number): Promise<void> {
  const name = sequenceName(districtId, year);
  await sql`create sequence if not exists ${sql.id(name)}`.execute(db);
  await sql`select setval(${name}::regclass, greatest(${lastSeq}::bigint, (select case when is_called then last_value else 0 end from ${sql.id(name)})))`.execute(db);
}
