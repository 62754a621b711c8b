/** `civicloop train`: retrains every district (or one) against a real database and says when only the seed corpus was used. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { CLI_TEST_TIMEOUT, startCliHarness, type CliHarness } from '../support/cli-harness.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { seedCalendar, seedCategories, seedDemoOrg } from '../../src/services/seed/index.ts';

let cli: CliHarness;

beforeAll(async () => {
  cli = await startCliHarness();
  const handle = await cli.openDatabase();
  try {
    await migrateToLatest(handle.db as never);
    await seedCategories(handle.db);
    await seedCalendar(handle.db, new Date('2026-10-12T02:00:00Z'));
    await seedDemoOrg(handle.db);
  } finally {
    await handle.close();
  }
}, CLI_TEST_TIMEOUT);

afterAll(async () => { await cli?.close(); });

describe('civicloop train', () => {
  it('trains every district, seed corpus only while nothing was dispatched, and stores a version each time', async () => {
    const all = await cli.civicloop('train');
    expect(all.stdout).toMatch(/220106 v1: .*工单 0.*seed corpus only/);
    expect(all.stdout).toMatch(/220105 v1/);
    const one = await cli.civicloop('train', '--district', '220106');
    expect(one.stdout).toMatch(/220106 v2/);
    const handle = await cli.openDatabase();
    try {
      const rows = await sql<{ n: number }>`select count(*)::int as n from dispatch_models`.execute(handle.db);
      expect(rows.rows[0]!.n).toBe(4);
    } finally {
      await handle.close();
    }
  }, CLI_TEST_TIMEOUT);

  it('fails on an unknown district', async () => {
    await expect(cli.civicloop('train', '--district', '999999')).rejects.toMatchObject({ code: expect.any(Number) });
  }, CLI_TEST_TIMEOUT);
});
