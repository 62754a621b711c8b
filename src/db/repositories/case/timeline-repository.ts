/**
 * The append-only case timeline with a hash chain per district: each row's hash covers its
 * content and the previous row's hash, so an edited or deleted row breaks the chain.
 */
import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { CaseEventRow, Database } from '../../schema.ts';
import { rollupDeltas } from '../../../domain/supervision/index.ts';
import { addToRollups, factsFor, loadCaseAtEvent, loadPriorEvents, shanghaiDay } from '../supervision/index.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface NewCaseEvent {
  caseId: number;
  districtId: number;
  at: Date;
  actorUserId: number | null;
  actorRole: string;
  action: string;
  fromState: string | null;
  toState: string;
  note: string | null;
  data: Record<string, unknown>;
}

export function genesisHash(districtId: number): string {
  return createHash('sha256').update(`civicloop-timeline:${districtId}`).digest('hex');
}

/** JSON with object keys sorted, because jsonb does not keep the order they were written in. */
function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
}

/** The hash of one event given the previous hash; the field order is part of the format. */
export function hashEvent(prevHash: string, event: NewCaseEvent): string {
  const content = canonicalJson([
    prevHash, event.caseId, event.districtId, event.at.toISOString(), event.actorUserId, event.actorRole,
    event.action, event.fromState, event.toState, event.note, event.data,
  ]);
  return createHash('sha256').update(content).digest('hex');
}

/**
 * Appends events inside the caller's transaction, extending the district's chain. Call it after the
 * case row has been written: each event records the case's units and indicator facts as they are now,
 * and adds its deltas to the day's indicator rollups in the same transaction (ADR 0005).
 */
export async function appendEvents(db: Transaction<Database>, districtId: number, events: NewCaseEvent[]): Promise<void> {
  if (events.length === 0) return;
  const lockHead = () =>
    db.selectFrom('timeline_chain_heads').selectAll().where('district_id', '=', districtId).forUpdate().executeTakeFirst();
  // The head exists after a district's first event: create it only then, saving a round trip on every write.
  let head = await lockHead();
  if (!head) {
    await db
      .insertInto('timeline_chain_heads')
      .values({ district_id: districtId, last_event_id: null, last_hash: genesisHash(districtId) })
      .onConflict((oc) => oc.column('district_id').doNothing())
      .execute();
    head = await lockHead();
    if (!head) throw new Error(`timeline chain head for district ${districtId} missing`);
  }
  let prevHash = head.last_hash;
  let lastId = head.last_event_id;
  for (const event of events) {
    const hash = hashEvent(prevHash, event);
    const caseAt = await loadCaseAtEvent(db, event.caseId);
    const prior = await loadPriorEvents(db, event.caseId);
    const units = caseAt ? { ...caseAt.units, person: event.action === 'sign' ? event.actorUserId : prior.lastSign?.actorUserId ?? null } : null;
    const facts = caseAt ? factsFor(event.action, caseAt) : null;
    const row = await db
      .insertInto('case_events')
      .values({
        case_id: event.caseId, district_id: event.districtId, at: event.at, actor_user_id: event.actorUserId,
        actor_role: event.actorRole, action: event.action, from_state: event.fromState, to_state: event.toState,
        note: event.note, data: JSON.stringify(event.data), prev_hash: prevHash, hash,
        street_id: units?.street ?? null, community_id: units?.community ?? null, grid_id: units?.grid ?? null,
        department_id: units?.department ?? null, person_id: units?.person ?? null, on_time: facts?.onTime ?? null,
        reworked: facts?.reworked ?? null, responded_in_time: facts?.respondedInTime ?? null, rating: facts?.rating ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (caseAt && units && facts) {
      const deltas = rollupDeltas({
        action: event.action, fromState: event.fromState, toState: event.toState, actorUserId: event.actorUserId, data: event.data,
        units, facts, caseFiled: caseAt.filed, extensionCount: caseAt.extensionCount, ...prior,
      });
      await addToRollups(db, event.districtId, shanghaiDay(event.at), deltas);
    }
    prevHash = hash;
    lastId = row.id;
  }
  await db.updateTable('timeline_chain_heads').set({ last_hash: prevHash, last_event_id: lastId }).where('district_id', '=', districtId).execute();
}

export async function listCaseEvents(db: Db, caseId: number): Promise<CaseEventRow[]> {
  return db.selectFrom('case_events').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
}

/**
 * Recomputes every district's chain.
 * @returns the first broken event per district, empty when the chain holds
 */
export async function verifyTimelineChains(db: Db): Promise<{ districtId: number; eventId: number | null; problem: string }[]> {
  const problems: { districtId: number; eventId: number | null; problem: string }[] = [];
  const heads = await db.selectFrom('timeline_chain_heads').selectAll().execute();
  for (const head of heads) {
    let prevHash = genesisHash(head.district_id);
    let lastId: number | null = null;
    let broken = false;
    let afterId = 0;
    for (;;) {
      const rows = await db
        .selectFrom('case_events')
        .selectAll()
        .where('district_id', '=', head.district_id)
        .where('id', '>', afterId)
        .orderBy('id')
        .limit(5000)
        .execute();
      if (rows.length === 0) break;
      for (const row of rows) {
        const expected = hashEvent(prevHash, {
          caseId: row.case_id, districtId: row.district_id, at: row.at, actorUserId: row.actor_user_id, actorRole: row.actor_role,
          action: row.action, fromState: row.from_state, toState: row.to_state, note: row.note, data: row.data,
        });
        if (row.prev_hash !== prevHash || row.hash !== expected) {
          problems.push({ districtId: head.district_id, eventId: row.id, problem: 'hash mismatch' });
          broken = true;
          break;
        }
        prevHash = row.hash;
        lastId = row.id;
      }
      if (broken) break;
      afterId = rows[rows.length - 1]!.id;
    }
    if (!broken && (head.last_hash !== prevHash || head.last_event_id !== lastId)) {
      problems.push({ districtId: head.district_id, eventId: lastId, problem: 'chain head does not match the last event' });
    }
  }
  return problems;
}
