/**
 * What a citizen is told about their case: a few plain stages and steps instead of the staff's states,
 * actions, grid codes and departments' internal moves (returns, extensions, supervision).
 */
import type { CaseAction, CaseState } from '../case/index.ts';

/** 已受理 → 处理中 → 已处理（待核查）→ 已办结; or 不予受理, or 已合并 into another report of the same problem. */
export const CITIZEN_STAGES = ['received', 'handling', 'resolved', 'closed', 'declined', 'merged'] as const;
export type CitizenStage = (typeof CITIZEN_STAGES)[number];

const STAGE_OF_STATE: Record<CaseState, CitizenStage> = {
  reported: 'received', filed: 'received', dispatched: 'handling', signed: 'handling', suspended: 'handling',
  resolved: 'resolved', closed: 'closed', declined: 'declined', merged: 'merged',
};

/**
 * @example citizenStage('signed') // 'handling'
 */
export function citizenStage(state: CaseState): CitizenStage {
  return STAGE_OF_STATE[state];
}

/** The timeline steps a reporter sees; every other action stays inside the government. */
export const CITIZEN_STEPS = ['reported', 'accepted', 'assigned', 'resolved', 'closed', 'declined', 'merged', 'rated', 'reopened'] as const;
export type CitizenStep = (typeof CITIZEN_STEPS)[number];

const STEP_OF_ACTION: Partial<Record<CaseAction | 'report', CitizenStep>> = {
  report: 'reported', file: 'accepted', dispatch: 'assigned', self_handle: 'resolved', resolve: 'resolved',
  check_pass: 'closed', decline: 'declined', merge: 'merged', rate: 'rated', reopen: 'reopened',
};

/**
 * The reporter's view of a timeline, oldest first; a step repeated in a row (a second dispatch after a
 * return) is shown once, at its latest time.
 * @example citizenSteps([{ action: 'report', at: new Date(0) }, { action: 'sign', at: new Date(1) }]) // [{ step: 'reported', at: new Date(0) }]
 */
export function citizenSteps(events: readonly { action: string; at: Date }[]): { step: CitizenStep; at: Date }[] {
  const steps: { step: CitizenStep; at: Date }[] = [];
  for (const event of events) {
    const step = STEP_OF_ACTION[event.action as CaseAction | 'report'];
    if (!step) continue;
    const last = steps[steps.length - 1];
    if (last?.step === step) last.at = event.at;
    else steps.push({ step, at: event.at });
  }
  return steps;
}
