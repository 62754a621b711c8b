/**
 * Leases in the database (`worker_leases`): at most one holder per name across every app instance; a lease
 * its holder stops renewing (a killed process) expires and another instance takes it. Database time, not
 * the services' clock: a lease measures how long a process has been silent, not when a case happened.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../schema.ts';

/** Takes or renews the lease. @returns true when `holder` holds it for the next `ttlMs` */
export async function tryTakeLease(db: Kysely<Database>, name: string, holder: string, ttlMs: number): Promise<boolean> {
  const expires = sql<Date>`clock_timestamp() + ${ttlMs} * interval '1 millisecond'`;
  const row = await db
    .insertInto('worker_leases')
    .values({ name, holder, expires_at: expires })
    .onConflict((oc) => oc.column('name').doUpdateSet({ holder, expires_at: expires })
      .where((eb) => eb.or([eb('worker_leases.holder', '=', holder), eb('worker_leases.expires_at', '<', sql<Date>`clock_timestamp()`)])))
    .returning('holder')
    .executeTakeFirst();
  return row?.holder === holder;
}

export async function releaseLease(db: Kysely<Database>, name: string, holder: string): Promise<void> {
  await db.deleteFrom('worker_leases').where('name', '=', name).where('holder', '=', holder).execute();
}
