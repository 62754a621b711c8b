import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { CalendarCache } from './calendar/index.ts';

/** What every use case needs, passed explicitly: the database, the time and the calendar. */
export interface ServiceDeps {
  db: Kysely<Database>;
  clock: () => Date;
  calendar: CalendarCache;
  settings: ServiceSettings;
}

export interface ServiceSettings {
  sessionHours: number;
  reopenWindowDays: number;
}
