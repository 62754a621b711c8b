/** Runs the real `civicloop` command line against a fresh database of this test project's kind. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFreshPostgres } from './fresh-postgres.ts';

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
  /** Where the commands' database is, for a test that prepares or inspects it in-process between commands. */
  database: { databaseUrl?: string; dataDir: string };
  civicloop(...args: string[]): Promise<{ stdout: string; stderr: string }>;
  close(): Promise<void>;
}

export async function startCliHarness(): Promise<CliHarness> {
  const dir = await mkdtemp(join(tmpdir(), 'civicloop-cli-'));
  let env: NodeJS.ProcessEnv;
  let database: CliHarness['database'];
  let drop = async () => {};
  if (process.env.TEST_DB_KIND === 'postgres') {
    const fresh = await createFreshPostgres(process.env.TEST_DATABASE_URL!, 'civicloop_cli');
    env = { ...process.env, DATABASE_URL: fresh.url, CIVICLOOP_DEMO: 'false' };
    database = { databaseUrl: fresh.url, dataDir: join(dir, 'unused') };
    drop = fresh.drop;
  } else {
    env = { ...process.env, CIVICLOOP_DATA_DIR: join(dir, 'data'), CIVICLOOP_DEMO: 'false' };
    delete env.DATABASE_URL;
    database = { dataDir: join(dir, 'data') };
  }
  return {
    dir,
    database,
    civicloop: (...args) => run(join(root, 'node_modules', '.bin', 'tsx'), [join(root, 'src', 'cli', 'index.ts'), ...args], { env, cwd: root }),
    async close() {
      await drop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
