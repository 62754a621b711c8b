/** Running clocks for a calendar change: the cases whose instants may move, and the write that moves them. */
import type { Transaction } from 'kysely';
import type { CaseRow, Database } from '../../schema.ts';

type Trx = Transaction<Database>;

/**
 * Open cases with a clock (dispatched, signed, suspended) and an instant after `after`, ids above
 * `afterId`, locked for this transaction, with their limits' units and the district's working hours.
 */
export async function lockClocksAfter(trx: Trx, after: Date, afterId: number, limit: number) {
  return trx
    .selectFrom('cases as k')
    .innerJoin('categories as c', 'c.id', 'k.category_id')
    .innerJoin('districts as d', 'd.id', 'k.district_id')
    .select([
      'k.id', 'k.district_id', 'k.state', 'k.version', 'k.warning_level', 'k.sign_deadline', 'k.amber_at', 'k.resolve_deadline',
      'k.suspended_at', 'c.sign_limit', 'c.resolve_limit', 'd.working_hours',
    ])
    .where('k.state', 'in', ['dispatched', 'signed', 'suspended'])
    .where((eb) => eb.or([eb('k.resolve_deadline', '>', after), eb('k.sign_deadline', '>', after)]))
    .where('k.id', '>', afterId)
    .orderBy('k.id')
    .limit(limit)
    .forUpdate('k')
    .execute();
}

/** Moves a case's clock instants; like a warning, not an edit a user could conflict with, so the version stays. */
export async function setClockInstants(
  trx: Trx, caseId: number, values: Pick<CaseRow, 'sign_deadline' | 'amber_at' | 'resolve_deadline' | 'warning_level'> & { updated_at: Date },
): Promise<void> {
  await trx.updateTable('cases').set(values).where('id', '=', caseId).execute();
}
