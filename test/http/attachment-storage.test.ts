/**
 * Photos through one storage interface (issue 19 §5): with the database store a photo uploaded through one
 * instance is served by another that shares only the database (not the disk); with the data-directory store
 * the second instance has no such file. The default follows the database: `db` on PostgreSQL, `dir` on PGlite.
 * Both databases (on PGlite the second instance shares the one connection; on PostgreSQL it opens its own pool).
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { siblingHandle, startTestApp, type TestApp } from '../support/test-app.ts';
import { loginAs } from '../support/api-client.ts';
import { multipartBody } from '../support/multipart.ts';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/config.ts';

const GRID = '220106001001001';
let t: TestApp;
let photo: Buffer;
const cleanups: (() => Promise<void>)[] = [];

/** Another server on the same database with its own, empty data directory. */
async function instance(store: 'db' | 'dir' | undefined): Promise<{ app: FastifyInstance; dataDir: string }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'civicloop-instance-'));
  const handle = await siblingHandle(t, cleanups);
  const config = loadConfig({
    CIVICLOOP_DEMO: 'false', LOG_LEVEL: 'silent', CIVICLOOP_SESSION_HOURS: '100000', CIVICLOOP_SESSION_IDLE_MINUTES: '6000000',
    CIVICLOOP_DATA_DIR: dataDir, ...(store ? { CIVICLOOP_ATTACHMENT_STORE: store } : {}),
  });
  const { app } = await buildApp({ handle, config, version: 'test', clock: () => t.clock.now, logger: false });
  await app.ready();
  cleanups.unshift(async () => { await app.close(); await rm(dataDir, { recursive: true, force: true }); });
  return { app, dataDir };
}

async function uploadThrough(app: FastifyInstance): Promise<{ id: number; original: string; publicUrl: string }> {
  const operator = await loginAs(app, 'operator-220106');
  const created = await operator.post('/api/v1/cases', { kind: 'event', categoryCode: 'E0104', description: '占道堆物', gridCode: GRID });
  expect(created.status).toBe(201);
  const body = multipartBody({ stage: 'report' }, [{ filename: 'a.jpg', type: 'image/jpeg', data: photo }]);
  const res = await app.inject({ method: 'POST', url: `/api/v1/cases/${created.body.id}/attachments`, payload: body.payload, headers: { ...body.headers, authorization: `Bearer ${operator.token}` } });
  expect(res.statusCode).toBe(201);
  const item = JSON.parse(res.body).items[0];
  return { id: item.id, original: item.urls.original, publicUrl: item.urls.public };
}

async function fetchAs(app: FastifyInstance, url: string) {
  const operator = await loginAs(app, 'operator-220106');
  return app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${operator.token}` } });
}

const filesIn = async (dir: string) => (await readdir(join(dir, 'files'), { recursive: true }).catch(() => [])).filter((f) => String(f).includes('.')).length;

beforeAll(async () => {
  t = await startTestApp();
  photo = await sharp({ create: { width: 200, height: 120, channels: 3, background: '#3a6' } }).jpeg().toBuffer();
});
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
  await t?.close();
});

describe('attachment storage', () => {
  it('with the database store, a photo uploaded through one instance is served by another', async () => {
    const a = await instance('db');
    const b = await instance('db');
    const uploaded = await uploadThrough(a.app);
    expect(await filesIn(a.dataDir)).toBe(0);
    const original = await fetchAs(b.app, uploaded.original);
    expect(original.statusCode).toBe(200);
    expect(original.rawPayload.equals(photo)).toBe(true);
    expect((await fetchAs(b.app, uploaded.publicUrl)).statusCode).toBe(200);
    const rows = await t.handle.db.selectFrom('attachment_blobs').select('key').execute();
    expect(rows.length).toBeGreaterThanOrEqual(3);
  });

  it('with the data-directory store, the file is on that instance\'s disk and another instance has none', async () => {
    const a = await instance('dir');
    const b = await instance('dir');
    const blobsBefore = (await t.handle.db.selectFrom('attachment_blobs').select('key').execute()).length;
    const uploaded = await uploadThrough(a.app);
    expect(await filesIn(a.dataDir)).toBe(3);
    expect((await t.handle.db.selectFrom('attachment_blobs').select('key').execute()).length).toBe(blobsBefore);
    expect((await fetchAs(a.app, uploaded.original)).rawPayload.equals(photo)).toBe(true);
    expect((await fetchAs(b.app, uploaded.original)).statusCode).toBe(404);
  });

  it('keeps serving files a deployment stored on disk before switching to the database store', async () => {
    const onDisk = await instance('dir');
    const uploaded = await uploadThrough(onDisk.app);
    const config = loadConfig({ CIVICLOOP_DEMO: 'false', LOG_LEVEL: 'silent', CIVICLOOP_SESSION_IDLE_MINUTES: '6000000', CIVICLOOP_DATA_DIR: onDisk.dataDir, CIVICLOOP_ATTACHMENT_STORE: 'db' });
    const { app } = await buildApp({ handle: t.handle, config, version: 'test', clock: () => t.clock.now, logger: false });
    await app.ready();
    try {
      const res = await fetchAs(app, uploaded.original);
      expect(res.statusCode).toBe(200);
      expect(res.rawPayload.equals(photo)).toBe(true);
    } finally {
      await app.close();
    }
  });

  it('defaults to the database on PostgreSQL and to the data directory on PGlite', async () => {
    const plain = await instance(undefined);
    await uploadThrough(plain.app);
    expect(await filesIn(plain.dataDir)).toBe(t.kind === 'postgres' ? 0 : 3);
  });
});
