/**
 * The sweep's claims: rows are taken with FOR UPDATE SKIP LOCKED inside the caller's
 * transaction, so several instances split the work and never process one row twice at once.
 */
import type { Transaction } from 'kysely';
import type { Database } from '../../schema.ts';
import type { WarningLevel } from '../../../domain/case/index.ts';

type Trx = Transaction<Database>;

/** A batch of cases in dispatched/signed with a resolve deadline, ids above `afterId`, locked for this transaction. */
export async function claimWarningBatch(trx: Trx, afterId: number, limit: number) {
  return trx
    .selectFrom('cases')
    .select([
      'id', 'district_id', 'number', 'title', 'state', 'category_id', 'department_id', 'warning_level', 'resolve_deadline',
      'resolve_clock_started_at', 'dispatched_at',
    ])
    .where('state', 'in', ['dispatched', 'signed'])
    .where('resolve_deadline', 'is not', null)
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
}

/** Sets the warning without touching the version: a warning is not an edit a user could conflict with. */
export async function setWarningLevel(trx: Trx, caseId: number, level: WarningLevel): Promise<void> {
  await trx.updateTable('cases').set({ warning_level: level }).where('id', '=', caseId).execute();
}

/** Clears warnings left on cases that left dispatched/signed (returned, resolved, reopened); suspended cases keep theirs. */
export async function clearStaleWarnings(trx: Trx): Promise<number> {
  const result = await trx
    .updateTable('cases')
    .set({ warning_level: 'none' })
    .where('warning_level', '<>', 'none')
    .where('state', 'not in', ['dispatched', 'signed', 'suspended'])
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Open notices past their response time, locked for this transaction. */
export async function claimOverdueNotices(trx: Trx, now: Date, limit: number) {
  return trx
    .selectFrom('supervision_notices')
    .selectAll()
    .where('status', '=', 'open')
    .where('respond_by', '<', now)
    .orderBy('id')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
}

export async function markNoticeEscalated(trx: Trx, noticeId: number, now: Date): Promise<void> {
  await trx.updateTable('supervision_notices').set({ status: 'escalated', escalated_at: now }).where('id', '=', noticeId).execute();
}

