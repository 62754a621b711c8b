/**
 * The reference rows every report and action reads — categories, districts, departments, grid placements —
 * kept in process for a minute per database handle, so intake is not four lookups before its transaction.
 * Writes through this process's admin paths clear it at once (`invalidateReferenceData`); another instance's
 * writes are seen within the minute, as with the working calendar. Only rows found are kept: a code created
 * a moment ago is never answered as unknown. Callers must not change the rows they get.
 */
import type { Kysely, Transaction } from 'kysely';
import type { CategoryRow, Database } from '../../db/schema.ts';
import { findCategoryByCode, findCategoryById } from '../../db/repositories/case/index.ts';
import {
  findDepartmentByCode, findDistrictByCode, findDistrictById, findGridPlacement, findStreetDepartment,
} from '../../db/repositories/org/index.ts';

const TTL_MS = 60_000;

type Db = Kysely<Database>;
/** The handle a miss is loaded through: the process's handle, or the caller's open transaction. */
type Via = Kysely<Database> | Transaction<Database>;
const caches = new WeakMap<object, Map<string, { value: unknown; loadedAt: number }>>();

async function remembered<T>(db: Db, key: string, load: () => Promise<T | undefined>): Promise<T | undefined> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const hit = cache.get(key);
  if (hit && Date.now() - hit.loadedAt < TTL_MS) return hit.value as T;
  const value = await load();
  if (value !== undefined) cache.set(key, { value, loadedAt: Date.now() });
  else cache.delete(key);
  return value;
}

/** Forgets every reference row of this database handle (after an admin write to categories or the org tree). */
export function invalidateReferenceData(db: Db): void {
  caches.delete(db);
}

type Found<F extends (...args: never[]) => Promise<unknown>> = Awaited<ReturnType<F>>;

/**
 * Each lookup is cached per `db` (the process's handle) and, on a miss, loaded through `via`: inside a
 * transaction pass it, since the embedded database has one connection and a read beside the open
 * transaction would wait for it forever.
 */
export const referenceData = {
  categoryByCode: (db: Db, code: string, via: Via = db): Promise<CategoryRow | undefined> =>
    remembered(db, `category:${code}`, () => findCategoryByCode(via as Db, code)),
  categoryById: (db: Db, id: number, via: Via = db): Promise<CategoryRow | undefined> =>
    remembered(db, `category#${id}`, () => findCategoryById(via as Db, id)),
  districtById: (db: Db, id: number, via: Via = db): Promise<Found<typeof findDistrictById>> =>
    remembered(db, `district#${id}`, () => findDistrictById(via as Db, id)),
  districtByCode: (db: Db, code: string, via: Via = db): Promise<Found<typeof findDistrictByCode>> =>
    remembered(db, `district:${code}`, () => findDistrictByCode(via as Db, code)),
  departmentByCode: (db: Db, districtId: number, code: string, via: Via = db): Promise<Found<typeof findDepartmentByCode>> =>
    remembered(db, `department:${districtId}:${code}`, () => findDepartmentByCode(via as Db, districtId, code)),
  streetDepartment: (db: Db, streetId: number, via: Via = db): Promise<Found<typeof findStreetDepartment>> =>
    remembered(db, `street-unit#${streetId}`, () => findStreetDepartment(via as Db, streetId)),
  gridPlacement: (db: Db, gridCode: string, via: Via = db): Promise<Found<typeof findGridPlacement>> =>
    remembered(db, `grid:${gridCode}`, () => findGridPlacement(via as Db, gridCode)),
};
