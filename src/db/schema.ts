/** Kysely's view of the tables created by the migrations (snake_case, as stored). */
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

type Json<T> = ColumnType<T, string | T, string | T>;
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
  role: string;
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
  kind: string;
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

export interface CaseNumberCountersTable {
  district_id: number;
  year: number;
  last_seq: number;
}

export interface CasesTable {
  id: Generated<number>;
  district_id: number;
  number: string;
  kind: string;
  source: string;
  category_id: number;
  priority: string;
  title: string;
  description: string;
  state: string;
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
  suspended_at: Timestamp | null;
  verified_at: Timestamp | null;
  filed_at: Timestamp | null;
  dispatched_at: Timestamp | null;
  signed_at: Timestamp | null;
  resolved_at: Timestamp | null;
  closed_at: Timestamp | null;
  merged_into_id: number | null;
  rating: string | null;
  rating_comment: string | null;
  rated_at: Timestamp | null;
  rework_count: Generated<number>;
  return_count: Generated<number>;
  extension_count: Generated<number>;
  supervision_count: Generated<number>;
  warning_level: Generated<string>;
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
  prev_hash: string;
  hash: string;
}

export interface TimelineChainHeadsTable {
  district_id: number;
  last_event_id: number | null;
  last_hash: string;
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
  case_number_counters: CaseNumberCountersTable;
  cases: CasesTable;
  case_events: CaseEventsTable;
  timeline_chain_heads: TimelineChainHeadsTable;
}

export type CaseRow = Selectable<CasesTable>;
export type NewCase = Insertable<CasesTable>;
export type CaseUpdate = Updateable<CasesTable>;
export type CategoryRow = Selectable<CategoriesTable>;
export type UserRow = Selectable<UsersTable>;
export type CaseEventRow = Selectable<CaseEventsTable>;
