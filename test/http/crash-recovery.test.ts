/**
 * Killing the server mid-load (SIGKILL, a real child process) loses nothing it acknowledged: after a
 * restart every acknowledged case is there, every event is linked into the chain, and the rollups count
 * each event exactly once (ADR 0006). Both databases.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { CLI_TEST_TIMEOUT, startCliHarness, type CliHarness } from '../support/cli-harness.ts';
import { startChildServer } from '../support/child-server.ts';
import { fetchJson, loginOverHttp, prepareCrashDatabase, type CrashDistrict } from '../support/crash-fixture.ts';
import { verifyTimelineChains } from '../../src/db/repositories/case/index.ts';

let cli: CliHarness;
let grids: CrashDistrict[];

beforeAll(async () => {
  cli = await startCliHarness();
  const handle = await cli.openDatabase();
  try {
    grids = await prepareCrashDatabase(handle);
  } finally {
    await handle.close();
  }
}, CLI_TEST_TIMEOUT);

afterAll(async () => { await cli?.close(); });

const post = (url: string, token: string, body: unknown) => fetchJson(url, { token, body });

describe('a server killed under intake load', { timeout: CLI_TEST_TIMEOUT }, () => {
  it('keeps every acknowledged case, links all its events and counts them once after a restart', async () => {
    const server = await startChildServer(cli.env);
    const tokens = await Promise.all(grids.map(({ district }) => loginOverHttp(server.url, `operator-${district}`)));
    const acknowledged: number[] = [];
    const filedAcknowledged: number[] = [];
    let killed = false;
    const client = async (k: number) => {
      for (let i = 0; !killed; i += 1) {
        const target = grids[(k + i) % grids.length]!;
        const token = tokens[(k + i) % grids.length]!;
        try {
          const created = await post(`${server.url}/api/v1/cases`, token, {
            kind: 'event', categoryCode: 'E0104', description: `压力 ${k}-${i}`, gridCode: target.grid,
          });
          expect(created.status).toBe(201);
          acknowledged.push(created.body.id);
          const filed = await post(`${server.url}/api/v1/cases/${created.body.id}/actions/file`, token, { version: created.body.version });
          expect(filed.status).toBe(200);
          filedAcknowledged.push(created.body.id);
        } catch (error) {
          if (killed) return;
          throw error;
        }
        // Kill while the other clients' requests are in flight, once enough has been acknowledged.
        if (!killed && filedAcknowledged.length >= 40) {
          killed = true;
          server.child.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: 6 }, (_, k) => client(k)));
    expect((await server.exited).signal).toBe('SIGKILL');

    // The restarted server links and drains what the killed one left before it listens; stop it cleanly.
    const restarted = await startChildServer(cli.env);
    restarted.child.kill('SIGTERM');
    expect((await restarted.exited).code).toBe(0);

    const handle = await cli.openDatabase();
    try {
      const db = handle.db;
      const present = await db.selectFrom('cases').select('id').where('id', 'in', acknowledged).execute();
      expect(present.map((row) => row.id).sort((a, b) => a - b)).toEqual([...acknowledged].sort((a, b) => a - b));
      const filedEvents = await db.selectFrom('case_events').select('case_id').where('action', '=', 'file').where('case_id', 'in', filedAcknowledged).execute();
      expect(new Set(filedEvents.map((row) => row.case_id)).size).toBe(filedAcknowledged.length);
      expect(await db.selectFrom('case_events').select('id').where('hash', 'is', null).execute()).toEqual([]);
      expect(await verifyTimelineChains(db)).toEqual([]);
      // Every committed filing counted once at the district level: the rollups equal the events.
      const counted = await sql<{ rollup: number; events: number }>`
        select (select coalesce(sum(filed), 0)::int from indicator_rollups where level = 'district') as rollup,
               (select count(*)::int from case_events where action = 'file') as events`.execute(db);
      expect(counted.rows[0]!.rollup).toBe(counted.rows[0]!.events);
      expect(counted.rows[0]!.events).toBeGreaterThanOrEqual(filedAcknowledged.length);
    } finally {
      await handle.close();
    }
  });
});
