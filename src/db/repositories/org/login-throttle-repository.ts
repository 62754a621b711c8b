/** Failed-login counters per key (`account:…`, `address:…`), kept in the database for every instance. */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** The latest lock among the keys, or null when none is locked at `now`. */
export async function lockedUntil(db: Db, keys: string[], now: Date): Promise<Date | null> {
  const row = await db.selectFrom('login_throttle').select((eb) => eb.fn.max('locked_until').as('until'))
    .where('key', 'in', keys).where('locked_until', '>', now).executeTakeFirst();
  return row?.until ? new Date(row.until) : null;
}

/**
 * Counts one failure for the key, starting again when its last failure is older than `windowMs`.
 * @param lockFor - from the new failure count to how long the key is locked (0: not locked)
 */
export async function recordLoginFailure(db: Db, key: string, now: Date, windowMs: number, lockFor: (failures: number) => number): Promise<void> {
  {
    const row = await db.insertInto('login_throttle').values({ key, failures: 1, last_failure_at: now, locked_until: null })
      .onConflict((oc) => oc.column('key').doUpdateSet({
        failures: sql<number>`case when login_throttle.last_failure_at < ${new Date(now.getTime() - windowMs)} then 1 else login_throttle.failures + 1 end`,
        last_failure_at: now,
      }))
      .returning('failures').executeTakeFirstOrThrow();
    const ms = lockFor(row.failures);
    if (ms > 0) await db.updateTable('login_throttle').set({ locked_until: new Date(now.getTime() + ms) }).where('key', '=', key).execute();
  }
}

/** Forgets the failures of the keys (after a successful login). */
export async function clearLoginFailures(db: Db, keys: string[]): Promise<void> {
  await db.deleteFrom('login_throttle').where('key', 'in', keys).execute();
}

/**
 * Deletes the counters that no longer decide anything: last failure older than the window (the next failure
 * would start again at 1) and no lock still running. Keeps the table to the keys of the current window.
 * @returns how many were deleted
 */
export async function deleteStaleLoginFailures(db: Db, now: Date, windowMs: number): Promise<number> {
  const result = await db.deleteFrom('login_throttle')
    .where('last_failure_at', '<', new Date(now.getTime() - windowMs))
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
