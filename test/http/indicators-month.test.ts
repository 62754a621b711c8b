/**
 * A scripted October 2026 in 绿园区 (test/support/october-2026.ts describes every case), driven
 * through the HTTP API with the test clock; then every indicator, place and bulletin table is
 * checked against values computed by hand (definitions: docs/indicators.md).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { loginAs, type ApiClient } from '../support/api-client.ts';
import { scriptOctober2026 } from '../support/october-2026.ts';

let t: TestApp;
let sup: ApiClient; let citizen: ApiClient; let h: Record<'swj' | 'fgj' | 'zjj', ApiClient>;

beforeAll(async () => {
  t = await startTestApp();
  ({ sup, citizen, h } = await scriptOctober2026(t));
}, 600_000);

afterAll(async () => { await t?.close(); });

const byCode = (items: any[], code: string) => items.find((item) => item.unit.code === code);

describe('October 2026 indicators, computed by hand', () => {
  it('gives 水务局 (swj) its counts, rates, score and grade', async () => {
    const res = await sup.get('/api/v1/indicators?period=2026-10&level=department&unit=swj');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.period).toEqual({ key: '2026-10', kind: 'month', start: '2026-09-30T16:00:00.000Z', end: '2026-10-31T16:00:00.000Z' });
    const swj = byCode(res.body.items, 'swj');
    // filed: A1 A2 A3 A4 RA4 A5 = 6; closed: A0 A1 A2 A3 A4 RA4 = 6, on time A1 A2 A3 RA4 = 4, late A0 A4 = 2
    // due-but-open: A5 → due 7; rework A2 → 1; extended A3 → 1; dispatched A1–A5 = 5, returned 0
    // due to resolve: A1 A2 A3 RA4 (resolved early) + A4 A5 (deadline in Oct) = 6, on time 4
    // ratings: A1 非常满意, A2 满意, A3 基本满意 (A4's 非常不满意 was removed on appeal) → 2.9 / 3
    expect(swj.counts).toMatchObject({
      filed: 6, closed: 6, closedOnTime: 4, closedLate: 2, dueOpen: 1, due: 7, overdueOpen: 1, overdue: 3, rework: 1, extended: 1,
      dispatched: 5, returned: 0, dueToResolve: 6, resolvedOnTime: 4, rated: 3, followedUp: 3, respondedInTime: 3, solved: 3,
      veryS: 1, satisfied: 1, basicallyS: 1, dissatisfied: 0, veryD: 0, noticesIssued: 1, noticesAnsweredOnTime: 0, noticesEscalated: 1,
    });
    expect(swj.rates).toMatchObject({
      closeRate: 0.857143, onTimeCloseRate: 0.571429, onTimeResolveRate: 0.666667, reworkRate: 0.142857, extensionRate: 0.166667,
      returnRate: 0, responseRate: 1, resolutionRate: 1, satisfactionRate: 0.966667, noticeResponseRate: 0,
    });
    // 40 × 4/7 + 30 × 2.9/3 + 20 × 6/7 + 10 × (1 − 1/7) = 77.571… → 77.57, grade B
    expect(swj.score).toBe(77.57);
    expect(swj.grade).toBe('B');
  });

  it('gives 发改局 (fgj) and 住建局 (zjj) theirs', async () => {
    const res = await sup.get('/api/v1/indicators?period=2026-10&level=department');
    expect(res.status).toBe(200);
    const fgj = byCode(res.body.items, 'fgj');
    // filed B1 RB1 B2 B3 = 4; closed B1 B3 (on time); RB1 never signed → due-but-open, overdue; B2 suspended → not due
    // dispatched: B1 twice, B2, B3 = 4; returned: B1 once; ratings B1 不满意, B3 满意
    expect(fgj.counts).toMatchObject({
      filed: 4, closed: 2, closedOnTime: 2, dueOpen: 1, due: 3, overdueOpen: 1, overdue: 1, rework: 0, extended: 0,
      dispatched: 4, returned: 1, dueToResolve: 3, resolvedOnTime: 2, rated: 2, solved: 1, noticesIssued: 1, noticesAnsweredOnTime: 1,
    });
    expect(fgj.rates).toMatchObject({ closeRate: 0.666667, onTimeCloseRate: 0.666667, returnRate: 0.25, satisfactionRate: 0.5, resolutionRate: 0.5 });
    // 40 × 2/3 + 30 × 0.5 + 20 × 2/3 + 10 × 1 = 65
    expect(fgj.score).toBe(65);
    expect(fgj.grade).toBe('C');

    const zjj = byCode(res.body.items, 'zjj');
    // C1 and RC closed on time (C2 merged, C3 declined do not count); ratings C1 非常满意 + services 非常满意, 不满意
    expect(zjj.counts).toMatchObject({ filed: 2, closed: 2, closedOnTime: 2, due: 2, dispatched: 1, rated: 3, followedUp: 1, veryS: 2, dissatisfied: 1 });
    expect(zjj.rates).toMatchObject({ closeRate: 1, onTimeCloseRate: 1, reworkRate: 0, satisfactionRate: 0.666667 });
    // 40 + 30 × 2/3 + 20 + 10 = 90 → A
    expect(zjj.score).toBe(90);
    expect(zjj.grade).toBe('A');

    expect(byCode(res.body.items, 'cgj').score).toBeNull();
  });

  it('adds up to the district total', async () => {
    const res = await sup.get('/api/v1/indicators?period=2026-10');
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(1);
    const total = res.body.items[0];
    expect(total.counts).toMatchObject({ filed: 12, closed: 10, closedOnTime: 8, due: 12, dueToResolve: 11, resolvedOnTime: 8, dispatched: 10, returned: 1, rated: 8 });
    expect(total.rates).toMatchObject({ closeRate: 0.833333, onTimeCloseRate: 0.666667, reworkRate: 0.083333, satisfactionRate: 0.7375, returnRate: 0.1 });
    // 40 × 0.666667 + 30 × 0.7375 + 20 × 0.833333 + 10 × 0.916667 = 74.625 → 74.63 (C)
    expect(total.score).toBe(74.63);
    expect(total.grade).toBe('C');
    expect(res.body.total.counts.filed).toBe(12);
  });

  it('credits the person who signed, and answers at every level', async () => {
    const person = await sup.get('/api/v1/indicators?period=2026-10&level=person&unit=handler-swj');
    expect(person.status).toBe(200);
    // handler-swj signed every swj case: the same counts except dispatches, which are the department's.
    expect(person.body.items[0].counts).toMatchObject({ filed: 6, closed: 6, due: 7, rework: 1, dispatched: 0, rated: 3 });
    expect(person.body.items[0].score).toBe(77.57);
    for (const level of ['street', 'community', 'grid']) {
      const res = await sup.get(`/api/v1/indicators?period=2026-10&level=${level}`);
      expect(res.status).toBe(200);
      // RC came from a service rating and has no place; the other 11 counted cases share one grid.
      expect(res.body.items.reduce((sum: number, item: any) => sum + item.counts.filed, 0)).toBe(11);
    }
    expect((await sup.get('/api/v1/indicators?period=2026-10&level=department&unit=nope')).body.code).toBe('UNIT_UNKNOWN');
    expect((await sup.get('/api/v1/indicators?period=2026-W43&level=department&unit=swj')).status).toBe(200);
  });

  it('ranks the departments, with movement against September and the red and black lists', async () => {
    const res = await sup.get('/api/v1/rankings?period=2026-10&level=department');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.previousPeriod.key).toBe('2026-09');
    const rows = res.body.items.map((row: any) => [row.unit.code, row.score, row.place, row.rankScore, row.previousPlace, row.movement]);
    // September: only swj had a due case (A0, open and overdue) → 1st. October: zjj 90, swj 77.57, fgj 65.
    expect(rows).toEqual([
      ['zjj', 90, 1, 100, null, null],
      ['swj', 77.57, 2, 95, 1, -1],
      ['fgj', 65, 3, 90, null, null],
    ]);
    expect(res.body.redList.map((row: any) => row.unit.code)).toEqual(['zjj']);
    expect(res.body.blackList.map((row: any) => row.unit.code)).toEqual(['fgj']);
  });

  it('keeps indicators to district staff', async () => {
    expect((await citizen.get('/api/v1/indicators?period=2026-10')).status).toBe(403);
    expect((await h.swj.get('/api/v1/rankings?period=2026-10')).status).toBe(403);
    expect((await sup.get('/api/v1/indicators?period=2026-13')).body.code).toBe('PERIOD_INVALID');
    expect((await sup.get('/api/v1/indicators?period=2026-10&district=220105')).status).toBe(403);
    expect((await sup.get('/api/v1/indicators')).status).toBe(400);
    const admin = await loginAs(t.app, 'admin');
    expect((await admin.get('/api/v1/indicators?period=2026-10')).body.code).toBe('VALIDATION_FAILED');
    expect((await admin.get('/api/v1/rankings?period=2026-10&level=department&district=220106')).body.items).toHaveLength(3);
  });
});

/** Every table of word/document.xml as rows of cell texts. */
async function docxTables(buffer: Buffer): Promise<string[][][]> {
  const xml = await (await JSZip.loadAsync(buffer)).file('word/document.xml')!.async('string');
  const text = (fragment: string) => [...fragment.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  return [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((table) =>
    [...table[1]!.matchAll(/<w:tr[\s>][\s\S]*?<\/w:tr>/g)].map((row) => [...row[0].matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => text(c[1]!))));
}

async function download(url: string) {
  const res = await t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${sup.token}` } });
  return { status: res.statusCode, headers: res.headers, body: res.rawPayload };
}

describe('the October bulletin', () => {
  // Hand-computed: Sept has only A0 (filed, due, open) → closeRate 0, score (10 × 1) / 70 = 14.29.
  // 超期数 Oct: A5 + RB1 open, A0 + A4 closed late = 4. 按期处置率 Oct: 8/11.
  // 正阳街道 holds every case but RC (a service rating has no street): 40 × 7/11 + 30 × 4.9/6 + 20 × 9/11 + 10 × 10/11 = 75.41.
  const headline = [
    ['立案数', '12', '1', '+1100.0%', '0', '—'],
    ['结案数', '10', '0', '—', '0', '—'],
    ['应结案数', '12', '1', '+1100.0%', '0', '—'],
    ['超期数', '4', '1', '+300.0%', '0', '—'],
    ['结案率', '83.33%', '0.00%', '+83.33个百分点', '—', '—'],
    ['按期结案率', '66.67%', '0.00%', '+66.67个百分点', '—', '—'],
    ['按期处置率', '72.73%', '0.00%', '+72.73个百分点', '—', '—'], // Sept: A0 fell due 09-29 unresolved → 0/1
    ['返工率', '8.33%', '0.00%', '+8.33个百分点', '—', '—'],
    ['延期率', '8.33%', '0.00%', '+8.33个百分点', '—', '—'],
    ['退单率', '10.00%', '0.00%', '+10.00个百分点', '—', '—'],
    ['满意率', '73.75%', '—', '—', '—', '—'],
    ['综合指标值', '74.63', '14.29', '60.34', '—', '—'],
  ];
  const departments = [
    ['1', '住房和城乡建设局', '90.00', 'A', '100', '新上榜'],
    ['2', '水务局', '77.57', 'B', '95', '下降1位'],
    ['3', '发展和改革局', '65.00', 'C', '90', '新上榜'],
  ];
  const categories = [
    ['1', '水电气热', '供水', '5'], ['2', '水电气热', '供电', '3'], ['3', '差评整改', '诉求办理差评整改', '2'],
    ['4', '水电气热', '燃气', '1'], ['5', '差评整改', '政务服务差评整改', '1'],
  ];

  it('is a Word document with the hand-computed tables', async () => {
    const res = await download('/api/v1/bulletins/220106/2026-10.docx');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(String(res.headers['content-disposition'])).toContain('bulletin-220106-2026-10.docx');
    const tables = await docxTables(res.body);
    expect(tables).toHaveLength(12); // 九、十: 政务服务办件 (test/http/service-application-indicators.test.ts); 十一: enterprises (enterprises.test.ts); 十二: projects; 十四 anchors: none here, so no table
    // The district has no projects or targets in this file: the rates are empty, and 十三 says there are no targets.
    expect(tables[11]!.map((row) => row.slice(0, 2))).toEqual([
      ['指标', '数值'], ['招商落地率', '—'], ['前期工作成熟率', '—'], ['投资完成率', '—'], ['项目入统率', '—'], ['赛马得分', '—'],
    ]);
    const xml = await (await JSZip.loadAsync(res.body)).file('word/document.xml')!.async('string');
    expect(xml).toContain('十三、目标完成情况');
    expect(xml).toContain('本年度未设目标。');
    expect(tables[0]!.slice(1)).toEqual(headline);
    expect(tables[1]!.slice(1)).toEqual([['1', '正阳街道', '75.41', 'B', '100', '持平']]);
    expect(tables[2]!.slice(1)).toEqual(departments);
    expect(tables[3]!.slice(1)).toEqual([['红榜', '部门', '住房和城乡建设局', '1', '90.00'], ['黑榜', '部门', '发展和改革局', '3', '65.00']]);
    expect(tables[4]!.slice(1)).toEqual(categories);
    // Overdue at 11-01 00:00: RB1 (deadline 10-20 17:30, 11 days) then A5 (10-27 09:20, 4 days).
    expect(tables[5]!.slice(1).map((row) => [row[3], row[4], row[5]])).toEqual([
      ['发展和改革局', '2026-10-20 17:30', '11'], ['水务局', '2026-10-27 09:20', '4'],
    ]);
    // B2 suspended 10-15 10:00 → 16 whole days at 11-01 00:00.
    expect(tables[6]!.slice(1).map((row) => [row[2], row[3], row[4]])).toEqual([['供电', '发展和改革局', '16']]);
    expect(tables[7]!.slice(1).map((row) => [row[3], row[4], row[6]])).toEqual([
      ['发展和改革局', '已派遣', '未完成'], ['住房和城乡建设局', '已结案', '按期'], ['水务局', '已结案', '按期'],
    ]);
  });

  it('is an Excel workbook with the same tables', async () => {
    const res = await download('/api/v1/bulletins/220106/2026-10.xlsx');
    expect(res.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as never);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      '概况', '主要指标', '街道（乡镇）赛马排名', '部门赛马排名', '红黑榜', '高发问题（立案数前五位）', '超期未结案件', '长期挂起案件（挂起15天以上）', '差评整改情况',
      '政务服务办件指标（按部门）', '政务服务办件指标（按窗口）', '助企服务与惠企政策', expect.stringMatching(/^重点项目四率（/), '目标完成情况', '时间线锚点（哈希链签名位置）',
    ]);
    const rows = (name: string) => {
      const out: string[][] = [];
      workbook.getWorksheet(name)!.eachRow((row) => { out.push((row.values as unknown[]).slice(1).map(String)); });
      return out.slice(2);
    };
    expect(rows('主要指标')).toEqual(headline);
    expect(rows('部门赛马排名')).toEqual(departments);
    expect(rows('高发问题（立案数前五位）')).toEqual(categories);
    expect(String(workbook.getWorksheet('概况')!.getCell('A1').value)).toBe('绿园区城市治理工作2026年10月通报');
  });

  it('is only for the district\'s own readers', async () => {
    expect((await h.swj.get('/api/v1/bulletins/220106/2026-10.json')).status).toBe(403);
    expect((await sup.get('/api/v1/bulletins/220105/2026-10.json')).status).toBe(403);
    expect((await sup.get('/api/v1/bulletins/220106/2026-10.json')).body.title).toBe('绿园区城市治理工作2026年10月通报');
  });
});
