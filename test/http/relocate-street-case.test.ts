/**
 * Relocating a case of a street-handled category (属地, e.g. E0103 积存垃圾渣土) on the real server: the case
 * follows the new street's unit, and the server keeps answering — health, login, a case list — and stops on
 * SIGTERM. On the embedded database one relocate used to freeze the server for good (review B.1): the street's
 * unit was read on the outer pool inside the write's transaction, and PGlite's single connection waited on
 * itself. Both databases; the embedded one is the point.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_TEST_TIMEOUT, startCliHarness, type CliHarness } from '../support/cli-harness.ts';
import { startChildServer } from '../support/child-server.ts';
import { fetchJson, loginOverHttp, prepareCrashDatabase, stopWithSigterm } from '../support/crash-fixture.ts';

const DISTRICT = '220106';
const FROM_GRID = '220106001001001';
/** In 春城街道: a grid that names no responsible unit, so the street's own unit is looked up. */
const TO_GRID = '220106003001001';
/** Also in 春城街道, naming its own responsible unit (the district's 城市管理局) for street-handled categories. */
const TO_GRID_WITH_UNIT = '220106003001002';
/** A request that has not answered by now is taken as hung; nothing is timed. */
const HUNG_MS = 60_000;

let cli: CliHarness;
let streetUnit: string;

beforeAll(async () => {
  cli = await startCliHarness();
  const handle = await cli.openDatabase();
  try {
    await prepareCrashDatabase(handle);
    const db = handle.db;
    const district = await db.selectFrom('districts').select('id').where('code', '=', DISTRICT).executeTakeFirstOrThrow();
    const cgj = await db.selectFrom('departments').select('id').where('district_id', '=', district.id).where('code', '=', 'cgj').executeTakeFirstOrThrow();
    await db.updateTable('grids').set({ responsible_department_id: null }).where('code', '=', TO_GRID).execute();
    await db.updateTable('grids').set({ responsible_department_id: cgj.id }).where('code', '=', TO_GRID_WITH_UNIT).execute();
    const street = await db.selectFrom('grids as g').innerJoin('departments as u', 'u.street_id', 'g.street_id')
      .select('u.name').where('g.code', '=', TO_GRID).executeTakeFirstOrThrow();
    streetUnit = street.name;
  } finally {
    await handle.close();
  }
}, CLI_TEST_TIMEOUT);

afterAll(async () => { await cli?.close(); });

describe('relocating a street-handled case', { timeout: CLI_TEST_TIMEOUT }, () => {
  it('moves it to the new street unit (or the grid\'s own unit), and the server still answers and stops on SIGTERM', async () => {
    const server = await startChildServer(cli.env);
    let stopped: Awaited<ReturnType<typeof stopWithSigterm>> | undefined;
    try {
      const call = (path: string, options: { token?: string; body?: unknown } = {}) => fetchJson(`${server.url}${path}`, { ...options, hangAfterMs: HUNG_MS });
      const token = await loginOverHttp(server.url, `operator-${DISTRICT}`, { hangAfterMs: HUNG_MS });
      const reported = await call('/api/v1/cases', { token, body: { kind: 'event', categoryCode: 'E0103', description: '楼院积存渣土', gridCode: FROM_GRID } });
      expect(reported.status).toBe(201);
      const movedReported = await call(`/api/v1/cases/${reported.body.id}/relocate`, { token, body: { version: reported.body.version, gridCode: TO_GRID } });
      expect(movedReported.status, JSON.stringify(movedReported.body)).toBe(200);
      expect(movedReported.body.gridCode).toBe(TO_GRID);
      expect(movedReported.body.departmentName).toBe(streetUnit);
      expect(movedReported.body.departmentName).not.toBe(reported.body.departmentName);

      // A filed case moves too, this time to a grid that names its own unit.
      const second = await call('/api/v1/cases', { token, body: { kind: 'event', categoryCode: 'E0103', description: '后街积存渣土', gridCode: FROM_GRID } });
      const filed = await call(`/api/v1/cases/${second.body.id}/actions/file`, { token, body: { version: second.body.version } });
      expect(filed.status).toBe(200);
      const movedFiled = await call(`/api/v1/cases/${second.body.id}/relocate`, { token, body: { version: filed.body.version, gridCode: TO_GRID_WITH_UNIT } });
      expect(movedFiled.status, JSON.stringify(movedFiled.body)).toBe(200);
      expect(movedFiled.body.departmentName).toBe('城市管理局');

      const health = await call('/api/v1/health');
      expect(health.status).toBe(200);
      expect(health.body.status).toBe('ok');
      const again = await loginOverHttp(server.url, `operator-${DISTRICT}`, { hangAfterMs: HUNG_MS });
      const list = await call('/api/v1/cases?pageSize=10', { token: again });
      expect(list.status).toBe(200);
      expect(list.body.items.map((c: { id: number }) => c.id)).toEqual(expect.arrayContaining([reported.body.id, second.body.id]));
    } finally {
      stopped = await stopWithSigterm(server, HUNG_MS);
    }
    expect(stopped).toEqual({ code: 0, signal: null });
  });
});
