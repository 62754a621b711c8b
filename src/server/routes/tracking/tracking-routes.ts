/**
 * POST /api/v1/track — a citizen follows a case by number and tracking code. A POST, so the code stays
 * out of URLs, browser history and access logs; rate-limited per address, so codes cannot be guessed.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { trackCase } from '../../../services/tracking/index.ts';
import type { RouteDeps } from '../route-deps.ts';

/** Enough for a reporter who mistypes a few times; far too few to try codes (12 hex digits). */
const TRACKING_LOOKUPS_PER_MINUTE = 20;

const TrackBody = z.strictObject({
  number: z.string().trim().min(1).max(32),
  trackingCode: z.string().trim().min(1).max(32),
});

export async function trackingRoutes(app: FastifyInstance, { services }: RouteDeps): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/v1/track',
    {
      schema: { tags: ['cases'], summary: '市民查询工单进度 / A citizen follows a case', body: TrackBody },
      config: { rateLimit: { max: TRACKING_LOOKUPS_PER_MINUTE, timeWindow: '1 minute' } },
    },
    async (request) => trackCase(services, request.actor, request.body.number, request.body.trackingCode),
  );
}
