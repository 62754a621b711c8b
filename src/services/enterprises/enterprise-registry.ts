/**
 * The enterprise registry: register and edit enterprises (USCC checked per GB 32100, industry per
 * GB/T 4754-2017), record dated facts and qualification tags, and bind enterprise users.
 */
import { DomainError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/case/index.ts';
import {
  canManageEnterprise, canViewEnterprise, checkUscc, factProblem, isKnownIndustryCode, isTagKey, type ListItem,
} from '../../domain/enterprises/index.ts';
import { formatDayNumber, toShanghaiDayNumber } from '../../domain/calendar/index.ts';
import {
  findContactEnterpriseId, findEnterprise, findEnterpriseByUscc, insertContact, insertEnterprise, insertFacts, insertListItems,
  insertTags, listEnterprises, updateEnterprise,
} from '../../db/repositories/enterprises/index.ts';
import { findDistrictByCode, findUserById } from '../../db/repositories/org/index.ts';
import type { EnterpriseRow } from '../../db/schema.ts';
import { addUser } from '../auth/index.ts';
import type { ServiceDeps } from '../service-deps.ts';
import { runWrite } from '../write-transaction.ts';

export interface EnterpriseInput {
  name: string;
  uscc: string;
  industryCode: string;
  districtCode: string;
  address?: string | undefined;
  location?: { lat: number; lng: number } | undefined;
  liaisonUserId?: number | null | undefined;
  patronUserId?: number | null | undefined;
  invented?: boolean | undefined;
}

export interface FactInput {
  key: string;
  value: number;
  asOf: string;
  source: string;
}

export interface TagInput {
  tag: string;
  validFrom: string;
  validTo?: string | null | undefined;
  source: string;
}

export interface FactsInput {
  facts?: FactInput[] | undefined;
  tags?: TagInput[] | undefined;
  lists?: Record<string, ListItem[]> | undefined;
}

/** Today in Shanghai, as 'YYYY-MM-DD'. */
export function todayOf(deps: Pick<ServiceDeps, 'clock'>): string {
  return formatDayNumber(toShanghaiDayNumber(deps.clock().getTime()));
}

/** The USCC in its stored form. @throws DomainError USCC_INVALID with the check's errors */
export function requireValidUscc(raw: string): string {
  const check = checkUscc(raw);
  if (!check.valid) throw new DomainError('USCC_INVALID', { errors: check.errors });
  return check.normalised;
}

function requireIndustry(code: string): void {
  if (!isKnownIndustryCode(code)) throw new DomainError('INDUSTRY_CODE_UNKNOWN', { industryCode: code });
}

async function requireUser(deps: ServiceDeps, userId: number | null | undefined): Promise<void> {
  if (userId !== null && userId !== undefined && !(await findUserById(deps.db, userId))) {
    throw new DomainError('VALIDATION_FAILED', [{ path: 'userId', code: 'unknown_user' }]);
  }
}

/** The enterprise the actor may see. @throws DomainError NOT_FOUND, FORBIDDEN */
export async function requireVisibleEnterprise(deps: ServiceDeps, actor: Actor, id: number): Promise<EnterpriseRow> {
  const row = await findEnterprise(deps.db, id);
  if (!row) throw new DomainError('NOT_FOUND');
  const bound = actor.role === 'enterprise' && actor.userId !== null ? await findContactEnterpriseId(deps.db, actor.userId) : null;
  if (!canViewEnterprise(actor, { id: row.id, districtId: row.district_id, liaisonUserId: row.liaison_user_id }, bound)) throw new DomainError('FORBIDDEN');
  return row;
}

async function requireManagedEnterprise(deps: ServiceDeps, actor: Actor, id: number): Promise<EnterpriseRow> {
  const row = await findEnterprise(deps.db, id);
  if (!row) throw new DomainError('NOT_FOUND');
  if (!canManageEnterprise(actor, { districtId: row.district_id })) throw new DomainError('FORBIDDEN');
  return row;
}

/** @throws DomainError USCC_INVALID, INDUSTRY_CODE_UNKNOWN, DISTRICT_UNKNOWN, ENTERPRISE_USCC_TAKEN, FORBIDDEN */
export async function registerEnterprise(deps: ServiceDeps, actor: Actor, input: EnterpriseInput): Promise<EnterpriseRow> {
  const uscc = requireValidUscc(input.uscc);
  requireIndustry(input.industryCode);
  const district = await findDistrictByCode(deps.db, input.districtCode);
  if (!district) throw new DomainError('DISTRICT_UNKNOWN', { districtCode: input.districtCode });
  if (!canManageEnterprise(actor, { districtId: district.id })) throw new DomainError('FORBIDDEN');
  if (await findEnterpriseByUscc(deps.db, uscc)) throw new DomainError('ENTERPRISE_USCC_TAKEN', { uscc });
  await requireUser(deps, input.liaisonUserId);
  await requireUser(deps, input.patronUserId);
  const now = deps.clock();
  return insertEnterprise(deps.db, {
    district_id: district.id, name: input.name, uscc, industry_code: input.industryCode, address: input.address ?? null,
    lat: input.location?.lat ?? null, lng: input.location?.lng ?? null, liaison_user_id: input.liaisonUserId ?? null,
    patron_user_id: input.patronUserId ?? null, invented: input.invented ?? false, created_at: now, updated_at: now,
  });
}

export type EnterprisePatch = Partial<Omit<EnterpriseInput, 'districtCode' | 'uscc' | 'invented'>>;

/** @throws DomainError INDUSTRY_CODE_UNKNOWN, NOT_FOUND, FORBIDDEN */
export async function editEnterprise(deps: ServiceDeps, actor: Actor, id: number, patch: EnterprisePatch): Promise<EnterpriseRow> {
  await requireManagedEnterprise(deps, actor, id);
  if (patch.industryCode !== undefined) requireIndustry(patch.industryCode);
  await requireUser(deps, patch.liaisonUserId);
  await requireUser(deps, patch.patronUserId);
  return updateEnterprise(deps.db, id, {
    ...(patch.name !== undefined && { name: patch.name }),
    ...(patch.industryCode !== undefined && { industry_code: patch.industryCode }),
    ...(patch.address !== undefined && { address: patch.address }),
    ...(patch.location !== undefined && { lat: patch.location.lat, lng: patch.location.lng }),
    ...(patch.liaisonUserId !== undefined && { liaison_user_id: patch.liaisonUserId }),
    ...(patch.patronUserId !== undefined && { patron_user_id: patch.patronUserId }),
    updated_at: deps.clock(),
  });
}

/** Every problem of a batch of facts and tags, so that nothing is written when one is wrong. */
export function factsInputProblems(input: FactsInput, today: string): { path: string; code: string }[] {
  const facts = (input.facts ?? []).flatMap((fact, index) => {
    const problem = factProblem(fact.key, fact.value, fact.asOf, today);
    return problem ? [{ path: `facts[${index}]`, code: problem }] : [];
  });
  const tags = (input.tags ?? []).flatMap((tag, index) => {
    if (!isTagKey(tag.tag)) return [{ path: `tags[${index}]`, code: 'ENTERPRISE_FACT_UNKNOWN' }];
    return tag.validFrom > today ? [{ path: `tags[${index}]`, code: 'ENTERPRISE_FACT_IN_FUTURE' }] : [];
  });
  return [...facts, ...tags];
}

/**
 * Records dated facts, tags and list entries, all or nothing.
 * @throws DomainError ENTERPRISE_FACT_UNKNOWN, ENTERPRISE_FACT_NEGATIVE, ENTERPRISE_FACT_IN_FUTURE (the first problem's code; details list all)
 */
export async function recordFacts(deps: ServiceDeps, actor: Actor, id: number, input: FactsInput): Promise<{ facts: number; tags: number }> {
  await requireManagedEnterprise(deps, actor, id);
  const problems = factsInputProblems(input, todayOf(deps));
  if (problems.length > 0) throw new DomainError(problems[0]!.code as 'ENTERPRISE_FACT_UNKNOWN', problems);
  const now = deps.clock();
  return runWrite(deps, async (trx) => {
    const facts = await insertFacts(trx, (input.facts ?? []).map((fact) => ({
      enterprise_id: id, key: fact.key, value: fact.value, as_of: fact.asOf, source: fact.source, recorded_by: actor.userId, recorded_at: now,
    })));
    const tags = await insertTags(trx, (input.tags ?? []).map((tag) => ({ enterprise_id: id, tag: tag.tag, valid_from: tag.validFrom, valid_to: tag.validTo ?? null, source: tag.source })));
    await insertListItems(trx, Object.entries(input.lists ?? {}).flatMap(([list, items]) => items.map((item) => ({ enterprise_id: id, list, item }))));
    return { facts: facts.length, tags: tags.length };
  });
}

/** The enterprises the actor may see: its own for an enterprise user, its district's for staff. */
export async function listVisibleEnterprises(deps: ServiceDeps, actor: Actor, filter: { liaison?: boolean }): Promise<EnterpriseRow[]> {
  if (actor.role === 'anonymous' || actor.role === 'citizen') throw new DomainError('FORBIDDEN');
  if (actor.role === 'enterprise') {
    const bound = actor.userId !== null ? await findContactEnterpriseId(deps.db, actor.userId) : null;
    return bound === null ? [] : listEnterprises(deps.db, { ids: [bound] });
  }
  if (filter.liaison) return listEnterprises(deps.db, { liaisonUserId: actor.userId ?? -1 });
  return listEnterprises(deps.db, { districtId: actor.role === 'admin' ? undefined : (actor.districtId ?? -1) });
}

/** The enterprise an enterprise user is bound to. @throws DomainError ENTERPRISE_NOT_BOUND */
export async function boundEnterpriseOf(deps: ServiceDeps, actor: Actor): Promise<number> {
  const bound = actor.role === 'enterprise' && actor.userId !== null ? await findContactEnterpriseId(deps.db, actor.userId) : null;
  if (bound === null) throw new DomainError('ENTERPRISE_NOT_BOUND');
  return bound;
}

/** Adds an enterprise user (联系人) bound to the enterprise. @throws DomainError USER_EXISTS, FORBIDDEN */
export async function addEnterpriseContact(deps: ServiceDeps, actor: Actor, id: number, input: { username: string; password: string; displayName: string; phone?: string | undefined }) {
  await requireManagedEnterprise(deps, actor, id);
  const user = await addUser(deps, { ...input, role: 'enterprise' });
  await insertContact(deps.db, user.id, id);
  return user;
}
