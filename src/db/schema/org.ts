/** Kysely's view of the tables of districts, streets, communities, departments, grids, people and their sessions (snake_case, as stored). */
import type { Generated, Selectable } from 'kysely';
import type { Role } from '../../domain/case/index.ts';
import type { Json, Timestamp } from './columns.ts';

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
  /** Set by an admin's password reset; until the user changes it, only change-password and logout are allowed (0025). */
  must_change_password: Generated<boolean>;
}

export interface SessionsTable {
  /** A short handle the owner names to revoke one session; the token hash never leaves the server (0025). */
  id: Generated<number>;
  token_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  /** The last request on this session, for the idle timeout. */
  last_seen_at: Timestamp;
  address: Generated<string>;
  user_agent: Generated<string>;
}

/** Open311 API keys; only the SHA-256 of a key is stored (migration 0003). */
export interface ApiKeysTable {
  id: Generated<number>;
  name: string;
  key_hash: string;
  created_at: Timestamp;
  revoked_at: Timestamp | null;
}

export interface AdminAuditTable {
  id: Generated<number>;
  at: Timestamp;
  actor_user_id: number | null;
  action: string;
  subject: string;
  data: Json<Record<string, unknown>>;
}

/** Failed logins per account or address (issue 19): shared by all instances. */
export interface LoginThrottleTable {
  key: string;
  failures: number;
  last_failure_at: Date;
  locked_until: Date | null;
}

/** HTTP rate-limit counters per route and client (migration 0040): shared by all instances. */
export interface RateLimitCountersTable {
  key: string;
  hits: number;
  window_ends_at: Date;
}

export type UserRow = Selectable<UsersTable>;

export interface OrgTables {
  districts: DistrictsTable;
  streets: StreetsTable;
  communities: CommunitiesTable;
  departments: DepartmentsTable;
  grids: GridsTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_keys: ApiKeysTable;
  admin_audit: AdminAuditTable;
  login_throttle: LoginThrottleTable;
  rate_limit_counters: RateLimitCountersTable;
}
