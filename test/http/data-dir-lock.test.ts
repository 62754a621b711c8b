/**
 * The embedded database is opened by one process at a time (DESIGN §8): while this process holds a
 * PGlite data directory, the `civicloop` command line started on the same directory fails with a clear
 * error and leaves the directory to its holder. PostgreSQL has no data directory: PGlite only.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/db/connect.ts';
import { CLI_TEST_TIMEOUT } from '../support/cli-harness.ts';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..');

describe.runIf(process.env.TEST_DB_KIND !== 'postgres')('data-directory lock', { timeout: CLI_TEST_TIMEOUT }, () => {
  let dir: string;
  let handle: DatabaseHandle;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'civicloop-lock-'));
    handle = await openDatabase({ dataDir: dir });
  }, CLI_TEST_TIMEOUT);
  afterAll(async () => {
    await handle?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses a second process on the same directory with a message naming the holder, in Chinese and English', async () => {
    expect(await readFile(join(dir, 'civicloop.lock'), 'utf8')).toBe(String(process.pid));
    const env: NodeJS.ProcessEnv = { ...process.env, CIVICLOOP_DATA_DIR: dir, CIVICLOOP_DEMO: 'false' };
    delete env.DATABASE_URL;
    const second = run(join(root, 'node_modules', '.bin', 'tsx'), [join(root, 'src', 'cli', 'index.ts'), 'migrate'], { env, cwd: root });
    const error = await second.then(() => null, (e: { code: number; stderr: string }) => e);
    expect(error, 'the second open must fail').not.toBeNull();
    expect(error!.code).toBe(1);
    expect(error!.stderr).toContain(`正被进程 ${process.pid} 使用`);
    expect(error!.stderr).toContain(`is in use by process ${process.pid}`);
    // The holder keeps its lock and its database.
    expect(await readFile(join(dir, 'civicloop.lock'), 'utf8')).toBe(String(process.pid));
    const row = await handle.db.selectNoFrom((eb) => eb.val(1).as('one')).executeTakeFirstOrThrow();
    expect(Number(row.one)).toBe(1);
  });
});
