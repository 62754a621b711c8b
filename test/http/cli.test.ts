import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';

// The command line against a real database of this project's kind, as a user would run it.
const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..');
const kind = process.env.TEST_DB_KIND === 'postgres' ? 'postgres' : 'pglite';
let env: NodeJS.ProcessEnv;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  if (kind === 'postgres') {
    const base = process.env.TEST_DATABASE_URL!;
    const name = `civicloop_cli_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(base);
    url.pathname = `/${name}`;
    env = { ...process.env, DATABASE_URL: url.toString(), CIVICLOOP_DEMO: 'false' };
    cleanup = async () => {
      const client = new pg.Client({ connectionString: base });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    };
  } else {
    const dir = await mkdtemp(join(tmpdir(), 'civicloop-cli-'));
    env = { ...process.env, CIVICLOOP_DATA_DIR: dir, CIVICLOOP_DEMO: 'false' };
    delete env.DATABASE_URL;
    cleanup = () => rm(dir, { recursive: true, force: true });
  }
});
afterAll(async () => { await cleanup?.(); });

function civicloop(...args: string[]) {
  return run(join(root, 'node_modules', '.bin', 'tsx'), [join(root, 'src', 'cli', 'index.ts'), ...args], { env, cwd: root });
}

describe('civicloop CLI', () => {
  it('migrates, then says the schema is up to date', async () => {
    const first = await civicloop('migrate');
    expect(first.stdout).toContain('0001-init');
    const second = await civicloop('migrate');
    expect(second.stdout).toContain('already up to date');
  });

  it('adds a user, refuses a bad role, and reports an intact timeline', async () => {
    const added = await civicloop('user', 'add', '--username', 'cli-admin', '--password', 'long-enough-1', '--role', 'admin');
    expect(added.stdout).toContain('cli-admin');
    await expect(civicloop('user', 'add', '--username', 'x', '--password', 'long-enough-1', '--role', 'king')).rejects.toMatchObject({
      stderr: expect.stringContaining('unknown role'),
    });
    const verified = await civicloop('verify-timeline');
    expect(verified.stdout).toContain('intact');
  });
});
