/** Case categories with their time limits, kept as data. */
import type { Kysely } from 'kysely';
import type { Updateable } from 'kysely';
import type { CategoriesTable, CategoryRow, Database } from '../../schema.ts';

type Db = Kysely<Database>;

export async function listCategories(db: Db): Promise<CategoryRow[]> {
  return db.selectFrom('categories').selectAll().where('active', '=', true).orderBy('code').execute();
}

export async function findCategoryByCode(db: Db, code: string): Promise<CategoryRow | undefined> {
  return db.selectFrom('categories').selectAll().where('code', '=', code).where('active', '=', true).executeTakeFirst();
}

export async function findCategoryById(db: Db, id: number): Promise<CategoryRow | undefined> {
  return db.selectFrom('categories').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Changes a category's routing and limits; returns the new row, or undefined if the code is unknown. */
export async function updateCategory(db: Db, code: string, changes: Updateable<CategoriesTable>): Promise<CategoryRow | undefined> {
  return db.updateTable('categories').set(changes).where('code', '=', code).returningAll().executeTakeFirst();
}
