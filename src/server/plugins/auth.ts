/**
 * Who is calling: a bearer token or the session cookie. Cookie-authenticated writes must carry
 * the session's CSRF token in the x-csrf-token header; bearer clients are not exposed to CSRF.
 */
import fp from 'fastify-plugin';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/case/index.ts';
import { permits, type AccessAction } from '../../domain/access/index.ts';
import { authenticate } from '../../services/auth/index.ts';
import { ANONYMOUS, actorFromUser } from '../../services/actor.ts';
import type { ServiceDeps } from '../../services/service-deps.ts';
import type { UserRow } from '../../db/schema.ts';

export const SESSION_COOKIE = 'civicloop_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** What a session whose password an admin reset may still call (the UI needs who-am-I to show the change form). */
const PASSWORD_CHANGE_ALLOWS = new Set(['POST /api/v1/me/password', 'POST /api/v1/auth/logout', 'GET /api/v1/me']);

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    user: UserRow | null;
    sessionToken: string | null;
    csrfToken: string | null;
  }
}

function readBearer(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1] ?? null;
}

export const authPlugin = fp<{ services: ServiceDeps }>(async (app, { services }) => {
  app.decorateRequest('actor', null as unknown as Actor);
  app.decorateRequest('user', null);
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('csrfToken', null);

  app.addHook('onRequest', async (request) => {
    request.actor = ANONYMOUS;
    const bearer = readBearer(request);
    const cookie = request.cookies[SESSION_COOKIE];
    const token = bearer ?? cookie ?? null;
    if (!token) return;
    const found = await authenticate(services, token);
    if (!found) {
      if (bearer) throw new DomainError('AUTH_REQUIRED', { reason: 'token_invalid_or_expired' });
      return; // a stale cookie just means "signed out"
    }
    if (!bearer && !SAFE_METHODS.has(request.method) && request.headers['x-csrf-token'] !== found.csrfToken) {
      throw new DomainError('CSRF_TOKEN_INVALID');
    }
    // After an admin's reset the session may only choose a new password, say who it is, or end.
    if (found.must_change_password && request.url.startsWith('/api/') && !PASSWORD_CHANGE_ALLOWS.has(`${request.method} ${request.routeOptions.url ?? ''}`)) {
      throw new DomainError('PASSWORD_CHANGE_REQUIRED');
    }
    request.user = found;
    request.sessionToken = token;
    request.csrfToken = found.csrfToken;
    request.actor = actorFromUser(found);
  });
});

/** Rejects anonymous callers. */
export function requireUser(request: FastifyRequest): UserRow {
  if (!request.user) throw new DomainError('AUTH_REQUIRED');
  return request.user;
}

/** Rejects anonymous callers (401) and callers the access table never lets take the action (403). */
export function requirePermission(request: FastifyRequest, action: AccessAction): UserRow {
  const user = requireUser(request);
  if (!permits(request.actor, action)) throw new DomainError('FORBIDDEN', { action });
  return user;
}
