/**
 * Importing a 项目清单 from .xlsx (issue 11): the export's columns in, all rows or none, every problem of
 * every row named, an exported list refused as already imported, and the district's own rules.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestClock, startTestApp, type TestApp } from '../support/test-app.ts';
import { loginAs, type ApiClient } from '../support/api-client.ts';

let t: TestApp;
let officer: ApiClient;
let leader: { id: number; displayName: string };

beforeAll(async () => {
  t = await startTestApp({ clock: createTestClock('2026-05-12T02:00:00Z') });
  officer = await loginAs(t.app, 'project_officer-220106');
  leader = (await (await loginAs(t.app, 'leader-220106')).get('/api/v1/me')).body.user;
}, 300_000);

afterAll(async () => { await t?.close(); });

const HEADER = ['项目名称', '类型', '总投资（万元）', '年度计划投资（万元）', '包保领导', '建设地点', '计划年度'];

async function workbook(rows: (string | number)[][]): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('项目清单');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
}

const projectCount = async () => Number((await t.handle.db.selectFrom('projects').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

describe('project list import', () => {
  it('imports every row at the first stage with its nodes, plan lists and patron', async () => {
    const content = await workbook([
      HEADER,
      ['导入测试智能制造园', '产业项目', 36000, 9000, leader.displayName, '绿园区西新镇', '2026/市 2026/区'],
      ['导入测试社区卫生服务中心', '社会事业', '1,200', 1200, '', '', ''],
    ]);
    const before = await projectCount();
    const res = await officer.post('/api/v1/projects/import', { content });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toEqual({ created: 2 });
    expect(await projectCount()).toBe(before + 2);
    const list = await officer.get('/api/v1/projects');
    const park = list.body.items.find((item: { name: string }) => item.name === '导入测试智能制造园');
    expect(park).toMatchObject({ type: 'industry', totalInvestment: 36000, annualInvestment: 9000, patron: { id: leader.id } });
    expect(park.planLists).toEqual(expect.arrayContaining([{ year: 2026, level: 'city' }, { year: 2026, level: 'district' }]));
    const detail = await officer.get(`/api/v1/projects/${park.id}`);
    expect(detail.body.nodes.length).toBeGreaterThan(0);
    expect(detail.body.timeline.map((event: { action: string }) => event.action)).toEqual(['create']);
  });

  it('refuses an exported list whose projects exist already, row by row, and creates nothing', async () => {
    const exported = await t.app.inject({ method: 'GET', url: '/api/v1/projects/export', headers: { authorization: `Bearer ${officer.token}` } });
    expect(exported.statusCode).toBe(200);
    const before = await projectCount();
    const res = await officer.post('/api/v1/projects/import', { content: exported.rawPayload.toString('base64') });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('PROJECT_IMPORT_INVALID');
    expect(res.body.message).toContain('未导入');
    expect(res.body.messageEn).toContain('nothing was imported');
    const problems = res.body.details.problems as { code: string }[];
    expect(problems.length).toBeGreaterThan(0);
    expect(new Set(problems.map((problem) => problem.code))).toEqual(new Set(['NAME_TAKEN']));
    expect(await projectCount()).toBe(before);
  });

  it('names every bad row and imports none of the good ones', async () => {
    const content = await workbook([
      HEADER,
      ['导入测试好项目', '基础设施', 500, 100, '', '', ''],
      ['导入测试坏项目', '水利', 'abc', -1, '不存在的领导', '', '2026/国家'],
      ['导入测试超计划', '产业项目', 100, 300, leader.displayName, '', ''],
    ]);
    const before = await projectCount();
    const res = await officer.post('/api/v1/projects/import', { content });
    expect(res.status).toBe(400);
    expect(res.body.details.problems).toEqual([
      { row: 3, field: 'type', code: 'TYPE_UNKNOWN' },
      { row: 3, field: 'totalInvestment', code: 'NOT_A_NUMBER' },
      { row: 3, field: 'annualInvestment', code: 'NEGATIVE' },
      { row: 3, field: 'planLists', code: 'PLAN_LIST_MALFORMED' },
      { row: 4, field: 'annualInvestment', code: 'ANNUAL_ABOVE_TOTAL' },
    ]);
    expect(await projectCount()).toBe(before);
    const unknownPatron = await officer.post('/api/v1/projects/import', { content: await workbook([HEADER, ['导入测试领导不明', '产业项目', 10, 5, '不存在的领导', '', '']]) });
    expect(unknownPatron.body.details.problems).toEqual([{ row: 2, field: 'patron', code: 'PATRON_UNKNOWN' }]);
  });

  it('refuses a file that is not a workbook, a reader without write rights, and another district', async () => {
    const unreadable = await officer.post('/api/v1/projects/import', { content: Buffer.from('项目名称,类型').toString('base64') });
    expect(unreadable.status).toBe(400);
    expect(unreadable.body.details.problems).toEqual([{ row: 0, field: 'file', code: 'UNREADABLE' }]);
    const content = await workbook([HEADER, ['导入测试越权', '产业项目', 10, 5, '', '', '']]);
    const operator = await loginAs(t.app, 'operator-220106');
    expect((await operator.post('/api/v1/projects/import', { content })).status).toBe(403);
    const other = await loginAs(t.app, 'project_officer-220105');
    const res = await other.post('/api/v1/projects/import', { content, district: '220106' });
    expect(res.body.code).toBe('PROJECT_OTHER_DISTRICT');
    expect(await t.handle.db.selectFrom('projects').select('id').where('name', '=', '导入测试越权').execute()).toEqual([]);
  });
});
