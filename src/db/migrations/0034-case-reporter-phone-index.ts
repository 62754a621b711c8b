import { sql, type Kysely } from 'kysely';

/**
 * 来电登记 looks the caller up by phone number: the caller's earlier and open cases of the district
 * (GET /api/v1/cases/intake-hints). A partial index over the cases that carry a phone keeps that lookup
 * off the district's whole table, and off the many cases reported without one.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index cases_reporter_phone_idx on cases (district_id, reporter_phone, created_at desc) where reporter_phone is not null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists cases_reporter_phone_idx`.execute(db);
}
