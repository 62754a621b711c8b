/**
 * A new case in one statement (issue 10): data-modifying CTEs insert the case with the number its sequence
 * gives, its `report` event and, when asked, a follow-up in the outbox, and the statement answers with the case
 * as the detail page shows it (its joined names) and the event's id. One statement is atomic on its own, so a
 * plain intake needs neither BEGIN nor COMMIT, and no read follows it: one round trip in all.
 */
import { sql, type Expression, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { CaseRow, Database, NewCase, NewCaseEventRow } from '../../schema.ts';
import { CASE_VIEW_NAMES, rowOfView, type CaseListRow } from './case-repository.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface ReportedCaseWrite {
  /** The row but its number, which `number` takes inside the statement (`nextCaseNumberSql`). */
  values: Omit<NewCase, 'number'>;
  number: RawBuilder<string>;
  /** The `report` event's row but its case id. */
  event: Omit<NewCaseEventRow, 'case_id'>;
  /** A further insert that needs the new case's id (e.g. the auto-dispatch request), or none. */
  followUp?: ((caseId: Expression<number>) => RawBuilder<unknown>) | undefined;
}

export interface ReportedCase {
  /** The stored row, exactly as `cases` holds it. */
  row: CaseRow;
  /** The same row with the names the list and the detail show beside it (what `findCaseView` reads). */
  view: CaseListRow;
  /** The id of its `report` event. */
  reportEventId: number;
}

export async function insertReportedCase(db: Db, write: ReportedCaseWrite): Promise<ReportedCase> {
  const caseId = sql<number>`(select id from inserted_case)`;
  const followUp = write.followUp;
  const withEvent = db
    .with('inserted_case', (q) => q.insertInto('cases').values({ ...write.values, number: write.number }).returningAll())
    .with('report_event', (q) => q.insertInto('case_events').values({ ...write.event, case_id: caseId }).returning('id'));
  // Kysely puts a raw CTE in no parentheses of its own. A CTE that nothing selects from still runs: PostgreSQL executes every data-modifying CTE exactly once.
  const withFollowUp = followUp ? withEvent.with('follow_up', () => sql<Record<string, never>>`(${followUp(caseId)})`) as unknown as typeof withEvent : withEvent;
  const found = await withFollowUp
    .selectFrom('inserted_case as k')
    .innerJoin('categories as c', 'c.id', 'k.category_id')
    .leftJoin('grids as g', 'g.id', 'k.grid_id')
    .leftJoin('departments as dep', 'dep.id', 'k.department_id')
    .leftJoin('streets as s', 's.id', 'k.street_id')
    .selectAll('k')
    .select(CASE_VIEW_NAMES)
    .select((eb) => eb.selectFrom('report_event').select('id').as('report_event_id'))
    .executeTakeFirstOrThrow();
  const { report_event_id: reportEventId, ...view } = found;
  return { row: rowOfView(view as CaseListRow), view: view as CaseListRow, reportEventId: Number(reportEventId) };
}
