/**
 * `civicloop verify-timeline` against a real database: intact → exit 0; a row left unlinked for more
 * than a minute → reported, exit 1; an edited row, every edited row, an edited `cases` row and a deleted
 * chain head → exit 2, each reported (ADR 0006, issue 19). Both databases.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { behindTheTriggersBack } from '../support/tamper.ts';
import { prepareDemoDistrict } from '../support/demo-district.ts';
import { CLI_TEST_TIMEOUT, type CliHarness, commandResult, startCliHarness } from '../support/cli-harness.ts';
import { reportCase } from '../../src/services/case/case-intake.ts';
import { appendEvents } from '../../src/db/repositories/case/index.ts';
import type { DatabaseHandle } from '../../src/db/connect.ts';

let cli: CliHarness;

async function withDatabase<T>(work: (handle: DatabaseHandle) => Promise<T>): Promise<T> {
  const handle = await cli.openDatabase();
  try {
    return await work(handle);
  } finally {
    await handle.close();
  }
}

async function verify(): Promise<{ code: number; stdout: string; stderr: string }> {
  return commandResult(cli, 'verify-timeline');
}

beforeAll(async () => {
  cli = await startCliHarness();
  await withDatabase(async (handle) => {
    const { deps, actor, gridCode } = await prepareDemoDistrict(handle);
    for (let i = 0; i < 3; i += 1) {
      await reportCase(deps, actor, { kind: 'event', categoryCode: 'E0104', description: `校验 ${i}`, gridCode });
    }
    await deps.afterCommit.drain();
  });
}, CLI_TEST_TIMEOUT);

afterAll(async () => { await cli?.close(); });

describe('civicloop verify-timeline', { timeout: CLI_TEST_TIMEOUT }, () => {
  it('says the chain is intact and exits 0', async () => {
    const result = await verify();
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('timeline chain intact');
  });

  it('reports a row unlinked for more than a minute and exits 1, but not one that has just been written', async () => {
    const eventId = await withDatabase(async (handle) => {
      const first = await handle.db.selectFrom('case_events').select(['case_id', 'district_id']).orderBy('id').limit(1).executeTakeFirstOrThrow();
      await handle.db.transaction().execute((trx) => appendEvents(trx, first.district_id, [{
        caseId: first.case_id, districtId: first.district_id, at: new Date(), actorUserId: null, actorRole: 'system', action: 'note',
        fromState: null, toState: 'reported', note: '未链接', data: {},
      }]));
      return (await handle.db.selectFrom('case_events').select('id').where('hash', 'is', null).executeTakeFirstOrThrow()).id;
    });
    expect((await verify()).code).toBe(0);
    await withDatabase((handle) => behindTheTriggersBack(handle.db, () => sql`update case_events set recorded_at = now() - interval '2 minutes' where id = ${eventId}`.execute(handle.db)));
    const result = await verify();
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`事件 ${eventId}`);
    expect(result.stderr).toContain('unlinked for more than a minute');
  });

  it('exits 2 when a linked row was edited', async () => {
    const edited = await withDatabase(async (handle) => {
      const row = await handle.db.selectFrom('case_events').select('id').where('hash', 'is not', null).orderBy('id').limit(1).executeTakeFirstOrThrow();
      await behindTheTriggersBack(handle.db, () => sql`update case_events set note = '篡改' where id = ${row.id}`.execute(handle.db));
      return row.id;
    });
    const result = await verify();
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`事件 ${edited}`);
    expect(result.stderr).toContain('hash mismatch');
  });

  it('reports every edited row, not only the first', async () => {
    const edited = await withDatabase(async (handle) => {
      const rows = await handle.db.selectFrom('case_events').select('id').where('hash', 'is not', null).orderBy('id').limit(3).execute();
      await behindTheTriggersBack(handle.db, () => sql`update case_events set note = '再篡改' where id in (${rows[1]!.id}, ${rows[2]!.id})`.execute(handle.db));
      return [rows[1]!.id, rows[2]!.id];
    });
    const result = await verify();
    expect(result.code).toBe(2);
    for (const id of edited) expect(result.stderr).toContain(`事件 ${id} `);
  });

  it('exits 2 when a cases row was edited behind the timeline', async () => {
    const caseId = await withDatabase(async (handle) => {
      const row = await handle.db.selectFrom('cases').select('id').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
      await sql`update cases set state = 'closed' where id = ${row.id}`.execute(handle.db);
      return row.id;
    });
    const result = await verify();
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`case ${caseId}: row says closed, its timeline ends in reported`);
  });

  it('exits 2 when a district\'s chain head was deleted', async () => {
    const districtId = await withDatabase(async (handle) => {
      const head = await handle.db.selectFrom('timeline_chain_heads').select('district_id').limit(1).executeTakeFirstOrThrow();
      await handle.db.deleteFrom('timeline_chain_heads').where('district_id', '=', head.district_id).execute();
      return head.district_id;
    });
    const result = await verify();
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`区 ${districtId}: 事件 - — 哈希链被破坏 / chain head missing`);
  });
});
