/** Reads for a citizen following a case: the kept case of a merge and the rectification a 差评 opened. */
import type { Kysely } from 'kysely';
import type { CaseRow, Database } from '../../schema.ts';

type Db = Kysely<Database>;

/** The latest rectification case opened for a case's bad rating, if any. */
export async function findRectificationOf(db: Db, caseId: number): Promise<Pick<CaseRow, 'number' | 'state' | 'resolve_deadline'> | undefined> {
  return db.selectFrom('cases').select(['number', 'state', 'resolve_deadline'])
    .where('rectification_of_id', '=', caseId).orderBy('id', 'desc').limit(1).executeTakeFirst();
}

export async function findCaseNumber(db: Db, caseId: number): Promise<string | undefined> {
  return (await db.selectFrom('cases').select('number').where('id', '=', caseId).executeTakeFirst())?.number;
}
