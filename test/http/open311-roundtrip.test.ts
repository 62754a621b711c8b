/**
 * The Open311 round trip (reference/open311.md §1.2, §1.6): a client files a request, our loop
 * moves it (operator → handler → grid worker), and GET requests and servicerequestupdates follow;
 * FixMyStreet-style updates posted back land on the timeline. Also the admin API for keys.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { loginAs, type ApiClient } from '../support/api-client.ts';
import { countRows, loadDemoMap, pointInsideGrid } from '../support/grid-fixtures.ts';
import { createKey, open311Get, open311Post, W3C_DATETIME } from '../support/open311-client.ts';

let t: TestApp;
let key: string;
let admin: ApiClient;
let number: string;

beforeAll(async () => {
  t = await startTestApp();
  await loadDemoMap(t);
  admin = await loginAs(t.app, 'admin');
  ({ key } = await createKey(t.app, admin.token!));
});
afterAll(async () => { await t?.close(); });

async function requestStatus(format: 'json' | 'xml' = 'json') {
  const res = await open311Get(t.app, `/requests/${number}.${format}`);
  return format === 'json' ? res.body[0] : res.body.service_requests.request[0];
}

async function updateStatuses(): Promise<string[]> {
  const res = await open311Get(t.app, '/servicerequestupdates.json?start_date=2026-03-10T00:00:00%2B08:00&end_date=2026-03-12T00:00:00%2B08:00');
  expect(res.status).toBe(200);
  return res.body.filter((u: { service_request_id: string }) => u.service_request_id === number).map((u: { status: string }) => u.status);
}

describe('round trip', () => {
  it('files over Open311, moves through our loop and shows every step to the client', async () => {
    const point = await pointInsideGrid(t, '220106001001001');
    const posted = await open311Post(t.app, '/requests.xml', {
      api_key: key, service_code: 'E0104', lat: String(point.lat), long: String(point.lng), description: '井边堆满垃圾', jurisdiction_id: '220106',
    });
    expect(posted.status).toBe(200);
    number = posted.body.service_requests.request[0].service_request_id;
    expect(await requestStatus()).toMatchObject({ status: 'open', service_code: 'E0104' });
    expect(await updateStatuses()).toEqual(['open']);

    const operator = await loginAs(t.app, 'operator-220106');
    const handler = await loginAs(t.app, 'handler-220106');
    const worker = await loginAs(t.app, 'grid_worker-220106');
    const seen = await operator.get(`/api/v1/cases/${number}`);
    expect(seen.body.source).toBe('open311');
    const id = seen.body.id;
    const filed = await operator.post(`/api/v1/cases/${id}/actions/file`, { version: seen.body.version });
    const cgj = (await operator.get('/api/v1/departments?district=220106')).body.items.find((d: { code: string }) => d.code === 'cgj');
    t.clock.advanceMinutes(30);
    const dispatched = await operator.post(`/api/v1/cases/${id}/actions/dispatch`, { version: filed.body.version, departmentId: cgj.id });
    expect(dispatched.status).toBe(200);
    const open = await requestStatus();
    expect(open.status).toBe('open');
    expect(open.agency_responsible).toBe('城市管理局');
    expect(open.expected_datetime).toMatch(W3C_DATETIME);
    t.clock.advanceMinutes(30);
    const signed = await handler.post(`/api/v1/cases/${id}/actions/sign`, { version: dispatched.body.version });
    const resolved = await handler.post(`/api/v1/cases/${id}/actions/resolve`, { version: signed.body.version, note: '已清理' });
    expect(resolved.status).toBe(200);
    expect((await requestStatus()).status).toBe('open');
    t.clock.advanceMinutes(30);
    const closed = await worker.post(`/api/v1/cases/${id}/actions/check_pass`, { version: resolved.body.version });
    expect(closed.status).toBe(200);

    const done = await requestStatus('xml');
    expect(done.status).toBe('closed');
    expect(done.updated_datetime).toBe('2026-03-10T11:30:00+08:00');
    expect(await updateStatuses()).toEqual(['open', 'investigating', 'action_scheduled', 'in_progress', 'in_progress', 'fixed']);
    const closedList = await open311Get(t.app, '/requests.json?status=closed');
    expect(closedList.body.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([number]);
  });

  it('lists updates as service_request_updates/request_update[] in XML with W3C datetimes', async () => {
    const res = await open311Get(t.app, '/servicerequestupdates.xml?start_date=2026-03-10T00:00:00Z');
    const updates = res.body.service_request_updates.request_update;
    expect(updates.length).toBe(6);
    for (const update of updates) {
      expect(update.updated_datetime).toMatch(W3C_DATETIME);
      expect(update.update_id).toMatch(/^\d+$/);
      expect(update).toHaveProperty('media_url');
      expect(update.description).not.toContain('已清理'); // internal notes stay internal
    }
  });

  it('records a FixMyStreet update on the timeline once, and refuses duplicates and bad input', async () => {
    const update = {
      api_key: key, service_request_id: number, update_id: 'fms-1', status: 'FIXED', updated_datetime: '2026-03-10T12:00:00+08:00',
      description: '市民确认已经清理干净', first_name: 'Ann',
    };
    const res = await open311Post(t.app, '/servicerequestupdates.json', update);
    expect(res.status).toBe(200);
    expect(res.body[0].update_id).toMatch(/^\d+$/);
    const operator = await loginAs(t.app, 'operator-220106');
    const detail = await operator.get(`/api/v1/cases/${number}`);
    expect(detail.body.timeline.at(-1)).toMatchObject({ action: 'open311_update' });
    expect(detail.body.state).toBe('closed');

    const before = [await countRows(t, 'open311_updates'), await countRows(t, 'case_events')];
    const duplicate = await open311Post(t.app, '/servicerequestupdates.xml', update);
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.errors.error[0].description).toContain('OPEN311_UPDATE_DUPLICATE');
    expect((await open311Post(t.app, '/servicerequestupdates.json', { ...update, update_id: 'fms-2', api_key: 'nope' })).status).toBe(403);
    expect((await open311Post(t.app, '/servicerequestupdates.json', { ...update, update_id: 'fms-3', service_request_id: 'LY-2026-999999' })).status).toBe(404);
    expect((await open311Post(t.app, '/servicerequestupdates.json', { ...update, update_id: 'fms-4', status: 'EXPLODED' })).status).toBe(400);
    expect((await open311Post(t.app, '/servicerequestupdates.json', { ...update, update_id: 'fms-5', description: '<img src=x>' })).status).toBe(400);
    expect((await open311Post(t.app, '/servicerequestupdates.json', { ...update, update_id: 'fms-6', updated_datetime: 'now' })).status).toBe(400);
    expect((await open311Post(t.app, '/servicerequestupdates.json', { api_key: key })).status).toBe(400);
    expect([await countRows(t, 'open311_updates'), await countRows(t, 'case_events')]).toEqual(before);
  });
});

describe('API keys (admin)', () => {
  it('creates a key shown once, lists keys without it, revokes once, and is for admins only', async () => {
    const operator = await loginAs(t.app, 'operator-220106');
    expect((await operator.post('/api/v1/admin/apikeys', { name: 'x' })).status).toBe(403);
    expect((await admin.post('/api/v1/admin/apikeys', { name: '<b>x</b>' })).status).toBe(400);
    const created = await admin.post('/api/v1/admin/apikeys', { name: '12345 热线' });
    expect(created.status).toBe(201);
    expect(created.body.key).toMatch(/^cl311_/);
    const listed = await admin.get('/api/v1/admin/apikeys');
    expect(JSON.stringify(listed.body)).not.toContain(created.body.key);
    const stored = await t.handle.db.selectFrom('api_keys').select('key_hash').where('id', '=', created.body.id).executeTakeFirstOrThrow();
    expect(stored.key_hash).not.toContain(created.body.key);
    const del = (token: string) => t.app.inject({ method: 'DELETE', url: `/api/v1/admin/apikeys/${created.body.id}`, headers: { authorization: `Bearer ${token}` } });
    expect((await del(operator.token!)).statusCode).toBe(403);
    expect((await del(admin.token!)).statusCode).toBe(200);
    expect((await del(admin.token!)).statusCode).toBe(404);
  });
});

describe('rate limit', () => {
  const LIMIT = 3;
  let limited: TestApp;
  let limitedKey: string;
  let otherKey: string;
  let fields: Record<string, string>;

  beforeAll(async () => {
    limited = await startTestApp({ overrides: { CIVICLOOP_OPEN311_WRITES_PER_MINUTE: String(LIMIT) } });
    await loadDemoMap(limited);
    const limitedAdmin = await loginAs(limited.app, 'admin');
    ({ key: limitedKey } = await createKey(limited.app, limitedAdmin.token!, 'flooder'));
    ({ key: otherKey } = await createKey(limited.app, limitedAdmin.token!, 'someone else'));
    const point = await pointInsideGrid(limited, '220106001001001');
    fields = { service_code: 'E0104', lat: String(point.lat), long: String(point.lng), description: '井边堆满垃圾', jurisdiction_id: '220106' };
    // The limiter counts a minute by the wall clock: hold it still, so no window can roll over mid-test.
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-03-10T02:00:00Z') });
  });
  afterAll(async () => {
    vi.useRealTimers();
    await limited?.close();
  });

  it('lets exactly the configured number of writes per key and minute through, then answers 429 with an errors document', async () => {
    const statuses: number[] = [];
    for (let i = 0; i <= LIMIT; i += 1) statuses.push((await open311Post(limited.app, '/requests.json', { ...fields, api_key: limitedKey })).status);
    expect(statuses).toEqual([...Array<number>(LIMIT).fill(200), 429]);
    const refused = await open311Post(limited.app, '/requests.json', { ...fields, api_key: limitedKey });
    expect(refused.status).toBe(429);
    expect(refused.body[0].description).toContain('RATE_LIMITED');
    const filed = await limited.handle.db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).where('source', '=', 'open311').executeTakeFirstOrThrow();
    expect(Number(filed.n)).toBe(LIMIT);
    // Another key has its own budget; the flooder's returns after the minute.
    expect((await open311Post(limited.app, '/requests.json', { ...fields, api_key: otherKey })).status).toBe(200);
    vi.setSystemTime(new Date('2026-03-10T02:01:01Z'));
    expect((await open311Post(limited.app, '/requests.json', { ...fields, api_key: limitedKey })).status).toBe(200);
  });

  it('allows 600 writes per key and minute by default', async () => {
    const res = await open311Post(t.app, '/requests.json', { api_key: key, service_code: 'E0104', lat: '43.9', long: '125.3' });
    expect(res.headers['x-ratelimit-limit']).toBe('600');
  });
});
