import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestClock, startTestApp, type TestApp } from '../support/test-app.ts';
import { apiClient, loginAs, type ApiClient } from '../support/api-client.ts';
import { LY } from '../support/case-helpers.ts';
import { loadLibraryCalendarDays } from '../../src/services/calendar/calendar-source.ts';

const notice = (year: number) => readFileSync(new URL(`../fixtures/holiday-notices/${year}.txt`, import.meta.url), 'utf8');
let t: TestApp;
let admin: ApiClient;
let operator: ApiClient;

const calendarOf = async (year: number) => (await apiClient(t.app).get(`/api/v1/calendar?year=${year}`)).body;
const auditCount = async () => Number((await sql<{ n: string }>`select count(*) as n from admin_audit`.execute(t.handle.db)).rows[0]!.n);

beforeAll(async () => {
  t = await startTestApp({ clock: createTestClock('2025-11-20T02:00:00Z') });
  [admin, operator] = await Promise.all([loginAs(t.app, 'admin'), loginAs(t.app, `operator-${LY}`)]);
  // An empty 2026, as before the library knew it: only the estimate remains.
  await sql`delete from calendar_days where day >= '2026-01-01' and day <= '2026-12-31'`.execute(t.handle.db);
  t.services.calendar.invalidate();
});
afterAll(async () => { await t?.close(); });

describe('importing the State Council holiday notice', () => {
  it('previews the 2026 notice day by day against the estimated 2026', async () => {
    expect((await calendarOf(2026)).provisional).toBe(true);
    const res = await admin.post('/api/v1/admin/calendar/notice/preview', { text: notice(2026) });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.year).toBe(2026);
    expect(res.body.yearOfficial).toBe(false);
    expect(res.body.changes.find((c: { date: string }) => c.date === '2026-01-04')).toEqual({
      date: '2026-01-04', before: { isWorkingDay: false, name: null, source: 'provisional' }, after: { isWorkingDay: true, name: '元旦（调休上班）' },
    });
    expect((await calendarOf(2026)).provisional).toBe(true);
  });

  it('turns an empty 2026 into exactly the official 2026 calendar, with an audit entry', async () => {
    const before = await auditCount();
    const res = await admin.post('/api/v1/admin/calendar/notice/apply', { text: notice(2026) });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const year = await calendarOf(2026);
    expect(year.provisional).toBe(false);
    const official = new Map(loadLibraryCalendarDays(2026, 2026).map((d) => [d.date, d.isWorkingDay]));
    const differing = year.days.filter((d: { date: string; isWorkingDay: boolean }) => official.get(d.date) !== d.isWorkingDay);
    expect(differing).toEqual([]);
    expect(year.days.find((d: { date: string }) => d.date === '2026-02-16')).toMatchObject({ isWorkingDay: false, name: '春节', source: 'notice' });
    expect(await auditCount()).toBe(before + 1);
  });

  it('asks for confirmation before replacing an official year, showing the diff, and changes nothing', async () => {
    const before = await auditCount();
    const edited = notice(2026).replace('5月9日（周六）上班。', '');
    const refused = await admin.post('/api/v1/admin/calendar/notice/apply', { text: edited });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'CALENDAR_YEAR_OFFICIAL', message: expect.stringContaining('确认'), messageEn: expect.stringContaining('confirm') });
    expect(refused.body.details.changes).toEqual([
      { date: '2026-05-09', before: { isWorkingDay: true, name: '劳动节（调休上班）', source: 'notice' }, after: { isWorkingDay: false, name: null } },
    ]);
    expect((await calendarOf(2026)).days.find((d: { date: string }) => d.date === '2026-05-09').isWorkingDay).toBe(true);
    const confirmed = await admin.post('/api/v1/admin/calendar/notice/apply', { text: edited, confirm: true });
    expect(confirmed.status).toBe(200);
    expect((await calendarOf(2026)).days.find((d: { date: string }) => d.date === '2026-05-09').isWorkingDay).toBe(false);
    expect(await auditCount()).toBe(before + 1);
  });

  it('refuses text it cannot read, naming the line, in both languages, and changes nothing', async () => {
    const before = await calendarOf(2026);
    const bad = await admin.post('/api/v1/admin/calendar/notice/apply', { text: '国务院办公厅关于2026年部分节假日安排的通知\n一、元旦：另行通知。', confirm: true });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'CALENDAR_NOTICE_LINE_INVALID', details: { line: 2, text: '一、元旦：另行通知。' } });
    expect(bad.body.message).toMatch(/[\u4e00-\u9fff]/);
    expect(bad.body.messageEn).toMatch(/line/);
    const notNotice = await admin.post('/api/v1/admin/calendar/notice/preview', { text: '这不是通知' });
    expect(notNotice.body.code).toBe('CALENDAR_NOTICE_UNRECOGNISED');
    const conflict = await admin.post('/api/v1/admin/calendar/notice/preview', {
      text: '关于2026年部分节假日安排的通知\n一、元旦：1月1日至3日放假。1月3日上班。',
    });
    expect(conflict).toMatchObject({ status: 400, body: { code: 'CALENDAR_NOTICE_DAY_CONFLICT' } });
    expect(await calendarOf(2026)).toEqual(before);
  });

  it('lets only an admin import', async () => {
    const res = await operator.post('/api/v1/admin/calendar/notice/preview', { text: notice(2026) });
    expect(res.status).toBe(403);
  });
});
