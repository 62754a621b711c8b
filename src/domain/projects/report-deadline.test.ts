import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../calendar/index.ts';
import { latestClosedMonth, monthBefore, monthClosesAt, reportDueDay, reportState } from './report-deadline.ts';

// 2027-01-01 (Fri) is a holiday; everything else is Mon–Fri.
const calendar = createWorkingCalendar([{ date: '2027-01-01', isWorkingDay: false, name: '元旦' }]);

describe('the monthly report deadline', () => {
  it('is the nth working day of the next month, skipping weekends and holidays', () => {
    expect(reportDueDay('2026-11', 5, calendar)).toBe('2026-12-07'); // Tue 1 … Fri 4, Mon 7
    expect(reportDueDay('2026-12', 5, calendar)).toBe('2027-01-08'); // the 1st is 元旦, Mon 4 … Fri 8
    expect(reportDueDay('2026-11', 1, calendar)).toBe('2026-12-01');
  });

  it('closes the month at the end of the due day, Shanghai time', () => {
    expect(monthClosesAt('2026-11', 5, calendar).toISOString()).toBe('2026-12-07T16:00:00.000Z');
  });

  it('names the latest closed month before and after the due day', () => {
    expect(latestClosedMonth('2026-12', new Date('2026-12-07T15:59:59Z'), 5, calendar)).toBe('2026-10');
    expect(latestClosedMonth('2026-12', new Date('2026-12-07T16:00:00Z'), 5, calendar)).toBe('2026-11');
    expect(monthBefore('2026-01')).toBe('2025-12');
  });

  it('tells on time, late, missing and open reports apart', () => {
    const closes = new Date('2026-12-07T16:00:00Z');
    expect(reportState(new Date('2026-12-07T15:00:00Z'), closes, new Date('2026-12-20T00:00:00Z'))).toBe('on_time');
    expect(reportState(new Date('2026-12-09T01:00:00Z'), closes, new Date('2026-12-20T00:00:00Z'))).toBe('late');
    expect(reportState(null, closes, new Date('2026-12-08T00:00:00Z'))).toBe('missing');
    expect(reportState(null, closes, new Date('2026-12-03T00:00:00Z'))).toBe('open');
  });
});
