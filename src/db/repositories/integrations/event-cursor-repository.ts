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

/** Districts with linked events past their cursor, with the chain's head position. */
export async function districtsWithNewEvents(db: Db): Promise<{ districtId: number; headSeq: number }[]> {
  const rows = await db.selectFrom('timeline_chain_heads as h').leftJoin('integration_cursors as c', 'c.district_id', 'h.district_id')
    .select(['h.district_id', 'h.last_seq']).where(sql<boolean>`h.last_seq > coalesce(c.last_seq, 0)`).execute();
  return rows.map((row) => ({ districtId: Number(row.district_id), headSeq: Number(row.last_seq) }));
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
