/**
 * The append-only case timeline with a hash chain per district: each row's hash covers its content and
 * the previous row's hash, in `chain_seq` order, so an edited or deleted row breaks the chain. Rows are
 * written unlinked and chained after commit by the district's linker (timeline-link-repository.ts).
 */
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { CaseEventRow, CaseRow, Database, NewCaseEventRow, TimelineEntry } from '../../schema.ts';
import { caseAtEventOf, recordEvent, type CaseAtEvent, type PriorEvents } from '../../../domain/supervision/index.ts';
import { loadCaseAtEvent, loadPriorEvents, standingOfRow } from '../supervision/index.ts';

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

/**
 * RFC 8785 canonical JSON (keys sorted by UTF-16 code units, ECMAScript number form), because jsonb does
 * not keep the order keys were written in. The linker hashes rows as read back from the database, so the
 * hash covers exactly what is stored; text that would not be stored as sent is refused at the boundary.
 */
function canonicalJson(value: unknown): string {
  return canonicalize(value ?? null) ?? 'null';
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
 * Appends events inside the caller's transaction, unlinked: no row of the district is locked, so writes of
 * one district never queue on each other (ADR 0006). The linker gives them their place in the chain after
 * commit. Call it after the case row has been written: each event records the case's units and indicator
 * facts as they are now, and the rollup deltas the linker adds when it links the event (ADR 0005).
 */
export async function appendEvents(
  db: Transaction<Database>, _districtId: number, events: NewCaseEvent[],
  /** The case row the caller just wrote, and its earlier events when it knows them (a new case has none): saves the reads. */
  known?: { row: CaseRow; prior?: PriorEvents },
): Promise<void> {
  for (const event of events) {
    const fromCaller = known && known.row.id === event.caseId && events.length === 1 ? known : undefined;
    const caseAt = fromCaller ? caseAtEventOf(standingOfRow(fromCaller.row)) : await loadCaseAtEvent(db, event.caseId);
    const prior = fromCaller?.prior ?? await loadPriorEvents(db, event.caseId);
    await db.insertInto('case_events').values(eventRowValues(event, caseAt, prior)).execute();
  }
}

/**
 * The row of one event: what happened, and the units, indicator facts and rollup deltas it records from the
 * case as it stands after the event (`caseAt`) and the case's earlier events (ADR 0005).
 */
export function eventRowValues(event: NewCaseEvent, caseAt: CaseAtEvent | undefined, prior: PriorEvents): NewCaseEventRow {
  const recorded = caseAt ? recordEvent(event, caseAt, prior) : null;
  const units = recorded?.units;
  const facts = recorded?.facts;
  const deltas = recorded?.deltas ?? [];
  return {
    case_id: event.caseId, district_id: event.districtId, at: event.at, actor_user_id: event.actorUserId,
    actor_role: event.actorRole, action: event.action, from_state: event.fromState, to_state: event.toState,
    note: event.note, data: JSON.stringify(event.data),
    street_id: units?.street ?? null, community_id: units?.community ?? null, grid_id: units?.grid ?? null,
    department_id: units?.department ?? null, person_id: units?.person ?? null, on_time: facts?.onTime ?? null,
    reworked: facts?.reworked ?? null, responded_in_time: facts?.respondedInTime ?? null, rating: facts?.rating ?? null,
    rollup_deltas: deltas.length > 0 ? JSON.stringify(deltas) : null,
  };
}

/**
 * What `case_events` holds for an event just inserted under `id`, as the detail reads it: its data as stored JSON,
 * and no hash yet (the linker sets it after commit). The write's answer is built from it without a read.
 */
export function timelineEntryOf(event: NewCaseEvent, id: number): TimelineEntry {
  return {
    id, at: event.at, action: event.action, actor_user_id: event.actorUserId, actor_role: event.actorRole,
    from_state: event.fromState, to_state: event.toState, note: event.note,
    data: JSON.parse(JSON.stringify(event.data)) as Record<string, unknown>, hash: null,
  };
}

export async function listCaseEvents(db: Db, caseId: number): Promise<CaseEventRow[]> {
  return db.selectFrom('case_events').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
}


export interface TimelineProblem {
  districtId: number;
  eventId: number | null;
  /** 'tampered': the chain does not hold; 'unlinked': a row has waited for its link longer than allowed. */
  kind: 'tampered' | 'unlinked';
  problem: string;
}

/**
 * Walks one district's chain in chain order and reports every break, not only the first: after a bad row the
 * walk goes on from the row's stored hash, so a later edit is still found.
 */
async function verifyDistrictChain(db: Db, head: { district_id: number; last_hash: string; last_event_id: number | null; last_seq: number }): Promise<TimelineProblem[]> {
  const problems: TimelineProblem[] = [];
  let prevHash = genesisHash(head.district_id);
  let lastId: number | null = null;
  let seq = 0;
  for (;;) {
    const rows = await db.selectFrom('case_events').selectAll().where('district_id', '=', head.district_id)
      .where('chain_seq', '>', seq).orderBy('chain_seq').limit(5000).execute();
    if (rows.length === 0) break;
    for (const row of rows) {
      const expected = hashEvent(prevHash, {
        caseId: row.case_id, districtId: row.district_id, at: row.at, actorUserId: row.actor_user_id, actorRole: row.actor_role,
        action: row.action, fromState: row.from_state, toState: row.to_state, note: row.note, data: row.data,
      });
      if (Number(row.chain_seq) !== seq + 1 || row.prev_hash !== prevHash || row.hash !== expected) {
        problems.push({ districtId: head.district_id, eventId: row.id, kind: 'tampered', problem: 'hash mismatch' });
      }
      prevHash = row.hash ?? expected;
      lastId = row.id;
      seq = Number(row.chain_seq);
    }
  }
  if (head.last_hash !== prevHash || head.last_event_id !== lastId || Number(head.last_seq) !== seq) {
    problems.push({ districtId: head.district_id, eventId: lastId, kind: 'tampered', problem: 'chain head does not match the last event' });
  }
  return problems;
}

/**
 * Replays each case's timeline against its `cases` row: the events must follow on from each other (each
 * `from_state` is the previous `to_state`) and the last one must leave the case in the row's state, so a row
 * edited behind the services' back is found even though the chain itself holds.
 */
async function verifyCaseRows(db: Db): Promise<TimelineProblem[]> {
  const problems: TimelineProblem[] = [];
  let afterId = 0;
  for (;;) {
    const cases = await db.selectFrom('cases').select(['id', 'district_id', 'state']).where('id', '>', afterId).orderBy('id').limit(1000).execute();
    if (cases.length === 0) break;
    const events = await db.selectFrom('case_events').select(['id', 'case_id', 'from_state', 'to_state'])
      .where('case_id', 'in', cases.map((c) => c.id)).orderBy('case_id').orderBy('id').execute();
    const byCase = new Map<number, typeof events>();
    for (const event of events) byCase.set(event.case_id, [...(byCase.get(event.case_id) ?? []), event]);
    for (const row of cases) {
      const timeline = byCase.get(row.id) ?? [];
      let state: string | null = null;
      for (const event of timeline) {
        if (state !== null && event.from_state !== null && event.from_state !== state) {
          problems.push({ districtId: row.district_id, eventId: event.id, kind: 'tampered', problem: `case ${row.id}: event starts from ${event.from_state}, the one before ended in ${state}` });
        }
        state = event.to_state;
      }
      if (state !== row.state) {
        problems.push({ districtId: row.district_id, eventId: timeline.at(-1)?.id ?? null, kind: 'tampered', problem: `case ${row.id}: row says ${row.state}, its timeline ends in ${state ?? 'no event'}` });
      }
    }
    afterId = cases[cases.length - 1]!.id;
  }
  return problems;
}

/** How long a row may wait for its link before `verify-timeline` reports it (ADR 0006). */
export const UNLINKED_GRACE_MS = 60_000;

/**
 * Recomputes every district's chain in chain order, and lists rows left unlinked for longer than
 * `UNLINKED_GRACE_MS` (database time).
 * @returns every break of every district's chain, every case row its timeline does not explain, and every
 *   stale unlinked row (up to 100); empty when all holds
 */
export async function verifyTimelineChains(db: Kysely<Database>): Promise<TimelineProblem[]> {
  // One snapshot for heads, chains and rows: the linker commits while answers are already out (ADR 0006), and a
  // head read before a link and a walk read after it would disagree about where the chain ends.
  return db.transaction().setIsolationLevel('repeatable read').execute((trx) => verifyInSnapshot(trx));
}

async function verifyInSnapshot(db: Transaction<Database>): Promise<TimelineProblem[]> {
  const problems: TimelineProblem[] = [];
  const heads = await db.selectFrom('timeline_chain_heads').selectAll().orderBy('district_id').execute();
  for (const head of heads) problems.push(...await verifyDistrictChain(db, head));
  // A district with linked rows but no head had its head deleted: its chain could then be cut short unseen.
  const headless = await db.selectFrom('case_events').select('district_id').distinct().where('hash', 'is not', null)
    .where('district_id', 'not in', heads.length > 0 ? heads.map((h) => h.district_id) : [-1]).orderBy('district_id').execute();
  for (const row of headless) {
    problems.push({ districtId: row.district_id, eventId: null, kind: 'tampered', problem: 'chain head missing' });
  }
  problems.push(...await verifyCaseRows(db));
  const stale = await db.selectFrom('case_events').select(['id', 'district_id']).where('hash', 'is', null)
    .where('recorded_at', '<', sql<Date>`clock_timestamp() - ${UNLINKED_GRACE_MS} * interval '1 millisecond'`)
    .orderBy('id').limit(100).execute();
  for (const row of stale) {
    problems.push({ districtId: row.district_id, eventId: row.id, kind: 'unlinked', problem: 'unlinked for more than a minute' });
  }
  return problems;
}
