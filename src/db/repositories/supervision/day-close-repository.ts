/**
 * Closing a Shanghai day (ADR 0005): the state of every unit at the day's end — due but open, overdue
 * open, reworked among them, and deadlines that passed that day unresolved — written once into the day's
 * rollup row. The sweep closes every finished day shortly after midnight; a read of a past period closes
 * the days still open first. Then the frozen read of a period: its days' counters, the last day's state.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../schema.ts';
import { ROLLUP_LEVELS, type RollupLevel } from '../../../domain/supervision/rollup-deltas.ts';
import { caseUnit } from './indicator-repository.ts';
import { formatDayNumber, parseYmd } from '../../../domain/calendar/index.ts';
import { shanghaiDay } from './rollup-repository.ts';

type Db = Kysely<Database>;

const DAY_MS = 86_400_000;

/** The instant a Shanghai day 'YYYY-MM-DD' starts. */
export function dayStart(day: string): Date {
  return new Date(parseYmd(day) * DAY_MS - 8 * 3_600_000);
}

function nextDay(day: string): string {
  return formatDayNumber(parseYmd(day) + 1);
}

/** Writes one day's end state for every level; does nothing when the day is already closed. */
async function closeDay(trx: Transaction<Database>, districtId: number, day: string, now: Date): Promise<boolean> {
  const claimed = await trx
    .insertInto('indicator_closed_days')
    .values({ district_id: districtId, day, closed_at: now })
    .onConflict((oc) => oc.columns(['district_id', 'day']).doNothing())
    .returning('day')
    .executeTakeFirst();
  if (!claimed) return false;
  const start = dayStart(day);
  const end = dayStart(nextDay(day));
  // One pass over the day's cases for every level at once: each case row fans out to its unit per level.
  const unitColumns = sql.join(ROLLUP_LEVELS.map((level) => sql`${caseUnit(level)} as ${sql.ref(`unit_${level}`)}`));
  const unitsOfRow = sql.join(ROLLUP_LEVELS.map((level) => sql`(${level}, s.${sql.ref(`unit_${level}`)})`));
  await sql`
    insert into indicator_rollups (district_id, level, unit_id, day, missed_resolve, due_open, overdue_open, rework_open)
    select ${districtId}, u.level, u.unit_id, ${day}::date, sum(s.missed), sum(s.due_open), sum(s.overdue_open), sum(s.rework_open)
    from (
      select ${unitColumns},
        (k.resolve_deadline >= ${start} and (k.resolved_at is null or k.resolved_at > k.resolve_deadline)
          and not (k.state = 'suspended' and k.resolved_at is null))::int as missed,
        (k.state <> 'suspended' and (k.closed_at is null or k.closed_at > ${end}))::int as due_open,
        (k.state <> 'suspended' and (k.closed_at is null or k.closed_at > ${end})
          and not (k.resolved_at is not null and k.resolved_at <= k.resolve_deadline and k.resolved_at <= ${end}))::int as overdue_open,
        (k.state <> 'suspended' and (k.closed_at is null or k.closed_at > ${end}) and k.rework_count > 0)::int as rework_open
      from cases k
      where k.district_id = ${districtId} and k.filed_at is not null and k.filed_at < ${end}
        and k.state not in ('declined', 'merged') and k.resolve_deadline is not null and k.resolve_deadline < ${end}
        and (k.closed_at is null or k.closed_at > ${start})
    ) s
    cross join lateral (values ${unitsOfRow}) as u(level, unit_id)
    where u.unit_id is not null
    group by u.level, u.unit_id
    having sum(s.missed) + sum(s.due_open) > 0
    on conflict (district_id, level, day, unit_id) do update set
      missed_resolve = indicator_rollups.missed_resolve + excluded.missed_resolve,
      due_open = excluded.due_open, overdue_open = excluded.overdue_open, rework_open = excluded.rework_open
  `.execute(trx);
  return true;
}

/**
 * Closes the district's finished days in [fromDay, toDay) that are not closed yet, oldest first, each in
 * its own transaction (days before the district's first filed case need no row and are only marked).
 * @returns how many days were closed now
 */
export async function closeFinishedDays(db: Db, districtId: number, fromDay: string, toDay: string, now: Date): Promise<number> {
  const today = shanghaiDay(now);
  const last = toDay < today ? toDay : today;
  if (fromDay >= last) return 0;
  const closed = new Set(
    (await db.selectFrom('indicator_closed_days').select(sql<string>`day::text`.as('day')).where('district_id', '=', districtId)
      .where('day', '>=', fromDay).where('day', '<', last).execute()).map((row) => row.day),
  );
  const open: string[] = [];
  for (let day = fromDay; day < last; day = nextDay(day)) if (!closed.has(day)) open.push(day);
  // A period read again finds every day closed: it then reads no case at all.
  if (open.length === 0) return 0;
  const first = await db.selectFrom('cases').select((eb) => eb.fn.min('filed_at').as('first')).where('district_id', '=', districtId).executeTakeFirst();
  const firstDay = first?.first ? shanghaiDay(new Date(first.first as unknown as string)) : last;
  let count = 0;
  for (const day of open) {
    if (day < firstDay) continue;
    const done = await db.transaction().execute((trx) => closeDay(trx, districtId, day, now));
    if (done) count += 1;
  }
  return count;
}

/** For the sweep: closes yesterday and any earlier day left open in the last `lookbackDays`, in every district. */
export async function closeRecentDays(db: Db, now: Date, lookbackDays = 7): Promise<number> {
  const districts = await db.selectFrom('districts').select('id').orderBy('id').execute();
  const today = shanghaiDay(now);
  const from = formatDayNumber(parseYmd(today) - lookbackDays);
  let count = 0;
  for (const district of districts) count += await closeFinishedDays(db, district.id, from, today, now);
  return count;
}

export interface FrozenSums {
  filed: number; dispatched: number; returned: number; extended: number; closed: number; closedOnTime: number; closedReworked: number;
  resolvedOnTime: number; missedResolve: number; followedUp: number; respondedInTime: number; solved: number;
  veryS: number; satisfied: number; basicallyS: number; dissatisfied: number; veryD: number;
  dueOpen: number; overdueOpen: number; reworkOpen: number;
}

/** A period's counters per unit of a level: sums over its days, and the state at the end of its last day. */
export async function readFrozenSums(db: Db, districtId: number, level: RollupLevel, fromDay: string, toDay: string): Promise<Map<number, FrozenSums>> {
  const lastDay = formatDayNumber(parseYmd(toDay) - 1);
  const rows = await sql<Record<string, string | number>>`
    select unit_id,
      sum(filed) as filed, sum(dispatched) as dispatched, sum(returned) as returned, sum(extended) as extended, sum(closed) as closed,
      sum(closed_on_time) as closed_on_time, sum(closed_reworked) as closed_reworked, sum(resolved_on_time) as resolved_on_time,
      sum(missed_resolve) as missed_resolve, sum(followed_up) as followed_up, sum(responded_in_time) as responded_in_time,
      sum(solved) as solved, sum(very_satisfied) as very_satisfied, sum(satisfied) as satisfied,
      sum(basically_satisfied) as basically_satisfied, sum(dissatisfied) as dissatisfied, sum(very_dissatisfied) as very_dissatisfied,
      sum(case when day = ${lastDay}::date then due_open else 0 end) as due_open,
      sum(case when day = ${lastDay}::date then overdue_open else 0 end) as overdue_open,
      sum(case when day = ${lastDay}::date then rework_open else 0 end) as rework_open
    from indicator_rollups
    where district_id = ${districtId} and level = ${level} and day >= ${fromDay}::date and day < ${toDay}::date
    group by unit_id
  `.execute(db);
  const out = new Map<number, FrozenSums>();
  for (const row of rows.rows) {
    const n = (key: string) => Number(row[key] ?? 0);
    out.set(Number(row.unit_id), {
      filed: n('filed'), dispatched: n('dispatched'), returned: n('returned'), extended: n('extended'), closed: n('closed'),
      closedOnTime: n('closed_on_time'), closedReworked: n('closed_reworked'), resolvedOnTime: n('resolved_on_time'),
      missedResolve: n('missed_resolve'), followedUp: n('followed_up'), respondedInTime: n('responded_in_time'), solved: n('solved'),
      veryS: n('very_satisfied'), satisfied: n('satisfied'), basicallyS: n('basically_satisfied'), dissatisfied: n('dissatisfied'),
      veryD: n('very_dissatisfied'), dueOpen: n('due_open'), overdueOpen: n('overdue_open'), reworkOpen: n('rework_open'),
    });
  }
  return out;
}
