/**
 * Photos in an S3-compatible bucket (`CIVICLOOP_ATTACHMENT_STORE=s3`, issue 19 §5), against a real S3 server
 * (s3rver: it parses the SigV4 header and checks the access key, though not the signature itself) started for this file: an upload through the HTTP API becomes three objects in the bucket
 * (none in the database, none on disk), comes back byte for byte, is served by a second instance that shares only
 * the database and the bucket, answers 404 once its object is gone, leaves no record when the bucket refuses it, and `civicloop backup` carries its bytes.
 * A half-configured S3 store stops the start with every missing setting named. Both databases.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { siblingHandle, startTestApp, type TestApp } from '../support/test-app.ts';
import { startS3Server, type S3Server } from '../support/s3-server.ts';
import { loginAs } from '../support/api-client.ts';
import { multipartBody } from '../support/multipart.ts';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/config.ts';
import { createAttachmentStorage } from '../../src/services/case/file-storage.ts';
import { writeBackup } from '../../src/services/admin/backup.ts';

const GRID = '220106001001001';
let t: TestApp;
let s3: S3Server;
let photo: Buffer;
const cleanups: (() => Promise<void>)[] = [];

/** A server on the shared database with its own, empty data directory, keeping photos in the test bucket. */
async function instance(extra: Record<string, string> = {}): Promise<{ app: FastifyInstance; dataDir: string }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'civicloop-instance-'));
  const handle = await siblingHandle(t, cleanups);
  const config = loadConfig({
    CIVICLOOP_DEMO: 'false', LOG_LEVEL: 'silent', CIVICLOOP_SESSION_HOURS: '100000', CIVICLOOP_SESSION_IDLE_MINUTES: '6000000',
    CIVICLOOP_DATA_DIR: dataDir, ...s3.env, ...extra,
  });
  const { app } = await buildApp({ handle, config, version: 'test', clock: () => t.clock.now, logger: false });
  await app.ready();
  cleanups.unshift(async () => { await app.close(); await rm(dataDir, { recursive: true, force: true }); });
  return { app, dataDir };
}

async function uploadThrough(app: FastifyInstance): Promise<{ id: number; original: string; publicUrl: string; thumb: string }> {
  const operator = await loginAs(app, 'operator-220106');
  const created = await operator.post('/api/v1/cases', { kind: 'event', categoryCode: 'E0104', description: '占道堆物', gridCode: GRID });
  expect(created.status).toBe(201);
  const body = multipartBody({ stage: 'report' }, [{ filename: 'a.jpg', type: 'image/jpeg', data: photo }]);
  const res = await app.inject({ method: 'POST', url: `/api/v1/cases/${created.body.id}/attachments`, payload: body.payload, headers: { ...body.headers, authorization: `Bearer ${operator.token}` } });
  expect(res.statusCode).toBe(201);
  const item = JSON.parse(res.body).items[0];
  return { id: item.id, original: item.urls.original, publicUrl: item.urls.public, thumb: item.urls.thumb };
}

async function fetchAs(app: FastifyInstance, url: string) {
  const operator = await loginAs(app, 'operator-220106');
  return app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${operator.token}` } });
}

async function keysOf(attachmentId: number): Promise<string[]> {
  const row = await t.handle.db.selectFrom('attachments').select(['original_key', 'public_key', 'thumb_key']).where('id', '=', attachmentId).executeTakeFirstOrThrow();
  return [row.original_key, row.public_key, row.thumb_key].sort();
}

const filesIn = async (dir: string) => (await readdir(join(dir, 'files'), { recursive: true }).catch(() => [])).length;

beforeAll(async () => {
  s3 = await startS3Server();
  t = await startTestApp();
  photo = await sharp({ create: { width: 200, height: 120, channels: 3, background: '#c63' } }).jpeg().toBuffer();
});
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
  await t?.close();
  await s3?.close();
});

describe('attachment storage in an S3-compatible bucket', () => {
  it('keeps an uploaded photo as objects in the bucket and serves it identical, from either instance', async () => {
    const a = await instance();
    const b = await instance();
    const blobsBefore = (await t.handle.db.selectFrom('attachment_blobs').select('key').execute()).length;
    const uploaded = await uploadThrough(a.app);

    const keys = await keysOf(uploaded.id);
    const inBucket = await s3.listKeys();
    for (const key of keys) expect(inBucket).toContain(key);
    expect((await t.handle.db.selectFrom('attachment_blobs').select('key').execute()).length).toBe(blobsBefore);
    expect(await filesIn(a.dataDir)).toBe(0);

    for (const app of [a.app, b.app]) {
      const original = await fetchAs(app, uploaded.original);
      expect(original.statusCode).toBe(200);
      expect(original.rawPayload.equals(photo)).toBe(true);
      expect((await fetchAs(app, uploaded.publicUrl)).statusCode).toBe(200);
      const thumb = await fetchAs(app, uploaded.thumb);
      expect(thumb.statusCode).toBe(200);
      expect((await sharp(thumb.rawPayload).metadata()).format).toBe('jpeg');
    }
  });

  it('answers 404 NOT_FOUND for a photo whose object is no longer in the bucket', async () => {
    const a = await instance();
    const uploaded = await uploadThrough(a.app);
    const row = await t.handle.db.selectFrom('attachments').select('original_key').where('id', '=', uploaded.id).executeTakeFirstOrThrow();
    await s3.deleteObject(row.original_key);
    expect(await s3.listKeys()).not.toContain(row.original_key);
    const res = await fetchAs(a.app, uploaded.original);
    expect(res.statusCode).toBe(404);
    expect(JSON.parse(res.body).code).toBe('NOT_FOUND');
    expect((await fetchAs(a.app, uploaded.publicUrl)).statusCode).toBe(200);
  });

  it('writes the photos from the bucket into a backup, byte for byte', async () => {
    const a = await instance();
    const uploaded = await uploadThrough(a.app);
    const config = loadConfig({ CIVICLOOP_DEMO: 'false', LOG_LEVEL: 'silent', ...s3.env });
    const dir = await mkdtemp(join(tmpdir(), 'civicloop-s3-backup-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const file = join(dir, 'backup.jsonl.gz');
    const summary = await writeBackup(t.handle.db, t.kind, (db) => createAttachmentStorage({ kind: 's3', db, dataDir: dir, s3: config.s3 }), file);
    // The photo of the previous test lost its original on purpose: the backup names it as missing.
    expect(summary.missingPhotos).toHaveLength(1);
    const lines = gunzipSync(await readFile(file)).toString('utf8').trimEnd().split('\n').map((line) => JSON.parse(line) as { photo?: string; data?: string });
    const photos = new Map(lines.filter((line) => line.photo).map((line) => [line.photo!, Buffer.from(line.data!, 'base64')]));
    const original = await t.handle.db.selectFrom('attachments').select('original_key').where('id', '=', uploaded.id).executeTakeFirstOrThrow();
    expect(photos.get(original.original_key)?.equals(photo)).toBe(true);
    for (const key of await keysOf(uploaded.id)) expect(photos.has(key)).toBe(true);
    expect(summary.photos).toBe(photos.size);
  });

  it('records no photo when the bucket refuses the upload (an access key the store does not know)', async () => {
    const wrong = await instance({ CIVICLOOP_S3_ACCESS_KEY_ID: 'NOT-A-KEY' });
    const operator = await loginAs(wrong.app, 'operator-220106');
    const created = await operator.post('/api/v1/cases', { kind: 'event', categoryCode: 'E0104', description: '密钥错误', gridCode: GRID });
    expect(created.status).toBe(201);
    const objectsBefore = await s3.listKeys();
    const body = multipartBody({ stage: 'report' }, [{ filename: 'a.jpg', type: 'image/jpeg', data: photo }]);
    const res = await wrong.app.inject({ method: 'POST', url: `/api/v1/cases/${created.body.id}/attachments`, payload: body.payload, headers: { ...body.headers, authorization: `Bearer ${operator.token}` } });
    expect(res.statusCode).toBe(500);
    expect(await t.handle.db.selectFrom('attachments').select('id').where('case_id', '=', created.body.id).execute()).toEqual([]);
    expect(await s3.listKeys()).toEqual(objectsBefore);
  });

  it('refuses to start with the S3 store half configured, naming every missing setting', () => {
    expect(() => loadConfig({ CIVICLOOP_ATTACHMENT_STORE: 's3', CIVICLOOP_S3_ENDPOINT: s3.endpoint })).toThrow(/CIVICLOOP_S3_BUCKET[\s\S]*CIVICLOOP_S3_ACCESS_KEY_ID[\s\S]*CIVICLOOP_S3_SECRET_ACCESS_KEY/);
    expect(() => loadConfig({ ...s3.env, CIVICLOOP_S3_BUCKET: 'Not_A_Bucket' })).toThrow(/CIVICLOOP_S3_BUCKET/);
    expect(loadConfig(s3.env).s3).toEqual({ endpoint: s3.endpoint, bucket: s3.bucket, region: 'us-east-1', accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' });
  });
});
