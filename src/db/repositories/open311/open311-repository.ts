/** SQL behind the Open311 adapter: public services, their attributes, requests and updates. */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, MediaFetch } from '../../schema.ts';
import type { CaseKind, CaseState } from '../../../domain/case/index.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** Kinds a member of the public can report, and so what Open311 lists and accepts. */
export const PUBLIC_KINDS = ['event', 'component', 'citizen_request'] as const;

export async function listPublicCategories(db: Db) {
  return db
    .selectFrom('categories as c')
    .selectAll('c')
    .select((eb) => eb.exists(eb.selectFrom('category_attributes as a').select('a.code').whereRef('a.category_code', '=', 'c.code')).as('has_attributes'))
    .where('c.active', '=', true)
    .where('c.kind', 'in', [...PUBLIC_KINDS])
    .orderBy('c.code')
    .execute();
}

export async function findPublicCategory(db: Db, code: string) {
  return db
    .selectFrom('categories')
    .selectAll()
    .where('code', '=', code)
    .where('active', '=', true)
    .where('kind', 'in', [...PUBLIC_KINDS])
    .executeTakeFirst();
}

export async function listCategoryAttributes(db: Db, categoryCode: string) {
  return db.selectFrom('category_attributes').selectAll().where('category_code', '=', categoryCode).orderBy('position').execute();
}

export async function insertOpen311Request(
  db: Db,
  values: {
    caseId: number; districtId: number; apiKeyId: number; token: string; attributes: Record<string, string | string[]>; contact: Record<string, string>;
    mediaUrls: string[]; now: Date; reporterName: string | null; intakeNotes: string[]; coordSystem: string;
  },
): Promise<void> {
  await db
    .insertInto('open311_requests')
    .values({
      case_id: values.caseId, district_id: values.districtId, api_key_id: values.apiKeyId, token: values.token,
      attributes: JSON.stringify(values.attributes), contact: JSON.stringify(values.contact), media_urls: JSON.stringify(values.mediaUrls),
      created_at: values.now, reporter_name: values.reporterName, intake_notes: JSON.stringify(values.intakeNotes), coord_system: values.coordSystem,
    })
    .execute();
}

/** Records what became of each photo a client sent. */
export async function setMediaFetches(db: Db, caseId: number, fetches: MediaFetch[]): Promise<void> {
  await db.updateTable('open311_requests').set({ media_fetches: JSON.stringify(fetches) }).where('case_id', '=', caseId).execute();
}

/** Everything a client sent with a request, for staff. */
export async function findOpen311Submission(db: Db, caseId: number) {
  return db.selectFrom('open311_requests as o').innerJoin('api_keys as a', 'a.id', 'o.api_key_id')
    .select(['o.case_id', 'o.attributes', 'o.contact', 'o.media_urls', 'o.media_fetches', 'o.reporter_name', 'o.intake_notes', 'o.coord_system', 'o.created_at', 'a.name as api_key_name'])
    .where('o.case_id', '=', caseId).executeTakeFirst();
}

/** Clients' updates on a case, oldest first. */
export async function listOpen311UpdatesOfCase(db: Db, caseId: number) {
  return db.selectFrom('open311_updates').select(['id', 'external_update_id', 'status', 'description', 'media_urls', 'updated_at', 'received_at'])
    .where('case_id', '=', caseId).orderBy('id').execute();
}

export async function findRequestByToken(db: Db, token: string) {
  return db
    .selectFrom('open311_requests as o')
    .innerJoin('cases as k', 'k.id', 'o.case_id')
    .select(['k.number', 'o.token', 'o.district_id'])
    .where('o.token', '=', token)
    .executeTakeFirst();
}

export interface RequestFilter {
  numbers?: string[];
  districtId?: number;
  serviceCodes?: string[];
  states?: CaseState[];
  from?: Date;
  to?: Date;
  /** Within `radiusM` metres of a WGS84 point (great-circle distance). */
  near?: { lat: number; lng: number; radiusM: number };
  /** Leave out these kinds (radius queries skip requests whose place is published coarsened). */
  excludeKinds?: CaseKind[];
  limit: number;
  offset: number;
}

/** Public requests, newest first, with the names Open311 shows. */
export async function listPublicRequests(db: Db, filter: RequestFilter) {
  let query = db
    .selectFrom('cases as k')
    .innerJoin('categories as c', 'c.id', 'k.category_id')
    .innerJoin('districts as d', 'd.id', 'k.district_id')
    .leftJoin('departments as dep', 'dep.id', 'k.department_id')
    .leftJoin('streets as s', 's.id', 'k.street_id')
    .leftJoin('communities as cm', 'cm.id', 'k.community_id')
    .leftJoin('open311_requests as o', 'o.case_id', 'k.id')
    .select([
      'k.id', 'k.number', 'k.kind', 'k.state', 'k.description', 'k.lat', 'k.lng', 'k.address', 'k.created_at', 'k.updated_at', 'k.closed_at',
      'k.resolve_deadline', 'k.merged_into_id', 'c.code as service_code', 'c.minor_name', 'c.minor_name_en', 'd.code as district_code',
      'd.name as district_name', 'dep.name as department_name', 's.name as street_name', 'cm.name as community_name', 'o.media_urls',
      'o.attributes', 'k.source',
    ])
    .where('k.kind', 'in', [...PUBLIC_KINDS]);
  if (filter.numbers) {
    query = query.where('k.number', 'in', filter.numbers.length ? filter.numbers : ['']);
  } else {
    if (filter.districtId !== undefined) query = query.where('k.district_id', '=', filter.districtId);
    if (filter.serviceCodes?.length) query = query.where('c.code', 'in', filter.serviceCodes);
    if (filter.states?.length) query = query.where('k.state', 'in', filter.states);
    if (filter.from) query = query.where('k.created_at', '>=', filter.from);
    if (filter.to) query = query.where('k.created_at', '<=', filter.to);
    if (filter.excludeKinds?.length) query = query.where('k.kind', 'not in', filter.excludeKinds);
    if (filter.near) {
      const { lat, lng, radiusM } = filter.near;
      // A bounding box the indexes can use, then the haversine distance on what is left.
      const dLat = radiusM / 111_320;
      const dLng = radiusM / (111_320 * Math.max(Math.cos((lat * Math.PI) / 180), 0.01));
      query = query
        .where('k.lat', '>=', lat - dLat).where('k.lat', '<=', lat + dLat).where('k.lng', '>=', lng - dLng).where('k.lng', '<=', lng + dLng)
        .where(sql<boolean>`6371008.8 * 2 * asin(sqrt(power(sin(radians(k.lat - ${lat}) / 2), 2) + cos(radians(${lat})) * cos(radians(k.lat)) * power(sin(radians(k.lng - ${lng}) / 2), 2))) <= ${radiusM}`);
    }
  }
  return query.orderBy('k.created_at', 'desc').orderBy('k.id', 'desc').limit(filter.limit).offset(filter.offset).execute();
}

export type PublicRequestRow = Awaited<ReturnType<typeof listPublicRequests>>[number];

export async function findPublicCaseByNumber(db: Db, number: string) {
  return db.selectFrom('cases').selectAll().where('number', '=', number).where('kind', 'in', [...PUBLIC_KINDS]).executeTakeFirst();
}

/** Timeline events of public cases in a window, oldest first. */
export async function listPublicEvents(db: Db, filter: { districtId?: number; from: Date; to: Date; actions: readonly string[]; limit: number }) {
  let query = db
    .selectFrom('case_events as e')
    .innerJoin('cases as k', 'k.id', 'e.case_id')
    .select(['e.id', 'e.action', 'e.from_state', 'e.to_state', 'e.at', 'k.number', 'e.data'])
    .where('k.kind', 'in', [...PUBLIC_KINDS])
    .where('e.at', '>=', filter.from)
    .where('e.at', '<=', filter.to)
    .where('e.action', 'in', filter.actions.length ? [...filter.actions] : ['']);
  if (filter.districtId !== undefined) query = query.where('e.district_id', '=', filter.districtId);
  return query.orderBy('e.at').orderBy('e.id').limit(filter.limit).execute();
}

export async function findOpen311Update(db: Db, apiKeyId: number, externalUpdateId: string) {
  return db.selectFrom('open311_updates').select('id').where('api_key_id', '=', apiKeyId).where('external_update_id', '=', externalUpdateId).executeTakeFirst();
}

/** Records a client's update; returns null when this key already sent that update id. */
export async function insertOpen311Update(
  db: Db,
  values: { apiKeyId: number; caseId: number; districtId: number; externalUpdateId: string; status: string; description: string; updatedAt: Date; now: Date; mediaUrls: string[] },
): Promise<number | null> {
  const row = await db
    .insertInto('open311_updates')
    .values({
      api_key_id: values.apiKeyId, case_id: values.caseId, district_id: values.districtId, external_update_id: values.externalUpdateId,
      status: values.status, description: values.description, updated_at: values.updatedAt, received_at: values.now,
      media_urls: JSON.stringify(values.mediaUrls),
    })
    .onConflict((oc) => oc.columns(['api_key_id', 'external_update_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}


/** The public timeline steps of some cases, oldest first (Open311 `extensions=true` notes). */
export async function listPublicEventsOfCases(db: Db, caseIds: number[], actions: readonly string[]) {
  if (caseIds.length === 0) return [];
  return db.selectFrom('case_events').select(['id', 'case_id', 'action', 'to_state', 'at'])
    .where('case_id', 'in', caseIds).where('action', 'in', [...actions]).orderBy('at').orderBy('id').execute();
}
