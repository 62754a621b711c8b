/** SQL of applications (办件): the companion row of a `service_application` case. */
import type { Insertable, Kysely, Transaction } from 'kysely';
import type { Database, ServiceApplicationRow, ServiceApplicationUpdate } from '../../schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export async function insertApplication(trx: Transaction<Database>, values: Insertable<Database['service_applications']>): Promise<ServiceApplicationRow> {
  return trx.insertInto('service_applications').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function findApplicationByCase(db: Db, caseId: number): Promise<ServiceApplicationRow | undefined> {
  return db.selectFrom('service_applications').selectAll().where('case_id', '=', caseId).executeTakeFirst();
}

/** Locks the row in the caller's transaction (the case row is locked first, always in that order). */
export async function lockApplication(trx: Transaction<Database>, caseId: number): Promise<ServiceApplicationRow | undefined> {
  return trx.selectFrom('service_applications').selectAll().where('case_id', '=', caseId).forUpdate().executeTakeFirst();
}

export async function findApplicationByNumber(db: Db, number: string): Promise<ServiceApplicationRow | undefined> {
  return db.selectFrom('service_applications').selectAll().where('number', '=', number).executeTakeFirst();
}

export async function updateApplication(trx: Transaction<Database>, caseId: number, changes: ServiceApplicationUpdate): Promise<ServiceApplicationRow> {
  return trx.updateTable('service_applications').set(changes).where('case_id', '=', caseId).returningAll().executeTakeFirstOrThrow();
}

/** A district's applications, optionally one department's and only the open ones, newest first (the back-office inbox). */
export async function listApplications(
  db: Db, filter: { districtId: number; departmentId?: number | undefined; openOnly?: boolean | undefined; limit: number },
): Promise<ServiceApplicationRow[]> {
  let query = db.selectFrom('service_applications').selectAll().where('district_id', '=', filter.districtId);
  if (filter.departmentId !== undefined) query = query.where('department_id', '=', filter.departmentId);
  if (filter.openOnly) query = query.where('status', 'in', ['received', 'accepted', 'supplementing', 'processing', 'special_procedure']);
  return query.orderBy('received_at', 'desc').limit(filter.limit).execute();
}

/** Concluded applications whose rating was asked for before `concludedBefore` and whose case is still unrated. */
export async function listUnratedConcluded(db: Db, districtId: number, concludedBefore: Date): Promise<{ case_id: number }[]> {
  return db
    .selectFrom('service_applications')
    .innerJoin('cases', 'cases.id', 'service_applications.case_id')
    .select('service_applications.case_id')
    .where('service_applications.district_id', '=', districtId)
    .where('service_applications.status', 'in', ['concluded', 'delivered'])
    .where('service_applications.concluded_at', '<=', concludedBefore)
    .where('cases.rating', 'is', null)
    .orderBy('service_applications.case_id')
    .execute();
}

/** The rectification case a 差评 of the application opened, if any (the latest). */
export async function findRectificationOf(db: Db, caseId: number) {
  return db.selectFrom('cases').select(['id', 'number', 'state', 'resolve_deadline', 'closed_at', 'rating'])
    .where('rectification_of_id', '=', caseId).where('kind', '=', 'rectification').orderBy('id', 'desc').limit(1).executeTakeFirst();
}
