/**
 * Where `@fastify/rate-limit` keeps its counters (issue 19 §5): in Redis when CIVICLOOP_REDIS_URL (or REDIS_URL)
 * is set — the plugin's own Redis store, one Lua call per request — else in the database
 * (`databaseRateLimitStore`). Either way every instance counts against the same limit; never in process memory.
 */
import type { FastifyInstance } from 'fastify';
import type { RateLimitPluginOptions } from '@fastify/rate-limit';
import { Redis } from 'ioredis';
import type { DatabaseHandle } from '../../db/connect.ts';
import { databaseRateLimitStore } from '../../services/auth/index.ts';

/** The plugin options naming the shared store; a Redis connection is closed with the app. */
export function rateLimitCounters(app: FastifyInstance, options: { redisUrl: string | undefined; db: DatabaseHandle['db'] }): Pick<RateLimitPluginOptions, 'store' | 'redis' | 'nameSpace' | 'skipOnError'> {
  if (!options.redisUrl) return { store: databaseRateLimitStore(options.db) as unknown as RateLimitPluginOptions['store'] };
  // While Redis is away a limited request goes unlimited (skipOnError, with a warning logged) rather than
  // failing: the limits guard against abuse, and a citizen's report must not be lost to a cache outage.
  const redis = new Redis(options.redisUrl, { maxRetriesPerRequest: 1, connectTimeout: 2_000, enableOfflineQueue: false, lazyConnect: false });
  redis.on('error', (error: Error) => app.log.warn({ err: error }, 'rate-limit Redis connection'));
  app.addHook('onClose', async () => { await redis.quit().catch(() => redis.disconnect()); });
  return { redis, nameSpace: 'civicloop-rate-limit:', skipOnError: true };
}
