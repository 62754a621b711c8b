import type { CaseChanges } from '../../domain/case/case-decide.ts';
import { recordedWarningAfter, toWarningLevel, type WarningLevel } from '../../domain/case/case-warning.ts';
import type { CaseRow } from '../../db/schema.ts';

const COLUMN_OF: [keyof CaseChanges, keyof CaseRow][] = [
  ['departmentId', 'department_id'], ['signDeadline', 'sign_deadline'], ['resolveDeadline', 'resolve_deadline'],
  ['resolveClockStartedAt', 'resolve_clock_started_at'], ['suspendedAt', 'suspended_at'], ['filedAt', 'filed_at'],
  ['dispatchedAt', 'dispatched_at'], ['signedAt', 'signed_at'], ['resolvedAt', 'resolved_at'], ['closedAt', 'closed_at'],
  ['verifiedAt', 'verified_at'], ['mergedIntoId', 'merged_into_id'], ['rating', 'rating'], ['ratingComment', 'rating_comment'],
  ['ratedAt', 'rated_at'], ['pendingRequest', 'pending_request'], ['amberAt', 'amber_at'], ['resolveSuspendedMs', 'resolve_suspended_ms'],
];

/**
 * The recorded warning after a change: gone once the case leaves the worked-on states, lowered at once
 * when its clock moved (extension, resume, rework); raising it stays the sweep's, with its event.
 */
function warningAfter(row: CaseRow, update: Record<string, unknown>, now: Date): WarningLevel {
  const pick = <K extends keyof CaseRow>(key: K): CaseRow[K] => (key in update ? update[key] : row[key]) as CaseRow[K];
  const clock = { state: pick('state'), amberAt: pick('amber_at'), resolveDeadline: pick('resolve_deadline'), suspendedAt: pick('suspended_at') };
  return recordedWarningAfter(toWarningLevel(row.warning_level), clock, now);
}

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
  const warning = warningAfter(row, update, now);
  if (warning !== row.warning_level) update.warning_level = warning;
  return update as Partial<CaseRow>;
}
