/** API shapes (camelCase, ISO instants) for notices, service ratings, appeals and notifications. */
import type { NoticeRow, NotificationRow, RatingAppealRow, ServiceRatingRow } from '../../../db/schema.ts';

const iso = (value: Date | null): string | null => (value ? value.toISOString() : null);

export function presentNotice(
  row: NoticeRow & { department_name?: string | null; case_number?: string | null; issuer_name?: string | null; issuer_role?: string | null },
  now: Date,
) {
  return {
    id: row.id, caseId: row.case_id, caseNumber: row.case_number ?? null, departmentId: row.department_id, departmentName: row.department_name ?? null,
    content: row.content, issuedBy: row.issued_by,
    // who issued it, by name and role: a leader's 督办 names the leader
    issuer: row.issued_by === null ? null : { id: row.issued_by, name: row.issuer_name ?? null, role: row.issuer_role ?? null },
    issuedAt: iso(row.issued_at), respondBy: iso(row.respond_by), status: row.status,
    response: row.response, respondedAt: iso(row.responded_at), escalatedAt: iso(row.escalated_at),
    late: row.responded_at ? row.responded_at.getTime() > row.respond_by.getTime() : now.getTime() > row.respond_by.getTime(),
  };
}

export function presentServiceRating(row: ServiceRatingRow & { rectification_case_number?: string | null }) {
  return {
    id: row.id, departmentId: row.department_id, channel: row.channel, serviceName: row.service_name, level: row.level, comment: row.comment,
    ratedAt: iso(row.rated_at), rectificationCaseId: row.rectification_case_id, rectificationCaseNumber: row.rectification_case_number ?? null,
  };
}

export function presentAppeal(row: RatingAppealRow) {
  return {
    id: row.id, caseId: row.case_id, serviceRatingId: row.service_rating_id, departmentId: row.department_id, reason: row.reason,
    filedBy: row.filed_by, filedAt: iso(row.filed_at), status: row.status, decidedBy: row.decided_by, decidedAt: iso(row.decided_at),
    decisionNote: row.decision_note,
  };
}

/**
 * A notification as its reader sees it: besides the stored bilingual title and body, a message key and its
 * parameters (`notification.<key>` in the web catalogs), so the reader's language renders it, and the case's
 * number to open it.
 */
export function presentNotification(row: NotificationRow & { case_number?: string | null }) {
  const data = (row.data ?? {}) as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  const key = row.kind === 'notice' && data.issuerRole === 'leader' ? 'notice_leader' : row.kind;
  const params: Record<string, string> = {};
  const put = (name: string, value: string | null | undefined) => { if (value) params[name] = value; };
  put('caseNumber', row.case_number ?? null);
  put('respondBy', text(data.respondBy));
  put('resolveDeadline', text(data.resolveDeadline));
  put('issuerName', text(data.issuerName));
  // a notice's body is the issuer's own words, in whatever language they wrote them
  if (row.kind === 'notice') put('content', row.body);
  // a month's missing project reports: the month and the projects' names (names are data, not translated)
  if (row.kind === 'project_report_missing' && Array.isArray(data.projects)) {
    const names = (data.projects as unknown[]).map((project) => text((project as { name?: unknown } | null)?.name)).filter((name): name is string => name !== null);
    put('month', text(data.month));
    put('count', String(names.length));
    put('projects', names.join('、'));
  }
  return {
    id: row.id, kind: row.kind, caseId: row.case_id, caseNumber: row.case_number ?? null, noticeId: row.notice_id,
    messageKey: `notification.${key}`, params, title: row.title, body: row.body, data: row.data,
    createdAt: iso(row.created_at), readAt: iso(row.read_at),
  };
}
