/**
 * What the live desks read (issue 17): the timeline rows linked after a position, per district, with the
 * case's current facts. Linked rows carry a gap-free `chain_seq` per district (assigned by the linker), so
 * reading "after the last seen chain_seq" misses nothing and repeats nothing, whichever instance linked them.
 */
import { sql, type Kysely, type SqlBool } from 'kysely';
import type { Database } from '../../schema.ts';

type Db = Kysely<Database>;

/** Where each district's linked timeline ends now. */
export async function chainHeads(db: Db): Promise<Map<number, number>> {
  const rows = await db.selectFrom('timeline_chain_heads').select(['district_id', 'last_seq']).execute();
  return new Map(rows.map((row) => [row.district_id, Number(row.last_seq)]));
}

export interface LinkedCaseChange {
  district_id: number;
  chain_seq: number;
  case_id: number;
  action: string;
  to_state: string;
  at: Date;
  number: string;
  kind: string;
  priority: string;
  state: string;
  department_id: number | null;
  grid_id: number | null;
  reporter_user_id: number | null;
  category_name: string;
  category_name_en: string;
}

/**
 * The linked rows after `after` (district → chain_seq; a district not named starts after 0), in chain order.
 * @param limit - rows at most; the caller reads again from the last one
 */
export async function listLinkedChangesAfter(db: Db, after: Map<number, number>, limit: number): Promise<LinkedCaseChange[]> {
  const known = [...after.entries()];
  const rows = await db
    .selectFrom('case_events as e')
    .innerJoin('cases as k', 'k.id', 'e.case_id')
    .innerJoin('categories as c', 'c.id', 'k.category_id')
    .select([
      'e.district_id', 'e.chain_seq', 'e.case_id', 'e.action', 'e.to_state', 'e.at', 'k.number', 'k.kind', 'k.priority', 'k.state',
      'k.department_id', 'k.grid_id', 'k.reporter_user_id', 'c.minor_name as category_name', 'c.minor_name_en as category_name_en',
    ])
    .where('e.chain_seq', 'is not', null)
    .where((eb) => eb.or([
      ...known.map(([districtId, seq]) => eb.and([eb('e.district_id', '=', districtId), eb('e.chain_seq', '>', seq)])),
      known.length > 0 ? eb('e.district_id', 'not in', known.map(([districtId]) => districtId)) : sql<SqlBool>`true`,
    ]))
    .orderBy('e.district_id')
    .orderBy('e.chain_seq')
    .limit(limit)
    .execute();
  return rows.map((row) => ({ ...row, chain_seq: Number(row.chain_seq) }));
}
