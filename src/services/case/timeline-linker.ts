/**
 * The timeline linker (ADR 0006): for every district with unlinked rows, take the district's lease and link
 * its rows batch by batch, each batch its own short transaction. Districts whose lease another instance
 * holds are left to it.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { districtsWithUnlinkedEvents, linkNextBatch, releaseLease, tryTakeLease } from '../../db/repositories/case/index.ts';

const BATCH = 500;
/** Long enough for a batch on a loaded machine; a killed linker's districts wait at most this long. */
export const LINKER_LEASE_MS = 10_000;

export function linkerLeaseName(districtId: number): string {
  return `timeline-linker:${districtId}`;
}

/**
 * One pass over the districts waiting.
 * @returns rows linked, and whether some district was left to another holder
 */
export async function linkPendingEvents(db: Kysely<Database>, holder: string): Promise<{ linked: number; busy: boolean }> {
  let linked = 0;
  let busy = false;
  for (const districtId of await districtsWithUnlinkedEvents(db)) {
    const lease = linkerLeaseName(districtId);
    if (!(await tryTakeLease(db, lease, holder, LINKER_LEASE_MS))) {
      busy = true;
      continue;
    }
    try {
      for (;;) {
        const count = await db.transaction().execute((trx) => linkNextBatch(trx, districtId, BATCH));
        linked += count;
        if (count < BATCH) break;
        await tryTakeLease(db, lease, holder, LINKER_LEASE_MS);
      }
    } finally {
      await releaseLease(db, lease, holder);
    }
  }
  return { linked, busy };
}
