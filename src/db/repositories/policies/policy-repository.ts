/** Policies with their versioned rules, and pushes (精准推) with read receipts. */
import type { Kysely, Transaction } from 'kysely';
import type { Database, PoliciesTable } from '../../schema.ts';
import type { Insertable } from 'kysely';

type Db = Kysely<Database> | Transaction<Database>;

export interface NewPolicyVersion {
  version: number;
  effectiveFrom: string;
  effectiveTo: string | null;
  eligibility: unknown;
  benefit: unknown;
}

export async function insertPolicy(db: Db, values: Omit<Insertable<PoliciesTable>, 'excludes'> & { excludes: string[] }, versions: NewPolicyVersion[]) {
  const policy = await db.insertInto('policies').values({ ...values, excludes: JSON.stringify(values.excludes) }).returningAll().executeTakeFirstOrThrow();
  await insertPolicyVersions(db, policy.id, versions);
  return policy;
}

export async function insertPolicyVersions(db: Db, policyId: number, versions: NewPolicyVersion[]) {
  if (versions.length === 0) return;
  await db.insertInto('policy_versions').values(versions.map((version) => ({
    policy_id: policyId, version: version.version, effective_from: version.effectiveFrom, effective_to: version.effectiveTo,
    eligibility: JSON.stringify(version.eligibility), benefit: JSON.stringify(version.benefit),
  }))).execute();
}

/** Locks a policy row so two rule changes of one policy run one after the other. */
export async function lockPolicy(db: Db, id: number) {
  return db.selectFrom('policies').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Ends a version's range (a rule change closes the version in force); the rules themselves never change. */
export async function endPolicyVersion(db: Db, policyId: number, version: number, effectiveTo: string, at: Date): Promise<void> {
  await db.updateTable('policy_versions').set({ effective_to: effectiveTo }).where('policy_id', '=', policyId).where('version', '=', version).execute();
  await db.updateTable('policies').set({ updated_at: at }).where('id', '=', policyId).execute();
}

export async function findPolicyByCode(db: Db, code: string) {
  return db.selectFrom('policies').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function findPolicy(db: Db, id: number) {
  return db.selectFrom('policies').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listPolicies(db: Db) {
  return db.selectFrom('policies').selectAll().orderBy('id').execute();
}

export async function listPolicyVersions(db: Db, policyIds?: number[]) {
  const query = db.selectFrom('policy_versions').selectAll().orderBy('policy_id').orderBy('version');
  if (policyIds !== undefined && policyIds.length === 0) return [];
  return (policyIds ? query.where('policy_id', 'in', policyIds) : query).execute();
}

/** Records a push once per policy and enterprise; a repeated push keeps the first record. */
export async function insertPushes(db: Db, policyId: number, enterpriseIds: number[], pushedBy: number | null, at: Date) {
  if (enterpriseIds.length === 0) return [];
  return db
    .insertInto('policy_pushes')
    .values(enterpriseIds.map((enterpriseId) => ({ policy_id: policyId, enterprise_id: enterpriseId, pushed_by: pushedBy, pushed_at: at })))
    .onConflict((oc) => oc.columns(['policy_id', 'enterprise_id']).doNothing())
    .returningAll()
    .execute();
}

export async function listPushes(db: Db, filter: { policyId?: number; enterpriseId?: number }) {
  let query = db
    .selectFrom('policy_pushes as p')
    .innerJoin('policies as o', 'o.id', 'p.policy_id')
    .innerJoin('enterprises as e', 'e.id', 'p.enterprise_id')
    .selectAll('p')
    .select(['o.code as policy_code', 'o.title as policy_title', 'e.name as enterprise_name'])
    .orderBy('p.id');
  if (filter.policyId !== undefined) query = query.where('p.policy_id', '=', filter.policyId);
  if (filter.enterpriseId !== undefined) query = query.where('p.enterprise_id', '=', filter.enterpriseId);
  return query.execute();
}

/** Marks the enterprise's unread pushes read; returns how many were. */
export async function markPushesRead(db: Db, enterpriseId: number, userId: number, at: Date, policyId?: number) {
  let query = db.updateTable('policy_pushes').set({ read_at: at, read_by: userId }).where('enterprise_id', '=', enterpriseId).where('read_at', 'is', null);
  if (policyId !== undefined) query = query.where('policy_id', '=', policyId);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}
