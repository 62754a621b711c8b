/** Kysely's view of the tables of the working calendar (snake_case, as stored). */
import type { Generated } from 'kysely';
import type { Timestamp } from './columns.ts';

export interface CalendarDaysTable {
  day: string;
  is_working_day: boolean;
  name: string | null;
  source: string;
  updated_at: Generated<Timestamp>;
}

export interface CalendarTables {
  calendar_days: CalendarDaysTable;
}
