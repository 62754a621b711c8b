/** Kysely's view of the tables of key projects, their nodes and reports, and district targets (snake_case, as stored). */
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { FourRates, PlanLevel, ProjectType, TargetKind } from '../../domain/projects/index.ts';
import type { Json, Timestamp } from './columns.ts';

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

/** A photo on a monthly report; the bytes are in file storage under the three keys (migration 0038). */
export interface ProjectReportPhotosTable {
  id: Generated<number>;
  report_id: number;
  project_id: number;
  district_id: number;
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

/** A unit's rates inside a frozen month. */
export interface FrozenUnitRates {
  unit: { id: number; code: string; name: string };
  rates: FourRates;
}

/** The 四率 of a district and its units for a closed month, written once when the month closes. */
export interface ProjectRateSnapshotsTable {
  district_id: number;
  month: string;
  rates: Json<FourRates>;
  units: Json<FrozenUnitRates[]>;
  closes_at: Timestamp;
  frozen_at: Timestamp;
}

/** A district's month whose missing reports were notified (sent once). */
export interface ProjectReportNoticesTable {
  district_id: number;
  month: string;
  missing: number;
  sent_at: Timestamp;
}

export type ProjectRow = Selectable<ProjectsTable>;

export type ProjectRateSnapshotRow = Selectable<ProjectRateSnapshotsTable>;

export type NewProject = Insertable<ProjectsTable>;

export type ProjectUpdate = Updateable<ProjectsTable>;

export type ProjectReportRow = Selectable<ProjectReportsTable>;

export type ProjectReportPhotoRow = Selectable<ProjectReportPhotosTable>;

export type ProjectEventRow = Selectable<ProjectEventsTable>;

export type DistrictTargetRow = Selectable<DistrictTargetsTable>;

export interface ProjectsTables {
  project_stages: ProjectStagesTable;
  project_stage_nodes: ProjectStageNodesTable;
  projects: ProjectsTable;
  project_plan_lists: ProjectPlanListsTable;
  project_nodes: ProjectNodesTable;
  project_reports: ProjectReportsTable;
  project_report_photos: ProjectReportPhotosTable;
  project_problems: ProjectProblemsTable;
  project_events: ProjectEventsTable;
  district_targets: DistrictTargetsTable;
  target_actuals: TargetActualsTable;
  project_rate_snapshots: ProjectRateSnapshotsTable;
  project_report_notices: ProjectReportNoticesTable;
}
