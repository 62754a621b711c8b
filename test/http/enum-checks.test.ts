import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { loginAs } from '../support/api-client.ts';
import { LY, reportEvent } from '../support/case-helpers.ts';

let t: TestApp;
let caseId: number;

beforeAll(async () => {
  t = await startTestApp();
  const gridWorker = await loginAs(t.app, `grid_worker-${LY}`);
  caseId = (await reportEvent(gridWorker, { description: '青年路井盖破损' })).id;
});
afterAll(async () => { await t?.close(); });

/** The constraint that refused a write, or null when the write went through. */
async function refusedBy(write: Promise<unknown>): Promise<string | null> {
  try {
    await write;
    return null;
  } catch (error) {
    return (error as { constraint?: string }).constraint ?? String(error);
  }
}

describe('enum columns hold only their values (migration 0008)', () => {
  it('refuses an unknown case state, kind, source, priority, rating and warning level', async () => {
    const db = t.handle.db;
    const update = (column: string, value: string) => sql`update cases set ${sql.ref(column)} = ${value} where id = ${caseId}`.execute(db);
    expect(await refusedBy(update('state', 'lost'))).toBe('cases_state_check');
    expect(await refusedBy(update('kind', 'rumour'))).toBe('cases_kind_check');
    expect(await refusedBy(update('source', 'pigeon'))).toBe('cases_source_check');
    expect(await refusedBy(update('priority', 'whenever'))).toBe('cases_priority_check');
    expect(await refusedBy(update('rating', 'meh'))).toBe('cases_rating_check');
    expect(await refusedBy(update('warning_level', 'orange'))).toBe('cases_warning_level_check');
  });

  it('still accepts the values of the glossary, and no rating', async () => {
    const db = t.handle.db;
    expect(await refusedBy(sql`update cases set priority = 'urgent', rating = null, warning_level = 'amber' where id = ${caseId}`.execute(db))).toBeNull();
    const row = await db.selectFrom('cases').select(['priority', 'warning_level']).where('id', '=', caseId).executeTakeFirstOrThrow();
    expect(row).toEqual({ priority: 'urgent', warning_level: 'amber' });
  });

  it('refuses an unknown role and category kind', async () => {
    const db = t.handle.db;
    expect(await refusedBy(sql`update users set role = 'king' where username = ${`operator-${LY}`}`.execute(db))).toBe('users_role_check');
    expect(await refusedBy(sql`update categories set kind = 'rumour' where id = (select min(id) from categories)`.execute(db))).toBe('categories_kind_check');
  });
});
