import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';

// `civicloop import grids` and `civicloop apikey` against a real database of this project's kind.
const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..');
const kind = process.env.TEST_DB_KIND === 'postgres' ? 'postgres' : 'pglite';
let env: NodeJS.ProcessEnv;
let dir: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'civicloop-cli-geo-'));
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
      await rm(dir, { recursive: true, force: true });
    };
  } else {
    env = { ...process.env, CIVICLOOP_DATA_DIR: join(dir, 'data'), CIVICLOOP_DEMO: 'false' };
    delete env.DATABASE_URL;
    cleanup = () => rm(dir, { recursive: true, force: true });
  }
});
afterAll(async () => { await cleanup?.(); });

function civicloop(...args: string[]) {
  return run(join(root, 'node_modules', '.bin', 'tsx'), [join(root, 'src', 'cli', 'index.ts'), ...args], { env, cwd: root });
}

describe('civicloop import grids', () => {
  it('lists every problem with its feature index, exits 1 and imports nothing', async () => {
    const file = join(dir, 'bad.geojson');
    await writeFile(file, JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { code: '220106001001001', name: 'A' }, geometry: { type: 'Polygon', coordinates: [[[125.3, 43.9], [125.31, 43.9], [125.31, 43.91], [125.3, 43.9]]] } },
        { type: 'Feature', properties: { code: '123', name: 'B' }, geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] } },
      ],
    }));
    const failed = await civicloop('import', 'grids', file).then(() => null, (error: { code: number; stderr: string }) => error);
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toContain('nothing was imported');
    expect(failed?.stderr).toContain('feature 0 (220106001001001): DISTRICT_UNKNOWN');
    expect(failed?.stderr).toContain('feature 1 (123): GRID_CODE_MALFORMED');
    expect(failed?.stderr).toContain('feature 1 (123): OUTSIDE_CHINA');
  });
  it('refuses a file that is not JSON', async () => {
    const file = join(dir, 'broken.geojson');
    await writeFile(file, '{"type": "FeatureCollection", ');
    await expect(civicloop('import', 'grids', file)).rejects.toMatchObject({ stderr: expect.stringContaining('cannot read GeoJSON') });
  });
});

describe('civicloop apikey', () => {
  it('creates a key shown once, revokes it, and refuses to revoke it again', async () => {
    const created = await civicloop('apikey', 'create', '--name', 'FixMyStreet');
    expect(created.stdout).toMatch(/cl311_[A-Za-z0-9_-]{20,}/);
    const id = /#(\d+)/.exec(created.stdout)![1]!;
    const revoked = await civicloop('apikey', 'revoke', id);
    expect(revoked.stdout).toContain(`revoked API key #${id}`);
    await expect(civicloop('apikey', 'revoke', id)).rejects.toMatchObject({ stderr: expect.stringContaining('already revoked') });
  });
});
