/** Enterprises, their dated facts, tags, lists, contacts (enterprise users) and demand cases. */
import type { Insertable, Kysely, Transaction, Updateable } from 'kysely';
import type { Database, EnterprisesTable } from '../../schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export async function insertEnterprise(db: Db, values: Insertable<EnterprisesTable>) {
  return db.insertInto('enterprises').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function updateEnterprise(db: Db, id: number, values: Updateable<EnterprisesTable>) {
  return db.updateTable('enterprises').set(values).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export async function findEnterprise(db: Db, id: number) {
  return db.selectFrom('enterprises').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findEnterpriseByUscc(db: Db, uscc: string) {
  return db.selectFrom('enterprises').selectAll().where('uscc', '=', uscc).executeTakeFirst();
}

export async function listEnterprises(db: Db, filter: { districtId?: number | undefined; liaisonUserId?: number | undefined; ids?: number[] | undefined }) {
  let query = db.selectFrom('enterprises').selectAll().orderBy('id');
  if (filter.districtId !== undefined) query = query.where('district_id', '=', filter.districtId);
  if (filter.liaisonUserId !== undefined) query = query.where('liaison_user_id', '=', filter.liaisonUserId);
  if (filter.ids !== undefined) query = filter.ids.length === 0 ? query.where('id', '=', -1) : query.where('id', 'in', filter.ids);
  return query.execute();
}

export async function insertFacts(db: Db, rows: Insertable<Database['enterprise_facts']>[]) {
  if (rows.length === 0) return [];
  return db.insertInto('enterprise_facts').values(rows).returningAll().execute();
}

export async function insertTags(db: Db, rows: Insertable<Database['enterprise_tags']>[]) {
  if (rows.length === 0) return [];
  return db.insertInto('enterprise_tags').values(rows).returningAll().execute();
}

export async function insertListItems(db: Db, rows: { enterprise_id: number; list: string; item: Record<string, string | number | boolean> }[]) {
  if (rows.length === 0) return;
  await db.insertInto('enterprise_list_items').values(rows.map((row) => ({ ...row, item: JSON.stringify(row.item) }))).execute();
}

/** Facts, tags and list items of the given enterprises (all of them when `ids` is undefined). */
export async function loadEnterpriseDetails(db: Db, ids: number[] | undefined) {
  const facts = db.selectFrom('enterprise_facts').selectAll().orderBy('as_of');
  const tags = db.selectFrom('enterprise_tags').selectAll().orderBy('valid_from');
  const lists = db.selectFrom('enterprise_list_items').selectAll().orderBy('id');
  if (ids !== undefined && ids.length === 0) return { facts: [], tags: [], lists: [] };
  return {
    facts: await (ids ? facts.where('enterprise_id', 'in', ids) : facts).execute(),
    tags: await (ids ? tags.where('enterprise_id', 'in', ids) : tags).execute(),
    lists: await (ids ? lists.where('enterprise_id', 'in', ids) : lists).execute(),
  };
}

export async function insertContact(db: Db, userId: number, enterpriseId: number) {
  await db.insertInto('enterprise_contacts').values({ user_id: userId, enterprise_id: enterpriseId }).execute();
}

export async function findContactEnterpriseId(db: Db, userId: number): Promise<number | null> {
  const row = await db.selectFrom('enterprise_contacts').select('enterprise_id').where('user_id', '=', userId).executeTakeFirst();
  return row?.enterprise_id ?? null;
}

export async function linkDemand(db: Db, caseId: number, enterpriseId: number) {
  await db.insertInto('enterprise_demands').values({ case_id: caseId, enterprise_id: enterpriseId }).execute();
}

/** The enterprise's demand cases, newest first, with state and deadline for the portal. */
export async function listDemandCases(db: Db, enterpriseId: number) {
  return db
    .selectFrom('enterprise_demands as d')
    .innerJoin('cases as c', 'c.id', 'd.case_id')
    .innerJoin('categories as k', 'k.id', 'c.category_id')
    .select(['c.id', 'c.number', 'c.title', 'c.state', 'c.created_at', 'c.resolve_deadline', 'c.closed_at', 'c.version', 'c.rating', 'k.minor_name as category_name', 'k.code as category_code'])
    .where('d.enterprise_id', '=', enterpriseId)
    .orderBy('c.id', 'desc')
    .execute();
}

/** Solved demand counts per liaison: 堵点 cleared for the enterprises each liaison serves. */
export async function countSolvedDemandsByLiaison(db: Db, districtId: number) {
  return db
    .selectFrom('enterprise_demands as d')
    .innerJoin('enterprises as e', 'e.id', 'd.enterprise_id')
    .innerJoin('cases as c', 'c.id', 'd.case_id')
    .leftJoin('users as u', 'u.id', 'e.liaison_user_id')
    .select(['e.liaison_user_id', 'u.display_name'])
    .select((eb) => [eb.fn.countAll<number>().as('total'), eb.fn.count<number>('c.closed_at').as('solved')])
    .where('e.district_id', '=', districtId)
    .groupBy(['e.liaison_user_id', 'u.display_name'])
    .execute();
}

export async function countEnterprises(db: Db): Promise<number> {
  const row = await db.selectFrom('enterprises').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Demand cases per owning department of a district: filed, and solved (closed). */
export async function countSolvedDemandsByDepartment(db: Db, districtId: number) {
  return db
    .selectFrom('enterprise_demands as d')
    .innerJoin('cases as c', 'c.id', 'd.case_id')
    .leftJoin('departments as p', 'p.id', 'c.department_id')
    .select(['c.department_id', 'p.name as department_name'])
    .select((eb) => [eb.fn.countAll<number>().as('total'), eb.fn.count<number>('c.closed_at').as('solved')])
    .where('c.district_id', '=', districtId)
    .groupBy(['c.department_id', 'p.name'])
    .execute();
}
