/** 督办 supervision notices. */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export async function insertNotice(db: Db, values: {
  districtId: number; caseId: number | null; departmentId: number; issuedBy: number | null; issuedAt: Date; content: string; respondBy: Date;
}) {
  return db
    .insertInto('supervision_notices')
    .values({
      district_id: values.districtId, case_id: values.caseId, department_id: values.departmentId, issued_by: values.issuedBy,
      issued_at: values.issuedAt, content: values.content, respond_by: values.respondBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function lockNotice(db: Db, id: number) {
  return db.selectFrom('supervision_notices').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function answerNotice(db: Db, id: number, values: { response: string; respondedBy: number | null; respondedAt: Date }) {
  return db
    .updateTable('supervision_notices')
    .set({ status: 'answered', response: values.response, responded_by: values.respondedBy, responded_at: values.respondedAt })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function listNotices(db: Db, filter: { districtId: number; departmentId?: number; status?: string; caseId?: number }) {
  let query = db
    .selectFrom('supervision_notices as n')
    .innerJoin('departments as d', 'd.id', 'n.department_id')
    .leftJoin('cases as k', 'k.id', 'n.case_id')
    .leftJoin('users as u', 'u.id', 'n.issued_by')
    .selectAll('n')
    .select(['d.name as department_name', 'k.number as case_number', 'u.display_name as issuer_name', 'u.role as issuer_role'])
    .where('n.district_id', '=', filter.districtId);
  if (filter.departmentId !== undefined) query = query.where('n.department_id', '=', filter.departmentId);
  if (filter.status) query = query.where('n.status', '=', filter.status);
  if (filter.caseId !== undefined) query = query.where('n.case_id', '=', filter.caseId);
  return query.orderBy('n.issued_at', 'desc').orderBy('n.id', 'desc').limit(500).execute();
}
