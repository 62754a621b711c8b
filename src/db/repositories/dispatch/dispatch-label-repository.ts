/** What training reads: the district's dispatched cases with the suggestion shown for each, and its place names. */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../schema.ts';

type Db = Kysely<Database>;

export interface DispatchedCaseRow {
  text: string;
  categoryCode: string;
  departmentId: number | null;
  suggestedCategoryCode: string | null;
  suggestedDepartmentId: number | null;
}

/** The newest dispatched cases first; `limit` bounds a training's memory on a large history. */
export async function listDispatchedCaseLabels(db: Db, districtId: number, limit: number): Promise<DispatchedCaseRow[]> {
  const rows = await db.selectFrom('cases as c')
    .innerJoin('categories as cat', 'cat.id', 'c.category_id')
    .leftJoin('dispatch_suggestion_feedback as f', 'f.case_id', 'c.id')
    .select([
      sql<string>`c.title || ' ' || c.description`.as('text'),
      'cat.code as categoryCode', 'c.department_id as departmentId',
      'f.suggested_category_code as suggestedCategoryCode', 'f.suggested_department_id as suggestedDepartmentId',
    ])
    .where('c.district_id', '=', districtId)
    .where('c.dispatched_at', 'is not', null)
    .where('c.merged_into_id', 'is', null)
    .orderBy('c.id', 'desc')
    .limit(limit)
    .execute();
  return rows;
}

/** District, street and community names: what a report names as a place, never as a problem. */
export async function listPlaceNames(db: Db, districtId: number): Promise<string[]> {
  const [districts, streets, communities] = await Promise.all([
    db.selectFrom('districts').select('name').where('id', '=', districtId).execute(),
    db.selectFrom('streets').select('name').where('district_id', '=', districtId).execute(),
    db.selectFrom('communities').select('name').where('district_id', '=', districtId).execute(),
  ]);
  return [...districts, ...streets, ...communities].map((row) => row.name);
}

export async function listTrainableDistrictIds(db: Db): Promise<number[]> {
  const rows = await db.selectFrom('districts').select('id').orderBy('id').execute();
  return rows.map((row) => row.id);
}
