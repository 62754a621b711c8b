import { sql, type Kysely } from 'kysely';

/**
 * The timeline is append-only in the database itself, not only by convention: a trigger refuses every
 * DELETE of an event, and every UPDATE except the linker's one-time filling of the link columns
 * (prev_hash, hash, chain_seq) of a row not yet linked. It holds on PostgreSQL and PGlite alike; the table's
 * owner (or a superuser) can still disable it, so production runs the app under a role that owns nothing
 * (docs/security.md), and `verify-timeline` remains the check that finds what a superuser did.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function case_events_append_only() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        raise exception 'case_events is append-only: event % cannot be deleted', old.id using errcode = '42501';
      end if;
      if old.hash is not null
        or (to_jsonb(new) - 'prev_hash' - 'hash' - 'chain_seq') is distinct from (to_jsonb(old) - 'prev_hash' - 'hash' - 'chain_seq') then
        raise exception 'case_events is append-only: event % cannot be changed', old.id using errcode = '42501';
      end if;
      return new;
    end
    $$;
    create trigger case_events_append_only before update or delete on case_events
      for each row execute function case_events_append_only();
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop trigger if exists case_events_append_only on case_events;
    drop function if exists case_events_append_only();
  `.execute(db);
}
