/** The response shapes the web UI reads (see src/server/presenters). */
import type { CaseAction, CaseKind, CaseState, RatingLevel, Role } from '../../domain/case/index.ts';

export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  districtId: number | null;
  streetId: number | null;
  departmentId: number | null;
  gridId: number | null;
}

export interface MeResponse {
  user: SessionUser;
  csrfToken: string | null;
  demo: boolean;
}

export interface LoginResponse {
  token: string;
  csrfToken: string;
  expiresAt: string;
  user: SessionUser;
}

export type PendingRequestView =
  | { type: 'extension'; until: string; reason: string }
  | { type: 'suspension'; reason: string };

export interface CaseView {
  id: number;
  number: string;
  kind: CaseKind;
  source: string;
  categoryCode: string;
  categoryName: string;
  categoryNameEn: string | null;
  priority: 'urgent' | 'normal';
  title: string | null;
  description: string;
  state: CaseState;
  version: number;
  districtId: number;
  streetName: string | null;
  gridCode: string | null;
  departmentId: number | null;
  departmentName: string | null;
  departmentNameEn: string | null;
  location: { lat: number; lng: number } | null;
  address: string | null;
  reporter: { name: string | null; phone: string | null } | null;
  pendingRequest: PendingRequestView | null;
  /** `amber`: the stored instant the resolve clock turns amber; red is `resolve`. */
  deadlines: { dispatch: string | null; sign: string | null; resolve: string | null; amber: string | null };
  /** A deadline runs over a year whose holidays are only estimated (no State Council notice yet). */
  deadlineProvisional: boolean;
  overdue: boolean;
  warningLevel: string | null;
  rating: { level: RatingLevel; comment: string | null; ratedAt: string | null } | null;
  createdAt: string;
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
  actorRole: string | null;
  fromState: string | null;
  toState: string | null;
  note: string | null;
}

export interface CaseDetailView extends CaseView {
  timeline: TimelineEvent[];
  allowedActions: CaseAction[];
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

export interface TimeLimitView {
  amount: number;
  unit: 'working_hours' | 'working_days' | 'clock_hours';
}

export interface CategoryView {
  code: string;
  kind: CaseKind;
  majorName: string;
  majorNameEn: string;
  name: string;
  nameEn: string;
  limits: { dispatch: TimeLimitView; sign: TimeLimitView; resolve: TimeLimitView };
  selfHandleAllowed: boolean;
}

export interface DepartmentView {
  id: number;
  districtId: number | null;
  code: string;
  name: string;
  nameEn: string | null;
}

export interface OrgTree {
  districts: Array<{
    id: number; code: string; name: string; nameEn: string; abbr: string;
    streets: Array<{
      id: number; code: string; name: string; nameEn: string | null;
      communities: Array<{ id: number; code: string; name: string; grids: Array<{ id: number; code: string; name: string }> }>;
    }>;
  }>;
}
