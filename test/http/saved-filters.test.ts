/**
 * Saved filters per user (issue 17): a desk's filter kept on the server under a name; each user sees and
 * deletes only their own; a filter the list would refuse is refused when saved; names are unique per desk.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { apiClient, loginAs, type ApiClient } from '../support/api-client.ts';
import { LY, reportEvent } from '../support/case-helpers.ts';

let t: TestApp;
let operator: ApiClient;
let shiftLead: ApiClient;

async function remove(client: ApiClient, id: number) {
  const response = await t.app.inject({ method: 'DELETE', url: `/api/v1/saved-filters/${id}`, headers: { authorization: `Bearer ${client.token}` } });
  return { status: response.statusCode, body: response.body ? JSON.parse(response.body) : null };
}
const rows = async () => Number((await t.handle.db.selectFrom('saved_filters').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

beforeAll(async () => {
  t = await startTestApp();
  operator = await loginAs(t.app, `operator-${LY}`);
  shiftLead = await loginAs(t.app, `shift_lead-${LY}`);
});
afterAll(async () => { await t?.close(); });

describe('saved filters', () => {
  it('keeps a desk’s filter under a name for its user, and the filter runs as a list query', async () => {
    await reportEvent(operator, { priority: 'urgent', source: 'hotline' });
    await reportEvent(operator);
    const saved = await operator.post('/api/v1/saved-filters', { page: 'workbench', name: '紧急热线', filter: { priority: 'urgent', source: 'hotline,patrol' } });
    expect(saved.status, JSON.stringify(saved.body)).toBe(201);
    expect(saved.body).toMatchObject({ page: 'workbench', name: '紧急热线', filter: { priority: 'urgent', source: 'hotline,patrol' } });
    const mine = await operator.get('/api/v1/saved-filters?page=workbench');
    expect(mine.body.items.map((f: { name: string }) => f.name)).toEqual(['紧急热线']);
    const query = new URLSearchParams(mine.body.items[0].filter).toString();
    const listed = await operator.get(`/api/v1/cases?${query}`);
    expect(listed.body.items.map((c: { priority: string }) => c.priority)).toEqual(['urgent']);
    // another desk's list and another user's are apart
    expect((await operator.get('/api/v1/saved-filters?page=search')).body.items).toEqual([]);
    expect((await shiftLead.get('/api/v1/saved-filters?page=workbench')).body.items).toEqual([]);
  });

  it('refuses a taken name, a filter the list would refuse and visitors, and lets only its owner delete it', async () => {
    const before = await rows();
    const taken = await operator.post('/api/v1/saved-filters', { page: 'workbench', name: '紧急热线', filter: {} });
    expect([taken.status, taken.body.code, typeof taken.body.messageEn]).toEqual([409, 'SAVED_FILTER_NAME_TAKEN', 'string']);
    const badValue = await operator.post('/api/v1/saved-filters', { page: 'workbench', name: '坏的', filter: { priority: 'very' } });
    expect([badValue.status, badValue.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const badKey = await operator.post('/api/v1/saved-filters', { page: 'workbench', name: '坏的', filter: { pageSize: '200' } });
    expect(badKey.status).toBe(400);
    const badPage = await operator.post('/api/v1/saved-filters', { page: 'cockpit', name: '坏的', filter: {} });
    expect(badPage.status).toBe(400);
    expect((await apiClient(t.app).post('/api/v1/saved-filters', { page: 'workbench', name: '访客', filter: {} })).body.code).toBe('AUTH_REQUIRED');
    expect(await rows()).toBe(before);

    const id = (await operator.get('/api/v1/saved-filters?page=workbench')).body.items[0].id;
    expect((await remove(shiftLead, id)).status).toBe(404);
    expect(await rows()).toBe(before);
    expect((await remove(operator, id)).status).toBe(204);
    expect((await operator.get('/api/v1/saved-filters?page=workbench')).body.items).toEqual([]);
    expect((await remove(operator, id)).body.code).toBe('NOT_FOUND');
  });

  it('keeps at most 20 per desk', async () => {
    for (let n = 0; n < 20; n += 1) {
      expect((await shiftLead.post('/api/v1/saved-filters', { page: 'search', name: `筛选 ${n}`, filter: { q: `词${n}` } })).status).toBe(201);
    }
    const over = await shiftLead.post('/api/v1/saved-filters', { page: 'search', name: '第 21 个', filter: {} });
    expect([over.status, over.body.code]).toEqual([409, 'SAVED_FILTER_LIMIT']);
    expect((await shiftLead.get('/api/v1/saved-filters?page=search')).body.items).toHaveLength(20);
  });
});
