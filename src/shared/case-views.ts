/**
 * The case as the JSON API shows it (camelCase, ISO times, no secrets). The server's presenter is typed
 * with these and the web reads them, so the shape is declared once.
 */
import type { CaseAction, CaseKind, CasePriority, CaseSource, CaseState, PendingRequest, RatingLevel, WarningLevel } from '../domain/case/index.ts';

export type PendingRequestView = PendingRequest;

export interface CaseView {
  id: number;
  number: string;
  kind: CaseKind;
  source: CaseSource;
  categoryCode: string;
  categoryName: string;
  categoryNameEn: string | null;
  priority: CasePriority;
  title: string | null;
  description: string;
  state: CaseState;
  version: number;
  districtId: number;
  streetId: number | null;
  streetName: string | null;
  communityId: number | null;
  gridId: number | null;
  gridCode: string | null;
  departmentId: number | null;
  departmentName: string | null;
  departmentNameEn: string | null;
  location: { lat: number; lng: number } | null;
  address: string | null;
  /** Only for staff who work the case. */
  reporter: { name: string | null; phone: string | null } | null;
  pendingRequest: PendingRequestView | null;
  /** `amber`: the stored instant the resolve clock turns amber; red is `resolve`. */
  deadlines: { dispatch: string | null; sign: string | null; resolve: string | null; amber: string | null };
  /** A deadline runs over a year whose holidays are only estimated (no State Council notice yet). */
  deadlineProvisional: boolean;
  overdue: boolean;
  warningLevel: WarningLevel | null;
  counts: { rework: number; return: number; extension: number; supervision: number };
  rating: { level: RatingLevel; comment: string | null; ratedAt: string | null } | null;
  mergedIntoId: number | null;
  /** Received by the server. */
  createdAt: string;
  /** Made by the reporter: earlier than `createdAt` for a report queued offline on a phone, else the same. */
  reportedAt: string;
  updatedAt: string;
  verifiedAt: string | null;
  filedAt: string | null;
  dispatchedAt: string | null;
  signedAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
}

export interface TimelineEvent {
  id: number;
  at: string;
  action: string;
  actorUserId: number | null;
  actorRole: string | null;
  fromState: string | null;
  toState: string | null;
  note: string | null;
  data: Record<string, unknown>;
  hash: string | null;
}

export interface CaseDetailView extends CaseView {
  timeline: TimelineEvent[];
  allowedActions: CaseAction[];
  /** Only in the answer to the report that created the case. */
  trackingCode?: string | null;
}

export interface CaseListResponse {
  items: CaseView[];
  /** Exact up to 10,000; beyond it the planner's estimate, with `totalIsEstimate`. */
  total: number;
  totalIsEstimate: boolean;
  /** Keyset cursor of the next page (pass as `cursor`), null on the last page. */
  nextCursor: string | null;
}

/** One change of a case as a desk hears it over GET /api/v1/events/stream: enough to refresh a queue and announce an urgent case. */
export interface LiveCaseChange {
  caseId: number;
  number: string;
  kind: string;
  action: string;
  state: string;
  priority: string;
  category: string;
  categoryEn: string;
  at: string;
}

/** 来电登记's hints before a call is saved (GET /api/v1/cases/intake-hints). */
export interface IntakeHintsView {
  /** The caller's cases by phone: open ones the most urgent first, finished ones newest first. */
  caller: { total: number; open: CaseView[]; earlier: CaseView[] };
  /** Open cases likely the same problem: the caller's own of the category, and the category's in the grid. */
  duplicates: Array<CaseView & { sameCaller: boolean; sameGrid: boolean }>;
}
