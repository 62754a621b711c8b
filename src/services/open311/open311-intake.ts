/**
 * Open311 writes: POST requests (a new case filed under an API key) and FixMyStreet's POST
 * servicerequestupdates (a citizen's update, recorded on the timeline; it does not move the loop).
 * Everything is checked before anything is stored; every problem is reported.
 */
import { randomBytes } from 'node:crypto';
import { DomainError } from '../../domain/errors.ts';
import { containsMarkup, isPhoneNumber } from '../../shared/text-rules.ts';
import { ANONYMOUS } from '../actor.ts';
import { reportCase } from '../case/index.ts';
import { requireApiKey } from '../admin/index.ts';
import { findGridAt } from '../geo/index.ts';
import { resolveJurisdiction } from './open311-service.ts';
import { findDistrictById } from '../../db/repositories/org/index.ts';
import {
  findPublicCaseByNumber, findPublicCategory, insertOpen311Request, insertOpen311Update, listCategoryAttributes,
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
  attributes: Record<string, string | string[]>;
  mediaUrls: string[];
}

type Problem = { path: string; code: string; message: string };

function checkText(problems: Problem[], path: string, value: string | undefined, max: number): void {
  if (value === undefined) return;
  if (value.length > max) problems.push({ path, code: 'too_long', message: `at most ${max} characters` });
  if (containsMarkup(value)) problems.push({ path, code: 'html_not_allowed', message: 'HTML is not allowed' });
}

function checkInputs(input: Open311RequestInput): { problems: Problem[]; location?: { lat: number; lng: number } } {
  const problems: Problem[] = [];
  let location: { lat: number; lng: number } | undefined;
  if (input.lat !== undefined || input.long !== undefined) {
    const lat = Number(input.lat);
    const lng = Number(input.long);
    if (input.lat === undefined || input.long === undefined || !Number.isFinite(lat) || !Number.isFinite(lng) || Math.abs(lat) > 90 || Math.abs(lng) > 180) {
      problems.push({ path: 'lat,long', code: 'invalid_location', message: 'lat and long must both be WGS84 degrees' });
    } else location = { lat, lng };
  }
  if (!location && !input.addressString && !input.addressId) {
    problems.push({ path: 'lat,long', code: 'location_required', message: 'give lat and long, address_string or address_id' });
  }
  checkText(problems, 'description', input.description, OPEN311_DESCRIPTION_MAX);
  checkText(problems, 'address_string', input.addressString, 200);
  checkText(problems, 'address_id', input.addressId, 100);
  checkText(problems, 'first_name', input.firstName, 25);
  checkText(problems, 'last_name', input.lastName, 25);
  checkText(problems, 'device_id', input.deviceId, 100);
  checkText(problems, 'account_id', input.accountId, 100);
  if (input.email !== undefined && !/^[^\s@<>]{1,64}@[^\s@<>]{1,190}$/.test(input.email)) problems.push({ path: 'email', code: 'invalid_email', message: 'not an e-mail address' });
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
    else if ((def.datatype === 'string' || def.datatype === 'text') && (values.length !== 1 || values[0]!.length > 1000 || containsMarkup(values[0]!))) bad('plain text up to 1000 characters');
    kept[def.code] = def.datatype === 'multivaluelist' ? values : values[0]!;
  }
  return { problems, kept };
}

/**
 * Files an Open311 request as a case.
 * @returns the case number (service_request_id) and the token
 * @throws DomainError API_KEY_INVALID, VALIDATION_FAILED, OPEN311_SERVICE_UNKNOWN, OPEN311_JURISDICTION_UNKNOWN, OPEN311_ATTRIBUTE_INVALID, GRID_NOT_FOUND_FOR_POINT
 */
export async function createOpen311Request(deps: ServiceDeps, input: Open311RequestInput): Promise<{ serviceRequestId: string; token: string }> {
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
  const name = [input.lastName, input.firstName].filter(Boolean).join('') || undefined;
  const token = randomBytes(16).toString('hex');
  const contact: Record<string, string> = {};
  if (input.email) contact.email = input.email;
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
    onInserted: (trx, row) => insertOpen311Request(trx, {
      caseId: row.id, districtId: row.district_id, apiKeyId, token, attributes: answers.kept, contact, mediaUrls: input.mediaUrls, now: deps.clock(),
    }),
  });
  return { serviceRequestId: result.row.number, token };
}

export interface Open311UpdateInput {
  apiKey?: string | undefined;
  serviceRequestId?: string | undefined;
  updateId?: string | undefined;
  status?: string | undefined;
  updatedDatetime?: Date | undefined;
  description?: string | undefined;
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
  if (problems.length > 0) throw new DomainError('VALIDATION_FAILED', problems);
  const row = await findPublicCaseByNumber(deps.db, input.serviceRequestId!);
  if (!row) throw new DomainError('NOT_FOUND', { service_request_id: input.serviceRequestId });
  const now = deps.clock();
  return runWrite(deps, async (trx) => {
    const id = await insertOpen311Update(trx, {
      apiKeyId, caseId: row.id, districtId: row.district_id, externalUpdateId: input.updateId!, status: input.status!.toLowerCase(),
      description: input.description!.trim(), updatedAt: input.updatedDatetime!, now,
    });
    if (id === null) throw new DomainError('OPEN311_UPDATE_DUPLICATE', { update_id: input.updateId });
    await appendEvents(trx, row.district_id, [{
      caseId: row.id, districtId: row.district_id, at: now, actorUserId: null, actorRole: 'anonymous', action: 'open311_update',
      fromState: row.state, toState: row.state, note: input.description!.trim(),
      data: { apiKeyId, updateId: input.updateId, status: input.status!.toLowerCase() },
    }]);
    return id;
  });
}
