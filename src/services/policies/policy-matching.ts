/**
 * Matching both ways: 一站查 (every policy for one enterprise, explained) and 精准推 (every
 * enterprise for one policy). Policies already granted to an enterprise take part in exclusivity.
 */
import { DomainError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/case/index.ts';
import { permits } from '../../domain/access/index.ts';
import { matchPolicy, policyProblems, type PolicyDefinition, type PolicyMatch } from '../../domain/policies/index.ts';
import { listGrantItems } from '../../db/repositories/policies/index.ts';
import { loadProfiles, requireVisibleEnterprise, todayOf, type LoadedProfile } from '../enterprises/index.ts';
import type { ServiceDeps } from '../service-deps.ts';
import { loadPolicies, requirePolicy, type StoredPolicy } from './policy-catalog.ts';

export interface OneStopEntry {
  policy: StoredPolicy;
  match: PolicyMatch;
}

/** Policies granted (confirmed or paid) to each enterprise, for exclusivity. */
async function grantedByEnterprise(deps: Pick<ServiceDeps, 'db'>, enterpriseId?: number): Promise<Map<number, Pick<PolicyDefinition, 'code' | 'excludes'>[]>> {
  const items = await listGrantItems(deps.db, enterpriseId === undefined ? {} : { enterpriseId });
  const granted = new Map<number, Pick<PolicyDefinition, 'code' | 'excludes'>[]>();
  for (const item of items.filter((entry) => entry.status === 'confirmed' || entry.status === 'paid')) {
    granted.set(item.enterprise_id, [...(granted.get(item.enterprise_id) ?? []), { code: item.policy_code, excludes: item.policy_excludes }]);
  }
  return granted;
}

/** 一站查. @throws DomainError NOT_FOUND, FORBIDDEN */
export async function oneStopFor(deps: ServiceDeps, actor: Actor, enterpriseId: number, date?: string): Promise<OneStopEntry[]> {
  await requireVisibleEnterprise(deps, actor, enterpriseId);
  const [loaded] = await loadProfiles(deps, [enterpriseId]);
  const granted = (await grantedByEnterprise(deps, enterpriseId)).get(enterpriseId) ?? [];
  const on = date ?? todayOf(deps);
  const order = { met: 0, almost: 1, not: 2 };
  return (await loadPolicies(deps))
    .map((policy) => ({ policy, match: matchPolicy(policy.definition, loaded!.profile, on, granted) }))
    .sort((a, b) => order[a.match.status] - order[b.match.status]);
}

/** One enterprise against one policy on a date, with its granted policies for exclusivity. */
export async function matchOne(deps: Pick<ServiceDeps, 'db'>, policy: StoredPolicy, enterpriseId: number, date: string): Promise<PolicyMatch> {
  const [loaded] = await loadProfiles(deps, [enterpriseId]);
  if (!loaded) throw new DomainError('NOT_FOUND');
  const granted = (await grantedByEnterprise(deps, enterpriseId)).get(enterpriseId) ?? [];
  return matchPolicy(policy.definition, loaded.profile, date, granted);
}

export interface PolicyMatchRow {
  enterprise: LoadedProfile['row'];
  match: PolicyMatch;
}

/** Every enterprise against one policy on a date, in a district or all. */
export async function matchEnterprises(deps: Pick<ServiceDeps, 'db'>, policy: StoredPolicy, date: string, districtId?: number): Promise<PolicyMatchRow[]> {
  const profiles = (await loadProfiles(deps)).filter((loaded) => districtId === undefined || loaded.row.district_id === districtId);
  const granted = await grantedByEnterprise(deps);
  return profiles.map((loaded) => ({ enterprise: loaded.row, match: matchPolicy(policy.definition, loaded.profile, date, granted.get(loaded.row.id) ?? []) }));
}

/** 精准推: the enterprises of the caller's district that meet or almost meet a policy. @throws DomainError FORBIDDEN, NOT_FOUND */
export async function policyMatchesFor(deps: ServiceDeps, actor: Actor, policyId: number, date?: string): Promise<PolicyMatchRow[]> {
  if (!permits(actor, 'policy.push')) throw new DomainError('FORBIDDEN');
  const policy = await requirePolicy(deps, policyId);
  const rows = await matchEnterprises(deps, policy, date ?? todayOf(deps), actor.role === 'admin' ? undefined : (actor.districtId ?? -1));
  return rows.filter((row) => row.match.status !== 'not');
}

/**
 * The policy editor's live preview: an unsaved definition against the caller's district on a date,
 * every enterprise with its explanation. Nothing is written.
 * @throws DomainError FORBIDDEN, POLICY_RULE_INVALID
 */
export async function previewPolicy(deps: ServiceDeps, actor: Actor, definition: PolicyDefinition, date?: string): Promise<PolicyMatchRow[]> {
  if (!permits(actor, 'policy.manage')) throw new DomainError('FORBIDDEN');
  const problems = policyProblems(definition);
  if (problems.length > 0) throw new DomainError('POLICY_RULE_INVALID', problems);
  const draft = { row: { id: 0 } as StoredPolicy['row'], definition };
  return matchEnterprises(deps, draft, date ?? todayOf(deps), actor.role === 'admin' ? undefined : (actor.districtId ?? -1));
}
