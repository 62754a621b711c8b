import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { apiClient, loginAs, type ApiClient } from '../support/api-client.ts';
import { toGcj02 } from '../support/grid-fixtures.ts';

let t: TestApp;
let operator: ApiClient;
const GRID = '220106001001001';
const HERE = { lat: 43.9, lng: 125.3 };
const ids: Record<string, number> = {};

beforeAll(async () => {
  t = await startTestApp();
  operator = await loginAs(t.app, 'operator-220106');
  const report = async (name: string, location: { lat: number; lng: number }, categoryCode = 'E0104') => {
    const res = await operator.post('/api/v1/cases', { kind: 'event', categoryCode, description: `${name} 处有垃圾`, gridCode: GRID, location });
    expect(res.status).toBe(201);
    ids[name] = res.body.id;
  };
  await report('first', HERE);
  await report('near', { lat: HERE.lat + 0.00027, lng: HERE.lng }); // about 30 m north
  await report('far', { lat: HERE.lat + 0.0018, lng: HERE.lng }); // about 200 m north
  await report('other-category', HERE, 'E0101');
});
afterAll(async () => { await t?.close(); });

describe('nearby open cases (before reporting)', () => {
  it('lists open cases of the category within its radius, nearest first, without private details', async () => {
    const res = await apiClient(t.app).get(`/api/v1/cases/nearby?lat=${HERE.lat}&lng=${HERE.lng}&category=E0104`);
    expect(res.status).toBe(200);
    expect(res.body.radiusMeters).toBe(50);
    expect(res.body.items.map((i: { distanceMeters: number }) => i.distanceMeters)).toEqual([0, 30]);
    expect(res.body.items[0]).not.toHaveProperty('description');
    expect(res.body.items[0]).not.toHaveProperty('title');
  });
  it('accepts GCJ-02 points', async () => {
    const gcj = toGcj02(HERE);
    const res = await apiClient(t.app).get(`/api/v1/cases/nearby?lat=${gcj.lat}&lng=${gcj.lng}&category=E0104&coordSystem=gcj02`);
    expect(res.body.items).toHaveLength(2);
  });
  it('compares nothing for categories without a radius, and refuses unknown categories and bad points', async () => {
    expect((await apiClient(t.app).get(`/api/v1/cases/nearby?lat=43.9&lng=125.3&category=H08`)).body).toEqual({ radiusMeters: 0, items: [] });
    expect((await apiClient(t.app).get(`/api/v1/cases/nearby?lat=43.9&lng=125.3&category=NOPE`)).body.code).toBe('CASE_CATEGORY_UNKNOWN');
    expect((await apiClient(t.app).get(`/api/v1/cases/nearby?lat=95&lng=125.3&category=E0104`)).status).toBe(400);
  });
});

describe('likely duplicates of a case (operators)', () => {
  it('shows other open cases nearby in the same district and category, then drops merged ones', async () => {
    const res = await operator.get(`/api/v1/cases/${ids.first}/duplicates`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: { id: number }) => i.id)).toEqual([ids.near]);
    const merged = await operator.post(`/api/v1/cases/${ids.near}/actions/merge`, { version: 1, intoCaseId: ids.first });
    expect(merged.status).toBe(200);
    expect((await operator.get(`/api/v1/cases/${ids.first}/duplicates`)).body.items).toEqual([]);
  });
  it('is not for handlers or other districts', async () => {
    const handler = await loginAs(t.app, 'handler-220106');
    // The handler sees a case of its department only once it is dispatched (issue 19); duplicates are never its work.
    expect((await handler.get(`/api/v1/cases/${ids.first}`)).status).toBe(404);
    const asHandler = await handler.get(`/api/v1/cases/${ids.first}/duplicates`);
    expect({ status: asHandler.status, code: asHandler.body.code }).toEqual({ status: 403, code: 'FORBIDDEN' });
    const other = await loginAs(t.app, 'operator-220105');
    expect((await other.get(`/api/v1/cases/${ids.first}/duplicates`)).status).toBe(404);
  });
});
