import { sql, type Kysely } from 'kysely';

/**
 * The map reads a district's located cases newest first (GET /api/v1/map/cases); a partial index over
 * located cases only keeps that scan off the unlocated majority of a real district's cases.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index cases_map_idx on cases (district_id, id desc) where lat is not null and lng is not null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists cases_map_idx`.execute(db);
}
