/**
 * The outbox: work an action's transaction asks for and the drain does after commit, each row once
 * (claimed with SKIP LOCKED, done in the claiming transaction). Kinds are free text (`follow_up:…` now,
 * webhook deliveries later); a failed row waits `next_attempt_at` and stops after its last attempt.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface OutboxEntry {
  /** Stable across retries: the idempotency key of what the entry does. */
  id: number;
  kind: string;
  payload: unknown;
  attempts: number;
}

/** Transactions that enqueued something: their writer waits for the drain before it answers (write-transaction.ts). */
const enqueuedIn = new WeakSet<Transaction<Database>>();

/** Whether `trx` enqueued an outbox entry through `enqueueOutbox`. */
export function askedForFollowUp(trx: Transaction<Database>): boolean {
  return enqueuedIn.has(trx);
}

export async function enqueueOutbox(trx: Transaction<Database>, kind: string, payload: unknown): Promise<number> {
  enqueuedIn.add(trx);
  const row = await trx.insertInto('outbox').values({ kind, payload: JSON.stringify(payload) }).returning('id').executeTakeFirstOrThrow();
  return Number(row.id);
}

/** Locks the oldest due entry for the caller's transaction; entries other drains hold are skipped. */
export async function claimDueOutbox(trx: Transaction<Database>, maxAttempts: number): Promise<OutboxEntry | undefined> {
  const row = await trx.selectFrom('outbox').select(['id', 'kind', 'payload', 'attempts'])
    .where('done_at', 'is', null).where('attempts', '<', maxAttempts).where('next_attempt_at', '<=', sql<Date>`clock_timestamp()`)
    .orderBy('id').limit(1).forUpdate().skipLocked().executeTakeFirst();
  return row ? { id: Number(row.id), kind: row.kind, payload: row.payload, attempts: row.attempts } : undefined;
}

export async function markOutboxDone(trx: Transaction<Database>, id: number): Promise<void> {
  await trx.updateTable('outbox').set({ done_at: sql<Date>`clock_timestamp()`, attempts: sql<number>`attempts + 1`, last_error: null })
    .where('id', '=', id).execute();
}

/** Counts a failed attempt and sets when the next one may run. */
export async function recordOutboxFailure(db: Db, id: number, error: string, retryInMs: number): Promise<void> {
  await db.updateTable('outbox')
    .set({
      attempts: sql<number>`attempts + 1`, last_error: error.slice(0, 2000),
      next_attempt_at: sql<Date>`clock_timestamp() + ${retryInMs} * interval '1 millisecond'`,
    })
    .where('id', '=', id).where('done_at', 'is', null).execute();
}

/** Stops an entry for good (its handler moved it to a dead-letter list of its own). */
export async function giveUpOutbox(db: Db, id: number): Promise<void> {
  await db.updateTable('outbox').set({ done_at: sql<Date>`clock_timestamp()` }).where('id', '=', id).where('done_at', 'is', null).execute();
}

/** True while some entry is due and has attempts left. */
export async function hasDueOutbox(db: Db, maxAttempts: number): Promise<boolean> {
  const row = await db.selectFrom('outbox').select('id').where('done_at', 'is', null).where('attempts', '<', maxAttempts)
    .where('next_attempt_at', '<=', sql<Date>`clock_timestamp()`).limit(1).executeTakeFirst();
  return row !== undefined;
}
