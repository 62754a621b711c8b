/**
 * The units and facts a timeline event carries, read from the case as the event's transaction left it,
 * and the per-unit, per-Shanghai-day counters kept from them (ADR 0005). Called by `appendEvents` for
 * every event, inside its transaction, so a counter moves exactly when its event is committed.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { CaseEventRow, CaseRow, Database } from '../../schema.ts';
import type { RatingLevel } from '../../../domain/case/index.ts';
import {
  ROLLUP_COUNTERS, groupDeltas, type PriorEvent, type RollupCounter, type RollupDelta, type RollupLevel,
} from '../../../domain/supervision/rollup-deltas.ts';
import { caseAtEventOf, type CaseAtEvent, type CaseStanding, type PriorEvents } from '../../../domain/supervision/event-record.ts';
import { formatDayNumber, toShanghaiDayNumber } from '../../../domain/calendar/index.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** The columns of a case row an event's record is read from. */
export function standingOfRow(row: Pick<CaseRow,
  'district_id' | 'street_id' | 'community_id' | 'grid_id' | 'department_id' | 'filed_at' | 'extension_count' | 'rating'
  | 'resolved_at' | 'resolve_deadline' | 'rework_count' | 'signed_at' | 'sign_deadline'>): CaseStanding {
  return {
    districtId: row.district_id, streetId: row.street_id, communityId: row.community_id, gridId: row.grid_id, departmentId: row.department_id,
    filedAt: row.filed_at, extensionCount: row.extension_count, rating: (row.rating as RatingLevel | null) ?? null,
    resolvedAt: row.resolved_at, resolveDeadline: row.resolve_deadline, reworkCount: row.rework_count,
    signedAt: row.signed_at, signDeadline: row.sign_deadline,
  };
}

/**
 * A case about to be inserted: what the caller gives, and for the rest what the table's defaults give a new
 * row (not filed, signed, resolved or rated; no extension, no rework).
 */
export function standingOfNewCase(values: Pick<CaseRow, 'district_id' | 'street_id' | 'community_id' | 'grid_id' | 'department_id'>): CaseStanding {
  return standingOfRow({
    ...values, filed_at: null, extension_count: 0, rating: null, resolved_at: null, resolve_deadline: null, rework_count: 0,
    signed_at: null, sign_deadline: null,
  });
}

/** The case as it stands inside the writing transaction (its units before `person` is decided). */
export async function loadCaseAtEvent(db: Transaction<Database>, caseId: number): Promise<CaseAtEvent | undefined> {
  const row = await db
    .selectFrom('cases')
    .select([
      'district_id', 'street_id', 'community_id', 'grid_id', 'department_id', 'filed_at', 'extension_count', 'rating',
      'resolved_at', 'resolve_deadline', 'rework_count', 'signed_at', 'sign_deadline',
    ])
    .where('id', '=', caseId)
    .executeTakeFirst();
  return row ? caseAtEventOf(standingOfRow(row)) : undefined;
}

/** The latest sign, resolve, close and rate events of a case, with the units and facts they carried. */
export async function loadPriorEvents(db: Transaction<Database>, caseId: number): Promise<PriorEvents> {
  const rows = await db
    .selectFrom('case_events')
    .distinctOn('action')
    .select([
      'action', 'actor_user_id', 'district_id', 'street_id', 'community_id', 'grid_id', 'department_id', 'person_id', 'on_time', 'reworked',
      'responded_in_time', 'rating',
    ])
    .where('case_id', '=', caseId)
    .where('action', 'in', ['sign', 'resolve', 'check_pass', 'rate'])
    .orderBy('action')
    .orderBy('id', 'desc')
    .execute();
  return priorEventsOf(rows);
}

type PriorEventColumns = Pick<CaseEventRow, 'action' | 'actor_user_id' | 'district_id' | 'street_id' | 'community_id' | 'grid_id'
  | 'department_id' | 'person_id' | 'on_time' | 'reworked' | 'responded_in_time' | 'rating'>;

/**
 * The latest sign, resolve, close and rate events among a case's events, in id order (a whole timeline, or one row
 * per action as `loadPriorEvents` reads them): the later of two rows of one action wins.
 */
export function priorEventsOf(rows: readonly PriorEventColumns[]): PriorEvents {
  const of = (action: string): PriorEvent | null => {
    let row: PriorEventColumns | undefined;
    for (const candidate of rows) if (candidate.action === action) row = candidate;
    if (!row) return null;
    return {
      actorUserId: row.actor_user_id,
      units: {
        district: row.district_id, street: row.street_id, community: row.community_id, grid: row.grid_id, department: row.department_id,
        person: row.person_id,
      },
      facts: { onTime: row.on_time, reworked: row.reworked, respondedInTime: row.responded_in_time, rating: (row.rating as RatingLevel | null) ?? null },
    };
  };
  return { lastSign: of('sign'), lastResolve: of('resolve'), lastClose: of('check_pass'), lastRate: of('rate') };
}

/** 'YYYY-MM-DD' of an instant in Asia/Shanghai. */
export function shanghaiDay(at: Date): string {
  return formatDayNumber(toShanghaiDayNumber(at.getTime()));
}

/** Adds deltas to the day's counters: one upsert, `n = n + excluded.n`, for every (level, unit) touched. */
export async function addToRollups(db: Transaction<Database>, districtId: number, day: string, deltas: readonly RollupDelta[]): Promise<void> {
  const rows = groupDeltas(deltas);
  if (rows.length === 0) return;
  await db
    .insertInto('indicator_rollups')
    .values(rows.map((row) => ({ district_id: districtId, level: row.level, unit_id: row.unitId, day, ...row.counters })))
    .onConflict((oc) =>
      oc.columns(['district_id', 'level', 'day', 'unit_id']).doUpdateSet(
        Object.fromEntries(ROLLUP_COUNTERS.map((c) => [c, sql`indicator_rollups.${sql.ref(c)} + excluded.${sql.ref(c)}`])) as never,
      ),
    )
    .execute();
}

export type RollupSums = Record<RollupCounter, number>;

/**
 * The counters of every unit of a level summed over the Shanghai days [fromDay, toDay): at most
 * days × units rows are read.
 */
export async function sumRollups(db: Db, districtId: number, level: RollupLevel, fromDay: string, toDay: string): Promise<Map<number, RollupSums>> {
  const rows = await db
    .selectFrom('indicator_rollups')
    .select((eb) => [
      'unit_id',
      ...ROLLUP_COUNTERS.map((c) => sql<string>`sum(${eb.ref(c)})`.as(c)),
    ])
    .where('district_id', '=', districtId)
    .where('level', '=', level)
    .where('day', '>=', fromDay)
    .where('day', '<', toDay)
    .groupBy('unit_id')
    .execute();
  const sums = new Map<number, RollupSums>();
  for (const row of rows as unknown as Record<string, string | number>[]) {
    sums.set(Number(row.unit_id), Object.fromEntries(ROLLUP_COUNTERS.map((c) => [c, Number(row[c])])) as RollupSums);
  }
  return sums;
}
