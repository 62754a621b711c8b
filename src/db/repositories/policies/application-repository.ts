/** SQL of policy applications (申报 → 受理 → 审核 → 兑现): the companion row of a `policy_application` case. */
import type { Insertable, Kysely, Transaction, Updateable } from 'kysely';
import type { Database, PolicyApplicationRow, PolicyApplicationsTable } from '../../schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export async function insertPolicyApplication(trx: Transaction<Database>, values: Insertable<PolicyApplicationsTable>): Promise<PolicyApplicationRow> {
  return trx.insertInto('policy_applications').values(values).returningAll().executeTakeFirstOrThrow();
}

/** The enterprise's live (not rejected) application for a policy version, if any. */
export async function findLivePolicyApplication(db: Db, policyId: number, version: number, enterpriseId: number) {
  return db
    .selectFrom('policy_applications').select(['case_id', 'status'])
    .where('policy_id', '=', policyId).where('version', '=', version).where('enterprise_id', '=', enterpriseId).where('status', '<>', 'rejected')
    .executeTakeFirst();
}

export async function lockPolicyApplication(trx: Transaction<Database>, caseId: number) {
  return trx.selectFrom('policy_applications').selectAll().where('case_id', '=', caseId).forUpdate().executeTakeFirst();
}

export async function updatePolicyApplication(trx: Transaction<Database>, caseId: number, changes: Updateable<PolicyApplicationsTable>): Promise<PolicyApplicationRow> {
  return trx.updateTable('policy_applications').set(changes).where('case_id', '=', caseId).returningAll().executeTakeFirstOrThrow();
}

export interface PolicyApplicationFilter {
  enterpriseId?: number;
  caseId?: number;
  /** The staff list's scope: a district (leader, supervisor), and within it one department (a handler). */
  districtId?: number;
  departmentId?: number;
  status?: PolicyApplicationRow['status'];
  policyId?: number;
  limit?: number;
}

/** Applications with their policy and case, newest first, filtered by enterprise, case, scope, stage or policy. */
export async function listPolicyApplications(db: Db, filter: PolicyApplicationFilter) {
  let query = db
    .selectFrom('policy_applications as a')
    .innerJoin('policies as p', 'p.id', 'a.policy_id')
    .innerJoin('cases as c', 'c.id', 'a.case_id')
    .innerJoin('enterprises as e', 'e.id', 'a.enterprise_id')
    .selectAll('a')
    .select([
      'p.code as policy_code', 'p.title as policy_title', 'p.title_en as policy_title_en', 'e.name as enterprise_name',
      'c.number', 'c.state', 'c.version as case_version', 'c.department_id', 'c.resolve_deadline',
    ])
    .orderBy('a.case_id', 'desc');
  if (filter.enterpriseId !== undefined) query = query.where('a.enterprise_id', '=', filter.enterpriseId);
  if (filter.caseId !== undefined) query = query.where('a.case_id', '=', filter.caseId);
  if (filter.districtId !== undefined) query = query.where('a.district_id', '=', filter.districtId);
  if (filter.departmentId !== undefined) query = query.where('c.department_id', '=', filter.departmentId);
  if (filter.status !== undefined) query = query.where('a.status', '=', filter.status);
  if (filter.policyId !== undefined) query = query.where('a.policy_id', '=', filter.policyId);
  if (filter.limit !== undefined) query = query.limit(filter.limit);
  return query.execute();
}

export type PolicyApplicationListRow = Awaited<ReturnType<typeof listPolicyApplications>>[number];
