/**
 * Linking the timeline after commit (ADR 0006): the district's linker takes the unlinked rows in id order,
 * gives each the next `chain_seq`, the previous row's hash and its own, adds the event's rollup deltas, and
 * moves the chain head — all in one short transaction, so an event is linked and counted exactly once.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../schema.ts';
import type { RollupDelta } from '../../../domain/supervision/index.ts';
import { addToRollups, shanghaiDay } from '../supervision/index.ts';
import { genesisHash, hashEvent } from './timeline-repository.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** Districts that have rows waiting to be linked. */
export async function districtsWithUnlinkedEvents(db: Db): Promise<number[]> {
  const rows = await db.selectFrom('case_events').select('district_id').distinct().where('hash', 'is', null).orderBy('district_id').execute();
  return rows.map((row) => row.district_id);
}

async function lockChainHead(trx: Transaction<Database>, districtId: number) {
  const lock = () => trx.selectFrom('timeline_chain_heads').selectAll().where('district_id', '=', districtId).forUpdate().executeTakeFirst();
  const head = await lock();
  if (head) return head;
  await trx
    .insertInto('timeline_chain_heads')
    .values({ district_id: districtId, last_event_id: null, last_hash: genesisHash(districtId), last_seq: 0 })
    .onConflict((oc) => oc.column('district_id').doNothing())
    .execute();
  const created = await lock();
  if (!created) throw new Error(`timeline chain head for district ${districtId} missing`);
  return created;
}

/**
 * Links up to `limit` of the district's unlinked rows, oldest id first.
 * @returns how many rows it linked (0 when none was waiting)
 */
export async function linkNextBatch(trx: Transaction<Database>, districtId: number, limit: number): Promise<number> {
  const head = await lockChainHead(trx, districtId);
  const rows = await trx.selectFrom('case_events').selectAll().where('district_id', '=', districtId).where('hash', 'is', null)
    .orderBy('id').limit(limit).execute();
  if (rows.length === 0) return 0;
  let prevHash = head.last_hash;
  let seq = Number(head.last_seq);
  const links: { id: number; prevHash: string; hash: string; seq: number }[] = [];
  const deltasByDay = new Map<string, RollupDelta[]>();
  for (const row of rows) {
    const hash = hashEvent(prevHash, {
      caseId: row.case_id, districtId: row.district_id, at: row.at, actorUserId: row.actor_user_id, actorRole: row.actor_role,
      action: row.action, fromState: row.from_state, toState: row.to_state, note: row.note, data: row.data,
    });
    seq += 1;
    links.push({ id: row.id, prevHash, hash, seq });
    prevHash = hash;
    const deltas = (row.rollup_deltas ?? []) as RollupDelta[];
    if (deltas.length > 0) {
      const day = shanghaiDay(row.at);
      deltasByDay.set(day, [...(deltasByDay.get(day) ?? []), ...deltas]);
    }
  }
  const values = sql.join(links.map((l) => sql`(${l.id}::bigint, ${l.prevHash}, ${l.hash}, ${l.seq}::bigint)`));
  const updated = await sql`
    update case_events e set prev_hash = v.prev_hash, hash = v.hash, chain_seq = v.chain_seq
    from (values ${values}) as v(id, prev_hash, hash, chain_seq)
    where e.id = v.id and e.hash is null`.execute(trx);
  // The head lock makes this impossible unless a row was linked behind the linker's back: refuse to guess.
  if (Number(updated.numAffectedRows ?? links.length) !== links.length) throw new Error(`district ${districtId}: rows linked concurrently`);
  for (const [day, deltas] of deltasByDay) await addToRollups(trx, districtId, day, deltas);
  const last = links[links.length - 1]!;
  await trx.updateTable('timeline_chain_heads').set({ last_hash: last.hash, last_event_id: last.id, last_seq: last.seq })
    .where('district_id', '=', districtId).execute();
  return links.length;
}
