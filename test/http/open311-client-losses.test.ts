/**
 * Review §E (2026-12-main-abcdb20.md), one test per defect: what an Open311 client sends is kept and shown to
 * staff, no report is refused for a harmless reason, and the spec points real clients trip over.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import gcoordModule from 'gcoord';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { loginAs, type ApiClient } from '../support/api-client.ts';
import { loadDemoMap, pointInsideGrid } from '../support/grid-fixtures.ts';
import { createKey, open311Get, open311Post, PREFIX } from '../support/open311-client.ts';
import { multipartBody } from '../support/multipart.ts';
import { startMediaServer, type MediaServer } from '../support/media-server.ts';

let t: TestApp;
let key: string;
let operator: ApiClient;
let point: { lat: number; lng: number };
let media: MediaServer;
let photo: Buffer;
let webDir: string;

type Gcoord = typeof gcoordModule extends { default: infer T } ? T : typeof gcoordModule;
const gcoord = ((gcoordModule as { default?: Gcoord }).default ?? gcoordModule) as Gcoord;

beforeAll(async () => {
  webDir = await mkdtemp(join(tmpdir(), 'civicloop-web-'));
  await writeFile(join(webDir, 'index.html'), '<!doctype html><title>civicloop</title>');
  t = await startTestApp({ webDir, overrides: { CIVICLOOP_MEDIA_FETCH: 'any', CIVICLOOP_PUBLIC_URL: 'https://311.example.gov.cn' } });
  await loadDemoMap(t);
  const admin = await loginAs(t.app, 'admin');
  ({ key } = await createKey(t.app, admin.token!));
  operator = await loginAs(t.app, 'operator-220106');
  point = await pointInsideGrid(t, '220106003001001');
  photo = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#3a7' } }).png().toBuffer();
  media = await startMediaServer(photo);
});
afterAll(async () => {
  await media?.close();
  await t?.close();
  await rm(webDir, { recursive: true, force: true });
});

const located = () => ({ api_key: key, service_code: 'E0104', lat: String(point.lat), long: String(point.lng), description: '人行道上有大量落叶' });

async function submissionOf(number: string, client: ApiClient = operator) {
  const res = await client.get(`/api/v1/cases/${number}/open311`);
  expect(res.status).toBe(200);
  return res.body.submission;
}

describe('§E.1 nothing a client sends is lost', () => {
  it('shows attribute answers, e-mail, names and media to staff, and fetches media_url into the case photos', async () => {
    const res = await open311Post(t.app, '/requests.json', {
      ...located(), first_name: 'Ann', last_name: 'Example', email: 'ann@example.org', 'attribute[fixmystreet_id]': '4711',
      media_url: [media.url('/photo.png'), media.url('/page.html')],
    });
    expect(res.status).toBe(200);
    const number = res.body[0].service_request_id;
    const submission = await submissionOf(number);
    expect(submission.attributes).toEqual({ fixmystreet_id: '4711' });
    expect(submission.reporter).toMatchObject({ name: 'Ann Example', email: 'ann@example.org', first_name: 'Ann', last_name: 'Example' });
    expect(submission.mediaUrls).toEqual([media.url('/photo.png'), media.url('/page.html')]);
    expect(submission.mediaFetches[0]).toMatchObject({ url: media.url('/photo.png'), outcome: 'stored' });
    expect(submission.mediaFetches[1]).toMatchObject({ outcome: 'failed', reason: 'not a JPEG, PNG or WebP image' });
    const photos = await operator.get(`/api/v1/cases/${number}/attachments`);
    expect(photos.body.items.map((p: { id: number }) => p.id)).toEqual([submission.mediaFetches[0].attachmentId]);
  });

  it('keeps a media_url that is huge or loops as a link with the reason, and accepts the report', async () => {
    const res = await open311Post(t.app, '/requests.json', { ...located(), media_url: [media.url('/huge.png'), media.url('/loop-a')] });
    expect(res.status).toBe(200);
    const submission = await submissionOf(res.body[0].service_request_id);
    expect(submission.mediaFetches).toEqual([
      { url: media.url('/huge.png'), outcome: 'failed', reason: 'larger than 10485760 bytes' },
      { url: media.url('/loop-a'), outcome: 'failed', reason: 'more than 3 redirects' },
    ]);
  });

  it('keeps the photos of an update POST and shows the update to staff', async () => {
    const created = await open311Post(t.app, '/requests.json', located());
    const number = created.body[0].service_request_id;
    const update = await open311Post(t.app, '/servicerequestupdates.json', {
      api_key: key, service_request_id: number, update_id: 'fms-9001', status: 'OPEN', updated_datetime: '2026-03-10T10:05:00+08:00',
      description: '又多了一袋垃圾', media_url: media.url('/photo.png'),
    });
    expect(update.status).toBe(200);
    const submission = await submissionOf(number);
    expect(submission.updates).toEqual([expect.objectContaining({ external_update_id: 'fms-9001', media_urls: [media.url('/photo.png')] })]);
  });

  it('hides the reporter’s names and contacts from citizens', async () => {
    const res = await open311Post(t.app, '/requests.json', { ...located(), first_name: 'Ann', email: 'ann@example.org' });
    const citizen = await loginAs(t.app, 'citizen-demo');
    const seen = await citizen.get(`/api/v1/cases/${res.body[0].service_request_id}/open311`);
    if (seen.status === 200) {
      expect(seen.body.submission.reporter).toBeNull();
      expect(JSON.stringify(seen.body)).not.toContain('ann@example.org');
    } else expect(seen.status).toBe(404);
  });
});

describe('§E.2 lat/long are numbers or absent', () => {
  it('leaves lat and long out of a request filed without a location', async () => {
    const res = await open311Post(t.app, '/requests.json', { api_key: key, service_code: 'E0104', address_string: '春城大街 1 号', jurisdiction_id: '220106' });
    expect(res.status).toBe(200);
    const [listed] = (await open311Get(t.app, `/requests/${res.body[0].service_request_id}.json`)).body;
    expect(listed).not.toHaveProperty('lat');
    expect(listed).not.toHaveProperty('long');
    const xml = await open311Get(t.app, `/requests/${res.body[0].service_request_id}.xml`);
    expect(xml.raw).not.toContain('<lat>');
  });
});

describe('§E.3 no report refused for a harmless reason', () => {
  it('accepts names over 25 characters and trims beyond 100 with a note', async () => {
    const long = 'Bartholomew-Maximilian Featherstonehaugh';
    const res = await open311Post(t.app, '/requests.json', { ...located(), first_name: long, last_name: 'X'.repeat(90) });
    expect(res.status).toBe(200);
    const row = await t.handle.db.selectFrom('cases').select('reporter_name').where('number', '=', res.body[0].service_request_id).executeTakeFirstOrThrow();
    expect(Array.from(row.reporter_name!).length).toBe(100);
    expect(row.reporter_name!.startsWith(`${long} X`)).toBe(true);
    const submission = await submissionOf(res.body[0].service_request_id);
    expect(submission.notes).toEqual([expect.stringContaining('name trimmed to 100 characters')]);
    expect(submission.reporter.first_name).toBe(long);
  });

  it('stores text with <…> as typed and escapes it in XML; refuses only active content, naming the field', async () => {
    const text = '联系人 Ann <ann@example.org>，路面 a<b 处积水';
    const res = await open311Post(t.app, '/requests.xml', { ...located(), description: text, email: 'Ann <ann@example.org>' });
    expect(res.status).toBe(200);
    const number = res.body.service_requests.request[0].service_request_id;
    const xml = await open311Get(t.app, `/requests/${number}.xml`);
    expect(xml.raw).toContain('Ann &lt;ann@example.org&gt;，路面 a&lt;b');
    expect(xml.body.service_requests.request[0].description).toBe(text);
    const refused = await open311Post(t.app, '/requests.json', { ...located(), description: 'see <script>alert(1)</script>' });
    expect(refused.status).toBe(400);
    expect(refused.body[0].description).toContain('description');
  });

  it('files a multipart/form-data POST with a photo (FixMyStreet upload_files)', async () => {
    const { payload, headers } = multipartBody(
      { api_key: key, service_code: 'E0104', lat: String(point.lat), long: String(point.lng), description: '附照片', first_name: 'Ann', 'attribute[fixmystreet_id]': '77' },
      [{ name: 'photo', filename: 'photo.png', type: 'image/png', data: photo }],
    );
    const res = await t.app.inject({ method: 'POST', url: `${PREFIX}/requests.json`, payload, headers });
    expect(res.statusCode, res.body).toBe(200);
    const number = JSON.parse(res.body)[0].service_request_id;
    const submission = await submissionOf(number);
    expect(submission.attributes).toEqual({ fixmystreet_id: '77' });
    expect(submission.mediaFetches).toEqual([expect.objectContaining({ url: 'upload:1', outcome: 'stored' })]);
    expect((await operator.get(`/api/v1/cases/${number}/attachments`)).body.items).toHaveLength(1);
  });
});

describe('§E.4 coord_system', () => {
  it('converts GCJ-02 (and BD-09) points to WGS84 before placing the case', async () => {
    for (const [system, crs] of [['gcj02', gcoord.GCJ02], ['bd09', gcoord.BD09]] as const) {
      const [lng, lat] = gcoord.transform([point.lng, point.lat], gcoord.WGS84, crs) as [number, number];
      const res = await open311Post(t.app, '/requests.json', { ...located(), lat: String(lat), long: String(lng), coord_system: system });
      expect(res.status, res.raw).toBe(200);
      const row = await t.handle.db.selectFrom('cases as k').innerJoin('grids as g', 'g.id', 'k.grid_id').select(['k.lat', 'k.lng', 'g.code'])
        .where('k.number', '=', res.body[0].service_request_id).executeTakeFirstOrThrow();
      expect(row.code).toBe('220106003001001');
      expect(Math.abs(row.lat! - point.lat)).toBeLessThan(0.0001);
      expect(Math.abs(row.lng! - point.lng)).toBeLessThan(0.0001);
    }
    const bad = await open311Post(t.app, '/requests.json', { ...located(), coord_system: 'mercator' });
    expect(bad.status).toBe(400);
  });
});

describe('§E.5 unknown paths answer an Open311 errors document', () => {
  it('in XML and in JSON, even with the web UI served', async () => {
    const xml = await open311Get(t.app, '/no/such/thing.xml');
    expect(xml.status).toBe(404);
    expect(xml.contentType).toBe('text/xml; charset=utf-8');
    expect(xml.body.errors.error[0].code).toBe('404');
    const json = await open311Get(t.app, '/nothing-here.json');
    expect(json.status).toBe(404);
    expect(json.body[0].code).toBe(404);
  });
});

describe('§E.6 error codes, names, CR LF', () => {
  it('gives the error code as a number in JSON', async () => {
    const res = await open311Post(t.app, '/requests.json', { ...located(), api_key: 'wrong' });
    expect(res.status).toBe(403);
    expect(res.body[0].code).toBe(403);
  });

  it('joins first and last name with a space, Chinese names family name first', async () => {
    const western = await open311Post(t.app, '/requests.json', { ...located(), first_name: 'Ann', last_name: 'Example' });
    const chinese = await open311Post(t.app, '/requests.json', { ...located(), first_name: '小明', last_name: '王' });
    const names = await t.handle.db.selectFrom('cases').select(['number', 'reporter_name'])
      .where('number', 'in', [western.body[0].service_request_id, chinese.body[0].service_request_id]).orderBy('id').execute();
    expect(names.map((n) => n.reporter_name)).toEqual(['Ann Example', '王小明']);
  });

  it('keeps CR LF in XML', async () => {
    const res = await open311Post(t.app, '/requests.json', { ...located(), description: '第一行\r\n第二行' });
    const xml = await open311Get(t.app, `/requests/${res.body[0].service_request_id}.xml`);
    expect(xml.raw).toContain('第一行&#13;\n第二行');
    // A conforming parser reads the reference back as CR (the test client's parser leaves entities alone).
    const strict = new XMLParser({ htmlEntities: true, trimValues: false });
    expect(strict.parse(xml.raw).service_requests.request.description).toBe('第一行\r\n第二行');
  });
});

describe('spec extensions', () => {
  it('extensions=true adds attributes, extended_attributes and notes (the public timeline)', async () => {
    const res = await open311Post(t.app, '/requests.json', { ...located(), 'attribute[fixmystreet_id]': '99' });
    const number = res.body[0].service_request_id;
    const [plain] = (await open311Get(t.app, `/requests/${number}.json`)).body;
    expect(plain).not.toHaveProperty('notes');
    const [extended] = (await open311Get(t.app, `/requests/${number}.json?extensions=true`)).body;
    expect(extended.attributes).toEqual([{ code: 'fixmystreet_id', name: 'fixmystreet_id', label: 'fixmystreet_id', value: '99' }]);
    expect(extended.extended_attributes).toMatchObject({ channel: 'open311', x: point.lng, y: point.lat });
    expect(extended.notes).toEqual([expect.objectContaining({ type: 'submitted', datetime: expect.stringMatching(/\+08:00$/) })]);
    const xml = await open311Get(t.app, `/requests/${number}.xml?extensions=true`);
    expect(xml.raw).toContain('<notes><note><datetime>');
  });

  it('filters GET requests by lat/long/radius and refuses a bad radius', async () => {
    const res = await open311Post(t.app, '/requests.json', located());
    const number = res.body[0].service_request_id;
    const near = (await open311Get(t.app, `/requests.json?lat=${point.lat}&long=${point.lng}&radius=50`)).body;
    expect(near.map((r: { service_request_id: string }) => r.service_request_id)).toContain(number);
    expect(near.every((r: { lat?: number }) => typeof r.lat === 'number')).toBe(true);
    // About 1.1 km north: outside a 500 m radius, inside a 2 km one.
    const north = point.lat + 0.01;
    expect((await open311Get(t.app, `/requests.json?lat=${north}&long=${point.lng}&radius=500`)).body.map((r: { service_request_id: string }) => r.service_request_id)).not.toContain(number);
    expect((await open311Get(t.app, `/requests.json?lat=${north}&long=${point.lng}&radius=2000`)).body.map((r: { service_request_id: string }) => r.service_request_id)).toContain(number);
    expect((await open311Get(t.app, `/requests.json?lat=${north}&long=${point.lng}&radius=-1`)).status).toBe(400);
  });

  it('allows GET from any origin (CORS) but not writes', async () => {
    const get = await t.app.inject({ method: 'GET', url: `${PREFIX}/services.json`, headers: { origin: 'https://app.example.org' } });
    expect(get.headers['access-control-allow-origin']).toBe('*');
    const preflight = await t.app.inject({ method: 'OPTIONS', url: `${PREFIX}/requests.json`, headers: { origin: 'https://app.example.org', 'access-control-request-method': 'GET' } });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-methods']).toBe('GET, HEAD');
    const post = await open311Post(t.app, '/requests.json', located());
    expect(post.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('discovery names the configured public URL, whatever Host or X-Forwarded-Host say', async () => {
    const res = await t.app.inject({ method: 'GET', url: `${PREFIX}/discovery.json`, headers: { host: 'evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'http' } });
    const body = JSON.parse(res.body);
    expect(body.endpoints.map((e: { url: string }) => e.url)).toEqual(['https://311.example.gov.cn/open311/v2', 'https://311.example.gov.cn/open311/v2']);
  });
});
