/** Login, logout and who-am-I. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { LoginBody, PasswordChangeBody, SessionIdParams } from '../../../shared/api-schemas.ts';
import { changeOwnPassword, listOwnSessions, login, logout, revokeOtherOwnSessions, revokeOwnSession } from '../../../services/auth/auth-service.ts';
import { SESSION_COOKIE, requireUser } from '../../plugins/auth.ts';
import { presentUser } from './user-presenter.ts';
import type { RouteDeps } from '../route-deps.ts';
import type { LoginView, MeView, OwnSessionView } from '../../../shared/session-views.ts';

export async function authRoutes(app: FastifyInstance, { services, config }: RouteDeps): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.post(
    '/api/v1/auth/login',
    {
      schema: { tags: ['auth'], summary: '登录 / Log in', body: LoginBody },
      // Guessing is stopped by the lockout in the database (login-throttle); this only bounds the password-hashing work one address can cause.
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
    },
    async (request, reply): Promise<LoginView> => {
      const result = await login(services, request.body.username, request.body.password, request.ip, request.headers['user-agent'] ?? '');
      reply.setCookie(SESSION_COOKIE, result.token, {
        path: '/', httpOnly: true, sameSite: 'lax', secure: config.secureCookies, expires: result.expiresAt,
      });
      return { token: result.token, csrfToken: result.csrfToken, expiresAt: result.expiresAt.toISOString(), user: presentUser(result.user) };
    },
  );

  typed.post('/api/v1/auth/logout', { schema: { tags: ['auth'], summary: '退出登录 / Log out' } }, async (request, reply) => {
    if (request.sessionToken) await logout(services, request.sessionToken);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });

  typed.post(
    '/api/v1/me/password',
    { schema: { tags: ['auth'], summary: '修改本人密码 / Change your own password', body: PasswordChangeBody } },
    async (request) => {
      const user = requireUser(request);
      await changeOwnPassword(services, user, request.sessionToken, request.body.currentPassword, request.body.newPassword);
      return { ok: true };
    },
  );

  typed.get('/api/v1/me/sessions', { schema: { tags: ['auth'], summary: '本人的会话 / Your sessions' } }, async (request): Promise<{ items: OwnSessionView[] }> => {
    const user = requireUser(request);
    const items = await listOwnSessions(services, user, request.sessionToken);
    return {
      items: items.map((session) => ({
        id: session.id, current: session.current, address: session.address, userAgent: session.userAgent,
        createdAt: session.createdAt.toISOString(), lastSeenAt: session.lastSeenAt.toISOString(), expiresAt: session.expiresAt.toISOString(),
      })),
    };
  });

  typed.delete(
    '/api/v1/me/sessions/:id',
    { schema: { tags: ['auth'], summary: '结束本人的一个会话 / End one of your sessions', params: SessionIdParams } },
    async (request) => {
      await revokeOwnSession(services, requireUser(request), request.params.id);
      return { ok: true };
    },
  );

  typed.post('/api/v1/me/sessions/revoke-others', { schema: { tags: ['auth'], summary: '结束本人的其他会话 / End your other sessions' } }, async (request) => {
    const ended = await revokeOtherOwnSessions(services, requireUser(request), request.sessionToken);
    return { ended };
  });

  typed.get('/api/v1/me', { schema: { tags: ['auth'], summary: '当前用户 / Current user' } }, async (request): Promise<MeView> => {
    const user = requireUser(request);
    return { user: presentUser(user), csrfToken: request.csrfToken, demo: config.demo };
  });
}
