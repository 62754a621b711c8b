import { Migrator, type Kysely, type Migration, type MigrationResultSet } from 'kysely';
import * as m0001 from './migrations/0001-init.ts';
import * as m0003 from './migrations/0003-geo-open311.ts';
import * as m0004 from './migrations/0004-attachments.ts';
import * as m0005 from './migrations/0005-indicators-supervision.ts';
import * as m0006 from './migrations/0006-performance-indexes.ts';
import * as m0007 from './migrations/0007-case-followers.ts';
import * as m0008 from './migrations/0008-enum-checks.ts';
import * as m0009 from './migrations/0009-event-units-rollups.ts';
import * as m0010 from './migrations/0010-write-path.ts';
import * as m0011 from './migrations/0011-warning-instants.ts';
import * as m0012 from './migrations/0012-admin-audit.ts';
import * as m0013 from './migrations/0013-projects-targets.ts';
import * as m0014 from './migrations/0014-enterprises-policies.ts';
import * as m0015 from './migrations/0015-service-applications.ts';
import * as m0017 from './migrations/0017-dispatch-models.ts';
import * as m0018 from './migrations/0018-case-search-terms.ts';
import * as m0019 from './migrations/0019-open311-losses-webhooks.ts';
import * as m0020 from './migrations/0020-subscriptions-messages.ts';
import * as m0021 from './migrations/0021-login-throttle.ts';
import * as m0022 from './migrations/0022-case-events-append-only.ts';
import * as m0025 from './migrations/0025-account-controls.ts';
import * as m0028 from './migrations/0028-idempotency-reported-at.ts';
import * as m0029 from './migrations/0029-case-map-index.ts';
import * as m0030 from './migrations/0030-policy-applications.ts';
import * as m0032 from './migrations/0032-project-rate-snapshots.ts';
import * as m0033 from './migrations/0033-project-report-notices.ts';
import * as m0034 from './migrations/0034-case-reporter-phone-index.ts';
import * as m0035 from './migrations/0035-saved-filters.ts';
import * as m0036 from './migrations/0036-attachment-blobs.ts';
import * as m0037 from './migrations/0037-timeline-anchors.ts';
import * as m0038 from './migrations/0038-project-report-photos.ts';
import * as m0040 from './migrations/0040-rate-limit-counters.ts';
import * as m0042 from './migrations/0042-case-list-keyset-indexes.ts';
import * as m0043 from './migrations/0043-stale-warning-index.ts';

// Listed by hand, not read from disk: the same list works under tsx, vitest and a bundle.
const MIGRATIONS: Record<string, Migration> = {
  '0001-init': m0001,
  '0003-geo-open311': m0003,
  '0004-attachments': m0004,
  '0005-indicators-supervision': m0005,
  '0006-performance-indexes': m0006,
  '0007-case-followers': m0007,
  '0008-enum-checks': m0008,
  '0009-event-units-rollups': m0009,
  '0010-write-path': m0010,
  '0011-warning-instants': m0011,
  '0012-admin-audit': m0012,
  '0013-projects-targets': m0013,
  '0014-enterprises-policies': m0014,
  '0015-service-applications': m0015,
  '0017-dispatch-models': m0017,
  '0018-case-search-terms': m0018,
  '0019-open311-losses-webhooks': m0019,
  '0020-subscriptions-messages': m0020,
  '0021-login-throttle': m0021,
  '0022-case-events-append-only': m0022,
  '0025-account-controls': m0025,
  '0028-idempotency-reported-at': m0028,
  '0029-case-map-index': m0029,
  '0030-policy-applications': m0030,
  '0032-project-rate-snapshots': m0032,
  '0033-project-report-notices': m0033,
  '0034-case-reporter-phone-index': m0034,
  '0035-saved-filters': m0035,
  '0036-attachment-blobs': m0036,
  '0037-timeline-anchors': m0037,
  '0038-project-report-photos': m0038,
  '0040-rate-limit-counters': m0040,
  '0042-case-list-keyset-indexes': m0042,
  '0043-stale-warning-index': m0043,
};

/**
 * Brings the schema to the latest migration; throws with the failing migration's name.
 * @returns the names of the migrations that ran
 */
export async function migrateToLatest(db: Kysely<unknown>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((entry) => entry.status === 'Error');
    throw new Error(`Migration ${failed?.migrationName ?? '?'} failed: ${String(result.error)}`);
  }
  return (result.results ?? []).filter((entry) => entry.status === 'Success').map((entry) => entry.migrationName);
}

/** The names of every migration this code knows, in order. */
export function knownMigrations(): string[] {
  return Object.keys(MIGRATIONS).sort();
}

/** Brings the schema to exactly `name` (a restore loads a backup into the schema it was made with). */
export async function migrateTo(db: Kysely<unknown>, name: string): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } });
  const result = await migrator.migrateTo(name);
  if (result.error) {
    const failed = result.results?.find((entry) => entry.status === 'Error');
    throw new Error(`Migration ${failed?.migrationName ?? '?'} failed: ${String(result.error)}`);
  }
}

/** The migrations applied to this database, in order (empty for a new database). */
export async function appliedMigrations(db: Kysely<unknown>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } });
  return (await migrator.getMigrations()).filter((m) => m.executedAt !== undefined).map((m) => m.name);
}
