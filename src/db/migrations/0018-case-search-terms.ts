import { sql, type Kysely } from 'kysely';

/**
 * Chinese search over cases (issue 14, DESIGN §8a): pg_trgm only indexes terms of three or more characters, and
 * most searches are two (井盖, 路灯). Every case keeps the set of its character bigrams (number, title,
 * description, address) in its own table with a GIN index; a search for a term first narrows to the cases
 * holding all of the term's bigrams, then checks the term itself. A separate table, not a column, so that the
 * many `select *` of a case stay as small as they were. Kept by a trigger: every writer of those columns,
 * present and future, keeps the terms right. The same SQL runs on PostgreSQL 15+ and PGlite.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function civicloop_bigrams(input text) returns text[] language sql immutable parallel safe as $$
      select coalesce(array_agg(distinct substr(t.s, i, 2)), '{}'::text[])
      from (select lower(regexp_replace(coalesce(input, ''), '\\s+', '', 'g')) as s) as t
      cross join generate_series(1, length(t.s) - 1) as i
    $$;
    create table case_search_terms (
      case_id integer primary key references cases(id) on delete cascade,
      terms text[] not null
    );
    create index case_search_terms_gin_idx on case_search_terms using gin (terms);
    create function case_search_terms_sync() returns trigger language plpgsql as $$
    begin
      insert into case_search_terms (case_id, terms)
      values (new.id, civicloop_bigrams(new.number || ' ' || new.title || ' ' || new.description || ' ' || coalesce(new.address, '')))
      on conflict (case_id) do update set terms = excluded.terms;
      return null;
    end
    $$;
    create trigger cases_search_terms_sync after insert or update of number, title, description, address on cases
      for each row execute function case_search_terms_sync();
    insert into case_search_terms (case_id, terms)
      select id, civicloop_bigrams(number || ' ' || title || ' ' || description || ' ' || coalesce(address, '')) from cases;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop trigger if exists cases_search_terms_sync on cases;
    drop function if exists case_search_terms_sync();
    drop table if exists case_search_terms;
    drop function if exists civicloop_bigrams(text);
  `.execute(db);
}
