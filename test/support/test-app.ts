/**
 * A real server on a fresh database for one test file: PGlite in a temporary directory or a new
 * PostgreSQL database, migrated and seeded with the demo org and users (no demo cases).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { openDatabase, type DatabaseHandle } from '../../src/db/connect.ts';
import { createFreshPostgres } from './fresh-postgres.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { seedCalendar, seedCategories } from '../../src/services/seed/seed-reference.ts';
import { seedDemoOrg, seedDemoUsers } from '../../src/services/seed/seed-demo-org.ts';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/config.ts';
import type { ServiceDeps } from '../../src/services/service-deps.ts';

export interface TestClock {
  now: Date;
  set(iso: string): void;
  advanceMinutes(minutes: number): void;
}

export function createTestClock(iso = '2026-03-10T02:00:00Z'): TestClock {
  const clock: TestClock = {
    now: new Date(iso),
    set(value) {
      clock.now = new Date(value);
    },
    advanceMinutes(minutes) {
      clock.now = new Date(clock.now.getTime() + minutes * 60_000);
    },
  };
  return clock;
}

export interface TestApp {
  app: FastifyInstance;
  services: ServiceDeps;
  handle: DatabaseHandle;
  clock: TestClock;
  kind: 'pglite' | 'postgres';
  /** The PostgreSQL database's URL (postgres project only): a second instance can open its own pool on it. */
  databaseUrl?: string;
  close(): Promise<void>;
}

/** Starts the app on a fresh database of the kind this test project runs (TEST_DB_KIND). */
export async function startTestApp(
  options: { clock?: TestClock; overrides?: Record<string, string>; webDir?: string } = {},
): Promise<TestApp> {
  const kind = process.env.TEST_DB_KIND === 'postgres' ? 'postgres' : 'pglite';
  const clock = options.clock ?? createTestClock();
  let cleanup: () => Promise<void>;
  let handle: DatabaseHandle;
  let databaseUrl: string | undefined;
  if (kind === 'postgres') {
    const baseUrl = process.env.TEST_DATABASE_URL;
    if (!baseUrl) throw new Error('TEST_DATABASE_URL is required for the postgres project');
    const fresh = await createFreshPostgres(baseUrl);
    handle = await openDatabase({ databaseUrl: fresh.url, dataDir: '' });
    databaseUrl = fresh.url;
    cleanup = fresh.drop;
  } else {
    const dir = await mkdtemp(join(tmpdir(), 'civicloop-test-'));
    handle = await openDatabase({ dataDir: dir });
    cleanup = () => rm(dir, { recursive: true, force: true });
  }
  await migrateToLatest(handle.db as never);
  await seedCategories(handle.db);
  await seedCalendar(handle.db, clock.now);
  await seedDemoOrg(handle.db);
  await seedDemoUsers(handle.db);
  // Tests move the clock by days; sessions must outlive that.
  const config = loadConfig({ CIVICLOOP_DEMO: 'false', LOG_LEVEL: 'silent', CIVICLOOP_SESSION_HOURS: '100000', CIVICLOOP_SESSION_IDLE_MINUTES: '6000000', ...options.overrides });
  const { app, services } = await buildApp({ handle, config, version: 'test', clock: () => clock.now, logger: false, webDir: options.webDir });
  await app.ready();
  return {
    app, services, handle, clock, kind, ...(databaseUrl ? { databaseUrl } : {}),
    async close() {
      await app.close();
      await handle.close();
      await cleanup();
    },
  };
}

/**
 * The database handle a second server on the test's database uses: its own pool on PostgreSQL (as a second
 * instance would have), the same handle on PGlite (one connection per data directory). The pool is closed
 * through `cleanups`.
 */
export async function siblingHandle(t: TestApp, cleanups: (() => Promise<void>)[]): Promise<DatabaseHandle> {
  if (!t.databaseUrl) return t.handle;
  const own = await openDatabase({ databaseUrl: t.databaseUrl, dataDir: '' });
  cleanups.push(() => own.close());
  return own;
}
