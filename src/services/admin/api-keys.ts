/**
 * API keys for Open311 clients: created by an admin (shown once), checked on every Open311
 * write, revoked without deleting so the cases a key filed still name it.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { DomainError } from '../../domain/errors.ts';
import { findApiKey, findApiKeyByHash, insertApiKey, listApiKeys, revokeApiKeyById } from '../../db/repositories/admin/api-key-repository.ts';

const KEY_PREFIX = 'cl311_';

function hashKey(key: string): string {
  return createHash('sha256').update(`civicloop-api-key:${key}`).digest('hex');
}

/**
 * Creates a key; the plain key is returned once and only its hash is stored.
 * @example createApiKey(db, 'FixMyStreet', now) // => { id: 1, name: 'FixMyStreet', key: 'cl311_…', createdAt }
 */
export async function createApiKey(db: Kysely<Database>, name: string, now: Date) {
  const key = `${KEY_PREFIX}${randomBytes(24).toString('base64url')}`;
  const row = await insertApiKey(db, { name, keyHash: hashKey(key), now });
  return { id: row.id, name: row.name, key, createdAt: row.created_at };
}

/**
 * Revokes a key.
 * @throws DomainError NOT_FOUND (unknown or already revoked)
 */
export async function revokeApiKey(db: Kysely<Database>, id: number, now: Date) {
  const row = await revokeApiKeyById(db, id, now);
  if (!row) throw new DomainError('NOT_FOUND', { apiKeyId: id });
  return { id: row.id, name: row.name, revokedAt: row.revoked_at };
}

export async function listApiKeysForAdmin(db: Kysely<Database>) {
  const rows = await listApiKeys(db);
  return rows.map((row) => ({ id: row.id, name: row.name, createdAt: row.created_at, revokedAt: row.revoked_at }));
}

export async function findApiKeyForAdmin(db: Kysely<Database>, id: number) {
  return findApiKey(db, id);
}

/**
 * The id of a valid key.
 * @throws DomainError API_KEY_INVALID when missing, unknown or revoked
 */
export async function requireApiKey(db: Kysely<Database>, key: string | undefined): Promise<number> {
  if (!key || key.length > 200) throw new DomainError('API_KEY_INVALID', { reason: 'missing' });
  const row = await findApiKeyByHash(db, hashKey(key.trim()));
  if (!row) throw new DomainError('API_KEY_INVALID', { reason: 'unknown' });
  if (row.revoked_at) throw new DomainError('API_KEY_INVALID', { reason: 'revoked' });
  return row.id;
}
