/**
 * Killing the server (SIGKILL, a real child process) in the middle of a grid import (POST
 * /api/v1/admin/grids/import, one transaction): after a restart the imported area holds either the set
 * before the import or the file's set — grids, their new street and its communities — never a mix, and the
 * server works (health, locate, a complete import). Both databases.
 *
 * On PostgreSQL the kill waits until the import's transaction is seen writing grids (pg_stat_activity). The
 * embedded database has no outside view of its one connection, so there the kills land at fractions of the
 * time one whole import took on this machine; the assertions hold wherever they land.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { CLI_TEST_TIMEOUT, startCliHarness, type CliHarness } from '../support/cli-harness.ts';
import { startChildServer, type ChildServer } from '../support/child-server.ts';
import { fetchJson, loginOverHttp, prepareCrashDatabase, restartAndStop } from '../support/crash-fixture.ts';

/** A street the demo does not have, in 宽城区, far north of the demo map so nothing overlaps the stored grids. */
const STREET = '220103198';
const COMMUNITIES = 6;
const GRIDS_PER_COMMUNITY = 100;
const FEATURES = COMMUNITIES * GRIDS_PER_COMMUNITY;

/** The corner of grid `i`: a 0.0015° square on a 0.002° lattice, 40 to a row. */
const cornerOf = (i: number) => ({ lng: 125.3 + (i % 40) * 0.002, lat: 44.3 + Math.floor(i / 40) * 0.002 });

/** The file of one round: the same codes and squares every round, named after the round. */
function gridFile(round: string) {
  const features = Array.from({ length: FEATURES }, (_, i) => {
    const community = `${STREET}${String(1 + Math.floor(i / GRIDS_PER_COMMUNITY)).padStart(3, '0')}`;
    const code = `${community}${String(1 + (i % GRIDS_PER_COMMUNITY)).padStart(3, '0')}`;
    const { lng, lat } = cornerOf(i);
    const s = 0.0015;
    return {
      type: 'Feature',
      properties: { code, name: `${round}网格${i}`, streetName: '导入街道', communityName: `导入社区${community.slice(-3)}` },
      geometry: { type: 'Polygon', coordinates: [[[lng, lat], [lng + s, lat], [lng + s, lat + s], [lng, lat + s], [lng, lat]]] },
    };
  });
  return { type: 'FeatureCollection', features };
}

/** What the import area holds: grid code → name, and how many of the street and communities exist. */
interface AreaState { grids: Map<string, string>; streets: number; communities: number }

let cli: CliHarness;

beforeAll(async () => {
  cli = await startCliHarness();
  const handle = await cli.openDatabase();
  try {
    await prepareCrashDatabase(handle, ['admin']);
  } finally {
    await handle.close();
  }
}, CLI_TEST_TIMEOUT);

afterAll(async () => { await cli?.close(); });

async function readArea(): Promise<AreaState> {
  const handle = await cli.openDatabase();
  try {
    const grids = await handle.db.selectFrom('grids').select(['code', 'name']).where('code', 'like', `${STREET}%`).execute();
    const streets = await handle.db.selectFrom('streets').select('id').where('code', '=', `${STREET}000`).execute();
    const communities = await handle.db.selectFrom('communities').select('id').where('code', 'like', `${STREET}%`).execute();
    return { grids: new Map(grids.map((g) => [g.code.trim(), g.name])), streets: streets.length, communities: communities.length };
  } finally {
    await handle.close();
  }
}

/** The area exactly as the file of `round` leaves it. */
function isRound(state: AreaState, round: string): boolean {
  return state.streets === 1 && state.communities === COMMUNITIES && state.grids.size === FEATURES
    && [...state.grids.values()].every((name) => name.startsWith(`${round}网格`));
}

function sameArea(a: AreaState, b: AreaState): boolean {
  return a.streets === b.streets && a.communities === b.communities && a.grids.size === b.grids.size
    && [...a.grids].every(([code, name]) => b.grids.get(code) === name);
}

/** Resolves once the import's transaction is seen writing grids (PostgreSQL). */
async function importWriting(databaseUrl: string, stop: () => boolean): Promise<boolean> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (;;) {
      if (stop()) return false;
      const seen = await client.query(`select 1 from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()
        and xact_start is not null and state in ('active', 'idle in transaction') and query ilike 'insert into "grids"%'`);
      if (seen.rowCount) return true;
    }
  } finally {
    await client.end();
  }
}

async function startImport(server: ChildServer, token: string, round: string) {
  return fetchJson(`${server.url}/api/v1/admin/grids/import`, { token, body: gridFile(round) });
}

describe('a server killed in the middle of a grid import', { timeout: CLI_TEST_TIMEOUT * 2 }, () => {
  it('leaves the old grids or the new ones, never a mix, and works after a restart', async () => {
    const postgresUrl = process.env.TEST_DB_KIND === 'postgres' ? cli.env.DATABASE_URL : undefined;
    // One whole import first: the embedded database's kills are placed within the time it takes.
    let server = await startChildServer(cli.env);
    let token = await loginOverHttp(server.url, 'admin');
    const sentAt = performance.now();
    const first = await startImport(server, token, 'r0');
    const importMs = performance.now() - sentAt;
    expect(first.status, JSON.stringify(first.body).slice(0, 500)).toBe(200);
    expect(first.body).toMatchObject({ features: FEATURES, inserted: FEATURES, streetsCreated: 1, communitiesCreated: COMMUNITIES });
    server.child.kill('SIGTERM');
    expect((await server.exited).code).toBe(0);
    let before = await readArea();
    expect(isRound(before, 'r0')).toBe(true);

    const outcomes: string[] = [];
    for (const [n, fraction] of [0.4, 0.8].entries()) {
      const round = `r${n + 1}`;
      server = await startChildServer(cli.env);
      token = await loginOverHttp(server.url, 'admin');
      let answered = false;
      const request = startImport(server, token, round).then((r) => { answered = true; return r; }, () => undefined);
      if (postgresUrl) await importWriting(postgresUrl, () => answered);
      else await new Promise((resolve) => setTimeout(resolve, importMs * fraction));
      server.child.kill('SIGKILL');
      await request;
      expect((await server.exited).signal).toBe('SIGKILL');
      expect((await restartAndStop(cli.env)).code).toBe(0);
      const after = await readArea();
      const outcome = isRound(after, round) ? 'new' : sameArea(after, before) ? 'old' : 'mixed';
      expect(outcome, `${round}: ${[...new Set(after.grids.values())].length} names, ${after.communities} communities`).not.toBe('mixed');
      outcomes.push(outcome);
      before = after;
    }
    // On PostgreSQL each kill came with the import's transaction open: unless it was in its very last statement, nothing remains.
    if (postgresUrl) expect(outcomes).toContain('old');

    server = await startChildServer(cli.env);
    try {
      token = await loginOverHttp(server.url, 'admin');
      expect((await fetchJson(`${server.url}/api/v1/health`)).body.status).toBe('ok');
      const last = await startImport(server, token, 'r9');
      expect(last.status).toBe(200);
      expect(last.body).toMatchObject({ features: FEATURES, updated: FEATURES });
      const { lng, lat } = cornerOf(FEATURES - 1);
      const located = await fetchJson(`${server.url}/api/v1/grids/locate?lat=${lat + 0.0007}&lng=${lng + 0.0007}`);
      expect(located.body.grid.code).toBe(`${STREET}${String(COMMUNITIES).padStart(3, '0')}${String(GRIDS_PER_COMMUNITY).padStart(3, '0')}`);
    } finally {
      server.child.kill('SIGTERM');
    }
    expect((await server.exited).code).toBe(0);
    expect(isRound(await readArea(), 'r9')).toBe(true);
  });
});
