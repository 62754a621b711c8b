/** The working calendar: one row per day that is not an ordinary weekday/weekend. */
import type { Kysely } from 'kysely';
import type { Database } from '../../schema.ts';

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

/** Writes days; an admin override replaces the library's entry for that day. */
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
          // the library never overwrites what an admin decided
          .where((eb) => eb.or([eb('calendar_days.source', '<>', 'admin'), eb(eb.ref('excluded.source'), '=', 'admin')])),
      )
      .execute();
  }
}
