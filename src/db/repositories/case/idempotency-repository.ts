/** Idempotency keys: claim one, store its answer, read it back for a repeat, give up an unanswered one. */
import type { Kysely } from 'kysely';
import type { Database } from '../../schema.ts';

type Db = Kysely<Database>;

export interface IdempotencyRecord {
  requestHash: string;
  statusCode: number | null;
  response: unknown;
  createdAt: Date;
}

/** Claims `key` for `owner`: true for the first request, false when the key is already known (ON CONFLICT, never an error). */
export async function claimIdempotencyKey(db: Db, owner: string, key: string, requestHash: string, now: Date): Promise<boolean> {
  const inserted = await db
    .insertInto('idempotency_keys')
    .values({ owner, key, request_hash: requestHash, status_code: null, response: null, created_at: now, completed_at: null })
    .onConflict((oc) => oc.columns(['owner', 'key']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function findIdempotencyKey(db: Db, owner: string, key: string): Promise<IdempotencyRecord | undefined> {
  const row = await db
    .selectFrom('idempotency_keys')
    .select(['request_hash', 'status_code', 'response', 'created_at'])
    .where('owner', '=', owner)
    .where('key', '=', key)
    .executeTakeFirst();
  return row && { requestHash: row.request_hash, statusCode: row.status_code, response: row.response, createdAt: row.created_at };
}

export async function completeIdempotencyKey(db: Db, owner: string, key: string, statusCode: number, response: unknown, now: Date): Promise<void> {
  await db
    .updateTable('idempotency_keys')
    .set({ status_code: statusCode, response: JSON.stringify(response), completed_at: now })
    .where('owner', '=', owner)
    .where('key', '=', key)
    .execute();
}

/** Forgets an unanswered key (its request was refused or failed, so nothing was created): a retry may try again. */
export async function releaseIdempotencyKey(db: Db, owner: string, key: string): Promise<void> {
  await db.deleteFrom('idempotency_keys').where('owner', '=', owner).where('key', '=', key).where('status_code', 'is', null).execute();
}
