/** Loads enterprises as the pure profiles the policy evaluator reads. */
import { isFactKey, isTagKey, type DatedFact, type EnterpriseProfile, type ListItem, type TagHolding } from '../../domain/enterprises/index.ts';
import { listEnterprises, loadEnterpriseDetails } from '../../db/repositories/enterprises/index.ts';
import { listDistricts } from '../../db/repositories/org/index.ts';
import type { EnterpriseRow } from '../../db/schema.ts';
import type { ServiceDeps } from '../service-deps.ts';

export interface LoadedProfile {
  row: EnterpriseRow;
  profile: EnterpriseProfile;
}

function groupBy<T>(rows: T[], key: (row: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const row of rows) {
    const list = groups.get(key(row));
    if (list) list.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}

/** Profiles of the given enterprises, or of all when `ids` is undefined. */
export async function loadProfiles(deps: Pick<ServiceDeps, 'db'>, ids?: number[]): Promise<LoadedProfile[]> {
  const rows = await listEnterprises(deps.db, { ids });
  const details = await loadEnterpriseDetails(deps.db, ids);
  const districtCodes = new Map((await listDistricts(deps.db)).map((district) => [district.id, district.code]));
  const facts = groupBy(details.facts, (fact) => fact.enterprise_id);
  const tags = groupBy(details.tags, (tag) => tag.enterprise_id);
  const lists = groupBy(details.lists, (item) => item.enterprise_id);
  return rows.map((row) => ({
    row,
    profile: {
      id: row.id,
      districtCode: districtCodes.get(row.district_id) ?? '',
      industryCode: row.industry_code,
      facts: (facts.get(row.id) ?? []).flatMap((fact): DatedFact[] => (isFactKey(fact.key) ? [{ key: fact.key, value: fact.value, asOf: fact.as_of, source: fact.source }] : [])),
      tags: (tags.get(row.id) ?? []).flatMap((tag): TagHolding[] => (isTagKey(tag.tag) ? [{ tag: tag.tag, validFrom: tag.valid_from, validTo: tag.valid_to, source: tag.source }] : [])),
      lists: (lists.get(row.id) ?? []).reduce<Record<string, ListItem[]>>((acc, item) => ({ ...acc, [item.list]: [...(acc[item.list] ?? []), item.item] }), {}),
    },
  }));
}
