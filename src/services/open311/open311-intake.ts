/**
 * Open311 writes: POST requests (a new case filed under an API key) and FixMyStreet's POST
 * servicerequestupdates (a citizen's update, recorded on the timeline; it does not move the loop).
 * Everything is checked before anything is stored; every problem is reported.
 */
import { randomBytes } from 'node:crypto';
import { DomainError } from '../../domain/errors.ts';
import { isPhoneNumber } from '../../shared/text-rules.ts';
import { isActiveContent, joinReporterName, keepWithin, REPORTER_NAME_MAX } from '../../domain/open311/index.ts';
import { ANONYMOUS } from '../actor.ts';
import { addCaseAttachments, reportCase, type FileStorage } from '../case/index.ts';
import { requireApiKey } from '../admin/index.ts';
import { findGridAt, toWgs84, type CoordSystem } from '../geo/index.ts';
import { fetchMediaPhoto, type MediaFetchPolicy } from './open311-media.ts';
import type { MediaFetch } from '../../db/schema.ts';
import { subscribeReporter } from '../integrations/index.ts';
import { resolveJurisdiction } from './open311-service.ts';
import { findDistrictById } from '../../db/repositories/org/index.ts';
import {
  findPublicCaseByNumber, findPublicCategory, insertOpen311Request, insertOpen311Update, listCategoryAttributes, setMediaFetches,
} from '../../db/repositories/open311/open311-repository.ts';
import { appendEvents } from '../../db/repositories/case/index.ts';

import type { ServiceDeps } from '../service-deps.ts';
import { runWrite } from '../write-transaction.ts';

export const OPEN311_DESCRIPTION_MAX = 4000;

export interface Open311RequestInput {
  apiKey?: string | undefined;
  jurisdictionId?: string | undefined;
  serviceCode?: string | undefined;
  lat?: string | undefined;
  long?: string | undefined;
  addressString?: string | undefined;
  addressId?: string | undefined;
  description?: string | undefined;
  firstName?: string | undefined;
  lastName?: string | undefined;
  email?: string | undefined;
  phone?: string | undefined;
  deviceId?: string | undefined;
  accountId?: string | undefined;
  /** wgs84 (default), gcj02 or bd09: a civicloop extension; the point is stored as WGS84. */
  coordSystem?: string | undefined;
  attributes: Record<string, string | string[]>;
  mediaUrls: string[];
  /** Photos sent in a multipart/form-data POST (FixMyStreet's upload_files). */
  files?: Buffer[];
}

/** Where photos go and which media_url hosts may be fetched. */
export interface Open311MediaContext {
  storage: FileStorage;
  fetchPolicy: MediaFetchPolicy;
}

/** At most this many media_url values are fetched; the rest stay links. */
export const MEDIA_URLS_FETCHED_MAX = 5;

const COORD_SYSTEMS = ['wgs84', 'gcj02', 'bd09'] as const;

type Problem = { path: string; code: string; message: string };

/** Text is kept as typed (escaped on output); only active content is refused, naming the field. */
function checkText(problems: Problem[], path: string, value: string | undefined, max: number): void {
  if (value === undefined) return;
  if (value.length > max) problems.push({ path, code: 'too_long', message: `at most ${max} characters` });
  if (isActiveContent(value)) problems.push({ path, code: 'active_content', message: `${path}: scripts and embedded content are not allowed` });
}

function checkInputs(input: Open311RequestInput): { problems: Problem[]; location?: { lat: number; lng: number } } {
  const problems: Problem[] = [];
  let location: { lat: number; lng: number } | undefined;
  if (input.lat !== undefined || input.long !== undefined) {
    const lat = Number(input.lat);
    const lng = Number(input.long);
    if (input.lat === undefined || input.long === undefined || !Number.isFinite(lat) || !Number.isFinite(lng) || Math.abs(lat) > 90 || Math.abs(lng) > 180) {
      problems.push({ path: 'lat,long', code: 'invalid_location', message: 'lat and long must both be WGS84 degrees' });
    } else location = toWgs84({ lat, lng }, (input.coordSystem ?? 'wgs84') as CoordSystem);
  }
  if (!location && !input.addressString && !input.addressId) {
    problems.push({ path: 'lat,long', code: 'location_required', message: 'give lat and long, address_string or address_id' });
  }
  checkText(problems, 'description', input.description, OPEN311_DESCRIPTION_MAX);
  checkText(problems, 'address_string', input.addressString, 200);
  checkText(problems, 'address_id', input.addressId, 100);
  // Names are trimmed (with a note), never refused for their length.
  checkText(problems, 'first_name', input.firstName, Number.POSITIVE_INFINITY);
  checkText(problems, 'last_name', input.lastName, Number.POSITIVE_INFINITY);
  if (input.coordSystem !== undefined && !(COORD_SYSTEMS as readonly string[]).includes(input.coordSystem)) {
    problems.push({ path: 'coord_system', code: 'invalid', message: 'wgs84, gcj02 or bd09' });
  }
  checkText(problems, 'device_id', input.deviceId, 100);
  checkText(problems, 'account_id', input.accountId, 100);
  if (input.email !== undefined && !/^[^\s@<>]{1,64}@[^\s@<>]{1,190}$/.test(input.email.replace(/^.*<([^<>]+)>\s*$/, '$1'))) problems.push({ path: 'email', code: 'invalid_email', message: 'not an e-mail address' });
  if (input.phone !== undefined && !isPhoneNumber(input.phone)) problems.push({ path: 'phone', code: 'invalid_phone', message: 'not a phone number' });
  input.mediaUrls.forEach((url, i) => {
    if (url.length > 2000 || !/^https?:\/\/[^\s<>"]+$/i.test(url)) problems.push({ path: `media_url[${i}]`, code: 'invalid_url', message: 'an http(s) URL is expected' });
  });
  return { problems, location };
}

/** Checks the answers against the service definition; unknown attributes are ignored. */
async function checkAttributes(deps: ServiceDeps, categoryCode: string, given: Record<string, string | string[]>) {
  const definitions = await listCategoryAttributes(deps.db, categoryCode);
  const problems: Problem[] = [];
  const kept: Record<string, string | string[]> = {};
  for (const def of definitions.filter((d) => d.variable)) {
    const raw = given[def.code];
    const values = raw === undefined ? [] : (Array.isArray(raw) ? raw : [raw]).filter((v) => v !== '');
    const path = `attribute[${def.code}]`;
    if (values.length === 0) {
      if (def.required) problems.push({ path, code: 'required', message: `${def.description} is required` });
      continue;
    }
    const keys = def.values.map((v) => v.key);
    const bad = (message: string) => problems.push({ path, code: 'invalid', message });
    if (def.datatype === 'singlevaluelist' && (values.length !== 1 || !keys.includes(values[0]!))) bad(`one of ${keys.join(', ')}`);
    else if (def.datatype === 'multivaluelist' && !values.every((v) => keys.includes(v))) bad(`values from ${keys.join(', ')}`);
    else if (def.datatype === 'number' && (values.length !== 1 || !Number.isFinite(Number(values[0])))) bad('a number');
    else if (def.datatype === 'datetime' && (values.length !== 1 || Number.isNaN(Date.parse(values[0]!)))) bad('an ISO 8601 date-time');
    else if ((def.datatype === 'string' || def.datatype === 'text') && (values.length !== 1 || values[0]!.length > 1000 || isActiveContent(values[0]!))) bad('text up to 1000 characters without scripts');
    kept[def.code] = def.datatype === 'multivaluelist' ? values : values[0]!;
  }
  return { problems, kept };
}

/**
 * Files an Open311 request as a case.
 * @returns the case number (service_request_id) and the token
 * @throws DomainError API_KEY_INVALID, VALIDATION_FAILED, OPEN311_SERVICE_UNKNOWN, OPEN311_JURISDICTION_UNKNOWN, OPEN311_ATTRIBUTE_INVALID, GRID_NOT_FOUND_FOR_POINT
 */
export async function createOpen311Request(deps: ServiceDeps, input: Open311RequestInput, media?: Open311MediaContext): Promise<{ serviceRequestId: string; token: string }> {
  const apiKeyId = await requireApiKey(deps.db, input.apiKey);
  if (!input.serviceCode) throw new DomainError('VALIDATION_FAILED', [{ path: 'service_code', code: 'required', message: 'service_code is required' }]);
  const category = await findPublicCategory(deps.db, input.serviceCode);
  if (!category) throw new DomainError('OPEN311_SERVICE_UNKNOWN', { service_code: input.serviceCode });
  const districtId = await resolveJurisdiction(deps, input.jurisdictionId);
  const { problems, location } = checkInputs(input);
  if (problems.length > 0) throw new DomainError('VALIDATION_FAILED', problems);
  const answers = await checkAttributes(deps, category.code, input.attributes);
  if (answers.problems.length > 0) throw new DomainError('OPEN311_ATTRIBUTE_INVALID', answers.problems);
  if (location && districtId !== undefined) {
    const grid = await findGridAt(deps, location);
    if (grid && grid.districtId !== districtId) {
      throw new DomainError('VALIDATION_FAILED', [{ path: 'lat,long', code: 'outside_jurisdiction', message: 'the location is in another jurisdiction' }]);
    }
  }
  const district = districtId !== undefined ? await findDistrictById(deps.db, districtId) : undefined;
  const joined = joinReporterName(input.firstName, input.lastName);
  const kept = joined === undefined ? undefined : keepWithin(joined, REPORTER_NAME_MAX);
  const name = kept?.value;
  const notes = kept?.trimmed ? [`name trimmed to ${REPORTER_NAME_MAX} characters / 姓名超过 ${REPORTER_NAME_MAX} 字，已截断`] : [];
  const token = randomBytes(16).toString('hex');
  const contact: Record<string, string> = {};
  if (input.email) contact.email = input.email;
  if (input.firstName) contact.first_name = input.firstName;
  if (input.lastName) contact.last_name = input.lastName;
  if (input.phone) contact.phone = input.phone;
  if (input.deviceId) contact.device_id = input.deviceId;
  if (input.accountId) contact.account_id = input.accountId;
  if (input.addressId) contact.address_id = input.addressId;
  const result = await reportCase(deps, ANONYMOUS, {
    kind: category.kind,
    categoryCode: category.code,
    description: input.description?.trim() || category.minor_name,
    location,
    districtCode: district?.code,
    address: input.addressString,
    reporter: name || input.phone ? { name, phone: input.phone } : undefined,
    apiKeyId,
    onInserted: async (trx, row) => {
      await insertOpen311Request(trx, {
        caseId: row.id, districtId: row.district_id, apiKeyId, token, attributes: answers.kept, contact, mediaUrls: input.mediaUrls, now: deps.clock(),
        reporterName: joined ?? null, intakeNotes: notes, coordSystem: input.coordSystem ?? 'wgs84',
      });
      // The reporter hears of their case's public steps at the address they gave (docs/integrations.md).
      if (input.email) await subscribeReporter(trx, row.id, input.email.replace(/^.*<([^<>]+)>\s*$/, '$1'), deps.clock());
    },
  });
  if (media && (input.mediaUrls.length > 0 || (input.files?.length ?? 0) > 0)) {
    await attachClientPhotos(deps, media, { caseId: result.row.id, trackingCode: result.trackingCode ?? undefined }, input.files ?? [], input.mediaUrls);
  }
  return { serviceRequestId: result.row.number, token };
}

/**
 * After the case is filed: uploaded photos and fetched media_url photos become case photos at the
 * report stage, one by one, so one bad photo does not cost the others; each outcome is recorded.
 */
async function attachClientPhotos(
  deps: ServiceDeps, media: Open311MediaContext, target: { caseId: number; trackingCode: string | undefined }, files: Buffer[], urls: string[],
): Promise<void> {
  const outcomes: MediaFetch[] = [];
  const store = async (source: string, bytes: Buffer) => {
    try {
      const [row] = await addCaseAttachments(deps, media.storage, ANONYMOUS, { caseId: target.caseId, stage: 'report', files: [bytes], trackingCode: target.trackingCode });
      outcomes.push({ url: source, outcome: 'stored', attachmentId: row!.id });
    } catch (error) {
      outcomes.push({ url: source, outcome: 'failed', reason: error instanceof DomainError ? error.code : 'the photo could not be stored' });
    }
  };
  for (const [i, file] of files.entries()) await store(`upload:${i + 1}`, file);
  for (const [i, url] of urls.entries()) {
    if (i >= MEDIA_URLS_FETCHED_MAX) {
      outcomes.push({ url, outcome: 'failed', reason: `only the first ${MEDIA_URLS_FETCHED_MAX} are fetched` });
      continue;
    }
    const fetched = await fetchMediaPhoto(url, media.fetchPolicy);
    if (fetched.ok) await store(url, fetched.bytes);
    else outcomes.push({ url, outcome: 'failed', reason: fetched.reason });
  }
  await runWrite(deps, (trx) => setMediaFetches(trx, target.caseId, outcomes));
}

export interface Open311UpdateInput {
  apiKey?: string | undefined;
  serviceRequestId?: string | undefined;
  updateId?: string | undefined;
  status?: string | undefined;
  updatedDatetime?: Date | undefined;
  description?: string | undefined;
  mediaUrls?: string[];
}

/**
 * Records a client's update on a case's timeline (action 'open311_update'); the loop is not moved.
 * @returns our update id
 * @throws DomainError API_KEY_INVALID, VALIDATION_FAILED, NOT_FOUND, OPEN311_UPDATE_DUPLICATE
 */
export async function postOpen311Update(deps: ServiceDeps, input: Open311UpdateInput, allowedStatuses: readonly string[]): Promise<number> {
  const apiKeyId = await requireApiKey(deps.db, input.apiKey);
  const problems: Problem[] = [];
  const required = { service_request_id: input.serviceRequestId, update_id: input.updateId, status: input.status, description: input.description };
  for (const [path, value] of Object.entries(required)) if (!value) problems.push({ path, code: 'required', message: `${path} is required` });
  if (!input.updatedDatetime) problems.push({ path: 'updated_datetime', code: 'required', message: 'a W3C date-time is required' });
  if (input.status && !allowedStatuses.includes(input.status.toLowerCase())) problems.push({ path: 'status', code: 'invalid', message: 'an extended status, e.g. OPEN, FIXED' });
  if (input.updateId && input.updateId.length > 100) problems.push({ path: 'update_id', code: 'too_long', message: 'at most 100 characters' });
  checkText(problems, 'description', input.description, OPEN311_DESCRIPTION_MAX);
  const mediaUrls = input.mediaUrls ?? [];
  mediaUrls.forEach((url, i) => {
    if (url.length > 2000 || !/^https?:\/\/[^\s<>"]+$/i.test(url)) problems.push({ path: `media_url[${i}]`, code: 'invalid_url', message: 'an http(s) URL is expected' });
  });
  if (problems.length > 0) throw new DomainError('VALIDATION_FAILED', problems);
  const row = await findPublicCaseByNumber(deps.db, input.serviceRequestId!);
  if (!row) throw new DomainError('NOT_FOUND', { service_request_id: input.serviceRequestId });
  const now = deps.clock();
  return runWrite(deps, async (trx) => {
    const id = await insertOpen311Update(trx, {
      apiKeyId, caseId: row.id, districtId: row.district_id, externalUpdateId: input.updateId!, status: input.status!.toLowerCase(),
      description: input.description!.trim(), updatedAt: input.updatedDatetime!, now, mediaUrls,
    });
    if (id === null) throw new DomainError('OPEN311_UPDATE_DUPLICATE', { update_id: input.updateId });
    await appendEvents(trx, row.district_id, [{
      caseId: row.id, districtId: row.district_id, at: now, actorUserId: null, actorRole: 'anonymous', action: 'open311_update',
      fromState: row.state, toState: row.state, note: input.description!.trim(),
      data: { apiKeyId, updateId: input.updateId, status: input.status!.toLowerCase(), mediaUrls },
    }]);
    return id;
  });
}
