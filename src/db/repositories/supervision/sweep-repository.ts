/**
 * The sweep's set-based writes: rows are taken with FOR UPDATE SKIP LOCKED inside the caller's
 * transaction, so several instances split the work and never process one row twice at once.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../schema.ts';
import { WARNED_STATES } from '../../../domain/case/index.ts';

type Trx = Transaction<Database>;

type Db = Kysely<Database> | Trx;

/**
 * Cases whose stored instant for `level` has passed by `now` and whose recorded warning is still below
 * it: exactly what crossed a threshold since the last sweep (red after the deadline, amber from the amber
 * instant up to it). Served by the partial indexes of migration 0011.
 */
export function findDueWarnings(db: Db, level: 'amber' | 'red', now: Date, limit: number) {
  const query = db.selectFrom('cases').select(['id', 'warning_level as previous']).where('state', 'in', [...WARNED_STATES]);
  // Ordered by the instant the partial index is sorted on: ordered by id, the planner walked the primary key
  // and filtered every case being worked on (1.1 s at 700k for 5 crossings; docs/performance.md, 2026-12-03).
  return level === 'red'
    ? query.where('warning_level', '<>', 'red').where('resolve_deadline', '<', now).orderBy('resolve_deadline').orderBy('id').limit(limit)
    : query.where('warning_level', '=', 'none').where('amber_at', '<=', now).where('resolve_deadline', '>=', now).orderBy('amber_at').orderBy('id').limit(limit);
}

/**
 * Raises up to `limit` due cases to `level` in one conditional UPDATE; rows another sweeper holds are
 * skipped (FOR UPDATE SKIP LOCKED), so two instances never raise one case twice. Leaves the version as
 * it is: a warning is not an edit a user could conflict with.
 * @returns the raised cases with the level they had
 */
export async function raiseDueWarnings(trx: Trx, level: 'amber' | 'red', now: Date, limit: number) {
  return trx
    .with('hit', () => findDueWarnings(trx, level, now, limit).forUpdate().skipLocked())
    .updateTable('cases as k')
    .from('hit')
    .set({ warning_level: level })
    .whereRef('k.id', '=', 'hit.id')
    .returning(['k.id', 'k.district_id', 'k.number', 'k.state', 'k.department_id', 'k.resolve_deadline', 'k.amber_at', 'hit.previous'])
    .execute();
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

