/**
 * 申报 → 受理 → 审核 → 兑现: a policy of mode `application` is applied for through a
 * `policy_application` case. Its own small table of stages decides which action is allowed (who
 * may take it is the access table's `policy_application.review` / `.pay` row), which case state the case shows, and the 快申快享 time limit of the stage it waits
 * for, counted on the working calendar.
 */
import { permits, type AccessAction } from '../access/index.ts';
import type { Actor, CaseState } from '../case/index.ts';
import { computeDeadline, type WorkingCalendar, type WorkingHours } from '../calendar/index.ts';

export const POLICY_APPLICATION_STATUSES = ['submitted', 'accepted', 'approved', 'rejected', 'paid'] as const;
export type PolicyApplicationStatus = (typeof POLICY_APPLICATION_STATUSES)[number];

export const POLICY_APPLICATION_ACTIONS = ['accept', 'approve', 'reject', 'pay'] as const;
export type PolicyApplicationAction = (typeof POLICY_APPLICATION_ACTIONS)[number];

/**
 * 快申快享 limits in working days (our choice within the provincial "≤ 60 工作日兑现"): 受理 within 2
 * working days of 申报, 审核 within 10 of 受理, 兑现 within 60 of 申报.
 */
export const QUICK_LIMITS = { acceptWorkingDays: 2, reviewWorkingDays: 10, payoutWorkingDays: 60 } as const;

/** The case state an application shows in lists, scopes and the warning sweep. */
export const CASE_STATE_OF_APPLICATION: Readonly<Record<PolicyApplicationStatus, CaseState>> = {
  submitted: 'reported', accepted: 'signed', approved: 'resolved', paid: 'closed', rejected: 'declined',
};

interface Step {
  from: readonly PolicyApplicationStatus[];
  to: PolicyApplicationStatus;
  /** The access table's row that says who may take it. */
  access: AccessAction;
}

export const POLICY_APPLICATION_STEPS: Readonly<Record<PolicyApplicationAction, Step>> = {
  accept: { from: ['submitted'], to: 'accepted', access: 'policy_application.review' },
  approve: { from: ['accepted'], to: 'approved', access: 'policy_application.review' },
  reject: { from: ['submitted', 'accepted'], to: 'rejected', access: 'policy_application.review' },
  pay: { from: ['approved'], to: 'paid', access: 'policy_application.pay' },
};

export interface PolicyApplicationSnapshot {
  status: PolicyApplicationStatus;
  districtId: number;
  departmentId: number | null;
  submittedAt: Date;
}

export type ApplicationStepMismatch = 'state' | 'role';

/** Whether the actor may take the action now, and if not, why (a wrong stage or a wrong person). */
export function checkApplicationStep(snapshot: PolicyApplicationSnapshot, actor: Actor, action: PolicyApplicationAction): ApplicationStepMismatch | null {
  const step = POLICY_APPLICATION_STEPS[action];
  if (!permits(actor, step.access, { districtId: snapshot.districtId, departmentId: snapshot.departmentId })) return 'role';
  return step.from.includes(snapshot.status) ? null : 'state';
}

/** The actions the actor may take now, for the buttons. */
export function allowedApplicationActions(snapshot: PolicyApplicationSnapshot, actor: Actor): PolicyApplicationAction[] {
  return POLICY_APPLICATION_ACTIONS.filter((action) => checkApplicationStep(snapshot, actor, action) === null);
}

/**
 * The deadline of the stage an application waits for: 受理 counted from 申报, 审核 from 受理,
 * 兑现 from 申报; none once paid or rejected.
 * @example
 * // submitted on a Monday 10:00 with the default hours: accept by Wednesday 10:00
 * stageDeadline('submitted', { submittedAt: new Date('2026-03-09T10:00+08:00'), acceptedAt: null }, calendar, hours);
 */
export function stageDeadline(
  status: PolicyApplicationStatus, times: { submittedAt: Date; acceptedAt: Date | null }, calendar: WorkingCalendar, hours: WorkingHours,
): Date | null {
  const days = (start: Date, amount: number) => computeDeadline(start, { amount, unit: 'working_days' }, calendar, hours);
  switch (status) {
    case 'submitted': return days(times.submittedAt, QUICK_LIMITS.acceptWorkingDays);
    case 'accepted': return days(times.acceptedAt ?? times.submittedAt, QUICK_LIMITS.reviewWorkingDays);
    case 'approved': return days(times.submittedAt, QUICK_LIMITS.payoutWorkingDays);
    default: return null;
  }
}
