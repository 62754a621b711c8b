/**
 * A new case in one statement (issue 10): data-modifying CTEs insert the case with the number its sequence
 * gives, its `report` event and, when asked, a follow-up in the outbox. One statement is atomic on its own,
 * so a plain intake needs neither BEGIN nor COMMIT: one round trip in all.
 */
import { sql, type Expression, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { CaseRow, Database, NewCase, NewCaseEventRow } from '../../schema.ts';

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

export async function insertReportedCase(db: Db, write: ReportedCaseWrite): Promise<CaseRow> {
  const caseId = sql<number>`(select id from inserted_case)`;
  const insertCase = db.insertInto('cases').values({ ...write.values, number: write.number }).returningAll();
  const insertEvent = db.insertInto('case_events').values({ ...write.event, case_id: caseId });
  const followUp = write.followUp ? sql`, follow_up as (${write.followUp(caseId)})` : sql``;
  const result = await sql<CaseRow>`
    with inserted_case as (${insertCase}), report_event as (${insertEvent})${followUp}
    select * from inserted_case`.execute(db);
  return result.rows[0]!;
}
