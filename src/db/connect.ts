/**
 * Opens the database: PostgreSQL when a URL is given, otherwise the embedded PGlite in a worker
 * thread. Both are reached through the same `pg` driver and Kysely dialect, so one schema,
 * one set of migrations and one SQL dialect serve both.
 */
import { Worker } from 'node:worker_threads';
import { join, resolve } from 'node:path';
import { mkdirSync } from 'node:fs';
import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import type { Database } from './schema.ts';
import { lockDataDir } from './data-dir-lock.ts';
import { preparingPool } from './prepared-statements.ts';

// int8 (ids, counts) as numbers: every id and count here stays far below 2^53.
pg.types.setTypeParser(20, (value: string) => Number(value));
pg.types.setTypeParser(1700, (value: string) => Number(value));
// date columns stay 'YYYY-MM-DD' strings: they are calendar days, not instants.
pg.types.setTypeParser(1082, (value: string) => value);

export type DatabaseKind = 'pglite' | 'postgres';

/** Where the database reports trouble that no caller is waiting for (a dropped connection, a dead worker). */
export interface DatabaseLog {
  error(message: string): void;
}

export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: DatabaseKind;
  close(): Promise<void>;
  /** Replaces the log, e.g. with the server's logger once it exists. */
  setLog?(log: DatabaseLog): void;
}

export interface OpenOptions {
  databaseUrl?: string | undefined;
  dataDir: string;
  /** Pool size for PostgreSQL; PGlite always uses one connection. */
  poolSize?: number;
  /** Where background failures go; the CLI passes its stderr, the server swaps in its logger. */
  log?: DatabaseLog;
}

/** Silent until a log is given: background failures are then reported there. */
function logHolder(initial: DatabaseLog | undefined): { log: DatabaseLog; setLog(log: DatabaseLog): void } {
  let current = initial;
  return {
    log: { error: (message) => current?.error(message) },
    setLog(log) { current = log; },
  };
}

/** Opens the configured database. */
export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  const holder = logHolder(options.log);
  const handle = options.databaseUrl ? openPostgres(options.databaseUrl, options.poolSize ?? 10, holder.log) : await openPglite(options.dataDir, holder.log);
  return { ...handle, setLog: holder.setLog };
}

/** An idle client dropped by the server (restart, failover) must not crash the process; the pool replaces it. */
function reportIdleClientErrors(pool: pg.Pool, log: DatabaseLog): void {
  pool.on('error', (error) => log.error(`数据库连接中断 / database connection lost: ${error.message}`));
}

function openPostgres(url: string, poolSize: number, log: DatabaseLog): DatabaseHandle {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  reportIdleClientErrors(pool, log);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: preparingPool(pool) }) });
  return { db, kind: 'postgres', close: () => db.destroy() };
}

async function openPglite(dataDir: string, log: DatabaseLog): Promise<DatabaseHandle> {
  const root = resolve(dataDir);
  const releaseLock = lockDataDir(root);
  const dir = join(root, 'pglite');
  mkdirSync(dir, { recursive: true });
  const worker = new Worker(new URL('./pglite-worker.mjs', import.meta.url), { workerData: { dir } });
  let port: number;
  try {
    port = await new Promise<number>((resolvePort, reject) => {
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`PGlite worker exited with code ${code}`)));
      worker.on('message', (message: { type: string; port?: number }) => {
        if (message.type === 'ready' && message.port) resolvePort(message.port);
      });
    });
  } catch (error) {
    releaseLock();
    throw error;
  }
  worker.removeAllListeners('exit');
  let closing = false;
  // Without its database the server is useless: say so loudly rather than hang on every request.
  worker.on('exit', (code) => {
    if (!closing) log.error(`嵌入式数据库意外退出 / the embedded database stopped unexpectedly (exit ${code})`);
  });
  // The socket server runs whole transactions one at a time; a pool of one keeps that honest.
  const pool = new pg.Pool({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres', max: 1 });
  reportIdleClientErrors(pool, log);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: preparingPool(pool, { sharedSession: true }) }) });
  return {
    db,
    kind: 'pglite',
    async close() {
      closing = true;
      await db.destroy();
      await new Promise<void>((done) => {
        const timer = setTimeout(() => void worker.terminate().then(() => done()), 10_000);
        worker.on('message', (message: { type: string }) => {
          if (message.type !== 'stopped') return;
          clearTimeout(timer);
          void worker.terminate().then(() => done());
        });
        worker.postMessage({ type: 'stop' });
      });
      releaseLock();
    },
  };
}
