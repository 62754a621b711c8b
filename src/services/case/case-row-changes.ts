import type { CaseChanges } from '../../domain/case/case-decide.ts';
import type { CaseRow } from '../../db/schema.ts';

const COLUMN_OF: [keyof CaseChanges, keyof CaseRow][] = [
  ['departmentId', 'department_id'], ['signDeadline', 'sign_deadline'], ['resolveDeadline', 'resolve_deadline'],
  ['resolveClockStartedAt', 'resolve_clock_started_at'], ['suspendedAt', 'suspended_at'], ['filedAt', 'filed_at'],
  ['dispatchedAt', 'dispatched_at'], ['signedAt', 'signed_at'], ['resolvedAt', 'resolved_at'], ['closedAt', 'closed_at'],
  ['verifiedAt', 'verified_at'], ['mergedIntoId', 'merged_into_id'], ['rating', 'rating'], ['ratingComment', 'rating_comment'],
  ['ratedAt', 'rated_at'], ['pendingRequest', 'pending_request'],
];

/**
 * The stored columns a decision changes (state, dates, owner, counters, warning), as one object;
 * the production write and the bulk generator both apply exactly this.
 */
export function rowChangesFor(changes: CaseChanges, row: CaseRow, now: Date): Partial<CaseRow> {
  const update: Record<string, unknown> = { state: changes.state, updated_at: now };
  for (const [from, to] of COLUMN_OF) {
    if (changes[from] !== undefined) update[to] = changes[from];
  }
  if (changes.incrementRework) update.rework_count = row.rework_count + 1;
  if (changes.incrementReturn) update.return_count = row.return_count + 1;
  if (changes.incrementExtension) update.extension_count = row.extension_count + 1;
  if (changes.incrementSupervision) update.supervision_count = row.supervision_count + 1;
  if (changes.state === 'closed' || changes.state === 'declined' || changes.state === 'merged') update.warning_level = 'none';
  return update as Partial<CaseRow>;
}
