/** Timeline anchors (migration 0037) and the chain positions they are checked against. */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface StoredAnchor {
  districtId: number;
  chainSeq: number;
  eventId: number;
  hash: string;
  anchoredAt: Date;
  keyId: string;
  signature: string;
}

/** Each district's chain head that has moved past its latest anchor (or has none). */
export async function listUnanchoredHeads(db: Db) {
  return db.selectFrom('timeline_chain_heads as h')
    .select(['h.district_id', 'h.last_seq', 'h.last_event_id', 'h.last_hash'])
    .where('h.last_seq', '>', 0)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('timeline_anchors as a').select('a.id')
      .whereRef('a.district_id', '=', 'h.district_id').whereRef('a.chain_seq', '>=', 'h.last_seq'))))
    .orderBy('h.district_id').execute();
}

/** Stores an anchor; one of the same district and position made meanwhile (two runs at once) wins. @returns whether this one was stored */
export async function insertAnchor(db: Db, anchor: StoredAnchor): Promise<boolean> {
  const result = await db.insertInto('timeline_anchors').values({
    district_id: anchor.districtId, chain_seq: anchor.chainSeq, event_id: anchor.eventId, hash: anchor.hash,
    anchored_at: anchor.anchoredAt, key_id: anchor.keyId, signature: anchor.signature,
  }).onConflict((oc) => oc.columns(['district_id', 'chain_seq']).doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Anchors in district and chain order; of one district, the latest `limit` when given. */
export async function listAnchors(db: Db, filter: { districtId?: number; latest?: number } = {}): Promise<StoredAnchor[]> {
  let query = db.selectFrom('timeline_anchors').selectAll();
  if (filter.districtId !== undefined) query = query.where('district_id', '=', filter.districtId);
  if (filter.latest !== undefined) query = query.orderBy('chain_seq', 'desc').limit(filter.latest);
  const rows = await query.orderBy('district_id').orderBy('chain_seq').execute();
  return rows
    .map((r) => ({ districtId: r.district_id, chainSeq: Number(r.chain_seq), eventId: r.event_id, hash: r.hash, anchoredAt: r.anchored_at, keyId: r.key_id, signature: r.signature }))
    .sort((a, b) => a.districtId - b.districtId || a.chainSeq - b.chainSeq);
}

/** Where a district's chain stands at a position: its head's seq (null: no head) and the row linked there. */
export async function chainAt(db: Db, districtId: number, chainSeq: number) {
  const head = await db.selectFrom('timeline_chain_heads').select('last_seq').where('district_id', '=', districtId).executeTakeFirst();
  const row = await db.selectFrom('case_events').select(['id', 'hash']).where('district_id', '=', districtId).where('chain_seq', '=', chainSeq).executeTakeFirst();
  return { headSeq: head ? Number(head.last_seq) : null, row };
}
