/**
 * The vocabulary of an application (办件): its statuses, its actions, and the national 1–15 status
 * codes it is exported with (enterprise-policy.md §7.3). Names follow the glossary in DESIGN.md §2.
 */
import type { CaseState } from '../case/index.ts';

export const APPLICATION_STATUSES = [
  'received', 'accepted', 'supplementing', 'processing', 'special_procedure', 'concluded', 'delivered',
  'refused', 'withdrawn_before_acceptance', 'withdrawn', 'revoked',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** The application's own actions, taken through POST /api/v1/cases/:id/actions/:action. */
export const APPLICATION_ACTIONS = [
  'accept', 'refuse', 'request_supplement', 'supplement_received', 'start_processing', 'start_special', 'end_special',
  'conclude', 'deliver', 'withdraw', 'revoke',
] as const;
export type ApplicationAction = (typeof APPLICATION_ACTIONS)[number];

/** 办结 outcomes: 通过, 容缺通过, 不通过. */
export const CONCLUSION_OUTCOMES = ['approved', 'approved_with_tolerance', 'rejected'] as const;
export type ConclusionOutcome = (typeof CONCLUSION_OUTCOMES)[number];

export function isApplicationAction(action: string): action is ApplicationAction {
  return (APPLICATION_ACTIONS as readonly string[]).includes(action);
}

/**
 * The case state an application's status shows as in the shared loop: lists, scopes, the warning
 * sweep (the promised clock turns amber/red while `signed`) and ratings (on a `closed` case) all work on it.
 */
export const CASE_STATE_OF: Record<ApplicationStatus, CaseState> = {
  received: 'reported',
  accepted: 'signed',
  processing: 'signed',
  supplementing: 'suspended',
  special_procedure: 'suspended',
  concluded: 'closed',
  delivered: 'closed',
  refused: 'declined',
  withdrawn_before_acceptance: 'declined',
  withdrawn: 'declined',
  revoked: 'declined',
};

/**
 * The national 办件 status code (工程建设项目审批 data sharing, 1–15) an event is exported with:
 * statuses name where an application is, the codes also name pause ends (7, 10) and outcomes (11–13).
 * @example nationalStatusCode('conclude', 'approved_with_tolerance') // 12
 */
export function nationalStatusCode(event: ApplicationAction | 'receive', outcome?: ConclusionOutcome): number {
  switch (event) {
    case 'receive': return 1;
    case 'accept': return 3;
    case 'refuse': return 5;
    case 'request_supplement': return 6;
    case 'supplement_received': return 7;
    case 'start_processing': return 8;
    case 'start_special': return 9;
    case 'end_special': return 10;
    case 'conclude': return outcome === 'rejected' ? 13 : outcome === 'approved_with_tolerance' ? 12 : 11;
    case 'deliver': return 11;
    case 'withdraw': return 14;
    case 'revoke': return 15;
  }
}

/**
 * The national code of where an application is now, for export; a withdrawal before acceptance is
 * 已撤件 (2), after it 撤回 (14).
 * @example nationalCodeOfStatus('concluded', 'rejected') // 13
 */
export function nationalCodeOfStatus(status: ApplicationStatus, outcome: ConclusionOutcome | null): number {
  switch (status) {
    case 'received': return 1;
    case 'withdrawn_before_acceptance': return 2;
    case 'accepted': return 3;
    case 'refused': return 5;
    case 'supplementing': return 6;
    case 'processing': return 8;
    case 'special_procedure': return 9;
    case 'concluded':
    case 'delivered': return nationalStatusCode('conclude', outcome ?? 'approved');
    case 'withdrawn': return 14;
    case 'revoked': return 15;
  }
}

/** The names of the national 办件 status codes (enterprise-policy.md §7.3); 4 不受理 is not produced (refusals are 5). */
export const NATIONAL_STATUS_NAMES: Readonly<Record<number, string>> = Object.freeze({
  1: '已接件', 2: '已撤件', 3: '已受理', 4: '不受理', 5: '不予受理', 6: '补正（开始）', 7: '补正（结束）', 8: '部门开始办理',
  9: '特别程序（开始）', 10: '特别程序（结束）', 11: '办结（通过）', 12: '办结（容缺通过）', 13: '办结（不通过）', 14: '撤回', 15: '撤销',
});
