/** The working calendar: one row per day that is not an ordinary weekday/weekend. */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../schema.ts';
import { SOURCE_RANK } from '../../../domain/calendar/calendar-sources.ts';

type Db = Kysely<Database>;

export interface CalendarDayRow {
  day: string;
  isWorkingDay: boolean;
  name: string | null;
  source: string;
}

export async function listCalendarDays(db: Db): Promise<CalendarDayRow[]> {
  const rows = await db.selectFrom('calendar_days').select(['day', 'is_working_day', 'name', 'source']).orderBy('day').execute();
  return rows.map((row) => ({ day: row.day, isWorkingDay: row.is_working_day, name: row.name, source: row.source }));
}

/** The rank of a source column, so a write never replaces what a higher source decided. */
function rankOf(column: string) {
  const cases = Object.entries(SOURCE_RANK).map(([source, rank]) => sql`when ${source} then ${rank}`);
  return sql<number>`(case ${sql.ref(column)} ${sql.join(cases, sql` `)} else 0 end)`;
}

/** Writes days; a day keeps its row when a higher source wrote it (admin > notice > library > provisional). */
export async function upsertCalendarDays(db: Db, days: CalendarDayRow[]): Promise<void> {
  for (let start = 0; start < days.length; start += 500) {
    const chunk = days.slice(start, start + 500);
    await db
      .insertInto('calendar_days')
      .values(chunk.map((d) => ({ day: d.day, is_working_day: d.isWorkingDay, name: d.name, source: d.source })))
      .onConflict((oc) =>
        oc.column('day').doUpdateSet((eb) => ({
          is_working_day: eb.ref('excluded.is_working_day'),
          name: eb.ref('excluded.name'),
          source: eb.ref('excluded.source'),
          updated_at: new Date(),
        }))
          .where(() => sql<boolean>`${rankOf('calendar_days.source')} <= ${rankOf('excluded.source')}`),
      )
      .execute();
  }
}

/** Replaces every row of a year with the given days (the caller's transaction makes it all or nothing). */
export async function replaceCalendarYear(db: Db, year: number, days: CalendarDayRow[]): Promise<void> {
  await db.deleteFrom('calendar_days').where('day', '>=', `${year}-01-01`).where('day', '<=', `${year}-12-31`).execute();
  if (days.length === 0) return;
  await db
    .insertInto('calendar_days')
    .values(days.map((d) => ({ day: d.day, is_working_day: d.isWorkingDay, name: d.name, source: d.source })))
    .execute();
}
