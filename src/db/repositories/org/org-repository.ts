/** Queries over the org tree: districts, streets, communities, grids and departments. */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../schema.ts';

type Db = Kysely<Database>;

export async function findDistrictByCode(db: Db, code: string) {
  return db.selectFrom('districts').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function findDistrictById(db: Db, id: number) {
  return db.selectFrom('districts').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listDistricts(db: Db) {
  return db.selectFrom('districts').selectAll().orderBy('code').execute();
}

export async function findStreetByCode(db: Db, code: string) {
  return db.selectFrom('streets').selectAll().where('code', '=', code).executeTakeFirst();
}

/** A grid with the codes of its community, street and district, for routing a report. */
export async function findGridPlacement(db: Db, gridCode: string) {
  return db
    .selectFrom('grids as g')
    .innerJoin('communities as c', 'c.id', 'g.community_id')
    .innerJoin('streets as s', 's.id', 'g.street_id')
    .innerJoin('districts as d', 'd.id', 'g.district_id')
    .select([
      'g.id as gridId', 'g.code as gridCode', 'g.name as gridName', 'g.responsible_department_id as responsibleDepartmentId',
      'c.id as communityId', 's.id as streetId', 'd.id as districtId',
    ])
    .where('g.code', '=', gridCode)
    .executeTakeFirst();
}

/** Where a grid lies (street, district), by id: the admin UI picks grids, it does not type codes. */
export async function findGridPlacementById(db: Db, gridId: number) {
  return db.selectFrom('grids as g')
    .select(['g.id as gridId', 'g.street_id as streetId', 'g.district_id as districtId'])
    .where('g.id', '=', gridId)
    .executeTakeFirst();
}

export async function findDepartment(db: Db | Transaction<Database>, id: number) {
  return db.selectFrom('departments').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findDepartmentByCode(db: Db, districtId: number, code: string) {
  return db.selectFrom('departments').selectAll().where('district_id', '=', districtId).where('code', '=', code).executeTakeFirst();
}

/** The unit a street runs for the categories it handles itself (属地). */
export async function findStreetDepartment(db: Db, streetId: number) {
  return db.selectFrom('departments').selectAll().where('street_id', '=', streetId).executeTakeFirst();
}

/** True when some district has a department with this code (categories name departments by code). */
export async function departmentCodeExists(db: Db, code: string): Promise<boolean> {
  return Boolean(await db.selectFrom('departments').select('id').where('code', '=', code).limit(1).executeTakeFirst());
}

export async function listDepartments(db: Db, districtId?: number) {
  let query = db.selectFrom('departments').selectAll().orderBy('district_id').orderBy('id');
  if (districtId !== undefined) query = query.where('district_id', '=', districtId);
  return query.execute();
}

export async function loadOrgTables(db: Db, districtId?: number) {
  const byDistrict = <T extends { district_id: number }>(rows: T[]) =>
    districtId === undefined ? rows : rows.filter((row) => row.district_id === districtId);
  const [districts, streets, communities, grids] = await Promise.all([
    db.selectFrom('districts').select(['id', 'code', 'name', 'name_en', 'abbr']).orderBy('code').execute(),
    db.selectFrom('streets').select(['id', 'district_id', 'code', 'name', 'name_en']).orderBy('code').execute(),
    db.selectFrom('communities').select(['id', 'district_id', 'street_id', 'code', 'name']).orderBy('code').execute(),
    db.selectFrom('grids').select(['id', 'district_id', 'street_id', 'community_id', 'code', 'name']).orderBy('code').execute(),
  ]);
  return {
    districts: districtId === undefined ? districts : districts.filter((row) => row.id === districtId),
    streets: byDistrict(streets),
    communities: byDistrict(communities),
    grids: byDistrict(grids),
  };
}

/** A round trip to the database, for the health check. */
export async function pingDatabase(db: Db): Promise<void> {
  await db.selectFrom('districts').select('id').limit(1).execute();
}

/** Reads a district for a change of its settings, holding its row until the transaction ends. */
export async function lockDistrictByCode(db: Db, code: string) {
  return db.selectFrom('districts').selectAll().where('code', '=', code).forUpdate().executeTakeFirst();
}

export async function updateDistrictSettings(db: Db, id: number, settings: Record<string, unknown>): Promise<void> {
  await db.updateTable('districts').set({ settings: JSON.stringify(settings) }).where('id', '=', id).execute();
}
