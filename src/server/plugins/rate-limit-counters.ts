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
export function rateLimitCounters(app: FastifyInstance, options: { redisUrl: string | undefined; db: DatabaseHandle['db'] }): Pick<RateLimitPluginOptions, 'store' | 'redis' | 'nameSpace'> {
  if (!options.redisUrl) return { store: databaseRateLimitStore(options.db) as unknown as RateLimitPluginOptions['store'] };
  // Fail a request fast while Redis is away instead of queueing it (the limit check answers 500, not a hang).
  const redis = new Redis(options.redisUrl, { maxRetriesPerRequest: 1, connectTimeout: 2_000, enableOfflineQueue: false, lazyConnect: false });
  redis.on('error', (error: Error) => app.log.warn({ err: error }, 'rate-limit Redis connection'));
  app.addHook('onClose', async () => { await redis.quit().catch(() => redis.disconnect()); });
  return { redis, nameSpace: 'civicloop-rate-limit:' };
}
