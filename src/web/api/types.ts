/** The response shapes the web UI reads. Cases and reference data come from src/shared, where the server's presenters are typed with them. */
import type { Role } from '../../domain/case/index.ts';

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

export type { CaseDetailView, CaseListResponse, CaseView, PendingRequestView, TimelineEvent } from '../../shared/case-views.ts';

export type { CategoryView, DepartmentView, OrgTree, TimeLimitView } from '../../shared/reference-views.ts';
