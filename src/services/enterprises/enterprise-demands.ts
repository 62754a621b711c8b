/**
 * 诉求: a demand filed in the portal, by the liaison or by the 12345 operator becomes an
 * `enterprise_demand` case in the same loop, linked to the enterprise in the same transaction.
 * It is placed by the enterprise's district (not its point): a demand concerns the enterprise, not a spot.
 */
import { DomainError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/case/index.ts';
import { linkDemand, listDemandCases } from '../../db/repositories/enterprises/index.ts';
import { findDistrictById } from '../../db/repositories/org/index.ts';
import { reportCase } from '../case/index.ts';
import type { ServiceDeps } from '../service-deps.ts';
import { requireVisibleEnterprise } from './enterprise-registry.ts';

export interface DemandInput {
  categoryCode: string;
  description: string;
  title?: string | undefined;
}

/** @throws DomainError NOT_FOUND, FORBIDDEN, CASE_CATEGORY_UNKNOWN, CASE_CATEGORY_KIND_MISMATCH */
export async function fileDemand(deps: ServiceDeps, actor: Actor, enterpriseId: number, input: DemandInput) {
  const enterprise = await requireVisibleEnterprise(deps, actor, enterpriseId);
  const district = await findDistrictById(deps.db, enterprise.district_id);
  if (!district) throw new DomainError('DISTRICT_UNKNOWN');
  const { row } = await reportCase(deps, actor, {
    kind: 'enterprise_demand',
    categoryCode: input.categoryCode,
    description: input.description,
    title: input.title ?? `${enterprise.name}：${input.description}`.slice(0, 100),
    districtCode: district.code,
    address: enterprise.address ?? undefined,
    onInserted: (trx, inserted) => linkDemand(trx, inserted.id, enterprise.id),
  });
  return row;
}

export async function listDemands(deps: ServiceDeps, actor: Actor, enterpriseId: number) {
  await requireVisibleEnterprise(deps, actor, enterpriseId);
  return listDemandCases(deps.db, enterpriseId);
}
