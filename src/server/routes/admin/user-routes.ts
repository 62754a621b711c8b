/** Admin: list and add users. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { UserCreateBody } from '../../../shared/api-schemas.ts';
import { addUserByCodes, readUsers } from '../../../services/admin/user-admin.ts';
import { requireRole } from '../../plugins/auth.ts';
import { presentUser } from '../auth/index.ts';
import type { RouteDeps } from '../route-deps.ts';

export async function userRoutes(app: FastifyInstance, { services }: RouteDeps): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get('/api/v1/admin/users', { schema: { tags: ['admin'], summary: '用户列表 / Users' } }, async (request) => {
    requireRole(request, ['admin']);
    return { items: (await readUsers(services)).map(presentUser) };
  });

  typed.post(
    '/api/v1/admin/users',
    { schema: { tags: ['admin'], summary: '新增用户 / Add a user', body: UserCreateBody } },
    async (request, reply) => {
      requireRole(request, ['admin']);
      const user = await addUserByCodes(services.db, request.body);
      return reply.status(201).send(presentUser(user));
    },
  );
}
