/** Policies as data: saved only when every version's rules are valid, read back as definitions. */
import { permits } from '../../domain/access/index.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/case/index.ts';
import { policyProblems, revisePolicy, type PolicyDefinition, type PolicyRevision, type PolicyVersion } from '../../domain/policies/index.ts';
import {
  endPolicyVersion, findPolicy, findPolicyByCode, insertPolicy, insertPolicyVersions, listPolicies, listPolicyVersions, lockPolicy,
} from '../../db/repositories/policies/index.ts';
import type { PolicyRow, PolicyVersionRow } from '../../db/schema.ts';
import type { ServiceDeps } from '../service-deps.ts';
import { runWrite } from '../write-transaction.ts';

export interface StoredPolicy {
  row: PolicyRow;
  definition: PolicyDefinition;
}

function toDefinition(row: PolicyRow, versions: PolicyVersionRow[]): PolicyDefinition {
  return {
    code: row.code, title: row.title, titleEn: row.title_en, issuer: row.issuer, documentNumber: row.document_number, mode: row.mode,
    excludes: row.excludes,
    versions: versions.map((version): PolicyVersion => ({
      version: version.version, effectiveFrom: version.effective_from, effectiveTo: version.effective_to,
      eligibility: version.eligibility as PolicyVersion['eligibility'], benefit: version.benefit as PolicyVersion['benefit'],
    })),
  };
}

/** All policies with their versions. */
export async function loadPolicies(deps: Pick<ServiceDeps, 'db'>, ids?: number[]): Promise<StoredPolicy[]> {
  const rows = ids ? (await Promise.all(ids.map((id) => findPolicy(deps.db, id)))).filter((row) => row !== undefined) : await listPolicies(deps.db);
  const versions = await listPolicyVersions(deps.db, rows.map((row) => row.id));
  return rows.map((row) => ({ row, definition: toDefinition(row, versions.filter((version) => version.policy_id === row.id)) }));
}

/** @throws DomainError NOT_FOUND */
export async function requirePolicy(deps: Pick<ServiceDeps, 'db'>, id: number): Promise<StoredPolicy> {
  const [found] = await loadPolicies(deps, [id]);
  if (!found) throw new DomainError('NOT_FOUND');
  return found;
}

/** Saves a policy without checking the caller (the demo seeder uses it). @throws DomainError POLICY_RULE_INVALID, POLICY_CODE_TAKEN */
export async function savePolicy(deps: Pick<ServiceDeps, 'db' | 'clock' | 'afterCommit'>, definition: PolicyDefinition): Promise<PolicyRow> {
  const problems = policyProblems(definition);
  if (problems.length > 0) throw new DomainError('POLICY_RULE_INVALID', problems);
  if (await findPolicyByCode(deps.db, definition.code)) throw new DomainError('POLICY_CODE_TAKEN', { code: definition.code });
  const now = deps.clock();
  return runWrite(deps, (trx) => insertPolicy(trx, {
    code: definition.code, title: definition.title, title_en: definition.titleEn, issuer: definition.issuer,
    document_number: definition.documentNumber, mode: definition.mode, excludes: definition.excludes, created_at: now, updated_at: now,
  }, definition.versions));
}

/** @throws DomainError FORBIDDEN, POLICY_RULE_INVALID, POLICY_CODE_TAKEN */
export async function createPolicy(deps: ServiceDeps, actor: Actor, definition: PolicyDefinition): Promise<StoredPolicy> {
  if (!permits(actor, 'policy.manage')) throw new DomainError('FORBIDDEN');
  const row = await savePolicy(deps, definition);
  return requirePolicy(deps, row.id);
}

export async function listPoliciesFor(deps: ServiceDeps, actor: Actor): Promise<StoredPolicy[]> {
  if (!permits(actor, 'policy.read')) throw new DomainError('FORBIDDEN');
  return loadPolicies(deps);
}

/**
 * A rule change: adds the next version from `effectiveFrom` and ends the version then in force the day
 * before (revisePolicy); nothing else of the older versions changes, so "as of" matching and the grants
 * listed under them stay as they were.
 * @throws DomainError FORBIDDEN, NOT_FOUND, POLICY_RULE_INVALID
 */
export async function revisePolicyRules(deps: ServiceDeps, actor: Actor, policyId: number, revision: PolicyRevision): Promise<StoredPolicy> {
  if (!permits(actor, 'policy.manage')) throw new DomainError('FORBIDDEN');
  const now = deps.clock();
  await runWrite(deps, async (trx) => {
    const row = await lockPolicy(trx, policyId);
    if (!row) throw new DomainError('NOT_FOUND');
    const current = toDefinition(row, await listPolicyVersions(trx, [policyId]));
    const { versions, added, problems } = revisePolicy(current, revision);
    if (problems.length > 0) throw new DomainError('POLICY_RULE_INVALID', problems);
    for (const version of versions) {
      const before = current.versions.find((entry) => entry.version === version.version);
      if (before && before.effectiveTo !== version.effectiveTo && version.effectiveTo !== null) await endPolicyVersion(trx, policyId, version.version, version.effectiveTo, now);
    }
    await insertPolicyVersions(trx, policyId, [added]);
  });
  return requirePolicy(deps, policyId);
}
