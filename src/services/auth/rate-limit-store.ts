/**
 * The counters of `@fastify/rate-limit` in the database (issue 19 §5): every instance on the database counts the
 * same requests against the same limit, and a restart forgets nothing — unlike the plugin's in-memory store,
 * where N instances let N times the limit through. The plugin builds it with `new Store(options)` and asks each
 * limited route for a `child`, whose counters are keyed by the route (as the plugin's Redis store does).
 *
 * Windows are fixed: the first request of a key opens one of `timeWindow` ms, and the key is over its limit when
 * the count passes `max` before the window ends. Ended windows are deleted at most once a minute per instance,
 * by the request that finds the minute passed, so the table holds only the keys seen in the current windows.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { countRateLimitHit, deleteEndedRateLimitWindows } from '../../db/repositories/org/index.ts';

/** What the plugin's store constructor and `child` receive (the parts used here). */
interface StoreOptions {
  continueExceeding?: boolean;
  exponentialBackoff?: boolean;
  routeInfo?: { method: string | string[]; url: string };
}

type Incremented = (error: Error | null, result?: { current: number; ttl: number }) => void;

export interface RateLimitStore {
  incr(key: string, callback: Incremented, timeWindow: number, max: number): void;
  child(routeOptions: StoreOptions): RateLimitStore;
}

export const PRUNE_EVERY_MS = 60_000;

/**
 * The store class to hand to the plugin (`store:` option).
 * @param now the clock for windows (tests move it); by default Date.now read at each request, as the plugin's own stores do (so a faked Date applies)
 */
export function databaseRateLimitStore(db: Kysely<Database>, now: () => number = () => Date.now()): new (options: StoreOptions) => RateLimitStore {
  let prunedAt = now();
  const pruneIfDue = async (at: number): Promise<void> => {
    if (at - prunedAt < PRUNE_EVERY_MS) return;
    prunedAt = at;
    await deleteEndedRateLimitWindows(db, new Date(at));
  };

  class DatabaseRateLimitStore implements RateLimitStore {
    readonly #prefix: string;
    readonly #extendWhenOver: boolean;

    constructor(options: StoreOptions, prefix = '') {
      // Doubling windows would need more than a fixed window per row; no route asks for them.
      if (options.exponentialBackoff) throw new Error('the database rate-limit store does not support exponentialBackoff');
      this.#extendWhenOver = options.continueExceeding === true;
      this.#prefix = prefix;
    }

    incr(key: string, callback: Incremented, timeWindow: number, max: number): void {
      const at = now();
      pruneIfDue(at)
        .then(() => countRateLimitHit(db, { key: this.#prefix + key, now: new Date(at), windowMs: timeWindow, max, extendWhenOver: this.#extendWhenOver }))
        .then(({ hits, windowEndsAt }) => callback(null, { current: hits, ttl: Math.max(0, windowEndsAt.getTime() - at) }), (error: Error) => callback(error));
    }

    child(routeOptions: StoreOptions): RateLimitStore {
      const route = routeOptions.routeInfo;
      return new DatabaseRateLimitStore(routeOptions, route ? `${[route.method].flat().join(',')} ${route.url} ` : this.#prefix);
    }
  }
  return DatabaseRateLimitStore;
}
