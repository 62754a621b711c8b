/** A user's saved filters per desk (migration 0035). */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../schema.ts';
import type { SavedFiltersTable } from '../../schema/case.ts';

type Db = Kysely<Database> | Transaction<Database>;
export type SavedFilterPage = SavedFiltersTable['page'];

export async function listSavedFilters(db: Db, userId: number, page: SavedFilterPage) {
  return db.selectFrom('saved_filters').selectAll().where('user_id', '=', userId).where('page', '=', page).orderBy('name').orderBy('id').execute();
}

export async function countSavedFilters(db: Db, userId: number, page: SavedFilterPage): Promise<number> {
  const row = await db.selectFrom('saved_filters').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId).where('page', '=', page).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Inserts a filter; undefined when the user already has one of that name on that page. */
export async function insertSavedFilter(db: Db, values: { userId: number; page: SavedFilterPage; name: string; filter: Record<string, string>; now: Date }) {
  return db.insertInto('saved_filters')
    .values({ user_id: values.userId, page: values.page, name: values.name, filter: JSON.stringify(values.filter), created_at: values.now })
    .onConflict((oc) => oc.columns(['user_id', 'page', 'name']).doNothing())
    .returningAll()
    .executeTakeFirst();
}

/** Deletes one of the user's own filters; false when there is none of that id for this user. */
export async function deleteSavedFilter(db: Db, userId: number, id: number): Promise<boolean> {
  const result = await db.deleteFrom('saved_filters').where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
