/**
 * Serves the built web UI (dist/web) at / with a single-page-app fallback: any GET that is not
 * an API or Open311 path and matches no file returns index.html, so client routes survive reloads.
 */
import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { toErrorBody } from '../shared/error-codes.ts';

export interface WebStaticOptions {
  /** The directory holding index.html and assets (default: dist/web under the working directory). */
  dir?: string;
}

const API_PREFIXES = ['/api/', '/api', '/open311/', '/open311'];

function isApiPath(url: string): boolean {
  const path = url.split('?')[0] ?? url;
  return API_PREFIXES.some((prefix) => path === prefix || path.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`));
}

/** Fastify plugin: static files from dist/web plus the SPA fallback; API 404s stay JSON. */
export const webStatic = fp<WebStaticOptions>(async (app, options) => {
  const dir = resolve(options.dir ?? 'dist/web');
  if (!existsSync(resolve(dir, 'index.html'))) {
    app.log.warn({ dir }, 'web UI not built; run the server via ensureWebBuild or `npx vite build`');
  }
  // wildcard: false registers one route per built file; the catch-all below is then ours, because the
  // error handler already owns the not-found handler.
  await app.register(fastifyStatic, {
    root: dir,
    prefix: '/',
    wildcard: false,
    index: ['index.html'],
    // The build writes .br and .gz beside each asset (web-precompress.ts); the browser's Accept-Encoding picks one.
    preCompressed: true,
    // Hashed assets may be cached for long; index.html must always be revalidated.
    setHeaders: (reply, path) => {
      reply.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  app.get('/*', { schema: { hide: true } }, (request, reply) => {
    if (isApiPath(request.url)) return reply.status(404).send(toErrorBody('NOT_FOUND'));
    return reply.header('cache-control', 'no-cache').sendFile('index.html', dir);
  });
});
