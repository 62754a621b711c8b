/** SQL behind the Open311 adapter: public services, their attributes, requests and updates. */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../schema.ts';
import type { CaseState } from '../../../domain/case/index.ts';

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
  values: { caseId: number; districtId: number; apiKeyId: number; token: string; attributes: Record<string, string | string[]>; contact: Record<string, string>; mediaUrls: string[]; now: Date },
): Promise<void> {
  await db
    .insertInto('open311_requests')
    .values({
      case_id: values.caseId, district_id: values.districtId, api_key_id: values.apiKeyId, token: values.token,
      attributes: JSON.stringify(values.attributes), contact: JSON.stringify(values.contact), media_urls: JSON.stringify(values.mediaUrls),
      created_at: values.now,
    })
    .execute();
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
  values: { apiKeyId: number; caseId: number; districtId: number; externalUpdateId: string; status: string; description: string; updatedAt: Date; now: Date },
): Promise<number | null> {
  const row = await db
    .insertInto('open311_updates')
    .values({
      api_key_id: values.apiKeyId, case_id: values.caseId, district_id: values.districtId, external_update_id: values.externalUpdateId,
      status: values.status, description: values.description, updated_at: values.updatedAt, received_at: values.now,
    })
    .onConflict((oc) => oc.columns(['api_key_id', 'external_update_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

