/** The services as the demo seeders drive them: the real use cases, on a clock the seeder moves through the past. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { createCalendarCache } from '../calendar/index.ts';
import { withAfterCommit } from '../case/index.ts';
import { QUIET_INTEGRATION_SETTINGS, type ServiceDeps } from '../service-deps.ts';

export function seedServiceDeps(db: Kysely<Database>, clock: () => Date): ServiceDeps {
  return withAfterCommit({ db, clock, calendar: createCalendarCache(db), settings: { sessionHours: 12, sessionIdleMinutes: 30, reopenWindowDays: 30, integrations: QUIET_INTEGRATION_SETTINGS } });
}
