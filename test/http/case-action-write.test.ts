/**
 * A case action as one read plus one conditional write (issue 10), on both databases: a stale or losing version
 * writes nothing, the answer is the detail a read gives right after, and a writer that moves the case without
 * bumping its version (the warning sweep, a deadline recalculation) between the read and the write makes the
 * action be decided again on the case as it then is, never recorded with facts the case no longer has.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type KyselyPlugin, type PluginTransformQueryArgs, type PluginTransformResultArgs, type QueryResult, type RootOperationNode, type UnknownRow } from 'kysely';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { loginAs, type ApiClient } from '../support/api-client.ts';
import { LY, act, actOk, departmentId, reportEvent } from '../support/case-helpers.ts';
import { takeCaseAction } from '../../src/services/case/case-actions.ts';
import { raiseDueWarnings } from '../../src/db/repositories/supervision/index.ts';
import { runWrite } from '../../src/services/write-transaction.ts';
import { appendEvents, setClockInstants } from '../../src/db/repositories/case/index.ts';
import { actorFromUser } from '../../src/services/actor.ts';
import type { ServiceDeps } from '../../src/services/service-deps.ts';

let t: TestApp;
let operator: ApiClient;
let handler: ApiClient;
let cgj: number;

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set('2026-11-18T02:00:00Z');
  [operator, handler] = await Promise.all([loginAs(t.app, `operator-${LY}`), loginAs(t.app, `handler-${LY}`)]);
  cgj = await departmentId(operator, LY, 'cgj');
});
afterAll(async () => { await t?.close(); });

/** Everything an action could have written: the case row, its events, the outbox and the rollups. */
async function stored(id: number) {
  await t.services.afterCommit.drain();
  const db = t.services.db;
  return {
    row: await db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
    events: await db.selectFrom('case_events').selectAll().where('case_id', '=', id).orderBy('id').execute(),
    outbox: await db.selectFrom('outbox').select(['id', 'kind', 'payload']).orderBy('id').execute(),
    rollups: await db.selectFrom('indicator_rollups').selectAll().orderBy('district_id').orderBy('level').orderBy('unit_id').orderBy('day').execute(),
  };
}

/** The answer without the hashes: the new event is linked after the answer, by the post-commit pass. */
function unhashed(detail: { timeline: { hash: string | null }[] }) {
  return { ...detail, timeline: detail.timeline.map((event) => ({ ...event, hash: 'linked' })) };
}

async function signedCase() {
  const created = await reportEvent(operator);
  let c = await actOk(operator, created.id, 'file', { version: created.version });
  c = await actOk(operator, created.id, 'dispatch', { version: c.version, departmentId: cgj });
  return actOk(handler, created.id, 'sign', { version: c.version });
}

describe('a case action written in one statement', () => {
  it('answers a stale version with 409 and writes nothing: row, events, outbox, rollups', async () => {
    const c = await signedCase();
    const before = await stored(c.id);
    const res = await act(handler, c.id, 'resolve', { version: c.version - 1, note: '已清理' });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'CASE_VERSION_CONFLICT', details: { currentVersion: c.version, yourVersion: c.version - 1 } });
    expect(await stored(c.id)).toEqual(before);
  });

  it('lets one of two actions on the same version through and answers the other 409', async () => {
    const created = await reportEvent(operator);
    const filed = await actOk(operator, created.id, 'file', { version: created.version });
    const answers = await Promise.all([
      act(operator, created.id, 'dispatch', { version: filed.version, departmentId: cgj }),
      act(operator, created.id, 'dispatch', { version: filed.version, departmentId: cgj }),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const lost = answers.find((a) => a.status === 409)!;
    expect(lost.body.code).toBe('CASE_VERSION_CONFLICT');
    const after = await stored(created.id);
    expect(after.row.version).toBe(filed.version + 1);
    expect(after.events.map((e) => e.action)).toEqual(['report', 'file', 'dispatch']);
  });

  it('answers a dispatch and a resolve with the detail a read gives right after', async () => {
    const created = await reportEvent(operator, { reporter: { name: '李女士', phone: '13900000001' } });
    await actOk(operator, created.id, 'file', { version: created.version });
    for (const [client, action, body] of [
      [operator, 'dispatch', { departmentId: cgj }], [handler, 'sign', {}], [handler, 'resolve', { note: '已清理完毕' }],
    ] as const) {
      const current = (await client.get(`/api/v1/cases/${created.id}`)).body;
      const answer = await act(client, created.id, action, { version: current.version, ...body });
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      expect(answer.body.timeline.at(-1)).toMatchObject({ action, hash: null });
      const read = await client.get(`/api/v1/cases/${created.id}`);
      expect(unhashed(answer.body)).toEqual(unhashed(read.body));
      expect(answer.body.departmentName).toEqual(expect.any(String));
    }
  });
});

/**
 * The services with a hook run once the action's case read has come back and before its write is sent. On
 * PostgreSQL the hook is awaited there (the read's connection is not the one it writes on); on PGlite, one
 * connection, it is queued behind the reads already waiting and so runs before the write all the same.
 */
function interferingAfterRead(interfere: () => Promise<void>): { deps: ServiceDeps; done: () => Promise<void> } {
  let pending: Promise<void> | undefined;
  const texts = new WeakMap<object, string>();
  const plugin: KyselyPlugin = {
    transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
      texts.set(args.queryId, t.services.db.getExecutor().compileQuery(args.node, args.queryId).sql);
      return args.node;
    },
    async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
      if (pending === undefined && texts.get(args.queryId)?.startsWith('select * from "cases" where "id"')) {
        pending = interfere();
        if (t.kind === 'postgres') await pending;
      }
      return args.result;
    },
  };
  return { deps: { ...t.services, db: t.services.db.withPlugin(plugin) }, done: async () => { await pending; } };
}

async function handlerActor() {
  return actorFromUser(await t.services.db.selectFrom('users').selectAll().where('username', '=', `handler-${LY}`).executeTakeFirstOrThrow());
}

describe('a writer that leaves the version between the read and the write', () => {
  it('a recalculated deadline: the resolve is decided again and records the facts of the moved clock', async () => {
    const c = await signedCase();
    t.clock.advanceMinutes(30);
    // As the deadline recalculation writes it (calendar/deadline-recalculation.ts): new instants, same version, one event.
    const movedDeadline = new Date(t.clock.now.getTime() - 60_000);
    const { deps, done } = interferingAfterRead(() => runWrite(t.services, async (trx) => {
      const row = await trx.selectFrom('cases').selectAll().where('id', '=', c.id).forUpdate().executeTakeFirstOrThrow();
      await setClockInstants(trx, c.id, {
        sign_deadline: row.sign_deadline, amber_at: new Date(movedDeadline.getTime() - 3_600_000), resolve_deadline: movedDeadline,
        warning_level: row.warning_level, updated_at: t.clock.now,
      });
      await appendEvents(trx, row.district_id, [{
        caseId: c.id, districtId: row.district_id, at: t.clock.now, actorUserId: null, actorRole: 'system', action: 'recalculate_deadlines',
        fromState: row.state, toState: row.state, note: null, data: { test: true },
      }]);
    }));
    const outcome = await takeCaseAction(deps, await handlerActor(), { caseId: c.id, action: 'resolve', version: c.version, fields: { note: '已清理' } });
    await done();
    const after = await stored(c.id);
    expect(after.row).toMatchObject({ state: 'resolved', version: c.version + 1, resolve_deadline: movedDeadline });
    expect(after.events.map((e) => e.action).slice(-2)).toEqual(['recalculate_deadlines', 'resolve']);
    // Late against the moved deadline: the event says so, as the row does.
    expect(after.events.at(-1)).toMatchObject({ action: 'resolve', on_time: false });
    expect(outcome.written?.timeline.map((e) => e.action).slice(-2)).toEqual(['recalculate_deadlines', 'resolve']);
    expect(outcome.written?.view.resolve_deadline).toEqual(movedDeadline);
  });

  it('a raised warning: the action is decided again on the raised level, and its answer holds the warning event', async () => {
    const c = await signedCase();
    const row = await t.services.db.selectFrom('cases').select(['amber_at', 'resolve_deadline']).where('id', '=', c.id).executeTakeFirstOrThrow();
    // Between the amber instant and the deadline: the sweep raises amber, without a new version.
    t.clock.set(new Date((row.amber_at!.getTime() + row.resolve_deadline!.getTime()) / 2).toISOString());
    // As one batch of the sweep writes it (supervision/warning-sweep.ts), in one transaction.
    const { deps, done } = interferingAfterRead(() => runWrite(t.services, async (trx) => {
      const raised = await raiseDueWarnings(trx, 'amber', t.clock.now, 10);
      expect(raised.map((r) => r.id)).toEqual([c.id]);
      await appendEvents(trx, raised[0]!.district_id, [{
        caseId: c.id, districtId: raised[0]!.district_id, at: t.clock.now, actorUserId: null, actorRole: 'system', action: 'warn_amber',
        fromState: 'signed', toState: 'signed', note: null, data: { test: true },
      }]);
    }));
    const outcome = await takeCaseAction(deps, await handlerActor(), { caseId: c.id, action: 'resolve', version: c.version, fields: { note: '已清理' } });
    await done();
    const after = await stored(c.id);
    expect(after.events.map((e) => e.action).slice(-2)).toEqual(['warn_amber', 'resolve']);
    // Resolved, the case is no longer warned: the write saw the raised level and lowered it.
    expect(after.row).toMatchObject({ state: 'resolved', warning_level: 'none', version: c.version + 1 });
    expect(outcome.written?.timeline.map((e) => e.action).slice(-2)).toEqual(['warn_amber', 'resolve']);
  });

  // PostgreSQL alone runs two writers at once: the action's write waits for the row, then re-checks it as committed.
  it.skipIf(process.env.TEST_DB_KIND !== 'postgres')('a recalculation committing while the write waits for the row: decided again, not written on the old clock', async () => {
    const c = await signedCase();
    t.clock.advanceMinutes(30);
    const movedDeadline = new Date(t.clock.now.getTime() - 60_000);
    let release!: () => void;
    const held = new Promise<void>((resolve) => { release = resolve; });
    let written!: () => void;
    const moved = new Promise<void>((resolve) => { written = resolve; });
    const recalculation = t.services.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('cases').selectAll().where('id', '=', c.id).forUpdate().executeTakeFirstOrThrow();
      await setClockInstants(trx, c.id, { sign_deadline: row.sign_deadline, amber_at: row.amber_at, resolve_deadline: movedDeadline, warning_level: row.warning_level, updated_at: t.clock.now });
      await appendEvents(trx, row.district_id, [{
        caseId: c.id, districtId: row.district_id, at: t.clock.now, actorUserId: null, actorRole: 'system', action: 'recalculate_deadlines',
        fromState: row.state, toState: row.state, note: null, data: { test: true },
      }]);
      written();
      await held;
    });
    await moved;
    const action = takeCaseAction(t.services, await handlerActor(), { caseId: c.id, action: 'resolve', version: c.version, fields: { note: '已清理' } });
    // Its reads do not wait (MVCC); its write waits for the recalculation's row lock.
    for (let tries = 0; ; tries += 1) {
      const waiting = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`.execute(t.services.db);
      if (waiting.rows[0]!.n > 0) break;
      if (tries > 200) throw new Error('the action never waited for the row');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    release();
    await recalculation;
    await action;
    const after = await stored(c.id);
    expect(after.events.map((e) => e.action).slice(-2)).toEqual(['recalculate_deadlines', 'resolve']);
    expect(after.events.at(-1)).toMatchObject({ on_time: false });
    expect(after.row).toMatchObject({ state: 'resolved', resolve_deadline: movedDeadline });
  });
});
