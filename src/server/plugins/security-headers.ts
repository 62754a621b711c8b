/**
 * Security headers on every answer (API, web UI, files) via @fastify/helmet: a strict Content Security
 * Policy the built UI passes (its scripts and styles are files of our own origin; antd writes its styles at
 * run time, hence style-src 'unsafe-inline' — styles cannot run code), no framing, no referrer beyond our
 * origin, and HSTS only when cookies are Secure (i.e. the site is served over HTTPS).
 *
 * The headers are helmet's, computed once when the server starts: @fastify/helmet builds helmet's middleware
 * anew for every request, re-normalizing the policy each time (2.6% of the server's CPU under intake load,
 * docs/performance.md). Our policy has no per-request part (no nonces), so every answer gets the same values.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import fp from 'fastify-plugin';
import helmet, { type HelmetOptions } from 'helmet';

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

/**
 * The image source a configured XYZ tile URL needs in img-src: its origin, with a `{s}` subdomain label
 * widened to `*` (CSP has no placeholder syntax).
 * @example tileImageSource('https://t{s}.example.cn/{z}/{x}/{y}.png') // => 'https://*.example.cn'
 */
export function tileImageSource(tileUrl: string): string {
  const url = new URL(tileUrl.replace(/\{[zxy]\}/g, '0').replace('{s}', 'subdomain-placeholder'));
  const host = url.host.split('.').map((label) => (label.includes('subdomain-placeholder') ? '*' : label)).join('.');
  return `${url.protocol}//${host}`;
}

/** The headers helmet sets for `options`, read once by running its middleware on a recording response. */
export function helmetHeaders(options: Readonly<HelmetOptions>): Record<string, string> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) { headers[name.toLowerCase()] = String(value); },
    removeHeader(name: string) { delete headers[name.toLowerCase()]; },
  };
  let failure: unknown;
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => { failure = error; });
  if (failure) throw failure;
  return headers;
}

export const securityHeadersPlugin = fp<{ secureCookies: boolean; tileUrl?: string | null }>(async (app, { secureCookies, tileUrl }) => {
  // Tiles of the configured base map are images from their own host; nothing else is let in.
  const imgSrc = tileUrl ? [...CONTENT_SECURITY_POLICY['img-src'], tileImageSource(tileUrl)] : CONTENT_SECURITY_POLICY['img-src'];
  const headers = helmetHeaders({
    contentSecurityPolicy: { useDefaults: false, directives: { ...CONTENT_SECURITY_POLICY, 'img-src': imgSrc } },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    strictTransportSecurity: secureCookies ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    // Photos are fetched by our own pages only; other sites may not embed them.
    crossOriginResourcePolicy: { policy: 'same-origin' },
  });
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
});
