/** Response shapes of the supervision API (see src/server/routes/supervision/supervision-presenter.ts). */

export type NoticeStatus = 'open' | 'answered' | 'escalated';

export interface NoticeView {
  id: number;
  caseId: number | null;
  caseNumber: string | null;
  departmentId: number;
  departmentName: string | null;
  content: string;
  issuedBy: number;
  /** Who issued it: a leader's 督办 names the leader. */
  issuer: { id: number; name: string | null; role: string | null } | null;
  issuedAt: string;
  respondBy: string;
  status: NoticeStatus;
  response: string | null;
  respondedAt: string | null;
  escalatedAt: string | null;
  late: boolean;
}

export type AppealStatus = 'pending' | 'upheld' | 'rejected';

export interface AppealView {
  id: number;
  caseId: number | null;
  serviceRatingId: number | null;
  departmentId: number;
  reason: string;
  filedBy: number;
  filedAt: string;
  status: AppealStatus;
  decidedBy: number | null;
  decidedAt: string | null;
  decisionNote: string | null;
}
