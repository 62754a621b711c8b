/** The HTTP rate limits' counters (`rate_limit_counters`, migration 0040), one row per route and client key. */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../schema.ts';

/**
 * Counts one request for the key in one statement (so concurrent requests on several instances each count):
 * a window that has ended starts again at 1; `extendWhenOver` restarts the window while the key stays over `max`.
 * @returns the count in the current window and when that window ends
 */
export async function countRateLimitHit(
  db: Kysely<Database>,
  hit: { key: string; now: Date; windowMs: number; max: number; extendWhenOver: boolean },
): Promise<{ hits: number; windowEndsAt: Date }> {
  const ends = new Date(hit.now.getTime() + hit.windowMs);
  const { rows } = await sql<{ hits: number; window_ends_at: Date }>`
    insert into rate_limit_counters as c (key, hits, window_ends_at) values (${hit.key}, 1, ${ends})
    on conflict (key) do update set
      hits = case when c.window_ends_at <= ${hit.now} then 1 else c.hits + 1 end,
      window_ends_at = case
        when c.window_ends_at <= ${hit.now} then excluded.window_ends_at
        when ${hit.extendWhenOver} and c.hits + 1 > ${hit.max} then excluded.window_ends_at
        else c.window_ends_at end
    returning hits, window_ends_at`.execute(db);
  const row = rows[0]!;
  return { hits: row.hits, windowEndsAt: new Date(row.window_ends_at) };
}

/** Deletes the counters whose window ended before `now`. @returns how many */
export async function deleteEndedRateLimitWindows(db: Kysely<Database>, now: Date): Promise<number> {
  const result = await db.deleteFrom('rate_limit_counters').where('window_ends_at', '<', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}
