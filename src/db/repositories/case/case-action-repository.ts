/**
 * A case action in one statement (issue 10): data-modifying CTEs update the case only if it still stands as the
 * action was decided on, insert the action's event and its follow-ups only if that update matched, and answer with
 * the row as the detail shows it (its joined names) and the event's id. One statement is atomic on its own, so the
 * action holds no lock between its read and its write and needs neither BEGIN nor COMMIT.
 */
import { sql, type Kysely } from 'kysely';
import type { CaseRow, CaseUpdate, Database, NewCaseEventRow } from '../../schema.ts';
import { CASE_VIEW_NAMES, rowOfView, type CaseListRow } from './case-repository.ts';

/**
 * What the decision read and what a write may not have changed since: the version, which every edit bumps, and the
 * columns the warning sweep and the deadline recalculation move without bumping it (a warning or a moved clock is not
 * an edit a user could conflict with). The event's facts (on time, responded in time) and the warning the action
 * writes come from these columns, so a write decided on other values would record facts the case never had.
 */
export type CaseSeen = Pick<CaseRow, 'version' | 'warning_level' | 'sign_deadline' | 'amber_at' | 'resolve_deadline'>;

export interface CaseActionWrite {
  caseId: number;
  seen: CaseSeen;
  changes: CaseUpdate;
  /** The action's event but its case id, which the statement takes from the updated row. */
  event: Omit<NewCaseEventRow, 'case_id'>;
  /** Outbox rows (`follow_up:…`), written only with the update. */
  followUps: readonly { kind: string; payload: unknown }[];
}

export interface CaseActionWritten {
  row: CaseRow;
  /** The same row with the names the list and the detail show beside it (what `findCaseView` reads). */
  view: CaseListRow;
  eventId: number;
}

/**
 * Updates the case if it still stands as `seen`, with its event and follow-ups, in one statement.
 * @returns what was written, or undefined when the case moved on (nothing is written then)
 */
export async function updateCaseWithEvent(db: Kysely<Database>, write: CaseActionWrite): Promise<CaseActionWritten | undefined> {
  const { seen } = write;
  const columns = Object.keys(write.event) as (keyof typeof write.event)[];
  const withEvent = db
    // The clock columns are compared in the row itself, not by looking for newer events: under READ COMMITTED an
    // UPDATE that waited for a concurrent writer re-checks its WHERE on the row that writer left, but a subquery
    // over case_events would still see the statement's snapshot, without the event committed meanwhile.
    .with('updated', (q) => q.updateTable('cases').set({ ...write.changes, version: seen.version + 1 })
      .where('id', '=', write.caseId).where('version', '=', seen.version).where('warning_level', '=', seen.warning_level)
      .where('sign_deadline', 'is not distinct from', seen.sign_deadline).where('amber_at', 'is not distinct from', seen.amber_at)
      .where('resolve_deadline', 'is not distinct from', seen.resolve_deadline)
      .returningAll())
    .with('new_event', (q) => q.insertInto('case_events').columns([...columns, 'case_id'])
      .expression((eb) => eb.selectFrom('updated').select([...columns.map((c) => sql.val(write.event[c]).as(c)), 'updated.id as case_id']))
      .returning('id'));
  const kinds = write.followUps.map((f) => f.kind);
  const payloads = write.followUps.map((f) => JSON.stringify(f.payload));
  // Kysely puts a raw CTE in no parentheses of its own. PostgreSQL runs every data-modifying CTE once, selected or not.
  const withFollowUps = kinds.length === 0 ? withEvent : withEvent.with('follow_ups', () => sql<Record<string, never>>`(
    insert into outbox (kind, payload) select f.kind, f.payload::jsonb from updated cross join unnest(${kinds}::text[], ${payloads}::text[]) as f(kind, payload)
  )`) as unknown as typeof withEvent;
  const found = await withFollowUps
    .selectFrom('updated as k')
    .innerJoin('categories as c', 'c.id', 'k.category_id')
    .leftJoin('grids as g', 'g.id', 'k.grid_id')
    .leftJoin('departments as dep', 'dep.id', 'k.department_id')
    .leftJoin('streets as s', 's.id', 'k.street_id')
    .selectAll('k')
    .select(CASE_VIEW_NAMES)
    .select((eb) => eb.selectFrom('new_event').select('id').as('new_event_id'))
    .executeTakeFirst();
  if (!found) return undefined;
  const { new_event_id: eventId, ...view } = found;
  return { row: rowOfView(view as CaseListRow), view: view as CaseListRow, eventId: Number(eventId) };
}
