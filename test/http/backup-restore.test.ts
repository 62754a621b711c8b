/**
 * `civicloop backup FILE` → `civicloop restore FILE` into a new database of the same kind restores identical cases,
 * events, chain heads, attachments, photo bytes (case photos and monthly-report photos) and sequences, and `verify-timeline` passes on the copy
 * (issue 19 §6). On PGlite a backup refuses while another process holds the data directory; a cut-short file and
 * a restore over a database with cases are refused with nothing changed. Both databases.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { prepareDemoDistrict } from '../support/demo-district.ts';
import { CLI_TEST_TIMEOUT, type CliHarness, commandResult, startCliHarness } from '../support/cli-harness.ts';
import { createServiceDeps } from '../../src/services/create-service-deps.ts';
import { loadConfig } from '../../src/config.ts';
import { reportCase } from '../../src/services/case/case-intake.ts';
import { performCaseAction } from '../../src/services/case/case-actions.ts';
import { addCaseAttachments } from '../../src/services/case/case-attachments.ts';
import { attachmentStoreKind, createAttachmentStorage } from '../../src/services/case/file-storage.ts';
import { createProject, fileMonthlyReport } from '../../src/services/projects/index.ts';
import { addReportPhotos } from '../../src/services/projects/report-photos.ts';
import { actorFromUser } from '../../src/services/actor.ts';
import type { DatabaseHandle } from '../../src/db/connect.ts';
import { listDumpTables } from '../../src/db/dump.ts';
import { sql } from 'kysely';

let source: CliHarness;
let target: CliHarness;
let photo: Buffer;
let reportPhoto: Buffer;

async function withDatabase<T>(cli: CliHarness, work: (handle: DatabaseHandle) => Promise<T>): Promise<T> {
  const handle = await cli.openDatabase();
  try {
    return await work(handle);
  } finally {
    await handle.close();
  }
}

function storageOf(cli: CliHarness, handle: DatabaseHandle) {
  return createAttachmentStorage({ kind: attachmentStoreKind(undefined, handle.kind), db: handle.db, dataDir: cli.env.CIVICLOOP_DATA_DIR ?? './data' });
}

async function run(cli: CliHarness, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return commandResult(cli, ...args);
}

/** Everything a restore must bring back, read in a fixed order; photos as their bytes. */
async function contents(cli: CliHarness) {
  return withDatabase(cli, async (handle) => {
    const db = handle.db;
    const attachments = await db.selectFrom('attachments').selectAll().orderBy('id').execute();
    const reportPhotos = await db.selectFrom('project_report_photos').selectAll().orderBy('id').execute();
    const storage = storageOf(cli, handle);
    const photos: Record<string, string | null> = {};
    for (const a of [...attachments, ...reportPhotos]) for (const key of [a.original_key, a.public_key, a.thumb_key]) photos[key] = (await storage.get(key))?.toString('base64') ?? null;
    // Every table's row count and a digest of its rows in key order (calendar_days alone spans several batches).
    const tables: Record<string, string> = {};
    for (const table of await listDumpTables(db)) {
      const order = sql.join((table.key.length > 0 ? table.key : table.columns).map((c) => sql.id(c)));
      const { rows } = await sql<{ n: number; digest: string }>`
        select count(*)::int as n, md5(coalesce(string_agg(to_json(t)::text, ',' order by ${order}), '')) as digest
        from (select * from ${sql.id(table.name)}) t`.execute(db);
      tables[table.name] = `${rows[0]!.n}:${rows[0]!.digest}`;
    }
    return {
      tables,
      anchors: await db.selectFrom('timeline_anchors').selectAll().orderBy('id').execute(),
      cases: await db.selectFrom('cases').selectAll().orderBy('id').execute(),
      events: await db.selectFrom('case_events').selectAll().orderBy('id').execute(),
      heads: await db.selectFrom('timeline_chain_heads').selectAll().orderBy('district_id').execute(),
      users: await db.selectFrom('users').selectAll().orderBy('id').execute(),
      attachments,
      reportPhotos,
      photos,
    };
  });
}

beforeAll(async () => {
  source = await startCliHarness();
  target = await startCliHarness();
  photo = await sharp({ create: { width: 120, height: 80, channels: 3, background: '#36c' } }).jpeg().toBuffer();
  reportPhoto = await sharp({ create: { width: 90, height: 60, channels: 3, background: '#a63' } }).png().toBuffer();
  await withDatabase(source, async (handle) => {
    const { deps, actor, gridCode } = await prepareDemoDistrict(handle);
    const now = new Date();
    const first = await reportCase(deps, actor, { kind: 'event', categoryCode: 'E0104', description: '备份 一', gridCode });
    await reportCase(deps, actor, { kind: 'event', categoryCode: 'E0104', description: '备份 二 😀', gridCode });
    await performCaseAction(deps, actor, { caseId: first.row.id, action: 'file', version: first.row.version, fields: {} });
    await addCaseAttachments(deps, storageOf(source, handle), actor, { caseId: first.row.id, stage: 'report', files: [photo] });
    // A monthly report with a site photo: its bytes are in the same store and must come back too.
    const officer = actorFromUser(await handle.db.selectFrom('users').selectAll().where('username', '=', 'project_officer-220106').executeTakeFirstOrThrow());
    const project = await createProject(deps, officer, { name: '备份测试项目', type: 'industry', totalInvestment: 1000, annualInvestment: 500 });
    const report = await fileMonthlyReport(deps, officer, project.row.id, { month: now.toISOString().slice(0, 7), amount: 50 });
    await addReportPhotos(deps, storageOf(source, handle), officer, { projectId: project.row.id, reportId: report.id, files: [reportPhoto] });
    await deps.afterCommit.drain();
  });
  // The restored copy is checked against anchors signed on the source, with the source's key.
  source.env.CIVICLOOP_TIMELINE_KEY_FILE = join(source.dir, 'anchor-key.pem');
  target.env.CIVICLOOP_TIMELINE_KEY_FILE = source.env.CIVICLOOP_TIMELINE_KEY_FILE;
  expect((await run(source, 'anchors', 'create')).stdout).toContain('1 anchors signed');
  expect((await run(source, 'anchors', 'export', '--out', join(source.dir, 'anchors.json'))).code).toBe(0);
}, CLI_TEST_TIMEOUT);

afterAll(async () => {
  await source?.close();
  await target?.close();
});

describe('civicloop backup and restore', { timeout: CLI_TEST_TIMEOUT }, () => {
  // PostgreSQL backs up while the server runs (the next test holds a pool open meanwhile).
  it.skipIf(process.env.TEST_DB_KIND === 'postgres')('on PGlite, refuses to back up while another process holds the data directory', async () => {
    const handle = await source.openDatabase();
    try {
      const result = await run(source, 'backup', join(source.dir, 'held.jsonl.gz'));
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('is in use by process');
    } finally {
      await handle.close();
    }
  });

  it('round-trips cases, events, chain heads, users, attachments, report photos and photo bytes; the copy verifies', async () => {
    const file = join(source.dir, 'civicloop.jsonl.gz');
    // On PostgreSQL the source stays open (a running server's pool) while the backup reads its snapshot.
    const held = process.env.TEST_DB_KIND === 'postgres' ? await source.openDatabase() : undefined;
    const backup = await run(source, 'backup', file).finally(() => held?.close());
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect(backup.stdout).toContain('6 photo files');
    const restore = await run(target, 'restore', file);
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);

    const [before, after] = [await contents(source), await contents(target)];
    expect(before.cases).toHaveLength(2);
    expect(before.events.length).toBeGreaterThanOrEqual(4);
    expect(Object.values(before.photos).every((p) => p !== null)).toBe(true);
    expect(Buffer.from(before.photos[before.attachments[0]!.original_key]!, 'base64').equals(photo)).toBe(true);
    expect(before.reportPhotos).toHaveLength(1);
    expect(Object.keys(before.photos)).toHaveLength(6);
    expect(Buffer.from(before.photos[before.reportPhotos[0]!.original_key]!, 'base64').equals(reportPhoto)).toBe(true);
    expect(after).toEqual(before);
    expect(before.anchors).toHaveLength(1);
    expect(Number(before.tables.calendar_days!.split(':')[0])).toBeGreaterThan(500);
    const verify = await run(target, 'verify-timeline', '--anchors', join(source.dir, 'anchors.json'));
    expect(verify.stderr).toBe('');
    expect(verify.code).toBe(0);
    expect(verify.stdout).toContain('timeline chain intact');

    // The sequences came along: the restored database numbers its next case after the restored ones.
    await withDatabase(target, async (handle) => {
      const deps = createServiceDeps(handle.db, loadConfig({ CIVICLOOP_DEMO: 'false', LOG_LEVEL: 'silent' }));
      const user = await handle.db.selectFrom('users').selectAll().where('username', '=', 'operator-220106').executeTakeFirstOrThrow();
      const grid = await handle.db.selectFrom('grids').select('code').where('district_id', '=', user.district_id!).orderBy('code').limit(1).executeTakeFirstOrThrow();
      const next = await reportCase(deps, actorFromUser(user), { kind: 'event', categoryCode: 'E0104', description: '恢复后', gridCode: grid.code.trim() });
      expect(next.row.id).toBeGreaterThan(Math.max(...before.cases.map((c) => c.id)));
      expect(before.cases.map((c) => c.number)).not.toContain(next.row.number);
      await deps.afterCommit.drain();
    });
  });

  it('refuses a restore over a database with cases, and a cut-short file, changing nothing', async () => {
    const file = join(source.dir, 'civicloop.jsonl.gz');
    const before = await contents(target);
    const over = await run(target, 'restore', file);
    expect(over.code).toBe(1);
    expect(over.stderr).toContain('already holds cases');
    const lines = gunzipSync(await readFile(file)).toString('utf8').trimEnd().split('\n');
    const cut = join(source.dir, 'cut.jsonl.gz');
    await writeFile(cut, gzipSync(`${lines.slice(0, -2).join('\n')}\n`));
    const cutShort = await run(target, 'restore', '--force', cut);
    expect(cutShort.code).toBe(1);
    expect(cutShort.stderr).toContain('the backup is incomplete');
    expect(await contents(target)).toEqual(before);
  });
});
