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

export interface AccessRule {
  zh: string;
  en: string;
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
  'case.act.verify': { zh: '核实', en: 'Verify', grants: { grid_worker: 'own_grid' } },
  'case.act.file': { zh: '立案', en: 'File', grants: OPERATORS },
  'case.act.decline': { zh: '不予立案/作废', en: 'Decline', grants: { shift_lead: D } },
  'case.act.self_handle': { zh: '自行处置', en: 'Self-handle', grants: { grid_worker: 'own_grid' } },
  'case.act.dispatch': { zh: '派遣', en: 'Dispatch', grants: OPERATORS },
  'case.act.sign': { zh: '签收', en: 'Sign', grants: { handler: 'own_unit' } },
  'case.act.return': { zh: '退单', en: 'Return', grants: { handler: 'own_unit' } },
  'case.act.request_extension': { zh: '申请延期', en: 'Request extension', grants: { handler: 'own_unit' } },
  'case.act.approve_extension': { zh: '批准延期', en: 'Approve extension', grants: OPERATORS },
  'case.act.reject_extension': { zh: '驳回延期', en: 'Reject extension', grants: OPERATORS },
  'case.act.request_suspension': { zh: '申请挂起', en: 'Request suspension', grants: { handler: 'own_unit' } },
  'case.act.approve_suspension': { zh: '批准挂起', en: 'Approve suspension', grants: OPERATORS },
  'case.act.reject_suspension': { zh: '驳回挂起', en: 'Reject suspension', grants: OPERATORS },
  'case.act.resume': { zh: '恢复', en: 'Resume', grants: { ...OPERATORS, handler: 'own_unit' } },
  'case.act.resolve': { zh: '处置反馈', en: 'Resolve', grants: { handler: 'own_unit' } },
  'case.act.check_pass': { zh: '核查通过', en: 'Check: pass', grants: { grid_worker: 'own_grid', ...OPERATORS } },
  'case.act.check_fail': { zh: '核查不通过（返工）', en: 'Check: fail (rework)', grants: { grid_worker: 'own_grid', ...OPERATORS } },
  'case.act.merge': { zh: '合并重复件', en: 'Merge duplicate', grants: OPERATORS },
  'case.act.supervise': { zh: '督办', en: 'Supervise', grants: { supervisor: D, leader: D } },
  'case.act.rate': { zh: '评价', en: 'Rate', grants: { anonymous: 'own_report', citizen: 'own_report', enterprise: 'own_report', ...OPERATORS, supervisor: D } },
  'case.act.reopen': { zh: '重新打开', en: 'Reopen', grants: { supervisor: D } },
} as const satisfies Record<`case.act.${CaseAction}`, AccessRule>;

const CASE_REPORTS = {
  'case.report.event': { zh: '上报事件', en: 'Report an event', grants: { ...PUBLIC_REPORT, ...DISTRICT_REPORTERS, ...CASE_DESK } },
  'case.report.component': { zh: '上报部件问题', en: 'Report a component', grants: { ...PUBLIC_REPORT, ...DISTRICT_REPORTERS, ...CASE_DESK } },
  'case.report.citizen_request': { zh: '上报群众诉求', en: 'Report a citizen request', grants: { ...PUBLIC_REPORT, enterprise: 'any', ...CASE_DESK } },
  'case.report.enterprise_demand': { zh: '提交企业诉求', en: 'File an enterprise demand', grants: { enterprise: 'any', ...CASE_DESK } },
  'case.report.safety_hazard': { zh: '上报安全隐患', en: 'Report a safety hazard', grants: { ...DISTRICT_REPORTERS, ...CASE_DESK } },
  'case.report.dispute': { zh: '上报矛盾纠纷', en: 'Report a dispute', grants: { ...DISTRICT_REPORTERS, ...CASE_DESK } },
  'case.report.project_problem': { zh: '上报项目问题', en: 'Report a project problem', grants: { supervisor: D, leader: D, project_officer: D, ...CASE_DESK } },
  'case.report.policy_application': { zh: '登记政策申报件', en: 'Register a policy application case', grants: CASE_DESK },
} as const satisfies Record<`case.report.${ReportableKind}`, AccessRule>;

const STAFF_REPORT: readonly Predicate[] = ['own_report'];
const districtWide = (predicate: Predicate) => [predicate, ...STAFF_REPORT] as const;

export const ACCESS_TABLE = {
  ...CASE_REPORTS,
  'case.view': {
    zh: '查看工单', en: 'View a case',
    grants: {
      anonymous: 'own_report_or_followed', citizen: 'own_report_or_followed', enterprise: 'own_report_or_followed',
      grid_worker: districtWide('own_grid'), operator: districtWide(D), shift_lead: districtWide(D), handler: districtWide('dispatched_to_unit'),
      supervisor: districtWide(D), leader: districtWide(D), project_officer: districtWide(D), admin: 'any',
    },
  },
  'case.list': {
    zh: '工单列表', en: 'List cases',
    grants: {
      citizen: 'own_report', enterprise: 'own_report', grid_worker: 'own_grid', operator: D, shift_lead: D, handler: 'dispatched_to_unit',
      supervisor: D, leader: D, project_officer: D, admin: 'any',
    },
  },
  'case.contact.view': {
    zh: '查看报告人联系方式', en: "See the reporter's contact details",
    grants: {
      anonymous: 'own_report', citizen: 'own_report', enterprise: 'own_report',
      grid_worker: 'own_grid', operator: D, shift_lead: D, handler: 'dispatched_to_unit', supervisor: D,
    },
  },
  ...CASE_ACTS,
  'case.relocate': { zh: '更正位置', en: 'Relocate a case', grants: OPERATORS },
  'case.follow': { zh: '关注工单', en: 'Follow a case', grants: { anonymous: 'any', citizen: 'any', enterprise: 'any' } },
  'case.follow_for_caller': { zh: '为来电群众关注', en: 'Follow for a caller', grants: SUPERVISION_READERS },
  'case.duplicates': { zh: '查看疑似重复件', en: 'See likely duplicates', grants: SUPERVISION_READERS },
  'case.intake_hints': { zh: '受理提示', en: 'Intake hints', grants: SUPERVISION_READERS },
  'case.map': { zh: '工单地图', en: 'Case map', grants: { operator: D, shift_lead: D, supervisor: D, leader: D, project_officer: D, admin: 'any' } },
  'case.saved_filters': { zh: '保存的筛选', en: 'Saved filters', grants: STAFF_ANY },
  'attachment.original': { zh: '查看原图', en: 'See an original photo', grants: STAFF_ANY },
  'supervision.read': { zh: '查看全区督查数据（评价、申诉、督办）', en: "Read the district's supervision (ratings, appeals, notices)", grants: SUPERVISION_READERS },
  // Admin sets each district's indicator weights and names the district it reads; the cockpit is the readers' page.
  'supervision.indicators': { zh: '查看考核指标与赛马排名', en: 'Read indicators and rankings', grants: { ...SUPERVISION_READERS, admin: 'any' } },
  'supervision.notice.issue': { zh: '下发督办单', en: 'Issue a supervision notice', grants: { supervisor: D, leader: D } },
  'supervision.notice.respond': { zh: '回复督办单', en: 'Answer a supervision notice', grants: { handler: 'own_unit' } },
  'rating.appeal.file': { zh: '差评申诉', en: 'Appeal a rating', grants: { handler: 'own_unit' } },
  'rating.appeal.decide': { zh: '裁决申诉', en: 'Decide an appeal', grants: { supervisor: D } },
  'project.read': {
    zh: '查看重点项目', en: 'Read key projects',
    grants: { operator: D, shift_lead: D, handler: D, supervisor: D, leader: D, project_officer: D, admin: 'any' },
  },
  'project.edit': { zh: '编辑项目与目标', en: 'Edit projects and targets', grants: { project_officer: D, admin: 'any' } },
  'project.problem.raise': { zh: '提出项目问题', en: 'Raise a project problem', grants: { project_officer: D, leader: D } },
  'project.lifecycle.edit': { zh: '编辑项目生命周期', en: 'Edit the project lifecycle', grants: { admin: 'any' } },
  'enterprise.list': {
    zh: '企业名录', en: 'List enterprises',
    grants: { enterprise: 'own_enterprise', ...STAFF_ANY },
  },
  'enterprise.view': {
    zh: '查看企业', en: 'View an enterprise',
    grants: {
      enterprise: 'own_enterprise', grid_worker: 'own_district_or_liaison', operator: 'own_district_or_liaison', shift_lead: 'own_district_or_liaison',
      handler: 'own_district_or_liaison', supervisor: 'own_district_or_liaison', leader: 'own_district_or_liaison', project_officer: 'own_district_or_liaison', admin: 'any',
    },
  },
  'enterprise.manage': { zh: '管理企业', en: 'Manage enterprises', grants: { operator: D, shift_lead: D, supervisor: D, leader: D, admin: 'any' } },
  'enterprise.indicators': {
    zh: '企业服务指标', en: 'Enterprise service indicators',
    grants: { grid_worker: D, operator: D, shift_lead: D, handler: D, supervisor: D, leader: D, project_officer: D },
  },
  'policy.read': { zh: '查看惠企政策', en: 'Read policies', grants: { enterprise: 'any', ...STAFF_ANY } },
  'policy.manage': { zh: '管理政策与免申即享', en: 'Manage policies and auto-grant runs', grants: { supervisor: 'any', leader: 'any', admin: 'any' } },
  'policy.push': {
    zh: '精准推送', en: 'Match and push policies',
    grants: { operator: 'any', shift_lead: 'any', supervisor: 'any', leader: 'any', admin: 'any' },
  },
  'grant.view': { zh: '查看兑现批次', en: 'See a grant run', grants: { supervisor: 'any', leader: 'any', admin: 'any' } },
  'grant.confirm': { zh: '意愿确认', en: 'Confirm an auto-grant', grants: { enterprise: 'own_enterprise' } },
  'grant.pay': { zh: '记录兑付', en: 'Record a payout', grants: { leader: 'any', admin: 'any' } },
  'policy_application.review': {
    zh: '受理/审核政策申报', en: 'Accept or review a policy application',
    grants: { supervisor: D, leader: D, handler: 'own_unit', admin: 'any' },
  },
  'policy_application.pay': { zh: '政策申报兑付', en: 'Pay a policy application', grants: { leader: D, admin: 'any' } },
  'policy_application.list': { zh: '政策申报列表', en: 'List policy applications', grants: { supervisor: D, leader: D, handler: 'own_unit', admin: 'any' } },
  'application.receive': { zh: '一窗受理', en: 'Receive a service application', grants: { operator: D, shift_lead: D, handler: D } },
  'application.read': {
    zh: '查看办件', en: 'Read service applications',
    grants: { operator: D, shift_lead: D, handler: 'own_unit', supervisor: D, leader: D, admin: 'any' },
  },
  'application.indicators': { zh: '办件指标', en: 'Service application indicators', grants: { ...SUPERVISION_READERS, handler: D, admin: 'any' } },
  'service_item.import': { zh: '导入政务服务事项', en: 'Import service items', grants: { shift_lead: D, admin: 'any' } },
  'dispatch.feedback': { zh: '派遣建议反馈', en: 'Dispatch suggestion feedback', grants: { operator: D, shift_lead: D, admin: 'any' } },
  'dispatch.train': { zh: '训练派遣模型', en: 'Train the dispatch model', grants: { admin: 'any' } },
  'dispatch.auto_rules.read': { zh: '查看自动派遣阈值', en: 'Read auto-dispatch thresholds', grants: { shift_lead: D, admin: 'any' } },
  'dispatch.auto_rules.edit': { zh: '设置自动派遣阈值', en: 'Set auto-dispatch thresholds', grants: { admin: 'any' } },
  'admin.users': { zh: '用户管理', en: 'Manage users', grants: { admin: 'any' } },
  'admin.org': { zh: '组织、网格、分类与区设置', en: 'Org tree, grids, categories and district settings', grants: { admin: 'any' } },
  'admin.calendar': { zh: '工作日历', en: 'Working calendar', grants: { admin: 'any' } },
  'admin.api_keys': { zh: 'API 密钥', en: 'API keys', grants: { admin: 'any' } },
  'webhook.manage': { zh: 'Webhook 管理', en: 'Manage webhooks', grants: { admin: 'any' } },
  'open311.report': { zh: 'Open311 提交诉求', en: 'Submit an Open311 request', grants: { api_key: 'any' } },
} as const satisfies Record<string, AccessRule>;

export type AccessAction = keyof typeof ACCESS_TABLE;

/** Every action of the table, in table order. */
export const ACCESS_ACTIONS = Object.keys(ACCESS_TABLE) as AccessAction[];
