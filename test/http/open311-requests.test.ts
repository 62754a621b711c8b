/**
 * Open311 GeoReport v2 conformance, written from the spec text (reference/open311.md §1.2–1.5):
 * POST requests with API keys and attributes, tokens, GET requests with every filter, bad input.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { loginAs } from '../support/api-client.ts';
import { countRows, loadDemoMap, pointInsideGrid } from '../support/grid-fixtures.ts';
import { createKey, open311Get, open311Post, W3C_DATETIME } from '../support/open311-client.ts';

let t: TestApp;
let key: string;
let keyId: number;
let adminToken: string;
let point: { lat: number; lng: number };

beforeAll(async () => {
  t = await startTestApp();
  await loadDemoMap(t);
  adminToken = (await loginAs(t.app, 'admin')).token!;
  ({ key, id: keyId } = await createKey(t.app, adminToken));
  point = await pointInsideGrid(t, '220106003001001');
});
afterAll(async () => { await t?.close(); });

const base = () => ({ api_key: key, service_code: 'E0104', lat: String(point.lat), long: String(point.lng), description: '人行道上有大量落叶和垃圾' });

async function expectNothingStored(run: () => Promise<void>) {
  const before = [await countRows(t, 'cases'), await countRows(t, 'open311_requests'), await countRows(t, 'case_events')];
  await run();
  expect([await countRows(t, 'cases'), await countRows(t, 'open311_requests'), await countRows(t, 'case_events')]).toEqual(before);
}

describe('POST requests', () => {
  it('files a case from a form-encoded request and answers service_request_id (not a token) in JSON', async () => {
    const res = await open311Post(t.app, '/requests.json', { ...base(), first_name: '三', last_name: '张', email: 'zhang@example.cn', 'attribute[fixmystreet_id]': '4711' });
    expect(res.status).toBe(200);
    expect(Array.isArray(res.body)).toBe(true);
    expect(res.body[0].service_request_id).toMatch(/^LY-2026-\d{6}$/);
    expect(res.body[0].token).toBeUndefined();
    const row = await t.handle.db.selectFrom('cases').selectAll().where('number', '=', res.body[0].service_request_id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ source: 'open311', api_key_id: keyId, reporter_name: '张三', kind: 'event' });
    const extra = await t.handle.db.selectFrom('open311_requests').selectAll().where('case_id', '=', row.id).executeTakeFirstOrThrow();
    expect(extra.attributes).toEqual({ fixmystreet_id: '4711' });
    expect(extra.contact).toEqual({ email: 'zhang@example.cn', first_name: '三', last_name: '张' });
  });
  it('answers service_requests/request in XML, accepting api_key in the query string', async () => {
    const { api_key, ...fields } = base();
    const res = await open311Post(t.app, `/requests.xml?api_key=${encodeURIComponent(api_key)}`, fields);
    expect(res.status).toBe(200);
    expect(res.body.service_requests.request[0].service_request_id).toMatch(/^LY-/);
  });
  it('checks required and list attributes, accepting attribute[x][] for multivaluelist', async () => {
    await expectNothingStored(async () => {
      const missing = await open311Post(t.app, '/requests.json', { ...base(), service_code: 'E0502' });
      expect(missing.status).toBe(400);
      expect(missing.body[0].description).toContain('attribute[size]');
      const wrong = await open311Post(t.app, '/requests.json', { ...base(), service_code: 'E0502', 'attribute[size]': 'huge' });
      expect(wrong.status).toBe(400);
      const badList = await open311Post(t.app, '/requests.json', { ...base(), service_code: 'C0107', 'attribute[problems][]': ['dark', 'exploded'] });
      expect(badList.status).toBe(400);
    });
    const ok = await open311Post(t.app, '/requests.json', { ...base(), service_code: 'C0107', 'attribute[problems][]': ['dark', 'flicker'], 'attribute[lamp_number]': 'LY-0231' });
    expect(ok.status).toBe(200);
    const row = await t.handle.db.selectFrom('open311_requests as o').innerJoin('cases as k', 'k.id', 'o.case_id')
      .select('o.attributes').where('k.number', '=', ok.body[0].service_request_id).executeTakeFirstOrThrow();
    expect(row.attributes).toEqual({ problems: ['dark', 'flicker'], lamp_number: 'LY-0231' });
  });
  it('accepts address_string with a jurisdiction instead of lat/long', async () => {
    const res = await open311Post(t.app, '/requests.json', { api_key: key, service_code: 'E0104', jurisdiction_id: '220105', address_string: '东盛大街 100 号' });
    expect(res.status).toBe(200);
    expect(res.body[0].service_request_id).toMatch(/^ED-/);
  });
  it('refuses a missing, wrong or revoked API key with 403 and stores nothing', async () => {
    const { key: doomed, id } = await createKey(t.app, adminToken, 'to revoke');
    const revoke = await t.app.inject({ method: 'DELETE', url: `/api/v1/admin/apikeys/${id}`, headers: { authorization: `Bearer ${adminToken}` } });
    expect(revoke.statusCode).toBe(200);
    await expectNothingStored(async () => {
      const { api_key: _unused, ...noKey } = base();
      for (const fields of [noKey, { ...base(), api_key: 'cl311_wrong' }, { ...base(), api_key: doomed }]) {
        const res = await open311Post(t.app, '/requests.xml', fields);
        expect(res.status).toBe(403);
        expect(res.body.errors.error[0]).toMatchObject({ code: '403' });
      }
    });
  });
  it('answers an unknown service code or jurisdiction with 404 and stores nothing', async () => {
    await expectNothingStored(async () => {
      expect((await open311Post(t.app, '/requests.json', { ...base(), service_code: 'NOPE' })).status).toBe(404);
      expect((await open311Post(t.app, '/requests.json', { ...base(), service_code: 'Q01' })).status).toBe(404);
      expect((await open311Post(t.app, '/requests.json', { ...base(), jurisdiction_id: 'example.org' })).status).toBe(404);
    });
  });
  it('answers bad input with 400 and stores nothing', async () => {
    await expectNothingStored(async () => {
      const cases: Record<string, string>[] = [
        { ...base(), service_code: '' },
        { api_key: key, service_code: 'E0104', description: 'no location' },
        { ...base(), description: '很'.repeat(5000) },
        { ...base(), description: '<script>alert(1)</script>' },
        { ...base(), first_name: '<iframe src=x>' },
        { ...base(), lat: 'north', long: '125.3' },
        { ...base(), lat: '39.9', long: '116.4' }, // outside every grid and far from them
        { ...base(), lat: '43.9', long: '125.3', jurisdiction_id: '220105' }, // the point lies in 绿园区
        { ...base(), media_url: 'javascript:alert(1)' },
        { ...base(), email: 'not an email' },
      ];
      for (const fields of cases) {
        const res = await open311Post(t.app, '/requests.json', fields);
        expect(res.status, JSON.stringify(fields).slice(0, 80)).toBe(400);
        expect(res.body[0].code).toBe(400);
      }
    });
  });
});

describe('tokens', () => {
  it('resolves the token of a request to its service_request_id, and 404s an unknown token', async () => {
    const res = await open311Post(t.app, '/requests.json', base());
    const row = await t.handle.db.selectFrom('open311_requests as o').innerJoin('cases as k', 'k.id', 'o.case_id')
      .select('o.token').where('k.number', '=', res.body[0].service_request_id).executeTakeFirstOrThrow();
    const json = await open311Get(t.app, `/tokens/${row.token}.json`);
    expect(json.body).toEqual([{ service_request_id: res.body[0].service_request_id, token: row.token }]);
    const xml = await open311Get(t.app, `/tokens/${row.token}.xml`);
    expect(xml.body.service_requests.request[0].service_request_id).toBe(res.body[0].service_request_id);
    const unknown = await open311Get(t.app, '/tokens/0000.xml');
    expect(unknown.status).toBe(404);
  });
});

describe('GET requests', () => {
  it('lists requests with every field, W3C datetimes and string ids, as a top-level array', async () => {
    const res = await open311Get(t.app, '/requests.json');
    expect(res.status).toBe(200);
    expect(Array.isArray(res.body)).toBe(true);
    const request = res.body[0];
    for (const name of ['service_request_id', 'status', 'service_name', 'service_code', 'description', 'requested_datetime', 'updated_datetime', 'address', 'address_id', 'zipcode', 'lat', 'long', 'media_url']) {
      expect(request, name).toHaveProperty(name);
    }
    expect(request.status).toBe('open');
    expect(request.requested_datetime).toMatch(W3C_DATETIME);
    expect(request).not.toHaveProperty('expected_datetime'); // not dispatched yet, so no resolve deadline
    expect(typeof request.lat).toBe('number');
    expect(typeof request.service_request_id).toBe('string');
    expect(JSON.stringify(res.body)).not.toContain('zhang@example.cn');
    expect(JSON.stringify(res.body)).not.toContain('张三');
  });
  it('returns the same requests as service_requests/request[] in XML', async () => {
    const json = await open311Get(t.app, '/requests.json');
    const xml = await open311Get(t.app, '/requests.xml');
    expect(xml.body.service_requests.request.map((r: { service_request_id: string }) => r.service_request_id))
      .toEqual(json.body.map((r: { service_request_id: string }) => r.service_request_id));
  });
  it('filters by service_code, status and jurisdiction, and lets service_request_id override the rest', async () => {
    const all = (await open311Get(t.app, '/requests.json')).body;
    const lamps = (await open311Get(t.app, '/requests.json?service_code=C0107,E0502')).body;
    expect(lamps.length).toBe(1);
    expect((await open311Get(t.app, '/requests.json?status=closed')).body).toEqual([]);
    expect((await open311Get(t.app, '/requests.json?status=open,closed')).body.length).toBe(all.length);
    const erdao = (await open311Get(t.app, '/requests.json?jurisdiction_id=220105')).body;
    expect(erdao.map((r: { service_request_id: string }) => r.service_request_id.slice(0, 2))).toEqual(['ED']);
    const ids = [all[0].service_request_id, all[1].service_request_id];
    const picked = (await open311Get(t.app, `/requests.json?service_request_id=${ids.join(',')}&status=closed&service_code=NOPE`)).body;
    expect(picked.map((r: { service_request_id: string }) => r.service_request_id).sort()).toEqual(ids.sort());
  });
  it('uses the last 90 days by default, filters by dates and refuses ranges over 90 days', async () => {
    expect((await open311Get(t.app, '/requests.json?start_date=2026-03-11T00:00:00Z')).body).toEqual([]);
    const inRange = (await open311Get(t.app, '/requests.json?start_date=2026-03-09T00:00:00%2B08:00&end_date=2026-03-11T00:00:00%2B08:00')).body;
    expect(inRange.length).toBeGreaterThan(0);
    const tooLong = await open311Get(t.app, '/requests.xml?start_date=2025-01-01T00:00:00Z&end_date=2026-03-11T00:00:00Z');
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.errors.error[0].description).toContain('OPEN311_DATE_RANGE_TOO_LONG');
    expect((await open311Get(t.app, '/requests.json?start_date=yesterday')).status).toBe(400);
    expect((await open311Get(t.app, '/requests.json?status=pending')).status).toBe(400);
    t.clock.set('2026-07-01T00:00:00Z');
    expect((await open311Get(t.app, '/requests.json')).body).toEqual([]);
    t.clock.set('2026-03-10T02:00:00Z');
  });
  it('pages with page and page_size', async () => {
    const all = (await open311Get(t.app, '/requests.json')).body;
    const first = (await open311Get(t.app, '/requests.json?page_size=2')).body;
    const second = (await open311Get(t.app, '/requests.json?page_size=2&page=2')).body;
    expect(first.map((r: { service_request_id: string }) => r.service_request_id)).toEqual(all.slice(0, 2).map((r: { service_request_id: string }) => r.service_request_id));
    expect(second[0].service_request_id).toBe(all[2].service_request_id);
    expect((await open311Get(t.app, '/requests.json?page_size=5000')).status).toBe(400);
  });
  it('returns one request as a one-element list, and 404 for an unknown id', async () => {
    const all = (await open311Get(t.app, '/requests.json')).body;
    const one = await open311Get(t.app, `/requests/${all[0].service_request_id}.json`);
    expect(one.body).toHaveLength(1);
    expect(one.body[0].service_request_id).toBe(all[0].service_request_id);
    const xml = await open311Get(t.app, `/requests/${all[0].service_request_id}.xml`);
    expect(xml.body.service_requests.request).toHaveLength(1);
    for (const format of ['xml', 'json']) expect((await open311Get(t.app, `/requests/LY-2026-999999.${format}`)).status).toBe(404);
  });
});

describe('privacy of hotline-style requests', () => {
  it('lists a citizen_request without its text or exact place', async () => {
    const posted = await open311Post(t.app, '/requests.json', { ...base(), service_code: 'H10', description: '举报某单位违规，联系人王五 13800000000', address_string: '某小区 3 栋' });
    expect(posted.status).toBe(200);
    const [listed] = (await open311Get(t.app, `/requests/${posted.body[0].service_request_id}.json`)).body;
    expect(listed.description).toBe('');
    expect(listed.address).not.toContain('3 栋');
    expect(listed.lat).toBe(Math.round(point.lat * 1000) / 1000);
    expect(JSON.stringify(listed)).not.toContain('13800000000');
  });
});
