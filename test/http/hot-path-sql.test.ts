/**
 * The SQL of the hot paths, pinned as text (as Immich keeps its generated queries): a change to what intake, a
 * steady sweep or the month indicators send to the database shows in review as a diff of these files, and the
 * same files hold on PGlite and PostgreSQL. Regenerate deliberately with `npx vitest run test/http/hot-path-sql.test.ts --project http-postgres --update`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { performCaseAction, reportCase } from '../../src/services/case/index.ts';
import { computeIndicatorTable, districtForReader, runSweep } from '../../src/services/supervision/index.ts';
import { actorFromUser } from '../../src/services/actor.ts';
import { parsePeriod } from '../../src/domain/supervision/index.ts';
import type { ServiceDeps } from '../../src/services/service-deps.ts';

/**
 * Records the text of every statement the services send through the instance it is plugged into, in the order
 * they were issued. Only statements whose result comes back count: a query builder embedded in another (a CTE's
 * insert) is transformed too, but only the statement that holds it is sent. Ordering by issue rather than by
 * completion keeps reads run side by side (Promise.all) in a stable order.
 */
class SqlRecorder implements KyselyPlugin {
  private sent: { order: number; text: string }[] = [];
  private issued = 0;
  private readonly compiled = new WeakMap<object, { order: number; text: string }>();
  constructor(private readonly compile: (node: RootOperationNode) => string) {}
  get statements(): string[] {
    return [...this.sent].sort((a, b) => a.order - b.order).map((statement) => statement.text);
  }
  reset(): void {
    this.sent = [];
  }
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.compiled.set(args.queryId, { order: (this.issued += 1), text: this.compile(args.node).replace(/\s+/g, ' ').trim() });
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const statement = this.compiled.get(args.queryId);
    if (statement !== undefined) this.sent.push(statement);
    return args.result;
  }
}

let t: TestApp;
let recorder: SqlRecorder;
let recorded: ServiceDeps;

/** What `work` sent, one statement a line; the recorder is emptied first. */
async function sqlOf(work: () => Promise<unknown>): Promise<string> {
  await t.services.afterCommit.drain();
  recorder.reset();
  await work();
  return `${recorder.statements.join(';\n')};\n`;
}

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set('2026-11-18T02:00:00Z');
  recorder = new SqlRecorder((node) => t.services.db.getExecutor().compileQuery(node, { queryId: 'pin' } as never).sql);
  // The write path itself, without the linker and outbox that run after commit (their SQL is not on the request).
  recorded = { ...t.services, db: t.services.db.withPlugin(recorder), afterCommit: { kick: async () => {}, drain: async () => {}, settled: async () => {} } };
});
afterAll(async () => { await t?.close(); });

async function actor(username: string) {
  return actorFromUser(await t.services.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirstOrThrow());
}

describe('hot-path SQL', () => {
  it('intake of an operator’s report', async () => {
    const operator = await actor('operator-220106');
    const text = await sqlOf(() => reportCase(recorded, operator, { kind: 'event', categoryCode: 'E0104', description: '井盖缺失，请尽快处理', address: '春城大街 1 号' }));
    await expect(text).toMatchFileSnapshot('./hot-path-sql/intake.sql');
  });

  it('an action: the case and its events read side by side, then one conditional write', async () => {
    const operator = await actor('operator-220106');
    const { row } = await reportCase(t.services, operator, { kind: 'event', categoryCode: 'E0104', description: '井盖缺失，请尽快处理', address: '春城大街 1 号' });
    // Through the recorded handle, so its reference cache (category, district) is warm as a running server's is.
    const filed = await performCaseAction(recorded, operator, { caseId: row.id, action: 'file', version: row.version, fields: {} });
    const department = await t.services.db.selectFrom('departments').select('id').where('district_id', '=', row.district_id).where('code', '=', 'cgj').executeTakeFirstOrThrow();
    const text = await sqlOf(() => performCaseAction(recorded, operator, { caseId: row.id, action: 'dispatch', version: filed.version, fields: { departmentId: department.id } }));
    await expect(text).toMatchFileSnapshot('./hot-path-sql/action.sql');
  });

  it('a steady warning sweep', async () => {
    await runSweep(t.services);
    const text = await sqlOf(() => runSweep(recorded));
    await expect(text).toMatchFileSnapshot('./hot-path-sql/sweep-steady.sql');
  });

  it('the month indicators of a past (frozen) and of the running month', async () => {
    const district = await districtForReader(recorded, await actor('supervisor-220106'), '220106');
    const frozen = await sqlOf(() => computeIndicatorTable(recorded, district, 'street', parsePeriod('2026-10')));
    await expect(frozen).toMatchFileSnapshot('./hot-path-sql/indicators-frozen-month.sql');
    const running = await sqlOf(() => computeIndicatorTable(recorded, district, 'street', parsePeriod('2026-11')));
    await expect(running).toMatchFileSnapshot('./hot-path-sql/indicators-running-month.sql');
  });
});
