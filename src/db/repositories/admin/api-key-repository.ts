/** Open311 API keys: stored as SHA-256 hashes, revoked by time stamp, never deleted. */
import type { Kysely } from 'kysely';
import type { Database } from '../../schema.ts';

type Db = Kysely<Database>;

export async function insertApiKey(db: Db, values: { name: string; keyHash: string; now: Date }) {
  return db
    .insertInto('api_keys')
    .values({ name: values.name, key_hash: values.keyHash, created_at: values.now })
    .returning(['id', 'name', 'created_at'])
    .executeTakeFirstOrThrow();
}

export async function findApiKeyByHash(db: Db, keyHash: string) {
  return db.selectFrom('api_keys').selectAll().where('key_hash', '=', keyHash).executeTakeFirst();
}

export async function revokeApiKeyById(db: Db, id: number, now: Date) {
  return db
    .updateTable('api_keys')
    .set({ revoked_at: now })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .returning(['id', 'name', 'revoked_at'])
    .executeTakeFirst();
}

export async function findApiKey(db: Db, id: number) {
  return db.selectFrom('api_keys').select(['id', 'name', 'created_at', 'revoked_at']).where('id', '=', id).executeTakeFirst();
}

export async function listApiKeys(db: Db) {
  return db.selectFrom('api_keys').select(['id', 'name', 'created_at', 'revoked_at']).orderBy('id').execute();
}
