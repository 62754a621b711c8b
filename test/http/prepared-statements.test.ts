/**
 * Writes as named prepared statements (src/db/prepared-statements.ts): on PostgreSQL a write is parsed once per
 * connection and reads stay unnamed; a connection keeps a bounded number of names; a column added under a
 * running server (another instance's migration) and a table dropped and made again (what a restore does) do not
 * break a prepared write. On PGlite, whose socket connections share one
 * session, a new connection drops the names of the one before. One connection (pool of one), so
 * `pg_prepared_statements` shows the pool's own session.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { openDatabase, type DatabaseHandle } from '../../src/db/connect.ts';
import { createFreshPostgres } from '../support/fresh-postgres.ts';
import { runWrite } from '../../src/services/write-transaction.ts';

const kind = process.env.TEST_DB_KIND === 'postgres' ? 'postgres' : 'pglite';
let handle: DatabaseHandle;
let db: Kysely<never>;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  if (kind === 'postgres') {
    const fresh = await createFreshPostgres(process.env.TEST_DATABASE_URL!);
    handle = await openDatabase({ databaseUrl: fresh.url, dataDir: '', poolSize: 1 });
    cleanup = fresh.drop;
  } else {
    const dir = await mkdtemp(join(tmpdir(), 'civicloop-prepared-'));
    handle = await openDatabase({ dataDir: dir });
    cleanup = () => rm(dir, { recursive: true, force: true });
  }
  db = handle.db as unknown as Kysely<never>;
  await sql`create table prepared_probe (id serial primary key, label text not null)`.execute(db);
});

afterAll(async () => {
  await handle?.close();
  await cleanup?.();
});

async function prepared(): Promise<string[]> {
  const rows = await sql<{ statement: string }>`select statement from pg_prepared_statements order by prepare_time`.execute(db);
  return rows.rows.map((row) => row.statement);
}

const insert = (label: string) => sql`insert into prepared_probe (label) values (${label})`.execute(db);

describe.runIf(kind === 'postgres')('on PostgreSQL', () => {
  it('prepares a write once and sends reads unnamed', async () => {
    await insert('a');
    await insert('b');
    await sql`select count(*) from prepared_probe where label = ${'a'}`.execute(db);
    await sql`with moved as (update prepared_probe set label = ${'c'} where label = ${'b'} returning id) select count(*) from moved`.execute(db);
    const statements = await prepared();
    expect(statements.filter((text) => text.startsWith('insert into prepared_probe'))).toHaveLength(1);
    expect(statements.some((text) => text.startsWith('with moved'))).toBe(true);
    expect(statements.some((text) => text.startsWith('select'))).toBe(false);
    const labels = await sql<{ label: string }>`select label from prepared_probe order by id`.execute(db);
    expect(labels.rows.map((row) => row.label)).toEqual(['a', 'c']);
  });

  it('a prepared write that returns rows still runs after another instance\'s migration adds a column (rolling deploy)', async () => {
    const returning = (label: string) => sql<Record<string, unknown>>`insert into prepared_probe (label) values (${label}) returning *`.execute(db);
    expect(Object.keys((await returning('before')).rows[0]!).sort()).toEqual(['id', 'label']);
    await sql`alter table prepared_probe add column note text default 'added'`.execute(db);
    // Prepared before the change, the statement's result type is stale: PostgreSQL refuses it under its old name.
    const after = await returning('after');
    expect(after.rows[0]).toMatchObject({ label: 'after', note: 'added' });
    expect((await returning('again')).rows[0]).toMatchObject({ label: 'again', note: 'added' });
    await sql`alter table prepared_probe drop column note`.execute(db);
  });

  it('inside a transaction, the write after such a migration is run again by runWrite, under the new name', async () => {
    const deps = { db: db as never, afterCommit: { kick: async () => {}, drain: async () => {}, settled: async () => {} } };
    const insertInTransaction = (label: string) => runWrite(deps, async (trx) => (
      await sql<Record<string, unknown>>`insert into prepared_probe (label) values (${label}) returning *, 1 as in_transaction`.execute(trx)).rows[0]);
    expect(await insertInTransaction('t1')).toMatchObject({ label: 't1' });
    await sql`alter table prepared_probe add column note text default 'added'`.execute(db);
    expect(await insertInTransaction('t2')).toMatchObject({ label: 't2', note: 'added' });
    await sql`alter table prepared_probe drop column note`.execute(db);
  });

  it('keeps at most 200 names per connection, and a bulk insert unnamed, and every write still lands', async () => {
    for (let i = 0; i < 230; i += 1) {
      // A distinct text each time: the literal is part of the statement.
      await sql`insert into prepared_probe (label) values (${sql.lit(`n${i}`)})`.execute(db);
    }
    const rows = Array.from({ length: 400 }, (_, i) => sql`(${`bulk${i}`})`);
    await sql`insert into prepared_probe (label) values ${sql.join(rows)}`.execute(db);
    const statements = await prepared();
    expect(statements).toHaveLength(200);
    expect(statements.some((text) => text.includes('bulk') || text.length > 8_000)).toBe(false);
    const count = await sql<{ n: number }>`select count(*)::int as n from prepared_probe`.execute(db);
    expect(count.rows[0]!.n).toBe(2 + 3 + 2 + 230 + 400);
  });

  it('a prepared write still works after its table is dropped and made again', async () => {
    await sql`drop table prepared_probe`.execute(db);
    await sql`create table prepared_probe (id serial primary key, label text not null)`.execute(db);
    await insert('after');
    const labels = await sql<{ label: string }>`select label from prepared_probe`.execute(db);
    expect(labels.rows.map((row) => row.label)).toEqual(['after']);
  });
});

describe.runIf(kind === 'pglite')('on PGlite', () => {
  it('prepares writes, and a connection made after the idle one closed does not trip over its names', async () => {
    await insert('a');
    await insert('b');
    expect((await prepared()).filter((text) => text.startsWith('insert into prepared_probe'))).toHaveLength(1);
    // The pool closes a connection idle for 10 s; the next one shares the same session, names and all.
    await new Promise((resolve) => setTimeout(resolve, 11_000));
    await insert('c');
    expect((await prepared()).filter((text) => text.startsWith('insert into prepared_probe'))).toHaveLength(1);
    const count = await sql<{ n: number }>`select count(*)::int as n from prepared_probe`.execute(db);
    expect(count.rows[0]!.n).toBe(3);
  }, 30_000);
});
