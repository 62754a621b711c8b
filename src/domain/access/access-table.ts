/**
 * The one access policy (issue 19): for each action, which principal may take it and under which
 * predicate over the resource. Routes, services and the web menu all ask this table; state rules
 * (which step is legal from which state) stay with their own models.
 */
import type { CaseAction } from '../case/index.ts';
import type { Principal } from './principal.ts';

/**
 * Over which resources a grant holds:
 * - `any` — every one (admin spans districts; the public may report anywhere);
 * - `own_district` — the resource is in the caller's district (or, without a resource, the caller works in one);
 * - `own_unit` — it belongs to the caller's department (and district);
 * - `dispatched_to_unit` — a case dispatched to the caller's department, from dispatch on (not while reported or filed);
 * - `own_grid` — a case in the caller's grid;
 * - `own_report` — the caller reported it (account or tracking code);
 * - `own_report_or_followed` — reported it or follows it;
 * - `own_enterprise` — the enterprise the caller's account is bound to;
 * - `own_district_or_liaison` — in the caller's district, or the caller is its liaison (助企专员).
 */
export const PREDICATES = [
  'any', 'own_district', 'own_unit', 'dispatched_to_unit', 'own_grid', 'own_report', 'own_report_or_followed', 'own_enterprise', 'own_district_or_liaison',
] as const;
export type Predicate = (typeof PREDICATES)[number];

/** A principal's grant: one predicate, or several of which any may hold. */
export type Grant = Predicate | readonly Predicate[];

/** Who may take an action; its Chinese and English names are in access-labels.ts, away from the pages that only decide. */
export interface AccessRule {
  grants: Partial<Record<Principal, Grant>>;
}

/** Case kinds a caller reports by hand; rectification and 办件 cases are opened by the system or the window. */
export type ReportableKind = 'event' | 'component' | 'citizen_request' | 'enterprise_demand' | 'safety_hazard' | 'dispute' | 'project_problem' | 'policy_application';

const D = 'own_district';
const OPERATORS = { operator: D, shift_lead: D } as const;
const SUPERVISION_READERS = { operator: D, shift_lead: D, supervisor: D, leader: D } as const;
const STAFF_ANY = { grid_worker: 'any', operator: 'any', shift_lead: 'any', handler: 'any', supervisor: 'any', leader: 'any', project_officer: 'any', admin: 'any' } as const;
const PUBLIC_REPORT = { anonymous: 'any', citizen: 'any' } as const;
const DISTRICT_REPORTERS = { grid_worker: D, handler: D, supervisor: D, leader: D } as const;
const CASE_DESK = { operator: D, shift_lead: D } as const;

const CASE_ACTS = {
  'case.act.verify': { grants: { grid_worker: 'own_grid' } },
  'case.act.file': { grants: OPERATORS },
  'case.act.decline': { grants: { shift_lead: D } },
  'case.act.self_handle': { grants: { grid_worker: 'own_grid' } },
  'case.act.dispatch': { grants: OPERATORS },
  'case.act.sign': { grants: { handler: 'own_unit' } },
  'case.act.return': { grants: { handler: 'own_unit' } },
  'case.act.request_extension': { grants: { handler: 'own_unit' } },
  'case.act.approve_extension': { grants: OPERATORS },
  'case.act.reject_extension': { grants: OPERATORS },
  'case.act.request_suspension': { grants: { handler: 'own_unit' } },
  'case.act.approve_suspension': { grants: OPERATORS },
  'case.act.reject_suspension': { grants: OPERATORS },
  'case.act.resume': { grants: { ...OPERATORS, handler: 'own_unit' } },
  'case.act.resolve': { grants: { handler: 'own_unit' } },
  'case.act.check_pass': { grants: { grid_worker: 'own_grid', ...OPERATORS } },
  'case.act.check_fail': { grants: { grid_worker: 'own_grid', ...OPERATORS } },
  'case.act.merge': { grants: OPERATORS },
  'case.act.supervise': { grants: { supervisor: D, leader: D } },
  'case.act.rate': { grants: { anonymous: 'own_report', citizen: 'own_report', enterprise: 'own_report', ...OPERATORS, supervisor: D } },
  'case.act.reopen': { grants: { supervisor: D } },
} as const satisfies Record<`case.act.${CaseAction}`, AccessRule>;

const CASE_REPORTS = {
  'case.report.event': { grants: { ...PUBLIC_REPORT, ...DISTRICT_REPORTERS, ...CASE_DESK } },
  'case.report.component': { grants: { ...PUBLIC_REPORT, ...DISTRICT_REPORTERS, ...CASE_DESK } },
  'case.report.citizen_request': { grants: { ...PUBLIC_REPORT, enterprise: 'any', ...CASE_DESK } },
  'case.report.enterprise_demand': { grants: { enterprise: 'any', ...CASE_DESK } },
  'case.report.safety_hazard': { grants: { ...DISTRICT_REPORTERS, ...CASE_DESK } },
  'case.report.dispute': { grants: { ...DISTRICT_REPORTERS, ...CASE_DESK } },
  'case.report.project_problem': { grants: { supervisor: D, leader: D, project_officer: D, ...CASE_DESK } },
  'case.report.policy_application': { grants: CASE_DESK },
} as const satisfies Record<`case.report.${ReportableKind}`, AccessRule>;

const STAFF_REPORT: readonly Predicate[] = ['own_report'];
const districtWide = (predicate: Predicate) => [predicate, ...STAFF_REPORT] as const;

export const ACCESS_TABLE = {
  ...CASE_REPORTS,
  'case.view': {
    grants: {
      anonymous: 'own_report_or_followed', citizen: 'own_report_or_followed', enterprise: 'own_report_or_followed',
      grid_worker: districtWide('own_grid'), operator: districtWide(D), shift_lead: districtWide(D), handler: districtWide('dispatched_to_unit'),
      supervisor: districtWide(D), leader: districtWide(D), project_officer: districtWide(D), admin: 'any',
    },
  },
  'case.list': {
    grants: {
      citizen: 'own_report', enterprise: 'own_report', grid_worker: 'own_grid', operator: D, shift_lead: D, handler: 'dispatched_to_unit',
      supervisor: D, leader: D, project_officer: D, admin: 'any',
    },
  },
  'case.contact.view': {
    grants: {
      anonymous: 'own_report', citizen: 'own_report', enterprise: 'own_report',
      grid_worker: 'own_grid', operator: D, shift_lead: D, handler: 'dispatched_to_unit', supervisor: D,
    },
  },
  ...CASE_ACTS,
  'case.relocate': { grants: OPERATORS },
  'case.follow': { grants: { anonymous: 'any', citizen: 'any', enterprise: 'any' } },
  'case.follow_for_caller': { grants: SUPERVISION_READERS },
  'case.duplicates': { grants: SUPERVISION_READERS },
  'case.intake_hints': { grants: SUPERVISION_READERS },
  'case.map': { grants: { operator: D, shift_lead: D, supervisor: D, leader: D, project_officer: D, admin: 'any' } },
  'case.saved_filters': { grants: STAFF_ANY },
  'attachment.original': { grants: STAFF_ANY },
  'supervision.read': { grants: SUPERVISION_READERS },
  // Admin sets each district's indicator weights and names the district it reads; the cockpit is the readers' page.
  'supervision.indicators': { grants: { ...SUPERVISION_READERS, admin: 'any' } },
  'supervision.notice.issue': { grants: { supervisor: D, leader: D } },
  'supervision.notice.respond': { grants: { handler: 'own_unit' } },
  'rating.appeal.file': { grants: { handler: 'own_unit' } },
  'rating.appeal.decide': { grants: { supervisor: D } },
  'project.read': {
    grants: { operator: D, shift_lead: D, handler: D, supervisor: D, leader: D, project_officer: D, admin: 'any' },
  },
  'project.edit': { grants: { project_officer: D, admin: 'any' } },
  'project.problem.raise': { grants: { project_officer: D, leader: D } },
  'project.lifecycle.edit': { grants: { admin: 'any' } },
  'enterprise.list': {
    grants: { enterprise: 'own_enterprise', ...STAFF_ANY },
  },
  'enterprise.view': {
    grants: {
      enterprise: 'own_enterprise', grid_worker: 'own_district_or_liaison', operator: 'own_district_or_liaison', shift_lead: 'own_district_or_liaison',
      handler: 'own_district_or_liaison', supervisor: 'own_district_or_liaison', leader: 'own_district_or_liaison', project_officer: 'own_district_or_liaison', admin: 'any',
    },
  },
  'enterprise.manage': { grants: { operator: D, shift_lead: D, supervisor: D, leader: D, admin: 'any' } },
  'enterprise.indicators': {
    grants: { grid_worker: D, operator: D, shift_lead: D, handler: D, supervisor: D, leader: D, project_officer: D },
  },
  'policy.read': { grants: { enterprise: 'any', ...STAFF_ANY } },
  'policy.manage': { grants: { supervisor: 'any', leader: 'any', admin: 'any' } },
  'policy.push': {
    grants: { operator: 'any', shift_lead: 'any', supervisor: 'any', leader: 'any', admin: 'any' },
  },
  'grant.view': { grants: { supervisor: 'any', leader: 'any', admin: 'any' } },
  'grant.confirm': { grants: { enterprise: 'own_enterprise' } },
  'grant.pay': { grants: { leader: 'any', admin: 'any' } },
  'policy_application.review': {
    grants: { supervisor: D, leader: D, handler: 'own_unit', admin: 'any' },
  },
  'policy_application.pay': { grants: { leader: D, admin: 'any' } },
  'policy_application.list': { grants: { supervisor: D, leader: D, handler: 'own_unit', admin: 'any' } },
  'application.receive': { grants: { operator: D, shift_lead: D, handler: D } },
  'application.read': {
    grants: { operator: D, shift_lead: D, handler: 'own_unit', supervisor: D, leader: D, admin: 'any' },
  },
  'application.indicators': { grants: { ...SUPERVISION_READERS, handler: D, admin: 'any' } },
  'service_item.import': { grants: { shift_lead: D, admin: 'any' } },
  'dispatch.feedback': { grants: { operator: D, shift_lead: D, admin: 'any' } },
  'dispatch.train': { grants: { admin: 'any' } },
  'dispatch.auto_rules.read': { grants: { shift_lead: D, admin: 'any' } },
  'dispatch.auto_rules.edit': { grants: { admin: 'any' } },
  'admin.users': { grants: { admin: 'any' } },
  'admin.org': { grants: { admin: 'any' } },
  'admin.calendar': { grants: { admin: 'any' } },
  'admin.api_keys': { grants: { admin: 'any' } },
  'webhook.manage': { grants: { admin: 'any' } },
  'open311.report': { grants: { api_key: 'any' } },
} as const satisfies Record<string, AccessRule>;

export type AccessAction = keyof typeof ACCESS_TABLE;

/** Every action of the table, in table order. */
export const ACCESS_ACTIONS = Object.keys(ACCESS_TABLE) as AccessAction[];
