/** Government-service ratings (一次一评/一事一评) and appeals (申诉) against ratings. */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../schema.ts';
import type { RatingLevel, ServiceChannel } from '../../../domain/case/index.ts';

type Db = Kysely<Database> | Transaction<Database>;

export async function insertServiceRating(db: Db, values: {
  districtId: number; departmentId: number; channel: ServiceChannel; serviceName: string; level: RatingLevel; comment: string | null; ratedBy: number | null; ratedAt: Date;
}) {
  return db
    .insertInto('service_ratings')
    .values({
      district_id: values.districtId, department_id: values.departmentId, channel: values.channel, service_name: values.serviceName,
      level: values.level, comment: values.comment, rated_by: values.ratedBy, rated_at: values.ratedAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function setServiceRectification(db: Db, ratingId: number, caseId: number): Promise<void> {
  await db.updateTable('service_ratings').set({ rectification_case_id: caseId }).where('id', '=', ratingId).execute();
}

/** The id of the rectification case a rating opened: a case's (by `rectification_of_id`) or a service rating's. */
export async function findRectificationCaseId(db: Db, target: { caseId: number | null; serviceRatingId: number | null }): Promise<number | null> {
  if (target.caseId !== null) {
    const row = await db.selectFrom('cases').select('id').where('rectification_of_id', '=', target.caseId).where('kind', '=', 'rectification')
      .orderBy('id', 'desc').executeTakeFirst();
    return row?.id ?? null;
  }
  if (target.serviceRatingId === null) return null;
  return (await findServiceRating(db, target.serviceRatingId))?.rectification_case_id ?? null;
}

export async function findServiceRating(db: Db, id: number) {
  return db.selectFrom('service_ratings').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listServiceRatings(db: Db, filter: { districtId: number; departmentId?: number; from?: Date; to?: Date }) {
  let query = db.selectFrom('service_ratings').selectAll().where('district_id', '=', filter.districtId);
  if (filter.departmentId !== undefined) query = query.where('department_id', '=', filter.departmentId);
  if (filter.from) query = query.where('rated_at', '>=', filter.from);
  if (filter.to) query = query.where('rated_at', '<', filter.to);
  return query.orderBy('rated_at', 'desc').orderBy('id', 'desc').limit(500).execute();
}

/** An appeal still pending or upheld blocks a new one for the same rating. */
export async function findLiveAppeal(db: Db, target: { caseId?: number; serviceRatingId?: number }) {
  let query = db.selectFrom('rating_appeals').selectAll().where('status', '<>', 'rejected');
  query = target.caseId !== undefined ? query.where('case_id', '=', target.caseId) : query.where('service_rating_id', '=', target.serviceRatingId ?? -1);
  return query.executeTakeFirst();
}

export async function insertAppeal(db: Db, values: {
  districtId: number; caseId: number | null; serviceRatingId: number | null; departmentId: number | null; reason: string; filedBy: number | null; filedAt: Date;
}) {
  return db
    .insertInto('rating_appeals')
    .values({
      district_id: values.districtId, case_id: values.caseId, service_rating_id: values.serviceRatingId, department_id: values.departmentId,
      reason: values.reason, filed_by: values.filedBy, filed_at: values.filedAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function lockAppeal(db: Db, id: number) {
  return db.selectFrom('rating_appeals').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function decideAppeal(db: Db, id: number, values: { upheld: boolean; decidedBy: number | null; decidedAt: Date; note: string | null }) {
  return db
    .updateTable('rating_appeals')
    .set({ status: values.upheld ? 'upheld' : 'rejected', decided_by: values.decidedBy, decided_at: values.decidedAt, decision_note: values.note })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function listAppeals(db: Db, filter: { districtId: number; departmentId?: number; status?: string }) {
  let query = db.selectFrom('rating_appeals').selectAll().where('district_id', '=', filter.districtId);
  if (filter.departmentId !== undefined) query = query.where('department_id', '=', filter.departmentId);
  if (filter.status) query = query.where('status', '=', filter.status);
  return query.orderBy('filed_at', 'desc').orderBy('id', 'desc').limit(500).execute();
}
