/** Kysely's view of the tables of 政务服务 service items and applications (办件) (snake_case, as stored). */
import type { Generated, Selectable, Updateable } from 'kysely';
import type { ApplicationStatus, ConclusionOutcome, PauseKind, ServiceItemKind } from '../../domain/applications/index.ts';
import type { Json, Timestamp } from './columns.ts';

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

export type ServiceItemRow = Selectable<ServiceItemsTable>;

export type ServiceApplicationRow = Selectable<ServiceApplicationsTable>;

export type ServiceApplicationUpdate = Updateable<ServiceApplicationsTable>;

export interface ApplicationsTables {
  service_items: ServiceItemsTable;
  service_applications: ServiceApplicationsTable;
}
