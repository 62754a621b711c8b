/** Stored cases and timeline rows as the API shows them (camelCase, ISO times, no secrets). */
import type { CaseRowWithCalendar } from '../../../services/case/case-queries.ts';
import type { TimelineEntry } from '../../../db/schema.ts';
import type { CaseAction } from '../../../domain/case/case-model.ts';
import { isOverdueAt, warningLevelAt } from '../../../domain/case/index.ts';
import type { CaseDetailView, CaseView, TimelineEvent } from '../../../shared/case-views.ts';

const iso = (value: Date | null): string | null => (value ? value.toISOString() : null);

export function presentCase(row: CaseRowWithCalendar, options: { showReporterContact: boolean; now: Date }): CaseView {
  const clock = { state: row.state, amberAt: row.amber_at, resolveDeadline: row.resolve_deadline, suspendedAt: row.suspended_at, signDeadline: row.sign_deadline };
  return {
    id: row.id,
    number: row.number,
    kind: row.kind,
    source: row.source,
    categoryCode: row.category_code,
    categoryName: row.category_name,
    categoryNameEn: row.category_name_en,
    priority: row.priority,
    title: row.title,
    description: row.description,
    state: row.state,
    version: row.version,
    districtId: row.district_id,
    streetId: row.street_id,
    streetName: row.street_name,
    communityId: row.community_id,
    gridId: row.grid_id,
    gridCode: row.grid_code,
    departmentId: row.department_id,
    departmentName: row.department_name,
    departmentNameEn: row.department_name_en,
    location: row.lat !== null && row.lng !== null ? { lat: row.lat, lng: row.lng } : null,
    address: row.address,
    reporter: options.showReporterContact ? { name: row.reporter_name, phone: row.reporter_phone } : null,
    pendingRequest: row.pending_request ?? null,
    deadlines: { dispatch: iso(row.dispatch_deadline), sign: iso(row.sign_deadline), resolve: iso(row.resolve_deadline), amber: iso(row.amber_at) },
    // true when a deadline runs over a year whose holidays are only estimated (no State Council notice yet)
    deadlineProvisional: row.deadlineProvisional,
    overdue: isOverdueAt(clock, options.now),
    warningLevel: warningLevelAt(clock, options.now),
    counts: { rework: row.rework_count, return: row.return_count, extension: row.extension_count, supervision: row.supervision_count },
    rating: row.rating ? { level: row.rating, comment: row.rating_comment, ratedAt: iso(row.rated_at) } : null,
    mergedIntoId: row.merged_into_id,
    createdAt: row.created_at.toISOString(),
    reportedAt: (row.reported_at ?? row.created_at).toISOString(),
    updatedAt: row.updated_at.toISOString(),
    verifiedAt: iso(row.verified_at),
    filedAt: iso(row.filed_at),
    dispatchedAt: iso(row.dispatched_at),
    signedAt: iso(row.signed_at),
    resolvedAt: iso(row.resolved_at),
    closedAt: iso(row.closed_at),
  };
}

export function presentEvent(row: TimelineEntry): TimelineEvent {
  return {
    id: row.id,
    at: row.at.toISOString(),
    action: row.action,
    actorUserId: row.actor_user_id,
    actorRole: row.actor_role,
    fromState: row.from_state,
    toState: row.to_state,
    note: row.note,
    data: row.data,
    hash: row.hash,
  };
}

export function presentCaseDetail(
  detail: { row: CaseRowWithCalendar; timeline: TimelineEntry[]; allowedActions: CaseAction[]; showReporterContact: boolean },
  now: Date,
): CaseDetailView {
  return {
    ...presentCase(detail.row, { showReporterContact: detail.showReporterContact, now }),
    timeline: detail.timeline.map(presentEvent),
    allowedActions: detail.allowedActions,
  };
}
