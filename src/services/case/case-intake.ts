/**
 * Reporting a case (上报): check the category and the reporter's right to report that kind,
 * place it in the org tree, route it to a department, number it, set its first deadline and
 * write the first timeline event, all in one statement (issue 10).
 */
import { createHash, randomBytes } from 'node:crypto';
import { DomainError } from '../../domain/errors.ts';
import { canReportKind, isDistrictStaff, isPublicSide } from '../../domain/case/case-access.ts';
import { computeDeadline } from '../../domain/calendar/index.ts';
import { routingCandidates } from '../../domain/org/index.ts';
import { caseNumberYear } from '../../domain/case/case-number.ts';
import { reportedAtToKeep } from '../../domain/case/reported-at.ts';
import type { Actor, CaseKind, CasePriority, CaseSource } from '../../domain/case/case-model.ts';
import { referenceData } from '../org/index.ts';
import { ensureCaseNumberSequence, eventRowValues, insertReportedCase, nextCaseNumberSql, timelineEntryOf, type NewCaseEvent } from '../../db/repositories/case/index.ts';
import { standingOfNewCase } from '../../db/repositories/supervision/index.ts';
import { runWrite, runWriteStatement } from '../write-transaction.ts';
import { caseAtEventOf, NO_PRIOR_EVENTS } from '../../domain/supervision/index.ts';
import type { CaseRow, CategoryRow, Database, TimelineEntry } from '../../db/schema.ts';
import type { CaseListRow } from '../../db/repositories/case/index.ts';
import type { ServiceDeps } from '../service-deps.ts';
import { workingHoursOf } from './case-snapshot.ts';
import { placeByLocation, toWgs84, type CoordSystem } from '../geo/index.ts';
import type { Transaction } from 'kysely';
import { autoDispatchRequest } from '../dispatch/index.ts';

export interface ReportInput {
  kind: CaseKind;
  categoryCode: string;
  description: string;
  title?: string | undefined;
  gridCode?: string | undefined;
  districtCode?: string | undefined;
  location?: { lat: number; lng: number } | undefined;
  address?: string | undefined;
  reporter?: { name?: string | undefined; phone?: string | undefined } | undefined;
  priority?: CasePriority | undefined;
  source?: CaseSource | undefined;
  /** The location's datum; 'gcj02' (phone map SDKs) is converted and stored as WGS84. */
  coordSystem?: CoordSystem | undefined;
  /** When the report was made on the phone (ISO), if it was queued offline; bounded by `reportedAtToKeep`. */
  reportedAt?: string | undefined;
  /** Set when an Open311 client files the case: recorded on the case, source 'open311'. */
  apiKeyId?: number | undefined;
  /** Runs inside the intake transaction after the case row exists (Open311 extras). */
  onInserted?: ((trx: Transaction<Database>, row: CaseRow) => Promise<void>) | undefined;
}

export interface ReportResult {
  row: CaseRow;
  /** The row with the names the detail shows, and its first timeline entry: the answer needs no read after the write. */
  view: CaseListRow;
  reportEvent: TimelineEntry;
  /** Shown once to a reporter without an account, so they can track and rate the case. */
  trackingCode: string | null;
}

const DEFAULT_SOURCE: Record<string, CaseSource> = {
  anonymous: 'web', citizen: 'web', enterprise: 'enterprise_portal', grid_worker: 'patrol', operator: 'hotline', shift_lead: 'hotline',
};

interface Placement {
  districtId: number;
  streetId: number | null;
  communityId: number | null;
  gridId: number | null;
  responsibleDepartmentId: number | null;
  /** 区兜底: a citizen's point outside every grid goes to this (command centre) unit. */
  fallbackDepartmentId?: number | null | undefined;
}

async function placeReport(deps: ServiceDeps, actor: Actor, input: ReportInput): Promise<Placement> {
  if (input.gridCode) {
    const grid = await referenceData.gridPlacement(deps.db, input.gridCode);
    if (!grid) throw new DomainError('GRID_UNKNOWN', { gridCode: input.gridCode });
    return {
      districtId: grid.districtId, streetId: grid.streetId, communityId: grid.communityId, gridId: grid.gridId,
      responsibleDepartmentId: grid.responsibleDepartmentId,
    };
  }
  if (input.location) {
    const located = await placeByLocation(deps, actor, input.location, input.districtCode);
    if (located) return located;
  }
  if (input.districtCode) {
    const district = await referenceData.districtByCode(deps.db, input.districtCode);
    if (!district) throw new DomainError('DISTRICT_UNKNOWN', { districtCode: input.districtCode });
    return { districtId: district.id, streetId: null, communityId: null, gridId: null, responsibleDepartmentId: null };
  }
  if (actor.districtId !== null) {
    return { districtId: actor.districtId, streetId: actor.streetId, communityId: null, gridId: null, responsibleDepartmentId: null };
  }
  throw new DomainError('CASE_LOCATION_REQUIRED');
}

/** The department a category goes to by default, by the one routing rule (department-routing.ts). */
async function routeDepartment(deps: ServiceDeps, category: CategoryRow, placement: Placement): Promise<number | null> {
  const candidates = routingCandidates({ handledByStreet: category.handled_by_street, departmentCode: category.department_code }, placement);
  for (const candidate of candidates) {
    if (candidate.kind === 'unit') return candidate.departmentId;
    const found = candidate.kind === 'street_unit'
      ? await referenceData.streetDepartment(deps.db, candidate.streetId)
      : await referenceData.departmentByCode(deps.db, placement.districtId, candidate.code);
    if (found) return found.id;
  }
  return null;
}

/**
 * Files a new report into the loop in state `reported`.
 * @throws DomainError CASE_CATEGORY_UNKNOWN, CASE_CATEGORY_KIND_MISMATCH, FORBIDDEN, GRID_UNKNOWN, CASE_LOCATION_REQUIRED
 */
export async function reportCase(deps: ServiceDeps, actor: Actor, input: ReportInput): Promise<ReportResult> {
  if (input.location && input.coordSystem === 'gcj02') input = { ...input, location: toWgs84(input.location, 'gcj02') };
  const { category, placement, district } = await checkReport(deps, actor, input);
  const departmentId = await routeDepartment(deps, category, placement);
  const now = deps.clock();
  const reportedAt = reportedAtToKeep(input.reportedAt === undefined ? undefined : new Date(input.reportedAt), now);
  if (reportedAt === 'invalid') throw new DomainError('CASE_REPORTED_AT_INVALID', { reportedAt: input.reportedAt });
  const year = caseNumberYear(now);
  const trackingCode = actor.userId === null ? randomBytes(6).toString('hex').toUpperCase() : null;
  const values = await newCaseValues(deps, actor, input, { category, placement, district, departmentId, now, trackingCode });

  // Created once per district-year, outside any write: two writes creating it at once would abort one (ADR 0006).
  await ensureCaseNumberSequence(deps.db, district.id, year);
  // Set only when the phone gave its own time, so ordinary intake writes the same row as before.
  const caseValues = reportedAt ? { ...values, reported_at: reportedAt } : values;
  const report: NewCaseEvent = {
    caseId: 0, districtId: district.id, at: now, actorUserId: actor.userId, actorRole: actor.role, action: 'report',
    fromState: null, toState: 'reported', note: null, data: {
      source: values.source, categoryCode: category.code, routedDepartmentId: departmentId,
      ...(reportedAt ? { reportedAt: reportedAt.toISOString() } : {}),
    },
  };
  const { case_id: _unknownYet, ...eventValues } = eventRowValues(report, caseAtEventOf(standingOfNewCase(caseValues)), NO_PRIOR_EVENTS);
  const write = {
    values: caseValues, number: nextCaseNumberSql(district.abbr, district.id, year), event: eventValues,
    // Done after commit by the outbox drain, never here: the intake does not wait on the model.
    followUp: autoDispatchRequest(district.id),
  };
  // One statement (issue 10): the case, its number, its event and the auto-dispatch request. Open311's extras
  // need the row inside the same transaction, so only that path opens one.
  const onInserted = input.onInserted;
  const reported = onInserted
    ? await runWrite(deps, async (trx) => {
      const inserted = await insertReportedCase(trx, write);
      await onInserted(trx, inserted.row);
      return inserted;
    })
    : await runWriteStatement(deps, (db) => insertReportedCase(db, write));
  return { row: reported.row, view: reported.view, reportEvent: timelineEntryOf(report, reported.reportEventId), trackingCode };
}

/** Refuses what may not be reported, and places the report. @throws DomainError CASE_CATEGORY_UNKNOWN, CASE_CATEGORY_KIND_MISMATCH, FORBIDDEN, DISTRICT_UNKNOWN */
async function checkReport(deps: ServiceDeps, actor: Actor, input: ReportInput) {
  const category = await referenceData.categoryByCode(deps.db, input.categoryCode);
  if (!category) throw new DomainError('CASE_CATEGORY_UNKNOWN', { categoryCode: input.categoryCode });
  if (category.kind !== input.kind) {
    throw new DomainError('CASE_CATEGORY_KIND_MISMATCH', { kind: input.kind, categoryKind: category.kind });
  }
  if (!canReportKind(actor.role, input.kind)) throw new DomainError('FORBIDDEN', { kind: input.kind });
  const placement = await placeReport(deps, actor, input);
  if (isDistrictStaff(actor.role) && actor.districtId !== placement.districtId) {
    throw new DomainError('FORBIDDEN', { reason: 'other_district' });
  }
  const district = await referenceData.districtById(deps.db, placement.districtId);
  if (!district) throw new DomainError('DISTRICT_UNKNOWN');
  return { category, placement, district };
}

type CheckedReport = Awaited<ReturnType<typeof checkReport>>;

/** The new case's row but its number (taken in the write statement): source, title, place, reporter and 派遣 deadline. */
async function newCaseValues(
  deps: ServiceDeps, actor: Actor, input: ReportInput,
  report: CheckedReport & { departmentId: number | null; now: Date; trackingCode: string | null },
) {
  const { category, placement, district, departmentId, now, trackingCode } = report;
  const calendar = await deps.calendar.get();
  const isStaff = !isPublicSide(actor.role);
  const source = input.apiKeyId !== undefined ? 'open311' : isStaff && input.source ? input.source : (DEFAULT_SOURCE[actor.role] ?? 'web');
  return {
    district_id: district.id,
    kind: input.kind,
    source,
    category_id: category.id,
    priority: input.priority ?? (category.urgent ? 'urgent' : 'normal'),
    title: input.title?.trim() || `${category.minor_name}${input.address ? ` · ${input.address}` : ''}`.slice(0, 100),
    description: input.description,
    state: 'reported',
    version: 1,
    lat: input.location?.lat ?? null,
    lng: input.location?.lng ?? null,
    address: input.address ?? null,
    grid_id: placement.gridId,
    community_id: placement.communityId,
    street_id: placement.streetId,
    department_id: departmentId,
    reporter_user_id: actor.userId,
    reporter_name: input.reporter?.name ?? null,
    reporter_phone: input.reporter?.phone ?? null,
    tracking_code_hash: trackingCode ? hashTrackingCode(trackingCode) : null,
    api_key_id: input.apiKeyId ?? null,
    created_by: actor.userId,
    dispatch_deadline: computeDeadline(now, category.dispatch_limit, calendar, workingHoursOf(district, now)),
    created_at: now,
    updated_at: now,
  } as const;
}

export function hashTrackingCode(code: string): string {
  return createHash('sha256').update(`tracking:${code.trim().toUpperCase()}`).digest('hex');
}
