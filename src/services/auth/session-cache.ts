/**
 * The user behind a session token, kept in process for a few seconds per database handle, so a request is
 * not a session lookup before its work (issue 10, item 2). Every account write through this process — logout,
 * a revoked session, a password change, an admin's disable, reset or edit — forgets the user's entries at
 * once; another instance's writes are seen within `SESSION_CACHE_TTL_MS` (docs/security.md). A lookup that
 * started before such a write never stores its answer (the cache's epoch moved on), so a disabled account's
 * stale row cannot be put back by a request that raced the disable.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

export const SESSION_CACHE_TTL_MS = 10_000;
/** Beyond this many live entries the oldest are dropped: memory stays bounded whatever the traffic. */
const MAX_ENTRIES = 10_000;

interface Cached<T> { value: T; userId: number; loadedAt: number }
interface SessionCache<T> { entries: Map<string, Cached<T>>; epoch: number }

const caches = new WeakMap<object, SessionCache<unknown>>();

function cacheOf<T>(db: Kysely<Database>): SessionCache<T> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = { entries: new Map(), epoch: 0 }));
  return cache as SessionCache<T>;
}

/**
 * The cached answer for a token hash, or the one `load` gives (cached when found).
 * @param stillValid - checked on every hit against the request's own clock (expiry, idle timeout)
 */
export async function rememberedSession<T extends { id: number }>(
  db: Kysely<Database>, tokenHash: string, stillValid: (value: T) => boolean, load: () => Promise<T | undefined>,
): Promise<T | undefined> {
  const cache = cacheOf<T>(db);
  const hit = cache.entries.get(tokenHash);
  if (hit && Date.now() - hit.loadedAt < SESSION_CACHE_TTL_MS && stillValid(hit.value)) return hit.value;
  cache.entries.delete(tokenHash);
  const epoch = cache.epoch;
  const value = await load();
  if (value === undefined || cache.epoch !== epoch) return value;
  if (cache.entries.size >= MAX_ENTRIES) cache.entries.delete(cache.entries.keys().next().value as string);
  cache.entries.set(tokenHash, { value, userId: value.id, loadedAt: Date.now() });
  return value;
}

/** Forgets every cached session of a user (after any write to the user or their sessions). */
export function forgetUserSessions(db: Kysely<Database>, userId: number): void {
  const cache = cacheOf(db);
  cache.epoch += 1;
  for (const [tokenHash, entry] of cache.entries) if (entry.userId === userId) cache.entries.delete(tokenHash);
}
