/** Photo bytes in the `attachment_blobs` table (migration 0036), one row per storage key. */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** Stores the bytes under a new key; a key already taken is an error (keys are never reused). */
export async function insertBlob(db: Db, key: string, data: Buffer): Promise<void> {
  await db.insertInto('attachment_blobs').values({ key, data, size_bytes: data.length }).execute();
}

/** The bytes, or null when there is no such key. */
export async function findBlob(db: Db, key: string): Promise<Buffer | null> {
  const row = await db.selectFrom('attachment_blobs').select('data').where('key', '=', key).executeTakeFirst();
  return row ? Buffer.from(row.data) : null;
}

export async function deleteBlob(db: Db, key: string): Promise<void> {
  await db.deleteFrom('attachment_blobs').where('key', '=', key).execute();
}
