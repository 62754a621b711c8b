import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLI_TEST_TIMEOUT, startCliHarness, type CliHarness } from '../support/cli-harness.ts';

// The command line against a fresh database (migrated, nothing seeded): 2026 is empty there.
let cli: CliHarness;
beforeAll(async () => { cli = await startCliHarness(); });
afterAll(async () => { await cli?.close(); });
const civicloop = (...args: string[]) => cli.civicloop(...args);
const notice2026 = fileURLToPath(new URL('../fixtures/holiday-notices/2026.txt', import.meta.url));
const failure = (promise: Promise<unknown>) => promise.then(() => null, (error: { code: number; stderr: string }) => error);

describe('civicloop calendar import', { timeout: CLI_TEST_TIMEOUT }, () => {
  it('imports the 2026 notice, then asks for --confirm to replace the now official year', async () => {
    const first = await civicloop('calendar', 'import', notice2026);
    expect(first.stdout).toContain('已导入 2026 年节假日安排');
    expect(first.stdout).toContain('2026-02-14  休息 → 上班');
    const again = await failure(civicloop('calendar', 'import', notice2026));
    expect(again?.stderr).toContain('CALENDAR_YEAR_OFFICIAL');
    const confirmed = await civicloop('calendar', 'import', notice2026, '--confirm');
    expect(confirmed.stdout).toContain('改动 0 天');
  });

  it('names the line it cannot read and exits 1', async () => {
    const file = join(cli.dir, 'bad.txt');
    await writeFile(file, '国务院办公厅关于2027年部分节假日安排的通知\n一、元旦：另行通知。\n');
    const failed = await failure(civicloop('calendar', 'import', file));
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toContain('CALENDAR_NOTICE_LINE_INVALID (line 2: 一、元旦：另行通知。)');
  });
});

describe('civicloop district set', { timeout: CLI_TEST_TIMEOUT }, () => {
  it('refuses an unknown district and weights not summing to 100', async () => {
    expect((await failure(civicloop('district', 'set', '220106', 'indicatorWeights=closeRate:50')))?.stderr).toContain('DISTRICT_SETTINGS_WEIGHTS_SUM');
    expect((await failure(civicloop('district', 'set', '999999', 'rectificationDays=7')))?.stderr).toContain('DISTRICT_UNKNOWN');
  });
});
