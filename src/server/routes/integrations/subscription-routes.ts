/**
 * Subscriptions for anyone (no login): subscribe an address to an area, a category or a public case;
 * unsubscribe by the signed link in every message; the Atom feed of an area or category.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError } from '../../../domain/errors.ts';
import { areaFeed, subscribe, unsubscribe, type SubscriptionTargetInput } from '../../../services/integrations/index.ts';
import { escapeXml, formatW3c } from '../open311/index.ts';
import type { RouteDeps } from '../route-deps.ts';

const Position = z.tuple([z.number(), z.number()]);
const Polygon = z.array(z.array(Position).max(1000)).min(1).max(10);
const Target = z.union([
  z.strictObject({ case: z.string().max(40) }),
  z.strictObject({ street: z.string().max(40) }),
  z.strictObject({ grid: z.string().max(40) }),
  z.strictObject({ polygon: Polygon }),
  z.strictObject({ category: z.string().max(20) }),
]);
const SubscribeBody = z.strictObject({ channel: z.enum(['email', 'sms', 'wechat']), address: z.string().min(1).max(254), target: Target });
const UnsubscribeParams = z.strictObject({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });
const UnsubscribeQuery = z.strictObject({ sig: z.string().max(100).default('') });
const FeedQuery = z.strictObject({
  street: z.string().max(40).optional(), grid: z.string().max(40).optional(), category: z.string().max(20).optional(), polygon: z.string().max(20_000).optional(),
});

function feedTarget(query: z.infer<typeof FeedQuery>): Exclude<SubscriptionTargetInput, { case: string }> {
  if (query.grid) return { grid: query.grid };
  if (query.street) return { street: query.street };
  if (query.category) return { category: query.category };
  if (query.polygon) {
    const parsed = Polygon.safeParse((() => { try { return JSON.parse(query.polygon!); } catch { return null; } })());
    if (parsed.success) return { polygon: parsed.data };
  }
  throw new DomainError('VALIDATION_FAILED', [{ path: 'query', code: 'required', message: 'one of grid, street, category or polygon (JSON rings of [lng, lat])' }]);
}

export async function subscriptionRoutes(app: FastifyInstance, { services }: RouteDeps): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.post('/api/v1/subscriptions', { schema: { tags: ['integrations'], summary: '订阅区域、类别或工单动态 / Subscribe to an area, a category or a case', body: SubscribeBody } },
    async (request, reply) => reply.status(201).send(await subscribe(services, request.body)));

  typed.get('/api/v1/subscriptions/:id/unsubscribe', { schema: { tags: ['integrations'], summary: '退订（邮件中的签名链接）/ Unsubscribe (the signed link in a message)', params: UnsubscribeParams, querystring: UnsubscribeQuery } },
    async (request) => unsubscribe(services, request.params.id, request.query.sig));

  typed.get('/api/v1/feeds/area.atom', { schema: { tags: ['integrations'], summary: '区域或类别的 Atom 订阅源 / Atom feed of an area or category', querystring: FeedQuery } },
    async (request, reply) => {
      const feed = await areaFeed(services, feedTarget(request.query));
      const base = services.settings.integrations.publicUrl;
      const self = `${base}${request.url}`;
      const entries = feed.events.map((e) => `<entry><id>urn:civicloop:event:${e.id}</id><title>${escapeXml(`${e.number} ${e.minor_name} / ${e.minor_name_en}: ${e.action}`)}</title>`
        + `<updated>${formatW3c(e.at)}</updated><link href="${escapeXml(`${base}/track?number=${encodeURIComponent(e.number)}`)}"/><summary>${escapeXml(e.title)}</summary></entry>`).join('');
      const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><id>${escapeXml(self)}</id>`
        + `<title>城市治理动态 / civicloop updates</title><updated>${formatW3c(feed.updated)}</updated><link rel="self" href="${escapeXml(self)}"/>${entries}</feed>`;
      return reply.header('content-type', 'application/atom+xml; charset=utf-8').send(xml);
    });
}
