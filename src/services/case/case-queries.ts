/** Reading cases as the caller may see them: one with its timeline and allowed actions, or a list. */
import { DomainError } from '../../domain/errors.ts';
import { allowedActions } from '../../domain/case/case-transitions.ts';
import { canSeeReporterContact, canViewCase, listScopeFor } from '../../domain/case/case-access.ts';
import type { Actor, CaseAction, CaseKind, CasePriority, CaseSource, CaseState } from '../../domain/case/case-model.ts';
import { isNumericId } from '../../domain/case/case-number.ts';
import { isSpanProvisional, type WorkingCalendar } from '../../domain/calendar/index.ts';
import { findCase, findCaseByNumber, findCaseView, listCases, type CaseListRow, type CaseSort } from '../../db/repositories/case/case-repository.ts';
import { listCaseEvents } from '../../db/repositories/case/timeline-repository.ts';
import { findCategoryByCode } from '../../db/repositories/case/category-repository.ts';
import { findDistrictByCode, findStreetByCode } from '../../db/repositories/org/index.ts';
import type { TimelineEntry } from '../../db/schema.ts';
import type { ServiceDeps } from '../service-deps.ts';
import { decodeCaseCursor, encodeCaseCursor } from './case-list-cursor.ts';
import { guardContext, toSnapshot } from './case-snapshot.ts';
import { isReporterOf } from './case-reporter.ts';
import { isFollower } from '../../db/repositories/case/follower-repository.ts';
import { hashTrackingCode, type ReportResult } from './case-intake.ts';
import { referenceData } from '../org/index.ts';

/** A case row with whether its deadlines ran over estimated (provisional) calendar days. */
export type CaseRowWithCalendar = CaseListRow & { deadlineProvisional: boolean };

export interface CaseDetail {
  row: CaseRowWithCalendar;
  timeline: TimelineEntry[];
  allowedActions: CaseAction[];
  /** Staff who work the case see the reporter's contact details; others do not. */
  showReporterContact: boolean;
}

/** Marks a case whose clock runs into a year without an official holiday notice: its deadlines may still move. */
export function withCalendarMark(row: CaseListRow, calendar: WorkingCalendar): CaseRowWithCalendar {
  const deadlines = [row.dispatch_deadline, row.sign_deadline, row.resolve_deadline].filter((d): d is Date => d !== null);
  const latest = deadlines.reduce<Date | null>((max, d) => (max === null || d > max ? d : max), null);
  return { ...row, deadlineProvisional: latest !== null && isSpanProvisional(calendar, row.created_at, latest) };
}

/** Finds a case by numeric id or by its number (LY-2026-000123). */
export async function resolveCaseId(deps: ServiceDeps, idOrNumber: string): Promise<number> {
  const row = isNumericId(idOrNumber) ? await findCase(deps.db, Number(idOrNumber)) : await findCaseByNumber(deps.db, idOrNumber);
  if (!row) throw new DomainError('NOT_FOUND');
  return row.id;
}

/**
 * One case with its timeline and the actions this caller may take now.
 * @throws DomainError NOT_FOUND (also when the caller may not see it, so existence does not leak), AUTH_REQUIRED
 */
export async function getCaseDetail(
  deps: ServiceDeps,
  actor: Actor,
  caseId: number,
  trackingCode?: string,
  options: { justActed?: boolean } = {},
): Promise<CaseDetail> {
  // Both reads at once (two connections on PostgreSQL): the timeline is shown only once the case may be seen.
  const [row, timeline] = await Promise.all([findCaseView(deps.db, caseId), listCaseEvents(deps.db, caseId)]);
  if (!row) throw new DomainError('NOT_FOUND');
  return detailOf(deps, actor, row, timeline, trackingCode, options);
}

/** The detail of a case just reported, from what its write returned (intake reads nothing back). @throws as getCaseDetail */
export function newCaseDetail(deps: ServiceDeps, actor: Actor, reported: ReportResult): Promise<CaseDetail> {
  return detailOf(deps, actor, reported.view, [reported.reportEvent], reported.trackingCode ?? undefined, {});
}

/**
 * The detail of a case an action just wrote, from what its read and its write returned: the row with its names,
 * the events read before the write and the new one (the action path reads nothing back). @throws as getCaseDetail
 */
export function actedCaseDetail(deps: ServiceDeps, actor: Actor, acted: { view: CaseListRow; timeline: TimelineEntry[] }, trackingCode?: string): Promise<CaseDetail> {
  return detailOf(deps, actor, acted.view, acted.timeline, trackingCode, { justActed: true });
}

async function detailOf(
  deps: ServiceDeps, actor: Actor, row: CaseListRow, timeline: TimelineEntry[], trackingCode: string | undefined,
  options: { justActed?: boolean },
): Promise<CaseDetail> {
  const isReporter = isReporterOf(row, actor, trackingCode);
  // After a handler returns a case it is no longer theirs, yet they should see the result of what they did.
  const facts = { districtId: row.district_id, departmentId: row.department_id, gridId: row.grid_id, state: row.state };
  // Who just acted may see the result whatever it is, so the follower lookup is spared then.
  const visible = options.justActed === true || canViewCase(actor, facts, isReporter)
    || canViewCase(actor, facts, isReporter, await isFollower(deps.db, row.id, { userId: actor.userId, trackingCodeHash: trackingCode ? hashTrackingCode(trackingCode) : null }));
  if (!visible) {
    throw new DomainError(actor.role === 'anonymous' ? 'AUTH_REQUIRED' : 'NOT_FOUND');
  }
  const category = await referenceData.categoryById(deps.db, row.category_id);
  if (!category) throw new DomainError('NOT_FOUND');
  const effectiveActor: Actor = actor.role === 'anonymous' && isReporter ? { ...actor, role: 'citizen' } : actor;
  const caseActions = allowedActions(toSnapshot(row), effectiveActor, guardContext(deps.clock(), category, deps.settings.reopenWindowDays, isReporter));
  // An application (办件) moves by its own table; of the case actions only rating and 督办 apply (case-actions.ts).
  const actions = (row.kind === 'service_application' || row.kind === 'policy_application') ? caseActions.filter((action) => action === 'rate' || action === 'supervise') : caseActions;
  const marked = withCalendarMark(row, await deps.calendar.get());
  return { row: marked, timeline, allowedActions: actions, showReporterContact: canSeeReporterContact(actor, facts, isReporter) };
}

export interface CaseListQuery {
  state?: CaseState[];
  kind?: CaseKind;
  district?: string;
  street?: string;
  department?: number;
  category?: string;
  overdue?: boolean;
  /** Only cases in the caller's own grid (我的网格). */
  myGrid?: boolean;
  q?: string;
  source?: CaseSource[];
  priority?: CasePriority;
  from?: Date;
  before?: Date;
  sort?: CaseSort;
  page: number;
  pageSize: number;
  cursor?: string;
}

export interface CaseListResult {
  items: CaseRowWithCalendar[];
  total: number;
  totalIsEstimate: boolean;
  nextCursor: string | null;
}

/** The caller's cases, newest first, filtered; filters naming unknown codes match nothing. */
export async function listCasesFor(deps: ServiceDeps, actor: Actor, query: CaseListQuery): Promise<CaseListResult> {
  const scope = listScopeFor(actor);
  if (scope.kind === 'none') throw new DomainError('AUTH_REQUIRED');
  const after = query.cursor === undefined ? undefined : decodeCaseCursor(query.cursor);
  const empty = { items: [], total: 0, totalIsEstimate: false, nextCursor: null };
  let districtIds: number[] | undefined;
  if (query.district) {
    const district = await findDistrictByCode(deps.db, query.district);
    if (!district) return empty;
    districtIds = [district.id];
  }
  let streetId: number | undefined;
  if (query.street) {
    const street = await findStreetByCode(deps.db, query.street);
    if (!street) return empty;
    streetId = street.id;
  }
  let categoryId: number | undefined;
  if (query.category) {
    const category = await findCategoryByCode(deps.db, query.category);
    if (!category) return empty;
    categoryId = category.id;
  }
  const calendar = await deps.calendar.get();
  const page = await listCases(
    deps.db,
    {
      districtIds, state: query.state, kind: query.kind, streetId, departmentId: query.department, categoryId,
      // The grid worker's own scope also holds what they reported elsewhere; 我的网格 is the grid alone.
      gridIds: query.myGrid ? (actor.gridId === null ? [] : [actor.gridId]) : undefined,
      overdueAt: query.overdue ? deps.clock() : undefined, text: query.q,
      source: query.source, priority: query.priority, createdFrom: query.from, createdBefore: query.before, sort: query.sort, page: query.page, pageSize: query.pageSize, after,
    },
    scope,
  );
  return {
    items: page.items.map((row) => withCalendarMark(row, calendar)), total: page.total, totalIsEstimate: page.totalIsEstimate,
    nextCursor: page.next ? encodeCaseCursor(page.next) : null,
  };
}
