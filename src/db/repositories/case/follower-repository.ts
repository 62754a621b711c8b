/** Followers of a case: reporters of duplicates merged into it keep hearing about it. */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** Moves the reporter and followers of a merged case onto the kept one. */
export async function carryFollowers(
  db: Transaction<Database>,
  from: { id: number; reporter_user_id: number | null; tracking_code_hash: string | null },
  into: { id: number; district_id: number },
  now: Date,
): Promise<number> {
  const rows: { user_id: number | null; tracking_code_hash: string | null }[] = [];
  if (from.reporter_user_id !== null || from.tracking_code_hash !== null) {
    rows.push({ user_id: from.reporter_user_id, tracking_code_hash: from.tracking_code_hash });
  }
  const inherited = await db.selectFrom('case_followers').select(['user_id', 'tracking_code_hash']).where('case_id', '=', from.id).execute();
  rows.push(...inherited);
  if (rows.length === 0) return 0;
  await db
    .insertInto('case_followers')
    .values(rows.map((row) => ({ ...row, case_id: into.id, district_id: into.district_id, via_case_id: from.id, created_at: now })))
    .execute();
  return rows.length;
}

/** Whether this user or tracking code follows the case. */
export async function isFollower(db: Db, caseId: number, who: { userId: number | null; trackingCodeHash: string | null }): Promise<boolean> {
  if (who.userId === null && who.trackingCodeHash === null) return false;
  const row = await db
    .selectFrom('case_followers')
    .select('id')
    .where('case_id', '=', caseId)
    .where((eb) => {
      const either = [];
      if (who.userId !== null) either.push(eb('user_id', '=', who.userId));
      if (who.trackingCodeHash !== null) either.push(eb('tracking_code_hash', '=', who.trackingCodeHash));
      return eb.or(either);
    })
    .executeTakeFirst();
  return row !== undefined;
}

/** A person following a case they found before reporting ("follow instead"); via_case_id is the case itself. */
export async function insertDirectFollower(
  db: Db,
  values: { caseId: number; districtId: number; userId: number | null; trackingCodeHash: string | null; now: Date },
): Promise<void> {
  await db
    .insertInto('case_followers')
    .values({
      case_id: values.caseId, district_id: values.districtId, user_id: values.userId, tracking_code_hash: values.trackingCodeHash,
      via_case_id: values.caseId, created_at: values.now,
    })
    .execute();
}
