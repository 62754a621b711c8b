/** API shapes of enterprises (camelCase; money in 元 as numbers, dates as 'YYYY-MM-DD'). */
import type { EnterpriseRow } from '../../../db/schema.ts';
import type { enterpriseDetail } from '../../../services/enterprises/index.ts';

export function presentEnterprise(row: EnterpriseRow) {
  return {
    id: row.id, name: row.name, uscc: row.uscc, industryCode: row.industry_code, districtId: row.district_id,
    address: row.address, location: row.lat !== null && row.lng !== null ? { lat: row.lat, lng: row.lng } : null,
    liaisonUserId: row.liaison_user_id, patronUserId: row.patron_user_id, invented: row.invented,
    createdAt: row.created_at, updatedAt: row.updated_at,
  };
}

export function presentEnterpriseDetail(detail: Awaited<ReturnType<typeof enterpriseDetail>>) {
  return {
    ...presentEnterprise(detail.row),
    usccDecoded: detail.uscc.decoded,
    usccWarnings: detail.uscc.warnings,
    industry: detail.industry,
    sizeClass: detail.size.sizeClass,
    liaison: detail.liaison,
    patron: detail.patron,
    facts: detail.profile.facts,
    tags: detail.profile.tags,
    lists: detail.profile.lists,
    demands: detail.demands.map((demand) => ({
      caseId: demand.id, number: demand.number, title: demand.title, state: demand.state, categoryCode: demand.category_code,
      categoryName: demand.category_name, createdAt: demand.created_at, resolveDeadline: demand.resolve_deadline, closedAt: demand.closed_at,
      version: demand.version, rating: demand.rating,
    })),
  };
}
