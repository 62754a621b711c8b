/**
 * Tables as users expect (issue 17): the case list sorts on the server (urgency: overdue and nearest
 * deadline first), filters by source, priority and a reporting-time range, and pages every order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { loginAs, type ApiClient } from '../support/api-client.ts';
import { LY, actOk, departmentId, reportEvent } from '../support/case-helpers.ts';

let t: TestApp;
let operator: ApiClient;
let gridWorker: ApiClient;
let ids: { plain: number; urgent: number; dispatchedEarly: number; hotline: number };
let secondHour: string;

beforeAll(async () => {
  t = await startTestApp();
  [operator, gridWorker] = await Promise.all([loginAs(t.app, `operator-${LY}`), loginAs(t.app, `grid_worker-${LY}`)]);
  const cgj = await departmentId(operator, LY, 'cgj');
  const dispatchedEarly = await reportEvent(gridWorker, { description: '最早上报并已派遣的工单' });
  const filed = await actOk(operator, dispatchedEarly.id, 'file', { version: dispatchedEarly.version });
  await actOk(operator, dispatchedEarly.id, 'dispatch', { version: filed.version, departmentId: cgj });
  t.clock.advanceMinutes(60);
  secondHour = t.clock.now.toISOString();
  const plain = await reportEvent(gridWorker, { description: '普通的暴露垃圾' });
  const urgent = await reportEvent(gridWorker, { description: '紧急：井盖缺失', priority: 'urgent' });
  const hotline = await reportEvent(operator, { description: '市民来电反映垃圾', source: 'hotline' });
  ids = { plain: plain.id, urgent: urgent.id, dispatchedEarly: dispatchedEarly.id, hotline: hotline.id };
});
afterAll(async () => { await t?.close(); });

const idsOf = (res: { body: { items: { id: number }[] } }) => res.body.items.map((item) => item.id);

describe('GET /api/v1/cases?sort=…', () => {
  it('sorts by urgency: the nearest running deadline first, urgent before normal on a tie', async () => {
    const res = await operator.get('/api/v1/cases?sort=urgency&pageSize=50');
    expect(res.status).toBe(200);
    const order = idsOf(res);
    // the dispatched case must be signed within hours; the reported ones have a day or more to dispatch
    expect(order[0]).toBe(ids.dispatchedEarly);
    expect(order.indexOf(ids.urgent)).toBeLessThan(order.indexOf(ids.plain));
  });

  it('sorts oldest first and by number both ways, and pages an order without overlap', async () => {
    const oldest = idsOf(await operator.get('/api/v1/cases?sort=oldest&pageSize=50'));
    expect(oldest[0]).toBe(ids.dispatchedEarly);
    const up = idsOf(await operator.get('/api/v1/cases?sort=number&pageSize=50'));
    const down = idsOf(await operator.get('/api/v1/cases?sort=-number&pageSize=50'));
    expect(down).toEqual([...up].reverse());
    const first = await operator.get('/api/v1/cases?sort=number&pageSize=2&page=1');
    const second = await operator.get('/api/v1/cases?sort=number&pageSize=2&page=2');
    expect([...idsOf(first), ...idsOf(second)]).toEqual(up);
    expect(first.body.nextCursor).toBeNull(); // keyset pages only for the default order
  });

  it('filters by source, priority and a reporting-time range', async () => {
    expect(idsOf(await operator.get('/api/v1/cases?source=hotline'))).toEqual([ids.hotline]);
    expect(idsOf(await operator.get('/api/v1/cases?priority=urgent'))).toEqual([ids.urgent]);
    const before = await operator.get(`/api/v1/cases?before=${encodeURIComponent(secondHour)}`);
    expect(idsOf(before)).toEqual([ids.dispatchedEarly]);
    const from = await operator.get(`/api/v1/cases?from=${encodeURIComponent(secondHour)}&sort=oldest`);
    expect(idsOf(from)).toEqual([ids.plain, ids.urgent, ids.hotline]);
  });

  it('refuses an unknown order or source with a code, in both languages', async () => {
    for (const query of ['sort=colour', 'source=pigeon', 'from=yesterday']) {
      const res = await operator.get(`/api/v1/cases?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    }
  });
});

describe('GET /api/v1/cases/export', () => {
  it('exports the filtered list in its order as .xlsx, every row, headers in the chosen language', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/cases/export?sort=oldest', headers: { authorization: `Bearer ${operator.token}` } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('工单号');
    expect(sheet.rowCount).toBe(1 + 4);
    const listed = (await operator.get('/api/v1/cases?sort=oldest')).body.items.map((item: { number: string }) => item.number);
    expect([2, 3, 4, 5].map((n) => sheet.getRow(n).getCell(1).value)).toEqual(listed);
    expect(sheet.getRow(2).getCell(2).value).toBe('待签收');
  });

  it('exports CSV with a BOM, in English when asked, filtered like the list', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/cases/export?format=csv&lang=en&priority=urgent', headers: { authorization: `Bearer ${operator.token}` } });
    expect(res.statusCode).toBe(200);
    expect(res.body.startsWith('\uFEFF"Case number"')).toBe(true);
    const lines = res.body.trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('"Urgent"');
  });

  it('exports nothing for a visitor who is not signed in', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/cases/export' });
    expect(res.statusCode).toBe(401);
  });
});
