/** What the enterprise page shows about the enterprise itself: facts, tags, size, demands, liaison and patron. */
import type { Actor } from '../../domain/case/index.ts';
import { checkUscc, industryPath, sizeAsOf } from '../../domain/enterprises/index.ts';
import { listDemandCases } from '../../db/repositories/enterprises/index.ts';
import { findUserById } from '../../db/repositories/org/index.ts';
import type { ServiceDeps } from '../service-deps.ts';
import { loadProfiles } from './enterprise-profiles.ts';
import { requireVisibleEnterprise, todayOf } from './enterprise-registry.ts';

async function personOf(deps: ServiceDeps, userId: number | null) {
  const user = userId === null ? undefined : await findUserById(deps.db, userId);
  return user ? { id: user.id, displayName: user.display_name, phone: user.phone } : null;
}

/** @throws DomainError NOT_FOUND, FORBIDDEN */
export async function enterpriseDetail(deps: ServiceDeps, actor: Actor, id: number) {
  const row = await requireVisibleEnterprise(deps, actor, id);
  const [loaded] = await loadProfiles(deps, [id]);
  const today = todayOf(deps);
  return {
    row,
    profile: loaded!.profile,
    uscc: checkUscc(row.uscc),
    industry: industryPath(row.industry_code),
    size: sizeAsOf(loaded!.profile, today),
    liaison: await personOf(deps, row.liaison_user_id),
    patron: await personOf(deps, row.patron_user_id),
    demands: await listDemandCases(deps.db, id),
  };
}
