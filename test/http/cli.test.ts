import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_TEST_TIMEOUT, startCliHarness, type CliHarness } from '../support/cli-harness.ts';

// The command line against a real database of this project's kind, as a user would run it.
let cli: CliHarness;
beforeAll(async () => { cli = await startCliHarness(); });
afterAll(async () => { await cli?.close(); });
const civicloop = (...args: string[]) => cli.civicloop(...args);

describe('civicloop CLI', { timeout: CLI_TEST_TIMEOUT }, () => {
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
