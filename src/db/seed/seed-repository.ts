/** The SQL of seeding: the demo org tree, the category catalogue, and the few look-ups the seeders need. */
import type { Insertable, Kysely } from 'kysely';
import type { CategoriesTable, Database } from '../schema.ts';
import type { DEMO_DISTRICTS } from './demo-org.ts';
import type { CaseKind } from '../../domain/case/index.ts';
import type { GridGeometry } from '../../domain/geo/index.ts';

type Db = Kysely<Database>;

/** True when the org tree has at least one district (the demo org is seeded once). */
export async function anyDistrictExists(db: Db): Promise<boolean> {
  return Boolean(await db.selectFrom('districts').select('id').limit(1).executeTakeFirst());
}

/** True when any case exists (demo cases are seeded into an empty database only). */
export async function anyCaseExists(db: Db): Promise<boolean> {
  return Boolean(await db.selectFrom('cases').select('id').limit(1).executeTakeFirst());
}

/** Writes the districts, their departments, streets (each also a handling unit), communities and grids in one transaction. */
export async function insertOrgTree(db: Db, districts: typeof DEMO_DISTRICTS): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const seed of districts) {
      const district = await trx
        .insertInto('districts')
        .values({ code: seed.code, name: seed.name, name_en: seed.nameEn, abbr: seed.abbr })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('departments')
        .values(seed.departments.map((d) => ({ district_id: district.id, code: d.code, name: d.name, name_en: d.nameEn })))
        .execute();
      for (const streetSeed of seed.streets) {
        const street = await trx
          .insertInto('streets')
          .values({ district_id: district.id, code: streetSeed.code, name: streetSeed.name, name_en: streetSeed.nameEn ?? null })
          .returning('id')
          .executeTakeFirstOrThrow();
        // Streets handle their own 属地 categories: each one is also a handling unit.
        await trx
          .insertInto('departments')
          .values({
            district_id: district.id, code: `street-${streetSeed.code}`, name: `${streetSeed.name}办事处`,
            name_en: `${streetSeed.nameEn ?? streetSeed.code} Office`, street_id: street.id,
          })
          .execute();
        for (const communitySeed of streetSeed.communities) {
          const community = await trx
            .insertInto('communities')
            .values({ district_id: district.id, street_id: street.id, code: communitySeed.code, name: communitySeed.name })
            .returning('id')
            .executeTakeFirstOrThrow();
          if (communitySeed.grids.length === 0) continue;
          await trx
            .insertInto('grids')
            .values(communitySeed.grids.map((g) => ({
              district_id: district.id, street_id: street.id, community_id: community.id, code: g.code, name: g.name,
            })))
            .execute();
        }
      }
    }
  });
}

/** Every username, for seeding only the users that are missing. */
export async function listUsernames(db: Db): Promise<Set<string>> {
  return new Set((await db.selectFrom('users').select('username').execute()).map((row) => row.username));
}

/** The first grid of a district by code, with its street: where the demo grid worker works. */
export async function findFirstGrid(db: Db, districtId: number) {
  return db.selectFrom('grids').select(['id', 'street_id']).where('district_id', '=', districtId).orderBy('code').limit(1).executeTakeFirst();
}

/** The grid codes of a district. */
export async function listGridCodes(db: Db, districtId: number): Promise<string[]> {
  return (await db.selectFrom('grids').select(['code']).where('district_id', '=', districtId).execute()).map((row) => row.code);
}

/** The geometry of each grid of a district that has one, by grid code. */
export async function gridGeometriesByCode(db: Db, districtId: number): Promise<Map<string, GridGeometry>> {
  const rows = await db.selectFrom('grids').select(['code', 'geometry']).where('district_id', '=', districtId).where('geometry', 'is not', null).execute();
  return new Map(rows.map((row) => [row.code, row.geometry as GridGeometry]));
}

/** The categories of the given kinds. */
export async function listCategoriesOfKinds(db: Db, kinds: CaseKind[]) {
  return db.selectFrom('categories').selectAll().where('kind', 'in', kinds).execute();
}

/** Inserts the categories that are missing (by code); an admin's later edits to existing ones are kept. */
export async function insertMissingCategories(db: Db, rows: Insertable<CategoriesTable>[]): Promise<number> {
  const result = await db.insertInto('categories').values(rows).onConflict((oc) => oc.column('code').doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}
