/**
 * Everything a generated data set stands on, made idempotently: categories, the working calendar,
 * the demo org with its users and its demo map (绿园区 at its real 700 grids).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.ts';
import { seedCalendar, seedCategories } from '../../src/services/seed/seed-reference.ts';
import { seedDemoOrg, seedDemoUsers } from '../../src/services/seed/seed-demo-org.ts';
import { seedDemoGeometry } from '../../src/db/seed/demo-geometry.ts';

/** Seeds the reference data, the demo org, its users and grid geometry where missing. */
export async function prepareBulkBase(db: Kysely<Database>, now: Date): Promise<void> {
  await seedCategories(db);
  await seedCalendar(db, now);
  await seedDemoOrg(db);
  await seedDemoUsers(db);
  await seedDemoGeometry(db);
}

/**
 * Reads a size such as 10k, 100k, 1m, 10m or 250000.
 * @throws Error on anything else
 */
export function parseSize(text: string): number {
  const match = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(text.trim());
  if (!match) throw new Error(`invalid size / 数量无效: ${text}`);
  const factor = match[2]?.toLowerCase() === 'm' ? 1_000_000 : match[2]?.toLowerCase() === 'k' ? 1_000 : 1;
  return Math.round(Number(match[1]) * factor);
}
