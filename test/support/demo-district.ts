/** A database made ready the way `npm start` makes it (reference data, the demo's org and users), for tests that act on it directly. */
import { migrateToLatest } from '../../src/db/migrate.ts';
import { seedCalendar, seedCategories } from '../../src/services/seed/seed-reference.ts';
import { seedDemoOrg, seedDemoUsers } from '../../src/services/seed/seed-demo-org.ts';
import { createServiceDeps } from '../../src/services/create-service-deps.ts';
import { loadConfig } from '../../src/config.ts';
import { actorFromUser } from '../../src/services/actor.ts';
import type { DatabaseHandle } from '../../src/db/connect.ts';

/** Migrates and seeds, then answers the services, 绿园区's operator (as user and actor) and its first grid's code. */
export async function prepareDemoDistrict(handle: DatabaseHandle) {
  await migrateToLatest(handle.db as never);
  const now = new Date();
  await seedCategories(handle.db);
  await seedCalendar(handle.db, now);
  await seedDemoOrg(handle.db);
  await seedDemoUsers(handle.db);
  const deps = createServiceDeps(handle.db, loadConfig({ CIVICLOOP_DEMO: 'false', LOG_LEVEL: 'silent' }));
  const user = await handle.db.selectFrom('users').selectAll().where('username', '=', 'operator-220106').executeTakeFirstOrThrow();
  const grid = await handle.db.selectFrom('grids').select('code').where('district_id', '=', user.district_id!).orderBy('code').limit(1).executeTakeFirstOrThrow();
  return { deps, user, actor: actorFromUser(user), gridCode: grid.code.trim() };
}
