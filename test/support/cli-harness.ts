/** Runs the real `civicloop` command line against a fresh database of this test project's kind. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFreshPostgres } from './fresh-postgres.ts';
import { openDatabase, type DatabaseHandle } from '../../src/db/connect.ts';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..');

/**
 * Each command is a fresh Node process that compiles its imports and opens a database: seconds on a quiet
 * machine, many times that with the other core busy. The bound only stops a hung command; nothing is timed.
 */
export const CLI_TEST_TIMEOUT = 300_000;

export interface CliHarness {
  /** A scratch directory for files the test writes. */
  dir: string;
  civicloop(...args: string[]): Promise<{ stdout: string; stderr: string }>;
  /** The environment the commands run with (names the database). */
  env: NodeJS.ProcessEnv;
  /** Opens the commands' database in this process (PGlite: only while no command or child server holds it). */
  openDatabase(): Promise<DatabaseHandle>;
  close(): Promise<void>;
}

/**
 * @param kind the database to run on: this test project's by default (another one for a cross-database restore)
 * @param postgresUrl the PostgreSQL server a `postgres` harness makes its fresh database on
 */
export async function startCliHarness(
  kind: 'pglite' | 'postgres' = process.env.TEST_DB_KIND === 'postgres' ? 'postgres' : 'pglite',
  postgresUrl = process.env.TEST_DATABASE_URL,
): Promise<CliHarness> {
  const dir = await mkdtemp(join(tmpdir(), 'civicloop-cli-'));
  let env: NodeJS.ProcessEnv;
  let drop = async () => {};
  let database: { databaseUrl?: string; dataDir: string };
  if (kind === 'postgres') {
    const fresh = await createFreshPostgres(postgresUrl!, 'civicloop_cli');
    // A data directory on PostgreSQL too: it holds the anchor key file (and photo files with CIVICLOOP_ATTACHMENT_STORE=dir).
    env = { ...process.env, DATABASE_URL: fresh.url, CIVICLOOP_DEMO: 'false', CIVICLOOP_DATA_DIR: join(dir, 'data') };
    drop = fresh.drop;
    database = { databaseUrl: fresh.url, dataDir: '' };
  } else {
    env = { ...process.env, CIVICLOOP_DATA_DIR: join(dir, 'data'), CIVICLOOP_DEMO: 'false' };
    delete env.DATABASE_URL;
    database = { dataDir: join(dir, 'data') };
  }
  return {
    dir,
    env,
    openDatabase: () => openDatabase(database),
    civicloop: (...args) => run(join(root, 'node_modules', '.bin', 'tsx'), [join(root, 'src', 'cli', 'index.ts'), ...args], { env, cwd: root }),
    async close() {
      await drop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A command's exit code with its output, whether it succeeded or not (for tests that assert a failing exit). */
export function commandResult(cli: CliHarness, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return cli.civicloop(...args).then(
    (out) => ({ code: 0, ...out }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );
}
