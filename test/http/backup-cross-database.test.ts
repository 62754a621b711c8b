/**
 * A backup restores into the other kind of database (issue 19 §6): from PostgreSQL into the embedded database on
 * the postgres project, from the embedded database into PostgreSQL on the pglite project (when a PostgreSQL is
 * reachable). The file is JSON rows loaded through PostgreSQL's own input functions, the same on both, so the copy
 * holds identical cases, events, chain heads and every table's rows, the photos come back byte for byte in the
 * target's own store (`db` on PostgreSQL, the data directory on PGlite), and `verify-timeline` passes on it.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { sql } from 'kysely';
import { prepareDemoDistrict } from '../support/demo-district.ts';
import { CLI_TEST_TIMEOUT, type CliHarness, commandResult, startCliHarness } from '../support/cli-harness.ts';
import { resolvePostgresTarget } from '../support/postgres-target.ts';
import { reportCase } from '../../src/services/case/case-intake.ts';
import { performCaseAction } from '../../src/services/case/case-actions.ts';
import { addCaseAttachments } from '../../src/services/case/case-attachments.ts';
import { attachmentStoreKind, createAttachmentStorage } from '../../src/services/case/file-storage.ts';
import type { DatabaseHandle } from '../../src/db/connect.ts';
import { listDumpTables } from '../../src/db/dump.ts';

const sourceKind = process.env.TEST_DB_KIND === 'postgres' ? 'postgres' : 'pglite';
const targetKind = sourceKind === 'postgres' ? 'pglite' : 'postgres';
const postgresUrl = await resolvePostgresTarget();

let source: CliHarness;
let target: CliHarness;
let photo: Buffer;

async function withDatabase<T>(cli: CliHarness, work: (handle: DatabaseHandle) => Promise<T>): Promise<T> {
  const handle = await cli.openDatabase();
  try {
    return await work(handle);
  } finally {
    await handle.close();
  }
}

const storageOf = (cli: CliHarness, handle: DatabaseHandle) =>
  createAttachmentStorage({ kind: attachmentStoreKind(undefined, handle.kind), db: handle.db, dataDir: cli.env.CIVICLOOP_DATA_DIR! });

async function run(cli: CliHarness, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return commandResult(cli, ...args);
}

/** Every table's rows as JSON text, sorted here (the two databases may order text keys by different collations), then digested. */
async function contents(cli: CliHarness) {
  return withDatabase(cli, async (handle) => {
    const db = handle.db;
    const tables: Record<string, string> = {};
    for (const table of await listDumpTables(db)) {
      const { rows } = await sql<{ j: string }>`select to_json(t)::text as j from ${sql.id(table.name)} t`.execute(db);
      const sorted = rows.map((row) => row.j).sort();
      tables[table.name] = `${sorted.length}:${createHash('sha256').update(sorted.join('\n')).digest('hex')}`;
    }
    const attachments = await db.selectFrom('attachments').selectAll().orderBy('id').execute();
    const storage = storageOf(cli, handle);
    const photos: Record<string, string | null> = {};
    for (const a of attachments) for (const key of [a.original_key, a.public_key, a.thumb_key]) photos[key] = (await storage.get(key))?.toString('base64') ?? null;
    return {
      kind: handle.kind,
      tables,
      cases: await db.selectFrom('cases').selectAll().orderBy('id').execute(),
      events: await db.selectFrom('case_events').selectAll().orderBy('id').execute(),
      heads: await db.selectFrom('timeline_chain_heads').selectAll().orderBy('district_id').execute(),
      attachments,
      photos,
    };
  });
}

describe.skipIf(!postgresUrl)(`civicloop restore of a ${sourceKind} backup into ${targetKind}`, { timeout: CLI_TEST_TIMEOUT }, () => {
  beforeAll(async () => {
    source = await startCliHarness(sourceKind, postgresUrl!);
    target = await startCliHarness(targetKind, postgresUrl!);
    photo = await sharp({ create: { width: 120, height: 80, channels: 3, background: '#6a3' } }).jpeg().toBuffer();
    await withDatabase(source, async (handle) => {
      const { deps, actor, gridCode } = await prepareDemoDistrict(handle);
      const first = await reportCase(deps, actor, { kind: 'event', categoryCode: 'E0104', description: '跨库 一', gridCode });
      await reportCase(deps, actor, { kind: 'event', categoryCode: 'E0104', description: '跨库 二 😀', gridCode });
      await performCaseAction(deps, actor, { caseId: first.row.id, action: 'file', version: first.row.version, fields: {} });
      await addCaseAttachments(deps, storageOf(source, handle), actor, { caseId: first.row.id, stage: 'report', files: [photo] });
      await deps.afterCommit.drain();
    });
  }, CLI_TEST_TIMEOUT);

  afterAll(async () => {
    await source?.close();
    await target?.close();
  });

  it('restores identical rows, chain and photos, and the copy verifies', async () => {
    const file = join(source.dir, 'cross.jsonl.gz');
    const backup = await run(source, 'backup', file);
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    const restore = await run(target, 'restore', file);
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);

    const [before, after] = [await contents(source), await contents(target)];
    expect([before.kind, after.kind]).toEqual([sourceKind, targetKind]);
    expect(before.cases).toHaveLength(2);
    expect(before.events.length).toBeGreaterThanOrEqual(4);
    expect(Object.keys(before.photos)).toHaveLength(3);
    expect(Buffer.from(before.photos[before.attachments[0]!.original_key]!, 'base64').equals(photo)).toBe(true);
    expect({ ...after, kind: sourceKind }).toEqual(before);

    const verify = await run(target, 'verify-timeline');
    expect(verify.stderr).toBe('');
    expect(verify.code).toBe(0);
    expect(verify.stdout).toContain('timeline chain intact');
  });
});
