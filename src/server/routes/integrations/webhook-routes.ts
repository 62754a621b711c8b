/** Admin: webhooks for partner systems, their delivery log and the dead-letter replay (docs/integrations.md). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { plainText } from '../../../shared/api-schemas.ts';
import {
  listWebhookDeliveries, listWebhooksFor, registerWebhook, replayDelivery, switchOffWebhook,
} from '../../../services/integrations/index.ts';
import type { RouteDeps } from '../route-deps.ts';

const CreateBody = z.strictObject({
  url: z.string().min(1).max(2000),
  eventKinds: z.array(z.string().max(60)).min(1).max(40),
  description: plainText(200).optional(),
});
const IdParams = z.strictObject({ id: z.coerce.number().int().positive().max(2_147_483_647) });
const DeliveryParams = z.strictObject({ id: z.string().uuid() });
const DeliveryQuery = z.strictObject({
  webhookId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  status: z.enum(['pending', 'delivered', 'dead']).optional(),
});

export async function webhookRoutes(app: FastifyInstance, { services }: RouteDeps): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.post('/api/v1/admin/webhooks', { schema: { tags: ['admin'], summary: '登记 Webhook（密钥仅显示一次）/ Register a webhook (secret shown once)', body: CreateBody } },
    async (request, reply) => reply.status(201).send(await registerWebhook(services, request.actor, request.body)));
  typed.get('/api/v1/admin/webhooks', { schema: { tags: ['admin'], summary: 'Webhook 列表 / Webhooks' } },
    async (request) => ({ items: await listWebhooksFor(services, request.actor) }));
  typed.delete('/api/v1/admin/webhooks/:id', { schema: { tags: ['admin'], summary: '停用 Webhook / Switch a webhook off', params: IdParams } },
    async (request) => switchOffWebhook(services, request.actor, request.params.id));
  typed.get('/api/v1/admin/webhook-deliveries', { schema: { tags: ['admin'], summary: '投递记录（含每次响应）/ Deliveries with each attempt\'s response', querystring: DeliveryQuery } },
    async (request) => ({ items: await listWebhookDeliveries(services, request.actor, request.query) }));
  typed.post('/api/v1/admin/webhook-deliveries/:id/replay', { schema: { tags: ['admin'], summary: '重发死信投递 / Replay a dead delivery', params: DeliveryParams } },
    async (request) => replayDelivery(services, request.actor, request.params.id));
}
