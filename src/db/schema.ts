/** Kysely's view of the tables created by the migrations (snake_case, as stored). */
import type { ColumnType, Generated, Insertable, RawBuilder, Selectable, Updateable } from 'kysely';
import type { CaseKind, CasePriority, CaseSource, CaseState, RatingLevel, Role, ServiceChannel } from '../domain/case/index.ts';
import type { WarningLevel } from '../domain/case/index.ts';
import type { AttachmentStage } from '../domain/case/index.ts';
import type { PlanLevel, ProjectType, TargetKind } from '../domain/projects/index.ts';
import type { ApplicationStatus, ConclusionOutcome, PauseKind, ServiceItemKind } from '../domain/applications/index.ts';

type Json<T> = ColumnType<T, string | T, string | T>;
/** A JSON column with a database default: may be left out on insert. */
type JsonWithDefault<T> = ColumnType<T, string | T | undefined, string | T>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface TimeLimitJson {
  amount: number;
  unit: 'working_hours' | 'working_days' | 'clock_hours';
}

export interface DistrictsTable {
  id: Generated<number>;
  code: string;
  name: string;
  name_en: string;
  abbr: string;
  working_hours: Json<{ periods: { start: string; end: string }[] }> | undefined;
  settings: Json<Record<string, unknown>> | undefined;
}

export interface StreetsTable {
  id: Generated<number>;
  district_id: number;
  code: string;
  name: string;
  name_en: string | null;
}

export interface CommunitiesTable {
  id: Generated<number>;
  district_id: number;
  street_id: number;
  code: string;
  name: string;
}

export interface DepartmentsTable {
  id: Generated<number>;
  district_id: number;
  code: string;
  name: string;
  name_en: string;
  street_id: number | null;
}

export interface GridsTable {
  id: Generated<number>;
  district_id: number;
  street_id: number;
  community_id: number;
  code: string;
  name: string;
  responsible_department_id: number | null;
  geometry: Json<unknown> | null;
}

export interface UsersTable {
  id: Generated<number>;
  username: string;
  password_hash: string;
  display_name: string;
  role: Role;
  district_id: number | null;
  street_id: number | null;
  department_id: number | null;
  grid_id: number | null;
  phone: string | null;
  active: Generated<boolean>;
  created_at: Generated<Timestamp>;
}

export interface SessionsTable {
  token_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface CategoriesTable {
  id: Generated<number>;
  code: string;
  kind: CaseKind;
  major_code: string;
  major_name: string;
  major_name_en: string;
  minor_code: string;
  minor_name: string;
  minor_name_en: string;
  department_code: string;
  handled_by_street: boolean;
  dispatch_limit: Json<TimeLimitJson>;
  sign_limit: Json<TimeLimitJson>;
  resolve_limit: Json<TimeLimitJson>;
  self_handle_allowed: boolean;
  duplicate_radius_m: number;
  urgent: boolean;
  active: Generated<boolean>;
}

export interface CalendarDaysTable {
  day: string;
  is_working_day: boolean;
  name: string | null;
  source: string;
  updated_at: Generated<Timestamp>;
}

export interface CasesTable {
  id: Generated<number>;
  district_id: number;
  number: string;
  kind: CaseKind;
  source: CaseSource;
  category_id: number;
  priority: CasePriority;
  title: string;
  description: string;
  state: CaseState;
  version: number;
  lat: number | null;
  lng: number | null;
  address: string | null;
  grid_id: number | null;
  community_id: number | null;
  street_id: number | null;
  department_id: number | null;
  reporter_user_id: number | null;
  reporter_name: string | null;
  reporter_phone: string | null;
  tracking_code_hash: string | null;
  created_by: number | null;
  pending_request: Json<unknown> | null;
  dispatch_deadline: Timestamp | null;
  sign_deadline: Timestamp | null;
  resolve_deadline: Timestamp | null;
  resolve_clock_started_at: Timestamp | null;
  /** When the resolve clock turns amber (migration 0011); red is `resolve_deadline`. */
  amber_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** Resolve-limit ms stopped by suspensions since the clock started (migration 0011). */
  resolve_suspended_ms: Generated<number>;
  suspended_at: Timestamp | null;
  verified_at: Timestamp | null;
  filed_at: Timestamp | null;
  dispatched_at: Timestamp | null;
  signed_at: Timestamp | null;
  resolved_at: Timestamp | null;
  closed_at: Timestamp | null;
  merged_into_id: number | null;
  rating: RatingLevel | null;
  rating_comment: string | null;
  rated_at: Timestamp | null;
  rework_count: Generated<number>;
  return_count: Generated<number>;
  extension_count: Generated<number>;
  supervision_count: Generated<number>;
  warning_level: Generated<WarningLevel>;
  /** The Open311 API key that filed this case, if any (migration 0003). */
  api_key_id: ColumnType<number | null, number | null | undefined, number | null>;
  /** The case whose bad rating opened this rectification case (migration 0005). */
  rectification_of_id: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CaseEventsTable {
  id: Generated<number>;
  case_id: number;
  district_id: number;
  at: Timestamp;
  actor_user_id: number | null;
  actor_role: string;
  action: string;
  from_state: string | null;
  to_state: string;
  note: string | null;
  data: Json<Record<string, unknown>>;
  /** Null until the district's linker has chained the row (migration 0010, ADR 0006). */
  prev_hash: ColumnType<string | null, string | null | undefined, string | null>;
  hash: ColumnType<string | null, string | null | undefined, string | null>;
  chain_seq: ColumnType<number | null, number | null | undefined, number | null>;
  /** Database time of the insert: how long a row has waited for its link. */
  recorded_at: ColumnType<Date, never, never>;
  /** The event's indicator deltas, added to the rollups when the row is linked. */
  rollup_deltas: ColumnType<Json<unknown> | null, string | null | undefined, never>;
  /** The case's units and indicator facts at the moment of the event (migration 0009; null on older rows). */
  street_id: ColumnType<number | null, number | null | undefined, never>;
  community_id: ColumnType<number | null, number | null | undefined, never>;
  grid_id: ColumnType<number | null, number | null | undefined, never>;
  department_id: ColumnType<number | null, number | null | undefined, never>;
  person_id: ColumnType<number | null, number | null | undefined, never>;
  on_time: ColumnType<boolean | null, boolean | null | undefined, never>;
  reworked: ColumnType<boolean | null, boolean | null | undefined, never>;
  responded_in_time: ColumnType<boolean | null, boolean | null | undefined, never>;
  rating: ColumnType<string | null, string | null | undefined, never>;
}

/** Per unit and Shanghai day counters kept from timeline events (ADR 0005). */
export interface IndicatorRollupsTable {
  district_id: number;
  level: string;
  unit_id: number;
  day: ColumnType<string, string, string>;
  filed: number; dispatched: number; returned: number; extended: number; closed: number; closed_on_time: number;
  closed_reworked: number; resolved_on_time: number; followed_up: number; responded_in_time: number; solved: number;
  very_satisfied: number; satisfied: number; basically_satisfied: number; dissatisfied: number; very_dissatisfied: number;
  notices_issued: number;
  /** Written once when the day is closed (the state at its end): deadlines passed that day unresolved, due but open, overdue open, reworked among due open. */
  missed_resolve: number; due_open: Generated<number>; overdue_open: Generated<number>; rework_open: Generated<number>;
}

export interface IndicatorClosedDaysTable {
  district_id: number;
  day: ColumnType<string, string, string>;
  closed_at: Timestamp;
}

export interface TimelineChainHeadsTable {
  district_id: number;
  last_event_id: number | null;
  last_hash: string;
  /** The chain_seq of the last linked row (migration 0010). */
  last_seq: ColumnType<number, number | undefined, number>;
}

/** A lease held by one app instance at a time, e.g. a district's timeline linker (migration 0010). */
export interface WorkerLeasesTable {
  name: string;
  holder: string;
  expires_at: ColumnType<Date, Date | RawBuilder<Date>, Date | RawBuilder<Date>>;
}

/** Work an action asks for after its commit: follow-ups, later webhook deliveries (migration 0010). */
export interface OutboxTable {
  id: Generated<number>;
  kind: string;
  payload: ColumnType<Json<unknown>, string, never>;
  attempts: ColumnType<number, never, number | RawBuilder<number>>;
  next_attempt_at: ColumnType<Date, never, Date | RawBuilder<Date>>;
  last_error: ColumnType<string | null, never, string | null>;
  done_at: ColumnType<Date | null, never, Date | RawBuilder<Date> | null>;
  created_at: ColumnType<Date, never, never>;
}

/** In-app notifications to a user, a department or a role of a district (migration 0005). */
export interface NotificationsTable {
  id: Generated<number>;
  district_id: number;
  recipient_user_id: number | null;
  recipient_department_id: number | null;
  recipient_role: string | null;
  kind: string;
  case_id: number | null;
  notice_id: number | null;
  title: string;
  body: string;
  data: Json<Record<string, unknown>>;
  created_at: Timestamp;
  read_at: Timestamp | null;
}

/** 督办 supervision notices (migration 0005). */
export interface SupervisionNoticesTable {
  id: Generated<number>;
  district_id: number;
  case_id: number | null;
  department_id: number;
  issued_by: number | null;
  issued_at: Timestamp;
  content: string;
  respond_by: Timestamp;
  status: Generated<string>;
  response: string | null;
  responded_by: number | null;
  responded_at: Timestamp | null;
  escalated_at: Timestamp | null;
}

/** 一次一评/一事一评 government-service ratings (migration 0005). */
export interface ServiceRatingsTable {
  id: Generated<number>;
  district_id: number;
  department_id: number;
  channel: ServiceChannel;
  service_name: string;
  level: RatingLevel;
  comment: string | null;
  rated_by: number | null;
  rated_at: Timestamp;
  rectification_case_id: number | null;
}

/** 申诉 appeals against a rating (migration 0005). */
export interface RatingAppealsTable {
  id: Generated<number>;
  district_id: number;
  case_id: number | null;
  service_rating_id: number | null;
  department_id: number | null;
  reason: string;
  filed_by: number | null;
  filed_at: Timestamp;
  status: Generated<string>;
  decided_by: number | null;
  decided_at: Timestamp | null;
  decision_note: string | null;
}

/** Open311 API keys; only the SHA-256 of a key is stored (migration 0003). */
export interface ApiKeysTable {
  id: Generated<number>;
  name: string;
  key_hash: string;
  created_at: Timestamp;
  revoked_at: Timestamp | null;
}

/** What an Open311 client sent beyond the case itself (migration 0003). */
export interface Open311RequestsTable {
  case_id: number;
  district_id: number;
  api_key_id: number;
  token: string;
  attributes: Json<Record<string, string | string[]>>;
  contact: Json<Record<string, string>>;
  media_urls: Json<string[]>;
  created_at: Timestamp;
  /** Migration 0019: the names as the client sent them, joined; what intake trimmed; each media_url's fetch. */
  reporter_name: string | null;
  intake_notes: JsonWithDefault<string[]>;
  media_fetches: JsonWithDefault<MediaFetch[]>;
  coord_system: Generated<string>;
}

/** What became of one media_url: stored as a case photo, or kept as a link with the reason. */
export interface MediaFetch {
  url: string;
  outcome: 'stored' | 'failed';
  attachmentId?: number;
  reason?: string;
}

/** Updates posted by Open311 clients (FixMyStreet servicerequestupdates), deduplicated per key (migration 0003). */
export interface Open311UpdatesTable {
  id: Generated<number>;
  api_key_id: number;
  case_id: number;
  district_id: number;
  external_update_id: string;
  status: string;
  description: string;
  updated_at: Timestamp;
  received_at: Timestamp;
  /** Migration 0019: photos linked from the client's update. */
  media_urls: JsonWithDefault<string[]>;
}

/** Per-category questions, shown by Open311 clients as service-definition attributes (migration 0003). */
export interface CategoryAttributesTable {
  category_code: string;
  code: string;
  position: number;
  variable: boolean;
  datatype: string;
  required: boolean;
  description: string;
  datatype_description: string;
  values: Json<{ key: string; name: string }[]>;
}

/** Case photos: private original, EXIF-free public copy and thumbnail, as storage keys (migration 0004). */
export interface AttachmentsTable {
  id: Generated<number>;
  case_id: number;
  district_id: number;
  stage: AttachmentStage;
  uploaded_by: number | null;
  uploader_role: string;
  mime: string;
  size_bytes: number;
  width: number;
  height: number;
  sha256: string;
  original_key: string;
  public_key: string;
  thumb_key: string;
  created_at: Timestamp;
}

export interface CaseFollowersTable {
  id: Generated<number>;
  case_id: number;
  district_id: number;
  user_id: number | null;
  tracking_code_hash: string | null;
  via_case_id: number;
  created_at: Timestamp;
}

export interface AdminAuditTable {
  id: Generated<number>;
  at: Timestamp;
  actor_user_id: number | null;
  action: string;
  subject: string;
  data: Json<Record<string, unknown>>;
}

// ── Enterprises and policies (migration 0014) ─────────────────────────────────────
export interface EnterprisesTable {
  id: Generated<number>;
  district_id: number;
  name: string;
  uscc: string;
  industry_code: string;
  address: string | null;
  lat: number | null;
  lng: number | null;
  liaison_user_id: number | null;
  patron_user_id: number | null;
  invented: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface EnterpriseFactsTable {
  id: Generated<number>;
  enterprise_id: number;
  key: string;
  value: number;
  /** 'YYYY-MM-DD' (date columns are read as strings). */
  as_of: string;
  source: string;
  recorded_by: number | null;
  recorded_at: Timestamp;
}

export interface EnterpriseTagsTable {
  id: Generated<number>;
  enterprise_id: number;
  tag: string;
  valid_from: string;
  valid_to: string | null;
  source: string;
}

export interface EnterpriseListItemsTable {
  id: Generated<number>;
  enterprise_id: number;
  list: string;
  item: Json<Record<string, string | number | boolean>>;
}

export interface EnterpriseContactsTable {
  user_id: number;
  enterprise_id: number;
}

export interface EnterpriseDemandsTable {
  case_id: number;
  enterprise_id: number;
}

export interface PoliciesTable {
  id: Generated<number>;
  code: string;
  title: string;
  title_en: string;
  issuer: string;
  document_number: string;
  mode: 'auto_grant' | 'application';
  excludes: Json<string[]>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PolicyVersionsTable {
  id: Generated<number>;
  policy_id: number;
  version: number;
  effective_from: string;
  effective_to: string | null;
  eligibility: Json<unknown>;
  benefit: Json<unknown>;
}

export interface PolicyPushesTable {
  id: Generated<number>;
  policy_id: number;
  enterprise_id: number;
  pushed_by: number | null;
  pushed_at: Timestamp;
  read_at: Timestamp | null;
  read_by: number | null;
}

export interface GrantRunsTable {
  id: Generated<number>;
  policy_id: number;
  version: number;
  evaluation_date: string;
  run_by: number | null;
  run_at: Timestamp;
}

export type GrantItemStatus = 'pending' | 'confirmed' | 'declined' | 'paid';

export interface GrantItemsTable {
  id: Generated<number>;
  run_id: number;
  policy_id: number;
  version: number;
  enterprise_id: number;
  amount_cents: number;
  explanation: Json<unknown>;
  status: GrantItemStatus;
  decided_by: number | null;
  decided_at: Timestamp | null;
  paid_by: number | null;
  paid_at: Timestamp | null;
  payment_reference: string | null;
}

export interface GrantEventsTable {
  id: Generated<number>;
  run_id: number;
  item_id: number | null;
  action: 'run' | 'list' | 'confirm' | 'decline' | 'pay';
  actor_user_id: number | null;
  at: Timestamp;
  data: Json<Record<string, unknown>>;
}

// ── Key projects and targets (0013) ──────────────────────────────────────────────
export interface ProjectStagesTable {
  id: Generated<number>;
  code: string;
  seq: number;
  name: string;
  name_en: string;
}

export interface ProjectStageNodesTable {
  id: Generated<number>;
  stage_id: number;
  code: string;
  seq: number;
  name: string;
  name_en: string;
  required: Generated<boolean>;
  duration_days: number;
  provisional: Generated<boolean>;
}

export interface ProjectsTable {
  id: Generated<number>;
  district_id: number;
  name: string;
  type: ProjectType;
  total_investment: number;
  annual_investment: number;
  lat: number | null;
  lng: number | null;
  address: string | null;
  street_id: number | null;
  owner_enterprise: string | null;
  patron_user_id: number | null;
  department_id: number | null;
  task_force: Json<string[]>;
  stage_code: string;
  planned_start: string | null;
  planned_end: string | null;
  parent_id: number | null;
  illustrative: Generated<boolean>;
  version: Generated<number>;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ProjectPlanListsTable {
  project_id: number;
  year: number;
  level: PlanLevel;
}

export interface ProjectNodesTable {
  id: Generated<number>;
  project_id: number;
  node_id: number;
  planned_date: string | null;
  actual_date: string | null;
}

export interface ProjectReportsTable {
  id: Generated<number>;
  project_id: number;
  district_id: number;
  month: string;
  amount: number;
  progress_text: string | null;
  over_plan_explanation: string | null;
  reported_by: number | null;
  reported_at: Timestamp;
}

export interface ProjectProblemsTable {
  id: Generated<number>;
  project_id: number;
  district_id: number;
  case_id: number;
  raised_by: number | null;
  created_at: Timestamp;
}

export interface ProjectEventsTable {
  id: Generated<number>;
  project_id: number;
  district_id: number;
  at: Timestamp;
  actor_user_id: number | null;
  actor_role: string;
  action: string;
  /** Canonical JSON text, hashed as stored. */
  data: string;
  prev_hash: string;
  hash: string;
}

export interface DistrictTargetsTable {
  id: Generated<number>;
  district_id: number;
  year: number;
  indicator: string;
  name: string;
  unit: string;
  kind: TargetKind;
  target: number | null;
  illustrative: Generated<boolean>;
}

export interface TargetActualsTable {
  target_id: number;
  month: number;
  value: number | null;
  yoy: number | null;
  illustrative: Generated<boolean>;
}

// 政务服务 (issue 13, migration 0015): service items and applications (办件), each the companion of a case.
export interface ServiceItemsTable {
  id: Generated<number>;
  district_id: number;
  code: string;
  name: string;
  department_id: number;
  kind: ServiceItemKind;
  legal_limit_days: number;
  promised_limit_days: number;
  materials: Json<string[]>;
  fee_yuan: number;
  tolerance_allowed: boolean;
  active: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ServiceApplicationsTable {
  case_id: number;
  district_id: number;
  number: string;
  service_item_id: number;
  department_id: number;
  status: ApplicationStatus;
  status_before_pause: ApplicationStatus | null;
  national_code: number;
  applicant_name: string;
  applicant_phone: string;
  applicant_uscc: string | null;
  materials: Json<string[]>;
  received_at: Timestamp;
  accepted_at: Timestamp | null;
  clock_start_day: string;
  paused_working_days: Generated<number>;
  pause_kind: PauseKind | null;
  pause_since: Timestamp | null;
  supplement_requested_at: Timestamp | null;
  supplement_on_time: boolean | null;
  supplement_missing: Json<string[]> | null;
  legal_deadline: Timestamp;
  promised_deadline: Timestamp;
  outcome: ConclusionOutcome | null;
  concluded_at: Timestamp | null;
  rating_requested_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Failed logins per account or address (issue 19): shared by all instances. */
export interface LoginThrottleTable {
  key: string;
  failures: number;
  last_failure_at: Date;
  locked_until: Date | null;
}

export interface Database {
  districts: DistrictsTable;
  streets: StreetsTable;
  communities: CommunitiesTable;
  departments: DepartmentsTable;
  grids: GridsTable;
  users: UsersTable;
  sessions: SessionsTable;
  categories: CategoriesTable;
  calendar_days: CalendarDaysTable;
  cases: CasesTable;
  case_followers: CaseFollowersTable;
  case_events: CaseEventsTable;
  indicator_rollups: IndicatorRollupsTable;
  indicator_closed_days: IndicatorClosedDaysTable;
  timeline_chain_heads: TimelineChainHeadsTable;
  worker_leases: WorkerLeasesTable;
  outbox: OutboxTable;
  api_keys: ApiKeysTable;
  open311_requests: Open311RequestsTable;
  open311_updates: Open311UpdatesTable;
  category_attributes: CategoryAttributesTable;
  attachments: AttachmentsTable;
  notifications: NotificationsTable;
  supervision_notices: SupervisionNoticesTable;
  service_ratings: ServiceRatingsTable;
  rating_appeals: RatingAppealsTable;
  admin_audit: AdminAuditTable;
  enterprises: EnterprisesTable;
  enterprise_facts: EnterpriseFactsTable;
  enterprise_tags: EnterpriseTagsTable;
  enterprise_list_items: EnterpriseListItemsTable;
  enterprise_contacts: EnterpriseContactsTable;
  enterprise_demands: EnterpriseDemandsTable;
  policies: PoliciesTable;
  policy_versions: PolicyVersionsTable;
  policy_pushes: PolicyPushesTable;
  grant_runs: GrantRunsTable;
  grant_items: GrantItemsTable;
  grant_events: GrantEventsTable;
  project_stages: ProjectStagesTable;
  project_stage_nodes: ProjectStageNodesTable;
  projects: ProjectsTable;
  project_plan_lists: ProjectPlanListsTable;
  project_nodes: ProjectNodesTable;
  project_reports: ProjectReportsTable;
  project_problems: ProjectProblemsTable;
  project_events: ProjectEventsTable;
  district_targets: DistrictTargetsTable;
  target_actuals: TargetActualsTable;
  dispatch_models: DispatchModelsTable;
  dispatch_suggestion_feedback: DispatchSuggestionFeedbackTable;
  dispatch_auto_rules: DispatchAutoRulesTable;
  case_search_terms: CaseSearchTermsTable;
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_attempts: WebhookAttemptsTable;
  integration_cursors: IntegrationCursorsTable;
  subscriptions: SubscriptionsTable;
  messages: MessagesTable;
  service_items: ServiceItemsTable;
  service_applications: ServiceApplicationsTable;
  login_throttle: LoginThrottleTable;
}

// ── Smart dispatch (migration 0017, issue 14) ─────────────────────────────────────────
/** A trained suggestion model of one district; the highest version is the one in use. */
export interface DispatchModelsTable {
  id: Generated<number>;
  district_id: number;
  version: number;
  trained_at: Timestamp;
  trained_on: Json<{ seedReports: number; cases: number; corrections: number }>;
  model: Json<unknown>;
}

/** The top suggestion an operator was shown when reporting a case; differing from the final choice = a correction. */
export interface DispatchSuggestionFeedbackTable {
  case_id: number;
  district_id: number;
  suggested_category_code: string;
  suggested_department_id: number | null;
  confidence: number;
  model_version: number | null;
  recorded_by: number | null;
  recorded_at: Timestamp;
}

/** An admin's auto-dispatch threshold for one category; no row = never auto-dispatched. */
export interface DispatchAutoRulesTable {
  district_id: number;
  category_code: string;
  min_confidence: number;
  updated_by: number | null;
  updated_at: Timestamp;
}

export type DispatchModelRow = Selectable<DispatchModelsTable>;

/** A case's character bigrams for Chinese search (migration 0018), kept by a trigger on cases. */
export interface CaseSearchTermsTable {
  case_id: number;
  terms: string[];
}

export type CaseRow = Selectable<CasesTable>;
export type NewCase = Insertable<CasesTable>;
export type CaseUpdate = Updateable<CasesTable>;
export type CategoryRow = Selectable<CategoriesTable>;
export type UserRow = Selectable<UsersTable>;
export type CaseEventRow = Selectable<CaseEventsTable>;
export type NotificationRow = Selectable<NotificationsTable>;
export type NoticeRow = Selectable<SupervisionNoticesTable>;
export type ServiceRatingRow = Selectable<ServiceRatingsTable>;
export type RatingAppealRow = Selectable<RatingAppealsTable>;

export type EnterpriseRow = Selectable<EnterprisesTable>;
export type EnterpriseFactRow = Selectable<EnterpriseFactsTable>;
export type EnterpriseTagRow = Selectable<EnterpriseTagsTable>;
export type PolicyRow = Selectable<PoliciesTable>;
export type PolicyVersionRow = Selectable<PolicyVersionsTable>;
export type PolicyPushRow = Selectable<PolicyPushesTable>;
export type GrantRunRow = Selectable<GrantRunsTable>;
export type GrantItemRow = Selectable<GrantItemsTable>;
export type ProjectRow = Selectable<ProjectsTable>;
export type NewProject = Insertable<ProjectsTable>;
export type ProjectUpdate = Updateable<ProjectsTable>;
export type ProjectReportRow = Selectable<ProjectReportsTable>;
export type ProjectEventRow = Selectable<ProjectEventsTable>;
export type DistrictTargetRow = Selectable<DistrictTargetsTable>;

// ── Integrations: webhooks and the event cursor (migration 0019) ─────────────────
export interface WebhooksTable {
  id: Generated<number>;
  url: string;
  event_kinds: Json<string[]>;
  secret: string;
  description: Generated<string>;
  active: Generated<boolean>;
  created_by: number | null;
  created_at: Timestamp;
}

export interface WebhookDeliveriesTable {
  /** The delivery id partners deduplicate on; the same on every attempt and replay. */
  id: string;
  webhook_id: number;
  event_id: number;
  event_kind: string;
  payload: Json<Record<string, unknown>>;
  status: Generated<'pending' | 'delivered' | 'dead'>;
  attempts: Generated<number>;
  outbox_id: number | null;
  created_at: Timestamp;
  delivered_at: Timestamp | null;
}

export interface WebhookAttemptsTable {
  id: Generated<number>;
  delivery_id: string;
  attempted_at: Generated<Timestamp>;
  response_status: number | null;
  response_body: string | null;
  error: string | null;
}

export interface IntegrationCursorsTable {
  district_id: number;
  last_seq: Generated<number>;
}

export type WebhookRow = Selectable<WebhooksTable>;
export type WebhookDeliveryRow = Selectable<WebhookDeliveriesTable>;

// ── Integrations: subscriptions and messages (migration 0020) ─────────────────────
export type MessageChannel = 'email' | 'sms' | 'wechat';
export type SubscriptionTarget = 'case' | 'street' | 'grid' | 'polygon' | 'category';

export interface SubscriptionsTable {
  id: Generated<number>;
  channel: MessageChannel;
  address: string;
  target: SubscriptionTarget;
  case_id: number | null;
  street_id: number | null;
  grid_id: number | null;
  /** GeoJSON Polygon coordinates ([lng, lat] rings), WGS84. */
  polygon: Json<number[][][]> | null;
  category_code: string | null;
  created_at: Timestamp;
  unsubscribed_at: Timestamp | null;
}

export interface MessagesTable {
  id: Generated<number>;
  subscription_id: number;
  event_id: number;
  channel: MessageChannel;
  address: string;
  subject: string;
  body: string;
  status: Generated<'pending' | 'sent' | 'failed'>;
  created_at: Timestamp;
  sent_at: Timestamp | null;
}

export type SubscriptionRow = Selectable<SubscriptionsTable>;
export type ServiceItemRow = Selectable<ServiceItemsTable>;
export type ServiceApplicationRow = Selectable<ServiceApplicationsTable>;
export type ServiceApplicationUpdate = Updateable<ServiceApplicationsTable>;
