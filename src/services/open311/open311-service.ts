/**
 * Open311 GeoReport v2 reads: services, service definitions, requests, tokens and the
 * FixMyStreet updates feed. Only kinds the public may report are visible; reporters' contact
 * details never are. Jurisdictions are district codes (docs/open311.md).
 */
import { DomainError } from '../../domain/errors.ts';
import { findDistrictByCode } from '../../db/repositories/org/index.ts';
import type { CaseState } from '../../domain/case/index.ts';
import { canViewCase, isPublicSide } from '../../domain/case/index.ts';
import type { Actor, CaseKind } from '../../domain/case/index.ts';
import { findCase } from '../../db/repositories/case/index.ts';
import {
  findOpen311Submission, listOpen311UpdatesOfCase, listPublicEventsOfCases,
  findPublicCategory, findRequestByToken, listCategoryAttributes, listPublicCategories, listPublicEvents, listPublicRequests,
  type PublicRequestRow,
} from '../../db/repositories/open311/open311-repository.ts';
import type { ServiceDeps } from '../service-deps.ts';

const DAY_MS = 86_400_000;
/** The spec's default window and its longest allowed range. */
export const OPEN311_WINDOW_DAYS = 90;
/** The spec's default (and our maximum) number of requests per answer. */
export const OPEN311_MAX_REQUESTS = 1000;
/** FixMyStreet polls updates for the last hours; without dates we answer the last day. */
export const UPDATES_DEFAULT_HOURS = 24;

/**
 * The district named by a jurisdiction_id (its 6-digit code); undefined when none was given.
 * @throws DomainError OPEN311_JURISDICTION_UNKNOWN
 */
export async function resolveJurisdiction(deps: ServiceDeps, jurisdictionId: string | undefined): Promise<number | undefined> {
  if (!jurisdictionId) return undefined;
  const district = /^\d{6}$/.test(jurisdictionId) ? await findDistrictByCode(deps.db, jurisdictionId) : undefined;
  if (!district) throw new DomainError('OPEN311_JURISDICTION_UNKNOWN', { jurisdiction_id: jurisdictionId });
  return district.id;
}

/**
 * The time window of a query: the last `days` by default, never longer than `days`.
 * @throws DomainError OPEN311_DATE_RANGE_TOO_LONG, VALIDATION_FAILED (end before start)
 */
export function resolveWindow(now: Date, from: Date | undefined, to: Date | undefined, days = OPEN311_WINDOW_DAYS): { from: Date; to: Date } {
  const span = days * DAY_MS;
  if (from && to) {
    if (to.getTime() < from.getTime()) throw new DomainError('VALIDATION_FAILED', { reason: 'end_date is before start_date' });
    if (to.getTime() - from.getTime() > span) throw new DomainError('OPEN311_DATE_RANGE_TOO_LONG', { maxDays: days });
    return { from, to };
  }
  if (from) return { from, to: new Date(from.getTime() + span) };
  if (to) return { from: new Date(to.getTime() - span), to };
  return { from: new Date(now.getTime() - span), to: now };
}

export async function listOpen311Services(deps: ServiceDeps, jurisdictionId: string | undefined) {
  await resolveJurisdiction(deps, jurisdictionId);
  return listPublicCategories(deps.db);
}

/** @throws DomainError OPEN311_SERVICE_UNKNOWN, OPEN311_JURISDICTION_UNKNOWN */
export async function getOpen311ServiceDefinition(deps: ServiceDeps, serviceCode: string, jurisdictionId: string | undefined) {
  await resolveJurisdiction(deps, jurisdictionId);
  const category = await findPublicCategory(deps.db, serviceCode);
  if (!category) throw new DomainError('OPEN311_SERVICE_UNKNOWN', { service_code: serviceCode });
  return { category, attributes: await listCategoryAttributes(deps.db, category.code) };
}

export interface RequestQuery {
  jurisdictionId?: string | undefined;
  serviceRequestIds?: string[] | undefined;
  serviceCodes?: string[] | undefined;
  states?: CaseState[] | undefined;
  startDate?: Date | undefined;
  endDate?: Date | undefined;
  page: number;
  pageSize: number;
  /** lat/long/radius (a civicloop extension, as Mark-a-Spot and SeeClickFix offer it). */
  near?: { lat: number; lng: number; radiusM: number } | undefined;
}

/** Kinds whose place is published only coarsened; radius queries leave them out so they cannot narrow it down. */
export const COARSE_PLACE_KINDS: CaseKind[] = ['citizen_request'];

/** GET requests: service_request_id overrides every other argument. */
export async function listOpen311Requests(deps: ServiceDeps, query: RequestQuery): Promise<PublicRequestRow[]> {
  if (query.serviceRequestIds?.length) {
    return listPublicRequests(deps.db, { numbers: query.serviceRequestIds.slice(0, OPEN311_MAX_REQUESTS), limit: OPEN311_MAX_REQUESTS, offset: 0 });
  }
  const districtId = await resolveJurisdiction(deps, query.jurisdictionId);
  const window = resolveWindow(deps.clock(), query.startDate, query.endDate);
  const pageSize = Math.min(query.pageSize, OPEN311_MAX_REQUESTS);
  return listPublicRequests(deps.db, {
    districtId, serviceCodes: query.serviceCodes, states: query.states, from: window.from, to: window.to,
    near: query.near, excludeKinds: query.near ? COARSE_PLACE_KINDS : undefined, limit: pageSize, offset: (query.page - 1) * pageSize,
  });
}

/** @throws DomainError NOT_FOUND, OPEN311_JURISDICTION_UNKNOWN */
export async function getOpen311Request(deps: ServiceDeps, serviceRequestId: string, jurisdictionId: string | undefined): Promise<PublicRequestRow> {
  const districtId = await resolveJurisdiction(deps, jurisdictionId);
  const [row] = await listPublicRequests(deps.db, { numbers: [serviceRequestId], limit: 1, offset: 0 });
  if (!row || (districtId !== undefined && row.district_code !== jurisdictionId)) throw new DomainError('NOT_FOUND', { service_request_id: serviceRequestId });
  return row;
}

/** @throws DomainError OPEN311_TOKEN_UNKNOWN, OPEN311_JURISDICTION_UNKNOWN */
export async function resolveOpen311Token(deps: ServiceDeps, token: string, jurisdictionId: string | undefined) {
  const districtId = await resolveJurisdiction(deps, jurisdictionId);
  const row = token.length <= 100 ? await findRequestByToken(deps.db, token) : undefined;
  if (!row || (districtId !== undefined && row.district_id !== districtId)) throw new DomainError('OPEN311_TOKEN_UNKNOWN', { token });
  return { serviceRequestId: row.number, token: row.token };
}

/** Timeline events the public may see, as updates (FixMyStreet servicerequestupdates). */
export async function listOpen311Updates(
  deps: ServiceDeps,
  query: { jurisdictionId?: string | undefined; startDate?: Date | undefined; endDate?: Date | undefined; publicActions: readonly string[] },
) {
  const districtId = await resolveJurisdiction(deps, query.jurisdictionId);
  const now = deps.clock();
  const window = query.startDate || query.endDate
    ? resolveWindow(now, query.startDate, query.endDate)
    : { from: new Date(now.getTime() - UPDATES_DEFAULT_HOURS * 3_600_000), to: now };
  return listPublicEvents(deps.db, { districtId, from: window.from, to: window.to, actions: query.publicActions, limit: OPEN311_MAX_REQUESTS });
}

/** The public timeline steps of the listed requests, per case id (notes of `extensions=true`). */
export async function listOpen311Notes(deps: ServiceDeps, caseIds: number[], publicActions: readonly string[]) {
  const events = await listPublicEventsOfCases(deps.db, caseIds, publicActions);
  const byCase = new Map<number, typeof events>();
  for (const event of events) byCase.set(event.case_id, [...(byCase.get(event.case_id) ?? []), event]);
  return byCase;
}

/**
 * What an Open311 client sent with a case, for whoever may see the case: attribute answers, media and
 * what became of each photo, the client's updates; the reporter's names and contacts only for staff.
 * @returns null when the case did not come through Open311
 * @throws DomainError NOT_FOUND, AUTH_REQUIRED
 */
export async function getOpen311Submission(deps: ServiceDeps, actor: Actor, caseId: number) {
  const row = await findCase(deps.db, caseId);
  if (!row) throw new DomainError('NOT_FOUND');
  const facts = { districtId: row.district_id, departmentId: row.department_id, gridId: row.grid_id, state: row.state };
  if (!canViewCase(actor, facts, false)) throw new DomainError(actor.role === 'anonymous' ? 'AUTH_REQUIRED' : 'NOT_FOUND');
  const submission = await findOpen311Submission(deps.db, caseId);
  if (!submission) return null;
  const staff = !isPublicSide(actor.role);
  return {
    client: submission.api_key_name,
    receivedAt: submission.created_at,
    coordSystem: submission.coord_system,
    attributes: submission.attributes,
    mediaUrls: submission.media_urls,
    mediaFetches: submission.media_fetches,
    notes: submission.intake_notes,
    reporter: staff ? { name: submission.reporter_name, ...submission.contact } : null,
    updates: await listOpen311UpdatesOfCase(deps.db, caseId),
  };
}
