/**
 * The timeline is append-only in the database (issue 19 §3, migration 0022): an event cannot be deleted or
 * edited, a linked event's link cannot be rewritten — while the linker still links new rows once.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { apiClient } from '../support/api-client.ts';
import { reportEvent } from '../support/case-helpers.ts';
import { sqlState } from '../../src/db/sql-state.ts';
import { verifyTimelineChains } from '../../src/db/repositories/case/timeline-repository.ts';

let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => { await t?.close(); });

async function refused(statement: Promise<unknown>): Promise<string | undefined> {
  return statement.then(() => 'ran', (error: unknown) => sqlState(error));
}

describe('case events in the database', () => {
  it('are linked by the linker, and then refuse UPDATE and DELETE with 42501', async () => {
    const created = await reportEvent(apiClient(t.app));
    await t.services.afterCommit.drain();
    const event = await t.handle.db.selectFrom('case_events').selectAll().where('case_id', '=', created.id).executeTakeFirstOrThrow();
    expect(event.hash).not.toBeNull();
    expect(await refused(sql`update case_events set note = 'edited' where id = ${event.id}`.execute(t.handle.db))).toBe('42501');
    expect(await refused(sql`update case_events set hash = repeat('0', 64) where id = ${event.id}`.execute(t.handle.db))).toBe('42501');
    expect(await refused(sql`delete from case_events where id = ${event.id}`.execute(t.handle.db))).toBe('42501');
    expect(await verifyTimelineChains(t.handle.db)).toEqual([]);
  });

  it('refuse to take the link off a linked row', async () => {
    const created = await reportEvent(apiClient(t.app));
    await t.services.afterCommit.drain();
    const ids = (await t.handle.db.selectFrom('case_events').select('id').where('case_id', '=', created.id).execute()).map((r) => r.id);
    expect(await refused(sql`update case_events set prev_hash = null, hash = null, chain_seq = null where id = ${ids[0]!}`.execute(t.handle.db))).toBe('42501');
  });
});
