import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CLI_TEST_TIMEOUT, startCliHarness, type CliHarness } from '../support/cli-harness.ts';

// The command line against a real database of this project's kind, as a user would run it.
let cli: CliHarness;
beforeAll(async () => { cli = await startCliHarness(); });
afterAll(async () => { await cli?.close(); });
const civicloop = (...args: string[]) => cli.civicloop(...args);

describe('civicloop import grids', { timeout: CLI_TEST_TIMEOUT }, () => {
  it('lists every problem with its feature index, exits 1 and imports nothing', async () => {
    const file = join(cli.dir, 'bad.geojson');
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
    const file = join(cli.dir, 'broken.geojson');
    await writeFile(file, '{"type": "FeatureCollection", ');
    await expect(civicloop('import', 'grids', file)).rejects.toMatchObject({ stderr: expect.stringContaining('cannot read GeoJSON') });
  });
});

describe('civicloop apikey', { timeout: CLI_TEST_TIMEOUT }, () => {
  it('creates a key shown once, revokes it, and refuses to revoke it again', async () => {
    const created = await civicloop('apikey', 'create', '--name', 'FixMyStreet');
    expect(created.stdout).toMatch(/cl311_[A-Za-z0-9_-]{20,}/);
    const id = /#(\d+)/.exec(created.stdout)![1]!;
    const revoked = await civicloop('apikey', 'revoke', id);
    expect(revoked.stdout).toContain(`revoked API key #${id}`);
    await expect(civicloop('apikey', 'revoke', id)).rejects.toMatchObject({ stderr: expect.stringContaining('already revoked') });
  });
});
