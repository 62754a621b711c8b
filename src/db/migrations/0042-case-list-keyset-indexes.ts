import { sql, type Kysely } from 'kysely';

/**
 * The case list's typical filters (docs/performance.md, "the month path and the list at scale"): each gets
 * an index that holds the filter's columns and then the list's keyset order (created_at desc, id desc), so
 * that a page reads its 21 entries in order and the capped total is an index-only count of the filter's
 * range — instead of ANDing the district's whole bitmap (380k entries at 1M) or walking every case of the
 * district newest first and dropping the other streets' or categories'. The district comes first where the
 * operator's scope adds it; a department's cases are all in its district.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index if not exists cases_list_district_idx on cases (district_id, created_at desc, id desc);
    create index if not exists cases_list_state_idx on cases (district_id, state, created_at desc, id desc);
    drop index if exists cases_district_state_idx;
    create index if not exists cases_list_street_idx on cases (district_id, street_id, created_at desc, id desc);
    create index if not exists cases_list_category_idx on cases (district_id, category_id, created_at desc, id desc);
    create index if not exists cases_list_department_idx on cases (department_id, state, created_at desc, id desc);
    drop index if exists cases_department_idx;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index if not exists cases_department_idx on cases (department_id, state);
    drop index if exists cases_list_department_idx;
    drop index if exists cases_list_category_idx;
    drop index if exists cases_list_street_idx;
    create index if not exists cases_district_state_idx on cases (district_id, state, created_at desc);
    drop index if exists cases_list_state_idx;
    drop index if exists cases_list_district_idx;
  `.execute(db);
}
