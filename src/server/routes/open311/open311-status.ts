/**
 * Our case states as Open311 sees them: the spec's open/closed, and the extended statuses
 * FixMyStreet reads from servicerequestupdates (lower case out, upper case in).
 */
import type { CaseState } from '../../../domain/case/index.ts';

export type Open311Status = 'open' | 'closed';

/** closed, declined and merged are done; everything else is open. */
export const CLOSED_STATES: readonly CaseState[] = ['closed', 'declined', 'merged'];
export const OPEN_STATES_311: readonly CaseState[] = ['reported', 'filed', 'dispatched', 'signed', 'suspended', 'resolved'];

const EXTENDED: Record<CaseState, string> = {
  reported: 'open',
  filed: 'investigating',
  dispatched: 'action_scheduled',
  signed: 'in_progress',
  suspended: 'in_progress',
  resolved: 'in_progress', // the unit says it is done; still open until checked on site
  closed: 'fixed',
  declined: 'no_further_action',
  merged: 'duplicate',
};

/** FixMyStreet's extended statuses we accept on POST servicerequestupdates. */
export const EXTENDED_STATUSES = [
  'open', 'closed', 'fixed', 'in_progress', 'planned', 'action_scheduled', 'investigating', 'duplicate',
  'not_councils_responsibility', 'no_further_action', 'internal_referral', 'cancelled', 'reopen', 'for_triage', 'unchanged',
] as const;

/** @example toOpen311Status('resolved') // => 'open' */
export function toOpen311Status(state: string): Open311Status {
  return (CLOSED_STATES as readonly string[]).includes(state) ? 'closed' : 'open';
}

/** @example toExtendedStatus('dispatched') // => 'action_scheduled' */
export function toExtendedStatus(state: string): string {
  return EXTENDED[state as CaseState] ?? 'open';
}

/** The states behind a list of Open311 statuses (comma list already split). */
export function statesFor(statuses: Open311Status[]): CaseState[] {
  return statuses.flatMap((status) => (status === 'closed' ? [...CLOSED_STATES] : [...OPEN_STATES_311]));
}

/** A short public note per state, Chinese first; internal notes are never published. */
const STATUS_NOTES: Record<CaseState, string> = {
  reported: '已收到，待受理 / Received, awaiting review',
  filed: '已立案 / Accepted',
  dispatched: '已派遣至处置单位 / Sent to the responsible unit',
  signed: '处置单位正在办理 / Being handled',
  suspended: '暂缓办理 / On hold',
  resolved: '已处置，待核查 / Handled, awaiting on-site check',
  closed: '已核查结案 / Checked and closed',
  declined: '不予立案 / Not accepted',
  merged: '与其他工单重复，已合并 / Duplicate of another request',
};

export function statusNotes(state: string): string {
  return STATUS_NOTES[state as CaseState] ?? '';
}

/** What a timeline action means for a member of the public. */
const ACTION_NOTES: Record<string, string> = {
  report: '已收到 / Received',
  verify: '网格员已现场核实 / Confirmed on site',
  file: '已立案 / Accepted',
  decline: '不予立案 / Not accepted',
  dispatch: '已派遣 / Sent to the responsible unit',
  sign: '处置单位已签收 / Taken on by the unit',
  return: '退回重新派遣 / Returned for re-assignment',
  resolve: '已处置，待核查 / Handled, awaiting on-site check',
  check_pass: '核查通过，已结案 / Checked and closed',
  check_fail: '核查未通过，返工 / Check failed; being redone',
  self_handle: '网格员已现场处置 / Fixed on the spot',
  merge: '重复件已合并 / Merged as a duplicate',
  approve_suspension: '暂缓办理 / On hold',
  resume: '恢复办理 / Resumed',
  reopen: '重新办理 / Reopened',
  relocate: '位置已更正 / Location corrected',
  approve_extension: '办理期限已延长 / Deadline extended',
  open311_update: '收到市民更新 / Update received',
};

export function actionNote(action: string): string {
  return ACTION_NOTES[action] ?? statusNotes('');
}
