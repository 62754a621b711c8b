/**
 * Security headers on every answer (API, web UI, files) via @fastify/helmet: a strict Content Security
 * Policy the built UI passes (its scripts and styles are files of our own origin; antd writes its styles at
 * run time, hence style-src 'unsafe-inline' — styles cannot run code), no framing, no referrer beyond our
 * origin, and HSTS only when cookies are Secure (i.e. the site is served over HTTPS).
 */
import fp from 'fastify-plugin';
import helmet from '@fastify/helmet';

/** The policy, also documented in docs/security.md. */
export const CONTENT_SECURITY_POLICY = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'worker-src': ["'self'", 'blob:'],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

export const securityHeadersPlugin = fp<{ secureCookies: boolean }>(async (app, { secureCookies }) => {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    strictTransportSecurity: secureCookies ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    // Photos are fetched by our own pages only; other sites may not embed them.
    crossOriginResourcePolicy: { policy: 'same-origin' },
  });
});
