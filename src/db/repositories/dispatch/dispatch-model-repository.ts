/** The stored dispatch models: one row per training, the highest version of a district in use. */
import type { Kysely } from 'kysely';
import type { Database, DispatchModelRow } from '../../schema.ts';

type Db = Kysely<Database>;

/** How many older versions stay for comparison after a training. */
const KEPT_VERSIONS = 3;

export async function findLatestDispatchModel(db: Db, districtId: number): Promise<DispatchModelRow | undefined> {
  return db.selectFrom('dispatch_models').selectAll().where('district_id', '=', districtId)
    .orderBy('version', 'desc').limit(1).executeTakeFirst();
}

/** The version in use, or null when the district has never been trained: a cheap check before the cache. */
export async function findLatestDispatchModelVersion(db: Db, districtId: number): Promise<number | null> {
  const row = await db.selectFrom('dispatch_models').select((eb) => eb.fn.max('version').as('version'))
    .where('district_id', '=', districtId).executeTakeFirst();
  return row?.version ?? null;
}

/**
 * Stores a new version (the previous highest + 1) and drops versions older than the last few.
 * Two trainers at once (no lease held) collide on the unique (district, version) and the second fails.
 */
export async function insertDispatchModel(
  db: Db,
  row: { districtId: number; trainedAt: Date; trainedOn: DispatchModelRow['trained_on']; model: unknown },
): Promise<number> {
  const previous = await findLatestDispatchModelVersion(db, row.districtId);
  const version = (previous ?? 0) + 1;
  await db.insertInto('dispatch_models').values({
    district_id: row.districtId, version, trained_at: row.trainedAt,
    trained_on: JSON.stringify(row.trainedOn), model: JSON.stringify(row.model),
  }).execute();
  await db.deleteFrom('dispatch_models').where('district_id', '=', row.districtId).where('version', '<=', version - KEPT_VERSIONS).execute();
  return version;
}
