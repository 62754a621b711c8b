/**
 * Killing the server (SIGKILL, a real child process) while several clients drive cases through the loop —
 * file, dispatch, sign, resolve, check — loses no acknowledged action and leaves no half action: after a
 * restart every acknowledged action's event is there once and linked, each case row equals the replay of
 * its events, an action in flight at the kill is either wholly there (event and row) or wholly absent, and
 * the rollups equal the fact-based oracle (ADR 0005, 0006). Both databases.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_TEST_TIMEOUT, startCliHarness, type CliHarness } from '../support/cli-harness.ts';
import { startChildServer } from '../support/child-server.ts';
import { fetchJson, loginOverHttp, prepareCrashDatabase, restartAndStop, type CrashDistrict } from '../support/crash-fixture.ts';
import { compareRollupsWithOracle, districtRef } from '../support/rollup-oracle.ts';
import { verifyTimelineChains } from '../../src/db/repositories/case/index.ts';
import { shanghaiDay } from '../../src/db/repositories/supervision/rollup-repository.ts';
import { createServiceDeps } from '../../src/services/create-service-deps.ts';
import { loadConfig } from '../../src/config.ts';

let cli: CliHarness;
let districts: CrashDistrict[];

beforeAll(async () => {
  cli = await startCliHarness();
  const handle = await cli.openDatabase();
  try {
    districts = await prepareCrashDatabase(handle, ['operator', 'handler']);
  } finally {
    await handle.close();
  }
}, CLI_TEST_TIMEOUT);

afterAll(async () => { await cli?.close(); });

/** One step of the loop: who takes it and what it sends besides the version. */
interface Step { action: string; by: 'operator' | 'handler'; body: (departmentId: number) => Record<string, unknown> }
const STEPS: Step[] = [
  { action: 'file', by: 'operator', body: () => ({}) },
  { action: 'dispatch', by: 'operator', body: (departmentId) => ({ departmentId }) },
  { action: 'sign', by: 'handler', body: () => ({}) },
  { action: 'resolve', by: 'handler', body: () => ({ note: '已清扫 / swept' }) },
  { action: 'check_pass', by: 'operator', body: () => ({}) },
];

/** An action sent to the server: acknowledged (200) or cut off by the kill. */
interface SentAction { caseId: number; action: string; versionBefore: number; acknowledged: boolean }

/** Enough acknowledged actions that every step has been taken on several cases before the kill. */
const KILL_AFTER_ACTIONS = 90;

describe('a server killed while cases move through the loop', { timeout: CLI_TEST_TIMEOUT }, () => {
  it('keeps every acknowledged action once, leaves no half action and counts each once in the rollups', async () => {
    const startedAt = new Date();
    const server = await startChildServer(cli.env);
    const staff = await Promise.all(districts.map(async ({ district, grid }) => {
      const operator = await loginOverHttp(server.url, `operator-${district}`);
      const handler = await loginOverHttp(server.url, `handler-${district}`);
      // The demo's handlers work for the district's 城管局 (cgj), which also handles E0104 道路不洁.
      const departments = await fetchJson(`${server.url}/api/v1/departments?district=${district}`, { token: operator });
      const cgj = (departments.body.items as { id: number; code: string }[]).find((d) => d.code === 'cgj')!;
      return { district, grid, tokens: { operator, handler }, departmentId: cgj.id };
    }));

    const sent: SentAction[] = [];
    let acknowledgedActions = 0;
    let killed = false;
    const client = async (k: number) => {
      const unit = staff[k % staff.length]!;
      for (let i = 0; !killed; i += 1) {
        try {
          const created = await fetchJson(`${server.url}/api/v1/cases`, {
            token: unit.tokens.operator, body: { kind: 'event', categoryCode: 'E0104', description: `闭环压力 ${k}-${i}`, gridCode: unit.grid },
          });
          expect(created.status).toBe(201);
          let version = created.body.version as number;
          for (const step of STEPS) {
            const record: SentAction = { caseId: created.body.id, action: step.action, versionBefore: version, acknowledged: false };
            sent.push(record);
            const done = await fetchJson(`${server.url}/api/v1/cases/${record.caseId}/actions/${step.action}`, {
              token: unit.tokens[step.by], body: { version, ...step.body(unit.departmentId) },
            });
            expect(done.status, `${step.action} ${JSON.stringify(done.body)}`).toBe(200);
            record.acknowledged = true;
            acknowledgedActions += 1;
            version = done.body.version;
            // Kill while the other clients' actions are in flight.
            if (!killed && acknowledgedActions >= KILL_AFTER_ACTIONS) {
              killed = true;
              server.child.kill('SIGKILL');
            }
            if (killed) return;
          }
        } catch (error) {
          if (killed) return;
          throw error;
        }
      }
    };
    await Promise.all(Array.from({ length: 6 }, (_, k) => client(k)));
    expect((await server.exited).signal).toBe('SIGKILL');
    expect((await restartAndStop(cli.env)).code).toBe(0);

    const handle = await cli.openDatabase();
    try {
      const db = handle.db;
      const caseIds = [...new Set(sent.map((s) => s.caseId))];
      const events = await db.selectFrom('case_events').select(['case_id', 'action', 'hash']).where('case_id', 'in', caseIds).execute();
      const rows = new Map((await db.selectFrom('cases').select(['id', 'version']).where('id', 'in', caseIds).execute()).map((r) => [r.id, r.version]));
      const eventsOf = (s: SentAction) => events.filter((e) => e.case_id === s.caseId && e.action === s.action).length;
      const acknowledged = sent.filter((s) => s.acknowledged);
      expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER_ACTIONS);
      for (const s of acknowledged) expect(eventsOf(s), `${s.action} on case ${s.caseId}`).toBe(1);
      // Cut off by the kill: the event and the row's new version committed together, or neither did.
      for (const s of sent.filter((x) => !x.acknowledged)) {
        const present = eventsOf(s);
        expect(present, `${s.action} on case ${s.caseId}`).toBeLessThanOrEqual(1);
        expect(rows.get(s.caseId), `${s.action} on case ${s.caseId}: version against its event`).toBe(present === 1 ? s.versionBefore + 1 : s.versionBefore);
      }
      expect(events.filter((e) => e.hash === null)).toEqual([]);
      // The chains hold and every case row equals the replay of its events.
      expect(await verifyTimelineChains(db)).toEqual([]);

      const deps = createServiceDeps(db, loadConfig({ CIVICLOOP_DEMO: 'false', LOG_LEVEL: 'silent' }));
      const [first, last] = [shanghaiDay(startedAt), shanghaiDay(new Date())];
      const period = first === last ? first : `${first}..${last}`;
      for (const { district } of districts) {
        const { mismatches, nonZero } = await compareRollupsWithOracle(deps, await districtRef(deps, district), period);
        expect(mismatches, district).toEqual([]);
        expect(nonZero, district).toBeGreaterThan(0);
      }
    } finally {
      await handle.close();
    }
  });
});
