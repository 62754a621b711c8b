/**
 * The vocabulary of a case: states, actions, roles, kinds and the snapshot the rules decide on.
 * Names follow the glossary in DESIGN.md §2.
 */
export const CASE_STATES = ['reported', 'filed', 'dispatched', 'signed', 'suspended', 'resolved', 'closed', 'declined', 'merged'] as const;
export type CaseState = (typeof CASE_STATES)[number];

/** States in which a case still needs work; closed, declined and merged are done. */
export const OPEN_STATES: readonly CaseState[] = ['reported', 'filed', 'dispatched', 'signed', 'suspended', 'resolved'];

export const CASE_ACTIONS = [
  'verify', 'file', 'decline', 'self_handle', 'dispatch', 'sign', 'return', 'request_extension', 'approve_extension',
  'reject_extension', 'request_suspension', 'approve_suspension', 'reject_suspension', 'resume', 'resolve', 'check_pass', 'check_fail', 'merge', 'supervise', 'rate', 'reopen',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

export const ROLES = ['citizen', 'enterprise', 'grid_worker', 'operator', 'shift_lead', 'handler', 'supervisor', 'leader', 'project_officer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const CASE_KINDS = ['event', 'component', 'citizen_request', 'enterprise_demand', 'safety_hazard', 'dispute', 'project_problem', 'rectification', 'policy_application', 'service_application'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

export const CASE_SOURCES = ['patrol', 'hotline', 'open311', 'web', 'enterprise_portal', 'video', 'leader_assigned', 'inspection'] as const;
export type CaseSource = (typeof CASE_SOURCES)[number];

export const RATING_LEVELS = ['very_satisfied', 'satisfied', 'basically_satisfied', 'dissatisfied', 'very_dissatisfied'] as const;
export type RatingLevel = (typeof RATING_LEVELS)[number];

/** 差评: the two lowest levels open a rectification loop. */
export function isBadRating(level: RatingLevel): boolean {
  return level === 'dissatisfied' || level === 'very_dissatisfied';
}

export const CASE_PRIORITIES = ['urgent', 'normal'] as const;
export type CasePriority = (typeof CASE_PRIORITIES)[number];

/**
 * The orders a case list can be read in (issue 17). `urgency`: overdue and nearest running deadline first (the
 * deadline of the step the case waits for), urgent before normal on a tie, cases without a running deadline last.
 */
export const CASE_LIST_SORTS = ['newest', 'oldest', 'urgency', 'number', '-number', 'priority', 'category', 'state'] as const;
export type CaseListSort = (typeof CASE_LIST_SORTS)[number];

/** Where a government service was rated: 一次一评 on site, 一事一评 online. */
export const SERVICE_CHANNELS = ['on_site', 'online'] as const;
export type ServiceChannel = (typeof SERVICE_CHANNELS)[number];

/** Who is acting: an anonymous caller has no user id and the pseudo-role 'anonymous'. */
export interface Actor {
  userId: number | null;
  role: Role | 'anonymous';
  districtId: number | null;
  streetId: number | null;
  departmentId: number | null;
  gridId: number | null;
}

/** A request from the handler that waits for the operator's decision. */
export type PendingRequest =
  | { type: 'extension'; until: string; reason: string; requestedBy: number | null; requestedAt: string }
  | { type: 'suspension'; reason: string; requestedBy: number | null; requestedAt: string };

/** What the rules need to know about a case. Instants are Dates; the service loads and stores them. */
export interface CaseSnapshot {
  id: number;
  districtId: number;
  state: CaseState;
  version: number;
  kind: CaseKind;
  gridId: number | null;
  departmentId: number | null;
  reporterUserId: number | null;
  pendingRequest: PendingRequest | null;
  signDeadline: Date | null;
  resolveDeadline: Date | null;
  resolveClockStartedAt: Date | null;
  /** When the resolve clock turns amber (stored with the deadline). */
  amberAt: Date | null;
  /** Resolve-limit time stopped by suspensions since the clock started, in ms of the limit's measure. */
  resolveSuspendedMs: number;
  suspendedAt: Date | null;
  closedAt: Date | null;
  rating: RatingLevel | null;
}
