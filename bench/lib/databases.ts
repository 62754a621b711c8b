/**
 * Bench databases: a PostgreSQL database created and dropped per run, or a PGlite data directory
 * in the OS temp dir; both migrated to the latest schema.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../../src/db/connect.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';

export const PG_BASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface BenchDatabase {
  kind: 'postgres' | 'pglite';
  /** DATABASE_URL for a child process, or undefined for PGlite. */
  url: string | undefined;
  /** CIVICLOOP_DATA_DIR for a child process (PGlite). */
  dataDir: string;
  open(poolSize?: number): Promise<DatabaseHandle>;
  drop(): Promise<void>;
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_BASE_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** Creates (replacing) the PostgreSQL bench database `name` and migrates it. */
export async function createPostgresBench(name: string): Promise<BenchDatabase> {
  await adminQuery(`drop database if exists ${name} with (force)`);
  await adminQuery(`create database ${name}`);
  const url = new URL(PG_BASE_URL);
  url.pathname = `/${name}`;
  const bench: BenchDatabase = {
    kind: 'postgres',
    url: url.toString(),
    dataDir: '',
    open: (poolSize = 10) => openDatabase({ databaseUrl: url.toString(), dataDir: '', poolSize }),
    drop: () => adminQuery(`drop database if exists ${name} with (force)`),
  };
  const handle = await bench.open();
  await migrateToLatest(handle.db as never);
  await handle.close();
  return bench;
}

/** Creates a PGlite bench data directory and migrates it. */
export async function createPgliteBench(): Promise<BenchDatabase> {
  const dir = await mkdtemp(join(tmpdir(), 'civicloop-bench-'));
  const bench: BenchDatabase = {
    kind: 'pglite',
    url: undefined,
    dataDir: dir,
    open: () => openDatabase({ dataDir: dir }),
    drop: () => rm(dir, { recursive: true, force: true }),
  };
  const handle = await bench.open();
  await migrateToLatest(handle.db as never);
  await handle.close();
  return bench;
}
