/** The case lists of the monthly bulletin: overdue, long-suspended and rectification cases. */
import type { Kysely } from 'kysely';
import type { Database } from '../../schema.ts';
import { isRedSql } from '../case/index.ts';

type Db = Kysely<Database>;

function caseList(db: Db, districtId: number) {
  return db
    .selectFrom('cases as k')
    .innerJoin('categories as c', 'c.id', 'k.category_id')
    .leftJoin('departments as dep', 'dep.id', 'k.department_id')
    .select([
      'k.id', 'k.number', 'k.title', 'k.state', 'k.resolve_deadline', 'k.resolved_at', 'k.closed_at', 'k.suspended_at', 'k.filed_at',
      'c.minor_name as category_name', 'dep.name as department_name',
    ])
    .where('k.district_id', '=', districtId);
}

/** Open cases red at `asOf` (the one rule, isRedSql), most overdue first. */
export async function listOverdueCases(db: Db, districtId: number, asOf: Date, limit: number) {
  return caseList(db, districtId)
    .where('k.state', 'in', ['dispatched', 'signed', 'suspended'])
    .where(isRedSql('k', asOf))
    .where('k.filed_at', '<', asOf)
    .orderBy('k.resolve_deadline')
    .orderBy('k.id')
    .limit(limit)
    .execute();
}

/** Cases suspended since before `suspendedBefore`, longest first. */
export async function listLongSuspendedCases(db: Db, districtId: number, suspendedBefore: Date, limit: number) {
  return caseList(db, districtId)
    .where('k.state', '=', 'suspended')
    .where('k.suspended_at', '<', suspendedBefore)
    .orderBy('k.suspended_at')
    .orderBy('k.id')
    .limit(limit)
    .execute();
}

/** Rectification cases opened in [start, end). */
export async function listRectificationCases(db: Db, districtId: number, start: Date, end: Date) {
  return caseList(db, districtId)
    .where('k.kind', '=', 'rectification')
    .where('k.filed_at', '>=', start)
    .where('k.filed_at', '<', end)
    .orderBy('k.filed_at')
    .orderBy('k.id')
    .execute();
}
