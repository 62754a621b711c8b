import { sql, type Kysely } from 'kysely';

/**
 * Indexes for the slow paths found by `npm run bench` (docs/performance.md):
 * - case facts of indicators reach unclosed cases filed before the period's end, without visiting every never-closed
 *   (declined, merged) case of the district's history;
 * - rating facts of indicators read a district's ratings of one period, without scanning all its cases;
 * - the sweep's clearStaleWarnings finds the few warned cases, without scanning the table every minute;
 * - the sweep claims worked-on cases in id order straight from an index;
 * - the list's text search matches the address with trigrams, so the OR with title/description can use indexes;
 * - the list's category filter counts a district's cases of one category from an index.
 * Plain CREATE INDEX (the migration runs in a transaction); on a large live table build them CONCURRENTLY by hand first.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index if not exists cases_unclosed_filed_idx on cases (district_id, filed_at) where closed_at is null;
    create index if not exists cases_rated_idx on cases (district_id, rated_at) where rating is not null;
    create index if not exists cases_warned_idx on cases (id) where warning_level <> 'none';
    create index if not exists cases_worked_on_idx on cases (id) where state in ('dispatched', 'signed') and resolve_deadline is not null;
    create index if not exists cases_address_trgm_idx on cases using gin (address gin_trgm_ops);
    create index if not exists cases_category_idx on cases (category_id, district_id);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop index if exists cases_unclosed_filed_idx;
    drop index if exists cases_rated_idx;
    drop index if exists cases_warned_idx;
    drop index if exists cases_worked_on_idx;
    drop index if exists cases_address_trgm_idx;
    drop index if exists cases_category_idx;
  `.execute(db);
}
