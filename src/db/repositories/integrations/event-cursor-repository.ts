/**
 * The integrations' read position in each district's timeline: the chain position (`chain_seq`, given by
 * the linker in commit order, without gaps) up to which events were turned into deliveries and messages.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** Locks the district's cursor for this transaction (creating it on first use); other fan-outs wait. */
export async function lockCursor(trx: Transaction<Database>, districtId: number): Promise<number> {
  await trx.insertInto('integration_cursors').values({ district_id: districtId }).onConflict((oc) => oc.column('district_id').doNothing()).execute();
  const row = await trx.selectFrom('integration_cursors').select('last_seq').where('district_id', '=', districtId).forUpdate().executeTakeFirstOrThrow();
  return Number(row.last_seq);
}

export async function moveCursor(trx: Transaction<Database>, districtId: number, lastSeq: number): Promise<void> {
  await trx.updateTable('integration_cursors').set({ last_seq: lastSeq }).where('district_id', '=', districtId).execute();
}

/**
 * Districts with linked events past their cursor, with the chain's head position. While nobody listens
 * (no active webhook or subscription) the same statement moves every cursor to its head and answers
 * none, so an ordinary write pays one statement for integrations, not a transaction per district.
 * Skipping is safe: a webhook or subscription made later hears only events after its creation.
 */
export async function districtsWithNewEvents(db: Db): Promise<{ districtId: number; headSeq: number }[]> {
  const rows = await sql<{ district_id: number; last_seq: number | string }>`
    with listening as (
      select exists (select 1 from webhooks where active) or exists (select 1 from subscriptions where unsubscribed_at is null) as anyone
    ), behind as (
      select h.district_id, h.last_seq from timeline_chain_heads h left join integration_cursors c on c.district_id = h.district_id
      where h.last_seq > coalesce(c.last_seq, 0)
    ), skipped as (
      insert into integration_cursors (district_id, last_seq)
      select b.district_id, b.last_seq from behind b, listening l where not l.anyone
      on conflict (district_id) do update set last_seq = greatest(integration_cursors.last_seq, excluded.last_seq)
    )
    select b.district_id, b.last_seq from behind b, listening l where l.anyone`.execute(db);
  return rows.rows.map((row) => ({ districtId: Number(row.district_id), headSeq: Number(row.last_seq) }));
}

/** Linked events after the cursor, in chain order, with the case facts subscribers and partners need. */
export async function listEventsAfter(trx: Transaction<Database>, districtId: number, afterSeq: number, limit: number) {
  return trx.selectFrom('case_events as e')
    .innerJoin('cases as k', 'k.id', 'e.case_id')
    .innerJoin('categories as c', 'c.id', 'k.category_id')
    .innerJoin('districts as d', 'd.id', 'k.district_id')
    .select([
      'e.id', 'e.chain_seq', 'e.action', 'e.from_state', 'e.to_state', 'e.at', 'e.recorded_at', 'e.case_id',
      'k.number', 'k.kind', 'k.state', 'k.lat', 'k.lng', 'k.street_id', 'k.grid_id', 'k.title', 'k.source', 'c.code as category_code', 'c.minor_name', 'c.minor_name_en',
      'd.code as district_code',
    ])
    .where('e.district_id', '=', districtId).where('e.chain_seq', '>', afterSeq).where('e.chain_seq', 'is not', null)
    .orderBy('e.chain_seq').limit(limit).execute();
}

export type FannedEvent = Awaited<ReturnType<typeof listEventsAfter>>[number];
