/** Admin: list and add users. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { PasswordResetBody, UserCreateBody, UserEditBody, UserIdParams } from '../../../shared/api-schemas.ts';
import { addUserByCodes, disableUser, editUser, enableUser, readUsers, resetUserPassword } from '../../../services/admin/user-admin.ts';
import { requirePermission } from '../../plugins/auth.ts';
import { presentUser } from '../auth/index.ts';
import type { RouteDeps } from '../route-deps.ts';

export async function userRoutes(app: FastifyInstance, { services }: RouteDeps): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get('/api/v1/admin/users', { schema: { tags: ['admin'], summary: '用户列表 / Users' } }, async (request) => {
    requirePermission(request, 'admin.users');
    return { items: (await readUsers(services)).map(presentUser) };
  });

  typed.post(
    '/api/v1/admin/users',
    { schema: { tags: ['admin'], summary: '新增用户 / Add a user', body: UserCreateBody } },
    async (request, reply) => {
      const admin = requirePermission(request, 'admin.users');
      const user = await addUserByCodes(services.db, request.body, { actorUserId: admin.id, at: services.clock() });
      return reply.status(201).send(presentUser(user));
    },
  );

  typed.patch(
    '/api/v1/admin/users/:id',
    { schema: { tags: ['admin'], summary: '修改用户 / Edit a user', params: UserIdParams, body: UserEditBody } },
    async (request) => {
      const admin = requirePermission(request, 'admin.users');
      return presentUser(await editUser(services, admin, request.params.id, request.body));
    },
  );

  typed.post(
    '/api/v1/admin/users/:id/disable',
    { schema: { tags: ['admin'], summary: '停用用户 / Disable a user', params: UserIdParams } },
    async (request) => presentUser(await disableUser(services, requirePermission(request, 'admin.users'), request.params.id)),
  );

  typed.post(
    '/api/v1/admin/users/:id/enable',
    { schema: { tags: ['admin'], summary: '启用用户 / Enable a user', params: UserIdParams } },
    async (request) => presentUser(await enableUser(services, requirePermission(request, 'admin.users'), request.params.id)),
  );

  typed.post(
    '/api/v1/admin/users/:id/reset-password',
    { schema: { tags: ['admin'], summary: '重置用户密码 / Reset a user\'s password', params: UserIdParams, body: PasswordResetBody } },
    async (request) => presentUser(await resetUserPassword(services, requirePermission(request, 'admin.users'), request.params.id, request.body.newPassword)),
  );
}
