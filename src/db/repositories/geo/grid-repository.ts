/** Grid geometry: loading it for the spatial index, and the all-or-nothing import. */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../schema.ts';
import type { GridGeometry } from '../../../domain/geo/geo-types.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface GridGeometryRow {
  id: number;
  code: string;
  district_id: number;
  street_id: number;
  community_id: number;
  responsible_department_id: number | null;
  geometry: GridGeometry;
}

/** Every grid that has geometry. */
export async function listGridGeometries(db: Db): Promise<GridGeometryRow[]> {
  const rows = await db
    .selectFrom('grids')
    .select(['id', 'code', 'district_id', 'street_id', 'community_id', 'responsible_department_id', 'geometry'])
    .where('geometry', 'is not', null)
    .orderBy('code')
    .execute();
  return rows as GridGeometryRow[];
}

export async function findDistrictsByCodes(db: Db, codes: string[]) {
  if (codes.length === 0) return [];
  return db.selectFrom('districts').select(['id', 'code']).where('code', 'in', codes).execute();
}

export async function findStreetsByCodes(db: Db, codes: string[]) {
  if (codes.length === 0) return [];
  return db.selectFrom('streets').select(['id', 'code', 'district_id']).where('code', 'in', codes).execute();
}

export async function findCommunitiesByCodes(db: Db, codes: string[]) {
  if (codes.length === 0) return [];
  return db.selectFrom('communities').select(['id', 'code', 'street_id', 'district_id']).where('code', 'in', codes).execute();
}

export async function insertStreet(db: Db, values: { district_id: number; code: string; name: string }): Promise<number> {
  const row = await db.insertInto('streets').values({ ...values, name_en: null }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function insertCommunity(db: Db, values: { district_id: number; street_id: number; code: string; name: string }): Promise<number> {
  const row = await db.insertInto('communities').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Inserts a grid or replaces the name and geometry of the grid with that code. */
export async function upsertGrid(
  db: Db,
  values: { district_id: number; street_id: number; community_id: number; code: string; name: string; geometry: GridGeometry },
): Promise<'inserted' | 'updated'> {
  const row = await db
    .insertInto('grids')
    .values({ ...values, geometry: JSON.stringify(values.geometry) })
    .onConflict((oc) => oc.column('code').doUpdateSet((eb) => ({ name: eb.ref('excluded.name'), geometry: eb.ref('excluded.geometry') })))
    // xmax is 0 only on a freshly inserted row version.
    .returning(sql<boolean>`(xmax = 0)`.as('inserted'))
    .executeTakeFirstOrThrow();
  return row.inserted ? 'inserted' : 'updated';
}

/** A new street also gets its own handling unit (属地), as the seeded streets do. */
export async function insertStreetUnit(db: Db, values: { district_id: number; street_id: number; code: string; name: string }): Promise<void> {
  await db
    .insertInto('departments')
    .values({ district_id: values.district_id, code: `street-${values.code}`, name: `${values.name}办事处`, name_en: `${values.code} Office`, street_id: values.street_id })
    .onConflict((oc) => oc.columns(['district_id', 'code']).doNothing())
    .execute();
}

/** Grids that have geometry, with the codes and names of their community, street and district, by grid code. */
export async function listGridMapRows(db: Db, districtId?: number) {
  let query = db
    .selectFrom('grids as g')
    .innerJoin('communities as c', 'c.id', 'g.community_id')
    .innerJoin('streets as s', 's.id', 'g.street_id')
    .innerJoin('districts as d', 'd.id', 'g.district_id')
    .select(['g.code', 'g.name', 'g.geometry', 'c.code as communityCode', 'c.name as communityName', 's.code as streetCode', 's.name as streetName', 'd.code as districtCode'])
    .where('g.geometry', 'is not', null)
    .orderBy('g.code');
  if (districtId !== undefined) query = query.where('g.district_id', '=', districtId);
  return query.execute();
}
