/** Kysely's view of the tables of cases, their categories, timeline, attachments, followers, notifications and the core outbox (snake_case, as stored). */
import type { ColumnType, Generated, Insertable, RawBuilder, Selectable, Updateable } from 'kysely';
import type { AttachmentStage, CaseKind, CasePriority, CaseSource, CaseState, PendingRequest, RatingLevel, WarningLevel } from '../../domain/case/index.ts';
import type { TimeLimit } from '../../domain/calendar/index.ts';
import type { Json, Timestamp } from './columns.ts';

/** A category's time limit as stored (JSON): the calendar's own type. */
export type TimeLimitJson = TimeLimit;

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
  pending_request: Json<PendingRequest> | null;
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
  /** When the reporter made the report on the phone, if it was queued offline and received later (migration 0028). */
  reported_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
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

export interface TimelineChainHeadsTable {
  district_id: number;
  last_event_id: number | null;
  last_hash: string;
  /** The chain_seq of the last linked row (migration 0010). */
  last_seq: ColumnType<number, number | undefined, number>;
}

/** A signed position of a district's chain (migration 0037, ADR 0037). */
export interface TimelineAnchorsTable {
  id: Generated<number>;
  district_id: number;
  chain_seq: number;
  event_id: number;
  hash: string;
  anchored_at: Timestamp;
  key_id: string;
  signature: string;
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

/** Photo bytes kept in the database, one row per storage key (migration 0036). */
export interface AttachmentBlobsTable {
  key: string;
  data: Buffer;
  size_bytes: number;
  created_at: Generated<Timestamp>;
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

export type CaseRow = Selectable<CasesTable>;

export type NewCase = Insertable<CasesTable>;

export type CaseUpdate = Updateable<CasesTable>;

export type CategoryRow = Selectable<CategoriesTable>;

export type CaseEventRow = Selectable<CaseEventsTable>;

export type NewCaseEventRow = Insertable<CaseEventsTable>;
/** What a page shows of one timeline event (the presenter's fields): what intake knows without reading it back. */
export type TimelineEntry = Pick<CaseEventRow, 'id' | 'at' | 'action' | 'actor_user_id' | 'actor_role' | 'from_state' | 'to_state' | 'note' | 'data' | 'hash'>;

export type NotificationRow = Selectable<NotificationsTable>;

export type SavedFilterRow = Selectable<SavedFiltersTable>;

/** An `Idempotency-Key` and the answer its first request got (migration 0028). */
export interface IdempotencyKeysTable {
  id: Generated<number>;
  owner: string;
  key: string;
  request_hash: string;
  status_code: number | null;
  response: Json<unknown>;
  created_at: Timestamp;
  completed_at: Timestamp | null;
}

/** A desk's filter saved under a name by its user (migration 0035). */
export interface SavedFiltersTable {
  id: Generated<number>;
  user_id: number;
  page: 'workbench' | 'inbox' | 'search';
  name: string;
  filter: Json<Record<string, string>>;
  created_at: Timestamp;
}

export interface CaseTables {
  categories: CategoriesTable;
  cases: CasesTable;
  case_followers: CaseFollowersTable;
  case_events: CaseEventsTable;
  timeline_chain_heads: TimelineChainHeadsTable;
  timeline_anchors: TimelineAnchorsTable;
  worker_leases: WorkerLeasesTable;
  outbox: OutboxTable;
  category_attributes: CategoryAttributesTable;
  attachments: AttachmentsTable;
  attachment_blobs: AttachmentBlobsTable;
  notifications: NotificationsTable;
  idempotency_keys: IdempotencyKeysTable;
  saved_filters: SavedFiltersTable;
}
