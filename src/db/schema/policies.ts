/** Kysely's view of the tables of policies, pushes and 免申即享 grant runs (snake_case, as stored). */
import type { Generated, Selectable } from 'kysely';
import type { Json, Timestamp } from './columns.ts';

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

/** The companion row of a `policy_application` case (migration 0030). */
export interface PolicyApplicationsTable {
  case_id: number;
  district_id: number;
  policy_id: number;
  version: number;
  enterprise_id: number;
  status: 'submitted' | 'accepted' | 'approved' | 'rejected' | 'paid';
  amount_cents: number;
  explanation: Json<unknown>;
  submitted_by: number | null;
  submitted_at: Timestamp;
  accepted_at: Timestamp | null;
  reviewed_at: Timestamp | null;
  paid_at: Timestamp | null;
  payment_reference: string | null;
  updated_at: Timestamp;
}

export type PolicyApplicationRow = Selectable<PolicyApplicationsTable>;

export type PolicyRow = Selectable<PoliciesTable>;

export type PolicyVersionRow = Selectable<PolicyVersionsTable>;

export type PolicyPushRow = Selectable<PolicyPushesTable>;

export type GrantRunRow = Selectable<GrantRunsTable>;

export type GrantItemRow = Selectable<GrantItemsTable>;

export interface PoliciesTables {
  policies: PoliciesTable;
  policy_versions: PolicyVersionsTable;
  policy_pushes: PolicyPushesTable;
  grant_runs: GrantRunsTable;
  grant_items: GrantItemsTable;
  grant_events: GrantEventsTable;
  policy_applications: PolicyApplicationsTable;
}
