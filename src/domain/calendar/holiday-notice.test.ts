import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NoticeParseError, parseHolidayNotice } from './holiday-notice.ts';
import { createWorkingCalendar } from './working-calendar.ts';
import { loadLibraryCalendarDays } from '../../services/calendar/calendar-source.ts';

// The notices' wording; their dates are checked against chinese-days, whose 2004–2026 data is official.
const notice = (year: number) => readFileSync(new URL(`../../../test/fixtures/holiday-notices/${year}.txt`, import.meta.url), 'utf8');

function expectSameCalendarAsLibrary(year: number) {
  const parsed = parseHolidayNotice(notice(year));
  const fromNotice = createWorkingCalendar(parsed.days);
  const library = loadLibraryCalendarDays(year, year);
  const differing = library.filter((day) => fromNotice.isWorkingDay(day.date) !== day.isWorkingDay).map((day) => day.date);
  expect(differing).toEqual([]);
}

const catchError = (text: string): NoticeParseError => {
  try {
    parseHolidayNotice(text);
  } catch (error) {
    if (error instanceof NoticeParseError) return error;
    throw error;
  }
  throw new Error('parsed');
};

describe('parseHolidayNotice', () => {
  it('reads the 2025 notice: 春节 1月28日–2月4日 with 1月26日 and 2月8日 working', () => {
    const parsed = parseHolidayNotice(notice(2025));
    expect(parsed.year).toBe(2025);
    expect(parsed.holidays.map((h) => h.name)).toEqual(['元旦', '春节', '清明节', '劳动节', '端午节', '国庆节、中秋节']);
    const spring = parsed.holidays[1]!;
    expect(spring.daysOff).toEqual(['2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-01', '2025-02-02', '2025-02-03', '2025-02-04']);
    expect(spring.workingDays).toEqual(['2025-01-26', '2025-02-08']);
    expect(parsed.days.find((d) => d.date === '2025-09-28')).toEqual({ date: '2025-09-28', isWorkingDay: true, name: '国庆节、中秋节（调休上班）' });
    // 端午 runs over a month end: 5月31日至6月2日.
    expect(parsed.holidays[4]!.daysOff).toEqual(['2025-05-31', '2025-06-01', '2025-06-02']);
  });

  it('gives exactly the official 2025 and 2026 calendars', () => {
    expectSameCalendarAsLibrary(2025);
    expectSameCalendarAsLibrary(2026);
  });

  it('reads 补休 as a day off (2017: 元旦 on a Sunday, 1月2日 off)', () => {
    const parsed = parseHolidayNotice(notice(2017));
    expect(parsed.holidays[0]).toMatchObject({ name: '元旦', daysOff: ['2017-01-01', '2017-01-02'], workingDays: [] });
    expect(parsed.holidays[3]).toMatchObject({ name: '劳动节', daysOff: ['2017-05-01'] });
    expectSameCalendarAsLibrary(2017);
  });

  it('refuses a text that is not a notice', () => {
    expect(catchError('今天天气很好。').code).toBe('NOTICE_NOT_RECOGNISED');
    expect(catchError('国务院办公厅关于2027年部分节假日安排的通知\n经国务院批准，现将安排通知如下。').code).toBe('NOTICE_NOT_RECOGNISED');
  });

  it('names the line it cannot read', () => {
    const text = '国务院办公厅关于2027年部分节假日安排的通知\n一、元旦：1月1日放假。\n二、春节：2月30日至2月31日放假调休。';
    const error = catchError(text);
    expect(error).toMatchObject({ code: 'NOTICE_LINE_INVALID', line: 3, text: '二、春节：2月30日至2月31日放假调休。' });
    expect(error.message).toContain('line 3');
    expect(catchError('关于2027年部分节假日安排的通知\n一、元旦：另行通知。')).toMatchObject({ code: 'NOTICE_LINE_INVALID', line: 2 });
    expect(catchError('关于2027年部分节假日安排的通知\n一、元旦：1月1日值班。')).toMatchObject({ code: 'NOTICE_LINE_INVALID', line: 2 });
  });

  it('refuses a day that is both off and working', () => {
    const text = '关于2027年部分节假日安排的通知\n一、元旦：1月1日至3日放假调休。\n二、春节：1月3日上班。2月5日至11日放假调休。';
    expect(catchError(text)).toMatchObject({ code: 'NOTICE_DAY_CONFLICT', line: 3, text: '2027-01-03' });
  });
});
