import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, rm, writeFile, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import { webStatic } from './web-static.ts';
import { webBuildIsStale, webSourceHash } from './web-build.ts';

let dir: string;
let app: FastifyInstance;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'civicloop-web-'));
  await mkdir(join(dir, 'dist/web/assets'), { recursive: true });
  await writeFile(join(dir, 'dist/web/index.html'), '<!doctype html><div id="root"></div>');
  await writeFile(join(dir, 'dist/web/assets/app-abc.js'), 'console.log(1)');
  await writeFile(join(dir, 'dist/web/assets/app-abc.js.br'), brotliCompressSync('console.log(1)'));
  await writeFile(join(dir, 'dist/web/assets/app-abc.js.gz'), gzipSync('console.log(1)'));
  app = Fastify({ logger: false });
  app.get('/api/v1/health', async () => ({ status: 'ok' }));
  await app.register(webStatic, { dir: join(dir, 'dist/web') });
  await app.ready();
});

afterAll(async () => {
  await app?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('webStatic', () => {
  it('serves index.html at / and hashed assets with a long cache', async () => {
    const index = await app.inject({ url: '/' });
    expect(index.statusCode).toBe(200);
    expect(index.body).toContain('id="root"');
    const asset = await app.inject({ url: '/assets/app-abc.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
  });

  it('sends the precompressed copy the browser accepts, with its Content-Encoding', async () => {
    const br = await app.inject({ url: '/assets/app-abc.js', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toContain('javascript');
    expect(br.headers['cache-control']).toContain('immutable');
    expect(br.rawPayload.equals(brotliCompressSync('console.log(1)'))).toBe(true);
    const gz = await app.inject({ url: '/assets/app-abc.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    const plain = await app.inject({ url: '/assets/app-abc.js' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe('console.log(1)');
  });

  it('answers client routes with index.html so reloads work', async () => {
    const page = await app.inject({ url: '/workbench?tab=filed' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['cache-control']).toBe('no-cache');
  });

  it('keeps unknown API and Open311 paths as JSON 404s', async () => {
    for (const url of ['/api/v1/nope', '/open311/v2/nope.json', '/api']) {
      const response = await app.inject({ url });
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ code: 'NOT_FOUND' });
    }
    expect((await app.inject({ url: '/api/v1/health' })).json()).toEqual({ status: 'ok' });
  });
});

describe('webBuildIsStale', () => {
  it('follows the content of the sources, not their modification times', async () => {
    await mkdir(join(dir, 'src/web'), { recursive: true });
    const source = join(dir, 'src/web/main.tsx');
    await writeFile(source, 'export {}');
    expect(await webBuildIsStale(dir)).toBe(true);
    await writeFile(join(dir, 'dist/web-build.json'), JSON.stringify({ sourceHash: await webSourceHash(dir) }));
    expect(await webBuildIsStale(dir)).toBe(false);
    const future = new Date(Date.now() + 60_000);
    await utimes(source, future, future);
    expect(await webBuildIsStale(dir)).toBe(false);
    await writeFile(source, 'export const changed = 1');
    expect(await webBuildIsStale(dir)).toBe(true);
  });

  it('is stale when there is no build', async () => {
    expect(await webBuildIsStale(join(dir, 'missing'))).toBe(true);
  });
});
