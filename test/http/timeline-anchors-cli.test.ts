/**
 * Signed timeline anchors kept outside the database (issue 19 §2, ADR 0037): `civicloop anchors create` signs each
 * district chain's position, `anchors export` writes them with the public key, and `verify-timeline --anchors FILE`
 * finds what the chain alone cannot — the tail cut off with the head moved back, and an edit re-hashed through to
 * the head — as well as a forged anchor in the database. Both databases.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { generateKeyPairSync, sign } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import ExcelJS from 'exceljs';
import { behindTheTriggersBack } from '../support/tamper.ts';
import { prepareDemoDistrict } from '../support/demo-district.ts';
import { CLI_TEST_TIMEOUT, type CliHarness, commandResult, startCliHarness } from '../support/cli-harness.ts';
import { reportCase } from '../../src/services/case/case-intake.ts';
import { genesisHash, hashEvent } from '../../src/db/repositories/case/index.ts';
import { anchorPayload } from '../../src/domain/case/timeline-anchor.ts';
import type { DatabaseHandle } from '../../src/db/connect.ts';

let cli: CliHarness;
let districtId: number;

async function withDatabase<T>(work: (handle: DatabaseHandle) => Promise<T>): Promise<T> {
  const handle = await cli.openDatabase();
  try {
    return await work(handle);
  } finally {
    await handle.close();
  }
}

async function civicloop(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return commandResult(cli, ...args);
}

/** Anchors the chains and exports them to a file "elsewhere". */
async function anchorAndExport(name: string): Promise<string> {
  const created = await civicloop('anchors', 'create');
  expect(created.code).toBe(0);
  const file = join(cli.dir, name);
  expect((await civicloop('anchors', 'export', '--out', file)).code).toBe(0);
  return file;
}

/** As an attacker with the owner role would: recompute every hash from `fromSeq` on and move the head to match. */
async function rehashFrom(db: DatabaseHandle['db'], fromSeq: number): Promise<void> {
  const rows = await db.selectFrom('case_events').selectAll().where('district_id', '=', districtId).where('chain_seq', 'is not', null).orderBy('chain_seq').execute();
  let prev = genesisHash(districtId);
  for (const row of rows) {
    if (Number(row.chain_seq) >= fromSeq) {
      const hash = hashEvent(prev, {
        caseId: row.case_id, districtId: row.district_id, at: row.at, actorUserId: row.actor_user_id, actorRole: row.actor_role,
        action: row.action, fromState: row.from_state, toState: row.to_state, note: row.note, data: row.data,
      });
      await sql`update case_events set prev_hash = ${prev}, hash = ${hash} where id = ${row.id}`.execute(db);
      prev = hash;
    } else prev = row.hash!;
  }
  const last = rows.at(-1)!;
  await sql`update timeline_chain_heads set last_hash = ${prev}, last_event_id = ${last.id}, last_seq = ${last.chain_seq} where district_id = ${districtId}`.execute(db);
}

beforeAll(async () => {
  cli = await startCliHarness();
  cli.env.CIVICLOOP_TIMELINE_KEY_FILE = join(cli.dir, 'keys', 'timeline-anchor-key.pem');
  await withDatabase(async (handle) => {
    const { deps, user, actor, gridCode } = await prepareDemoDistrict(handle);
    districtId = user.district_id!;
    for (let i = 0; i < 4; i += 1) {
      await reportCase(deps, actor, { kind: 'event', categoryCode: 'E0104', description: `锚点 ${i}`, gridCode });
    }
    await deps.afterCommit.drain();
  });
}, CLI_TEST_TIMEOUT);

afterAll(async () => { await cli?.close(); });

describe('timeline anchors', { timeout: CLI_TEST_TIMEOUT }, () => {
  it('signs the chain position with a key kept outside the database, exports it, and verifies against it', async () => {
    const file = await anchorAndExport('anchors-1.json');
    const exported = JSON.parse(await readFile(file, 'utf8'));
    expect(exported.publicKey).toContain('BEGIN PUBLIC KEY');
    expect(exported.anchors).toEqual([expect.objectContaining({ districtId, chainSeq: 4 })]);
    expect((await readFile(cli.env.CIVICLOOP_TIMELINE_KEY_FILE!, 'utf8'))).toContain('PRIVATE KEY');
    const verified = await civicloop('verify-timeline', '--anchors', file);
    expect(verified.stderr).toBe('');
    expect(verified.code).toBe(0);
    // Nothing grew: a second run signs nothing new.
    expect((await civicloop('anchors', 'create')).stdout).toContain('0 anchors signed');
  });

  it('prints the latest anchors in the monthly bulletin', async () => {
    const month = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7); // this month in Shanghai
    const written = await civicloop('bulletin', '--district', '220106', '--month', month, '--format', 'xlsx', '--out', cli.dir);
    expect(written.code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(cli.dir, `bulletin-220106-${month}.xlsx`));
    const rows: string[][] = [];
    workbook.getWorksheet('时间线锚点（哈希链签名位置）')!.eachRow((row) => { rows.push((row.values as unknown[]).slice(1).map(String)); });
    const exported = JSON.parse(await readFile(join(cli.dir, 'anchors-1.json'), 'utf8')).anchors[0];
    expect(rows.slice(2)).toEqual([[expect.any(String), '4', String(exported.eventId), exported.hash, exported.keyId, exported.signature]]);
  });

  it('finds the tail cut off with the head moved back, which the chain alone does not', async () => {
    const file = join(cli.dir, 'anchors-1.json');
    await withDatabase((handle) => behindTheTriggersBack(handle.db, async () => {
      const last = await handle.db.selectFrom('case_events').selectAll().where('district_id', '=', districtId).orderBy('chain_seq', 'desc').limit(1).executeTakeFirstOrThrow();
      const before = await handle.db.selectFrom('case_events').selectAll().where('district_id', '=', districtId).where('chain_seq', '=', Number(last.chain_seq) - 1).executeTakeFirstOrThrow();
      // The last case and its only event go, the head moves back, the stored anchors go too.
      await sql`delete from case_events where id = ${last.id}`.execute(handle.db);
      await sql`delete from cases where id = ${last.case_id}`.execute(handle.db);
      await sql`update timeline_chain_heads set last_hash = ${before.hash}, last_event_id = ${before.id}, last_seq = ${before.chain_seq} where district_id = ${districtId}`.execute(handle.db);
      await sql`delete from timeline_anchors`.execute(handle.db);
    }));
    expect((await civicloop('verify-timeline')).code).toBe(0); // unseen without the copy kept elsewhere
    const result = await civicloop('verify-timeline', '--anchors', file);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`区 ${districtId}`);
    expect(result.stderr).toContain('exported anchor at row 4: chain cut back: the head is at 3');
  });

  it('finds an edit re-hashed through to the head', async () => {
    const file = await anchorAndExport('anchors-2.json');
    await withDatabase((handle) => behindTheTriggersBack(handle.db, async () => {
      await sql`update case_events set note = '改写' where district_id = ${districtId} and chain_seq = 2`.execute(handle.db);
      await rehashFrom(handle.db, 2);
      await sql`delete from timeline_anchors`.execute(handle.db);
    }));
    expect((await civicloop('verify-timeline')).code).toBe(0); // the chain holds: every hash was recomputed
    const result = await civicloop('verify-timeline', '--anchors', file);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('exported anchor at row 3: row 3 of the chain is not the one anchored');
  });

  it('refuses anchors signed with another key, in the database or in a file', async () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const head = await withDatabase((handle) => handle.db.selectFrom('timeline_chain_heads').selectAll().where('district_id', '=', districtId).executeTakeFirstOrThrow());
    const anchor = { districtId, chainSeq: Number(head.last_seq), eventId: head.last_event_id!, hash: head.last_hash, anchoredAt: new Date().toISOString() };
    const signature = sign(null, Buffer.from(anchorPayload(anchor)), privateKey).toString('base64');
    const original = JSON.parse(await readFile(join(cli.dir, 'anchors-1.json'), 'utf8'));
    const forged = join(cli.dir, 'forged.json');
    await writeFile(forged, JSON.stringify({ ...original, anchors: [{ ...anchor, keyId: 'forged', signature }] }));
    const fromFile = await civicloop('verify-timeline', '--anchors', forged);
    expect(fromFile.code).toBe(2);
    expect(fromFile.stderr).toContain('exported anchor at row 3: signature does not verify');
    await withDatabase((handle) => handle.db.insertInto('timeline_anchors').values({
      district_id: districtId, chain_seq: anchor.chainSeq, event_id: anchor.eventId, hash: anchor.hash, anchored_at: new Date(anchor.anchoredAt), key_id: 'forged', signature,
    }).execute());
    const stored = await civicloop('verify-timeline');
    expect(stored.code).toBe(2);
    expect(stored.stderr).toContain('stored anchor at row 3: signature does not verify');
  });
});
