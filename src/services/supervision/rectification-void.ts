/**
 * An upheld appeal voids the rectification case its 差评 opened (issue 10 §6, review §A.5): the case,
 * if still open, is declined with the appeal as its reason and a `void_rectification` event, whose
 * rollup delta takes its filing back on the day of the decision (earlier days never change).
 */
import type { Transaction } from 'kysely';
import { OPEN_STATES, type Actor } from '../../domain/case/index.ts';
import { appendEvents, lockCase, updateCaseIfVersion } from '../../db/repositories/case/index.ts';
import { findRectificationCaseId } from '../../db/repositories/supervision/rating-repository.ts';
import type { Database } from '../../db/schema.ts';

/** @returns the voided case's id, or null when there is none or it is already done */
export async function voidRectificationOf(
  trx: Transaction<Database>,
  appeal: { id: number; case_id: number | null; service_rating_id: number | null },
  decision: { actor: Actor; now: Date; note: string | null },
): Promise<number | null> {
  const id = await findRectificationCaseId(trx, { caseId: appeal.case_id, serviceRatingId: appeal.service_rating_id });
  const row = id === null ? undefined : await lockCase(trx, id);
  if (!row || !OPEN_STATES.includes(row.state)) return null;
  const updated = await updateCaseIfVersion(trx, row.id, row.version, {
    state: 'declined', pending_request: null, warning_level: 'none', updated_at: decision.now,
  });
  if (!updated) return null;
  await appendEvents(trx, row.district_id, [{
    caseId: row.id, districtId: row.district_id, at: decision.now, actorUserId: decision.actor.userId, actorRole: decision.actor.role,
    action: 'void_rectification', fromState: row.state, toState: 'declined',
    note: decision.note ?? '申诉成立，整改作废 / Appeal upheld: rectification void',
    data: { appealId: appeal.id, departmentId: row.department_id },
  }]);
  return row.id;
}
