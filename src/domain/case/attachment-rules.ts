/**
 * Who may add photos to a case at which step, as data: before-photos with the report, the
 * grid worker's after-photo when self-handling, the handler's after-photo when resolving, and
 * the check photo. Visibility of the case itself is decided by case-access first.
 */
import type { CaseState, Role } from './case-model.ts';

export const ATTACHMENT_STAGES = ['report', 'resolve', 'self_handle', 'check'] as const;
export type AttachmentStage = (typeof ATTACHMENT_STAGES)[number];

interface StageRule {
  states: readonly CaseState[];
  /** Staff roles allowed; the reporter is allowed where `reporter` is true. */
  roles: readonly Role[];
  reporter: boolean;
}

export const ATTACHMENT_RULES: Record<AttachmentStage, StageRule> = {
  report: { states: ['reported', 'filed'], roles: ['grid_worker', 'operator', 'shift_lead'], reporter: true },
  self_handle: { states: ['reported'], roles: ['grid_worker'], reporter: false },
  resolve: { states: ['signed', 'resolved'], roles: ['handler'], reporter: false },
  check: { states: ['resolved'], roles: ['grid_worker', 'operator', 'shift_lead'], reporter: false },
};

/** Photos a case may hold at most, over all stages. */
export const MAX_ATTACHMENTS_PER_CASE = 30;

export type AttachmentDecision = 'allowed' | 'wrong_state' | 'forbidden';

/**
 * Decides whether an actor (who can already see the case) may attach at a stage now.
 * @example canAttach('resolve', 'signed', 'handler', false) // => 'allowed'
 * @example canAttach('check', 'signed', 'operator', false) // => 'wrong_state'
 */
export function canAttach(stage: AttachmentStage, state: string, role: Role | 'anonymous', isReporter: boolean): AttachmentDecision {
  const rule = ATTACHMENT_RULES[stage];
  const who = (isReporter && rule.reporter) || (rule.roles as readonly string[]).includes(role);
  if (!who) return 'forbidden';
  return (rule.states as readonly string[]).includes(state) ? 'allowed' : 'wrong_state';
}
