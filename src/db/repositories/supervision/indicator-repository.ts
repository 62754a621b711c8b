/**
 * The SQL behind indicators: the units of a level and the facts (cases, dispatch/return events,
 * ratings, notices) of a district that can touch a window, each tagged with its unit.
 * Aggregation into counts and rates is pure (src/domain/indicators).
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../schema.ts';
import type { CaseFact, FlowEventFact, NoticeFact, RatingFact } from '../../../domain/supervision/indicator-facts.ts';


type Db = Kysely<Database>;

export { UNIT_LEVELS, type UnitLevel } from '../../../domain/supervision/unit-level.ts';
import type { UnitLevel } from '../../../domain/supervision/unit-level.ts';

export interface UnitRow {
  id: number;
  code: string;
  name: string;
}

export interface Tagged<T> {
  unitId: number | null;
  fact: T;
}

/** Every unit of a level in a district (persons: handlers and grid workers). */
export async function listUnits(db: Db, districtId: number, level: UnitLevel): Promise<UnitRow[]> {
  switch (level) {
    case 'district':
      return db.selectFrom('districts').select(['id', sql<string>`trim(code)`.as('code'), 'name']).where('id', '=', districtId).execute();
    case 'street':
    case 'community':
    case 'grid': {
      const table = level === 'street' ? 'streets' : level === 'community' ? 'communities' : 'grids';
      return db.selectFrom(table).select(['id', sql<string>`trim(code)`.as('code'), 'name']).where('district_id', '=', districtId).orderBy('code').execute();
    }
    case 'department':
      return db.selectFrom('departments').select(['id', 'code', 'name']).where('district_id', '=', districtId).orderBy('id').execute();
    case 'person':
      return db
        .selectFrom('users')
        .select(['id', 'username as code', 'display_name as name'])
        .where('district_id', '=', districtId)
        .where('role', 'in', ['handler', 'grid_worker'])
        .orderBy('id')
        .execute();
  }
}

/**
 * The unit a case belongs to at a level; for persons, whoever last signed for it. A department holds a case
 * once it is dispatched to it (the routing at intake only proposes one), as the rollups credit it.
 */
export function caseUnit(level: UnitLevel): RawBuilder<number | null> {
  switch (level) {
    case 'district': return sql`k.district_id`;
    case 'street': return sql`k.street_id`;
    case 'community': return sql`k.community_id`;
    case 'grid': return sql`k.grid_id`;
    case 'department': return sql`case when k.dispatched_at is not null then k.department_id end`;
    case 'person':
      return sql`(select e.actor_user_id from case_events e where e.case_id = k.id and e.action = 'sign' order by e.id desc limit 1)`;
  }
}

/** Cases that can count in [start, end): filed before the end and not closed before the start. */
export async function loadCaseFacts(db: Db, districtId: number, level: UnitLevel, start: Date, end: Date): Promise<Tagged<CaseFact>[]> {
  const rows = await db
    .selectFrom('cases as k')
    .select([
      caseUnit(level).as('unit_id'), 'k.id', 'k.state', 'k.filed_at', 'k.resolved_at', 'k.closed_at', 'k.resolve_deadline',
      'k.rework_count', 'k.extension_count',
    ])
    .where('k.district_id', '=', districtId)
    .where('k.filed_at', 'is not', null)
    .where('k.filed_at', '<', end)
    .where((eb) => eb.or([eb('k.closed_at', 'is', null), eb('k.closed_at', '>=', start)]))
    .execute();
  return rows.map((row) => ({
    unitId: row.unit_id,
    fact: {
      caseId: row.id, state: row.state, filedAt: row.filed_at, resolvedAt: row.resolved_at, closedAt: row.closed_at,
      resolveDeadline: row.resolve_deadline, reworkCount: row.rework_count, extensionCount: row.extension_count,
    },
  }));
}

/** Dispatches and returns on the timeline; a department is credited with the dispatches it received and the returns it made. */
export async function loadFlowFacts(db: Db, districtId: number, level: UnitLevel, start: Date, end: Date): Promise<Tagged<FlowEventFact>[]> {
  const unit: RawBuilder<number | null> =
    level === 'department'
      ? sql`case when e.action = 'dispatch' then (e.data->>'departmentId')::int else (e.data->>'fromDepartmentId')::int end`
      : level === 'person'
        ? sql`case when e.action = 'return' then e.actor_user_id else null end`
        : caseUnit(level);
  const rows = await db
    .selectFrom('case_events as e')
    .innerJoin('cases as k', 'k.id', 'e.case_id')
    .select([unit.as('unit_id'), 'e.action', 'e.at'])
    .where('e.district_id', '=', districtId)
    .where('e.action', 'in', ['dispatch', 'return'])
    .where('e.at', '>=', start)
    .where('e.at', '<', end)
    .execute();
  return rows.map((row) => ({ unitId: row.unit_id, fact: { action: row.action as 'dispatch' | 'return', at: row.at } }));
}

/** Case ratings given in the window, without those removed by an upheld appeal: one row per rated case. */
export async function loadCaseRatingFacts(db: Db, districtId: number, level: UnitLevel, start: Date, end: Date): Promise<Tagged<RatingFact>[]> {
  const rows = await db
    .selectFrom('cases as k')
    .select([
      caseUnit(level).as('unit_id'), 'k.rating', 'k.rated_at',
      sql<boolean>`coalesce(k.signed_at <= k.sign_deadline, false)`.as('responded'),
    ])
    .where('k.district_id', '=', districtId)
    .where('k.rating', 'is not', null)
    .where('k.rated_at', '>=', start)
    .where('k.rated_at', '<', end)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('rating_appeals as a').select('a.id').whereRef('a.case_id', '=', 'k.id').where('a.status', '=', 'upheld'))),
    )
    .execute();
  return rows.map((row) => ({
    unitId: row.unit_id,
    fact: { source: 'case' as const, level: row.rating!, at: row.rated_at as Date, respondedInTime: Boolean(row.responded) },
  }));
}

/**
 * Service ratings (of a department, not of a case) given in the window, without those removed by an upheld
 * appeal. A frozen period reads only these: the case ratings are already in its rollups.
 */
export async function loadServiceRatingFacts(db: Db, districtId: number, level: UnitLevel, start: Date, end: Date): Promise<Tagged<RatingFact>[]> {
  const serviceUnit: RawBuilder<number | null> =
    level === 'district' ? sql`r.district_id` : level === 'department' ? sql`r.department_id` : level === 'street' ? sql`d.street_id` : sql`null::int`;
  const rows = await db
    .selectFrom('service_ratings as r')
    .innerJoin('departments as d', 'd.id', 'r.department_id')
    .select([serviceUnit.as('unit_id'), 'r.level', 'r.rated_at'])
    .where('r.district_id', '=', districtId)
    .where('r.rated_at', '>=', start)
    .where('r.rated_at', '<', end)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('rating_appeals as a').select('a.id').whereRef('a.service_rating_id', '=', 'r.id').where('a.status', '=', 'upheld'))),
    )
    .execute();
  return rows.map((row) => ({
    unitId: row.unit_id,
    fact: { source: 'service' as const, level: row.level, at: row.rated_at, respondedInTime: false },
  }));
}

/** Case and service ratings given in the window (the fact-based computation of a running period). */
export async function loadRatingFacts(db: Db, districtId: number, level: UnitLevel, start: Date, end: Date): Promise<Tagged<RatingFact>[]> {
  const [cases, services] = await Promise.all([
    loadCaseRatingFacts(db, districtId, level, start, end),
    loadServiceRatingFacts(db, districtId, level, start, end),
  ]);
  return [...cases, ...services];
}

/** Notices issued or escalated in the window, credited to the addressed department (or its street, or the district). */
export async function loadNoticeFacts(db: Db, districtId: number, level: UnitLevel, start: Date, end: Date): Promise<Tagged<NoticeFact>[]> {
  const unit: RawBuilder<number | null> =
    level === 'district' ? sql`n.district_id` : level === 'department' ? sql`n.department_id` : level === 'street' ? sql`d.street_id` : sql`null::int`;
  const rows = await db
    .selectFrom('supervision_notices as n')
    .innerJoin('departments as d', 'd.id', 'n.department_id')
    .select([unit.as('unit_id'), 'n.issued_at', 'n.respond_by', 'n.responded_at', 'n.escalated_at'])
    .where('n.district_id', '=', districtId)
    .where((eb) =>
      eb.or([
        eb.and([eb('n.issued_at', '>=', start), eb('n.issued_at', '<', end)]),
        eb.and([eb('n.escalated_at', '>=', start), eb('n.escalated_at', '<', end)]),
      ]),
    )
    .execute();
  return rows.map((row) => ({
    unitId: row.unit_id,
    fact: { issuedAt: row.issued_at, respondBy: row.respond_by, respondedAt: row.responded_at, escalatedAt: row.escalated_at },
  }));
}

/** 高发问题: the most frequent categories among cases filed in the window. */
export async function topCategories(db: Db, districtId: number, start: Date, end: Date, limit: number) {
  return db
    .selectFrom('cases as k')
    .innerJoin('categories as c', 'c.id', 'k.category_id')
    .select(['c.code', 'c.major_name', 'c.minor_name', (eb) => eb.fn.countAll<string>().as('n')])
    .where('k.district_id', '=', districtId)
    .where('k.filed_at', '>=', start)
    .where('k.filed_at', '<', end)
    .where('k.state', 'not in', ['declined', 'merged'])
    .groupBy(['c.code', 'c.major_name', 'c.minor_name'])
    .orderBy('n', 'desc')
    .orderBy('c.code')
    .limit(limit)
    .execute();
}
