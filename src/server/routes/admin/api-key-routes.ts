/** Admin: Open311 API keys (create shows the key once; revoke keeps the record). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { plainText } from '../../../shared/api-schemas.ts';
import { createApiKey, listApiKeysForAdmin, revokeApiKey } from '../../../services/admin/api-keys.ts';
import { requirePermission } from '../../plugins/auth.ts';
import type { RouteDeps } from '../route-deps.ts';

const CreateBody = z.strictObject({ name: plainText(100) });
const IdParams = z.strictObject({ id: z.coerce.number().int().positive().max(2_147_483_647) });

export async function apiKeyRoutes(app: FastifyInstance, { services }: RouteDeps): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get('/api/v1/admin/apikeys', { schema: { tags: ['admin'], summary: 'API 密钥列表 / API keys' } }, async (request) => {
    requirePermission(request, 'admin.api_keys');
    return { items: await listApiKeysForAdmin(services.db) };
  });

  typed.post(
    '/api/v1/admin/apikeys',
    { schema: { tags: ['admin'], summary: '新建 Open311 API 密钥（仅显示一次）/ Create an Open311 API key (shown once)', body: CreateBody } },
    async (request, reply) => {
      requirePermission(request, 'admin.api_keys');
      return reply.status(201).send(await createApiKey(services.db, request.body.name, services.clock()));
    },
  );

  typed.delete(
    '/api/v1/admin/apikeys/:id',
    { schema: { tags: ['admin'], summary: '吊销 API 密钥 / Revoke an API key', params: IdParams } },
    async (request) => {
      requirePermission(request, 'admin.api_keys');
      return revokeApiKey(services.db, request.params.id, services.clock());
    },
  );
}
