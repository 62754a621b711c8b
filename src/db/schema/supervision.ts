/** Kysely's view of the tables of indicator rollups, supervision notices, service ratings and appeals (snake_case, as stored). */
import type { ColumnType, Generated, Selectable } from 'kysely';
import type { RatingLevel, ServiceChannel } from '../../domain/case/index.ts';
import type { Timestamp } from './columns.ts';

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

export type NoticeRow = Selectable<SupervisionNoticesTable>;

export type ServiceRatingRow = Selectable<ServiceRatingsTable>;

export type RatingAppealRow = Selectable<RatingAppealsTable>;

export interface SupervisionTables {
  indicator_rollups: IndicatorRollupsTable;
  indicator_closed_days: IndicatorClosedDaysTable;
  supervision_notices: SupervisionNoticesTable;
  service_ratings: ServiceRatingsTable;
  rating_appeals: RatingAppealsTable;
}
