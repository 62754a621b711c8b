/**
 * Input at the boundary (issue 19 §1): text that is not well-formed Unicode — a lone UTF-16 surrogate
 * or U+0000 — is refused with a 400 naming the field in every way text arrives (JSON, query, Open311
 * form and JSON, multipart), and nothing is stored; malformed multipart is a 400, a username created
 * twice at once a 409, and racing merges end consistently without a 500.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { apiClient, loginAs, type ApiClient } from '../support/api-client.ts';
import { act, actOk, LY, LY_GRID, reportEvent } from '../support/case-helpers.ts';
import { countRows, loadDemoMap, pointInsideGrid } from '../support/grid-fixtures.ts';
import { multipartBody } from '../support/multipart.ts';
import { createKey, PREFIX } from '../support/open311-client.ts';

let t: TestApp;
let operator: ApiClient;
let shiftLead: ApiClient;
let admin: ApiClient;

beforeAll(async () => {
  t = await startTestApp();
  operator = await loginAs(t.app, 'operator-220106');
  shiftLead = await loginAs(t.app, 'shift_lead-220106');
  admin = await loginAs(t.app, 'admin');
});
afterAll(async () => { await t?.close(); });

/** Raw JSON text, so a lone surrogate escape reaches the server exactly as an attacker sends it. */
async function postRawJson(url: string, json: string, token: string | null = null) {
  const res = await t.app.inject({
    method: 'POST', url, payload: json,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
  return { status: res.statusCode, body: JSON.parse(res.body) };
}

const stored = async () => [await countRows(t, 'cases'), await countRows(t, 'case_events')];

describe('text that is not well-formed Unicode', () => {
  it.each([
    ['a lone high surrogate', String.raw`\ud800`],
    ['a lone low surrogate', String.raw`x\udc00y`],
    ['U+0000', String.raw`a\u0000b`],
  ])('refuses %s in a case description with a 400 naming the field, storing nothing', async (_name, escaped) => {
    const before = await stored();
    const res = await postRawJson('/api/v1/cases', `{"kind":"event","categoryCode":"E0102","description":"路边垃圾${escaped}","gridCode":"${LY_GRID}"}`);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('TEXT_NOT_WELL_FORMED');
    expect(res.body.details).toEqual([expect.objectContaining({ path: 'body.description' })]);
    expect(await stored()).toEqual(before);
  });

  it('accepts a well-formed surrogate pair (an emoji)', async () => {
    const res = await postRawJson('/api/v1/cases', `{"kind":"event","categoryCode":"E0102","description":"路边垃圾 \\ud83d\\uddd1","gridCode":"${LY_GRID}"}`);
    expect(res.status).toBe(201);
    expect(res.body.description).toBe('路边垃圾 🗑');
  });

  it('refuses a lone surrogate in an anonymous rating comment, and names nested fields and keys', async () => {
    const created = await reportEvent(apiClient(t.app));
    const rating = await postRawJson(`/api/v1/cases/${created.id}/actions/rate`, `{"version":1,"level":"satisfied","comment":"\\ud800","trackingCode":"${created.trackingCode}"}`);
    expect(rating.status).toBe(400);
    expect(rating.body.details[0].path).toBe('body.comment');
    const nested = await postRawJson('/api/v1/cases', `{"kind":"event","categoryCode":"E0102","description":"ok","location":{"lat":43.9,"lng":125.3,"x\\u0000":1}}`);
    expect(nested.status).toBe(400);
    expect(nested.body.details[0].path).toBe('body.location');
  });

  it('refuses U+0000 in a query string', async () => {
    const res = await operator.get('/api/v1/cases?q=%00');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'TEXT_NOT_WELL_FORMED', details: [{ path: 'querystring.q' }] });
  });

  it('refuses U+0000 in an Open311 form and JSON body with an Open311 error, storing nothing', async () => {
    await loadDemoMap(t);
    const point = await pointInsideGrid(t, '220106003001001');
    const { key } = await createKey(t.app, admin.token!);
    const fields = { api_key: key, service_code: 'E0104', lat: String(point.lat), long: String(point.lng), description: '落叶\u0000很多' };
    const before = await stored();
    const form = await t.app.inject({
      method: 'POST', url: `${PREFIX}/requests.json`, payload: new URLSearchParams(fields).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(form.statusCode).toBe(400);
    expect(JSON.parse(form.body)[0].description).toContain('description');
    const json = await t.app.inject({ method: 'POST', url: `${PREFIX}/requests.json`, payload: JSON.stringify(fields), headers: { 'content-type': 'application/json' } });
    expect(json.statusCode).toBe(400);
    expect(await stored()).toEqual(before);
  });

  it('refuses U+0000 in a multipart field', async () => {
    const created = await reportEvent(apiClient(t.app));
    const body = multipartBody({ stage: 'report', trackingCode: `${created.trackingCode}\u0000` }, []);
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/cases/${created.id}/attachments`, payload: body.payload, headers: body.headers });
    expect(res.statusCode).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({ code: 'TEXT_NOT_WELL_FORMED', details: [{ path: 'body.trackingCode' }] });
  });
});

describe('malformed multipart', () => {
  it('answers 400, not 500, for a body that does not follow its boundary', async () => {
    const created = await reportEvent(apiClient(t.app));
    for (const payload of ['--b\r\nContent-Disposition: form-data; name="stage"\r\n\r\nreport', '--b\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\n\r\n\xff\xd8']) {
      const res = await t.app.inject({
        method: 'POST', url: `/api/v1/cases/${created.id}/attachments`, payload,
        headers: { 'content-type': 'multipart/form-data; boundary=b', authorization: `Bearer ${operator.token}` },
      });
      expect(res.statusCode, payload).toBe(400);
      expect(JSON.parse(res.body).code).toBe('MULTIPART_MALFORMED');
    }
    // No part at all is well-formed multipart: it is refused for the missing stage.
    const empty = await t.app.inject({
      method: 'POST', url: `/api/v1/cases/${created.id}/attachments`, payload: 'garbage without any boundary',
      headers: { 'content-type': 'multipart/form-data; boundary=b', authorization: `Bearer ${operator.token}` },
    });
    expect(empty.statusCode).toBe(400);
  });
});

describe('a username created twice at once', () => {
  it('creates it once and answers the other 409 USER_EXISTS', async () => {
    const body = { username: 'twice.at.once', password: 'Lvyuan-handler-2026', displayName: '并发', role: 'operator', districtCode: LY };
    const answers = await Promise.all([admin.post('/api/v1/admin/users', body), admin.post('/api/v1/admin/users', body), admin.post('/api/v1/admin/users', body)]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409]);
    expect(answers.filter((a) => a.status === 409).map((a) => a.body.code)).toEqual(['USER_EXISTS', 'USER_EXISTS']);
  });
});

describe('racing merges', () => {
  it('merges A→B racing B→A: one wins, the other is refused, no 500 and no cycle', async () => {
    for (let round = 0; round < 5; round += 1) {
      const a = await reportEvent(operator);
      const b = await reportEvent(operator);
      const [ab, ba] = await Promise.all([
        act(operator, a.id, 'merge', { version: 1, intoCaseId: b.id }),
        act(operator, b.id, 'merge', { version: 1, intoCaseId: a.id }),
      ]);
      expect([ab.status, ba.status].sort()).toEqual([200, 409]);
      expect([ab, ba].find((r) => r.status === 409)!.body.code).toBe('CASE_MERGE_TARGET_INVALID');
      const states = await sql<{ state: string }>`select state from cases where id in (${a.id}, ${b.id}) order by state`.execute(t.handle.db);
      expect(states.rows.map((r) => r.state).sort()).toEqual(['merged', 'reported']);
    }
  });

  it('never merges into a case declined at the same moment', async () => {
    for (let round = 0; round < 5; round += 1) {
      const duplicate = await reportEvent(operator);
      const target = await reportEvent(operator);
      const [merged, declined] = await Promise.all([
        act(operator, duplicate.id, 'merge', { version: 1, intoCaseId: target.id }),
        act(shiftLead, target.id, 'decline', { version: 1, reason: '不属于受理范围' }),
      ]);
      expect(declined.status).toBe(200);
      expect([200, 409]).toContain(merged.status);
      const rows = await sql<{ id: number; state: string }>`select id, state from cases where id in (${duplicate.id}, ${target.id})`.execute(t.handle.db);
      const state = new Map(rows.rows.map((r) => [Number(r.id), r.state]));
      expect(state.get(target.id)).toBe('declined');
      // A merge that committed did so before the decline; one refused left the duplicate as it was.
      expect(state.get(duplicate.id)).toBe(merged.status === 200 ? 'merged' : 'reported');
    }
  });
});

describe('relocating a street-handled case', () => {
  it('answers (and the server keeps answering) when the target grid names no responsible unit', async () => {
    const created = await reportEvent(operator, { categoryCode: 'E0103' });
    await sql`update grids set responsible_department_id = null where code = '220106003001001'`.execute(t.handle.db);
    const moved = await operator.post(`/api/v1/cases/${created.id}/relocate`, { version: created.version, gridCode: '220106003001001' });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.gridCode).toBe('220106003001001');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/health' })).statusCode).toBe(200);
    await actOk(operator, created.id, 'file', { version: moved.body.version });
  });
});
