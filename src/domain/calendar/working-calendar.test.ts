import { describe, it, expect } from 'vitest';
import { createWorkingCalendar, DEFAULT_WORKING_HOURS, isSpanProvisional, toShanghaiDate, type CalendarDay } from './working-calendar.ts';
import { computeDeadline } from './deadlines.ts';

// The State Council schedules, typed in by hand (not taken from the library).
const NATIONAL_DAY_2025: CalendarDay[] = [
  { date: '2025-09-28', isWorkingDay: true, name: '国庆节（调休上班）' },
  { date: '2025-10-01', isWorkingDay: false, name: '国庆节' },
  { date: '2025-10-02', isWorkingDay: false, name: '国庆节' },
  { date: '2025-10-03', isWorkingDay: false, name: '国庆节' },
  { date: '2025-10-04', isWorkingDay: false, name: '国庆节' },
  { date: '2025-10-05', isWorkingDay: false, name: '国庆节' },
  { date: '2025-10-06', isWorkingDay: false, name: '中秋节' },
  { date: '2025-10-07', isWorkingDay: false, name: '国庆节' },
  { date: '2025-10-08', isWorkingDay: false, name: '国庆节' },
  { date: '2025-10-11', isWorkingDay: true, name: '国庆节（调休上班）' },
];
const SPRING_FESTIVAL_2026: CalendarDay[] = [
  { date: '2026-02-14', isWorkingDay: true, name: '春节（调休上班）' },
  { date: '2026-02-15', isWorkingDay: false, name: '春节' },
  { date: '2026-02-16', isWorkingDay: false, name: '春节' },
  { date: '2026-02-17', isWorkingDay: false, name: '春节' },
  { date: '2026-02-18', isWorkingDay: false, name: '春节' },
  { date: '2026-02-19', isWorkingDay: false, name: '春节' },
  { date: '2026-02-20', isWorkingDay: false, name: '春节' },
  { date: '2026-02-21', isWorkingDay: false, name: '春节' },
  { date: '2026-02-22', isWorkingDay: false, name: '春节' },
  { date: '2026-02-23', isWorkingDay: false, name: '春节' },
  { date: '2026-02-28', isWorkingDay: true, name: '春节（调休上班）' },
];

describe('createWorkingCalendar', () => {
  const calendar = createWorkingCalendar([...NATIONAL_DAY_2025, ...SPRING_FESTIVAL_2026]);

  it('treats ordinary weekdays as working days and weekends as days off', () => {
    expect(calendar.isWorkingDay('2025-09-22')).toBe(true); // Monday
    expect(calendar.isWorkingDay('2025-09-26')).toBe(true); // Friday
    expect(calendar.isWorkingDay('2025-09-27')).toBe(false); // Saturday
    expect(calendar.isWorkingDay('2025-10-12')).toBe(false); // Sunday after National Day
  });

  it('takes 2025 National Day off from October 1 to 8, weekdays included', () => {
    for (let day = 1; day <= 8; day += 1) {
      expect(calendar.isWorkingDay(`2025-10-0${day}`)).toBe(false);
    }
    expect(calendar.isWorkingDay('2025-10-09')).toBe(true);
    expect(calendar.isWorkingDay('2025-10-10')).toBe(true);
  });

  it('makes Sunday 2025-09-28 and Saturday 2025-10-11 working days', () => {
    expect(calendar.isWorkingDay('2025-09-28')).toBe(true);
    expect(calendar.isWorkingDay('2025-10-11')).toBe(true);
  });

  it('takes the 2026 Spring Festival off from February 15 to 23 with Saturdays 14 and 28 working', () => {
    expect(calendar.isWorkingDay('2026-02-13')).toBe(true);
    expect(calendar.isWorkingDay('2026-02-14')).toBe(true);
    expect(calendar.isWorkingDay('2026-02-16')).toBe(false);
    expect(calendar.isWorkingDay('2026-02-23')).toBe(false); // Monday, still off
    expect(calendar.isWorkingDay('2026-02-24')).toBe(true);
    expect(calendar.isWorkingDay('2026-02-28')).toBe(true);
    expect(calendar.isWorkingDay('2026-03-01')).toBe(false);
  });

  it('lets a later entry for the same date override an earlier one', () => {
    const overridden = createWorkingCalendar([
      ...NATIONAL_DAY_2025,
      { date: '2025-10-08', isWorkingDay: true, name: '区内调整' },
      { date: '2025-09-29', isWorkingDay: false, name: '区内调整' },
    ]);
    expect(overridden.isWorkingDay('2025-10-08')).toBe(true);
    expect(overridden.isWorkingDay('2025-09-29')).toBe(false);
  });

  it('knows nothing but the ordinary week when built from no entries', () => {
    const empty = createWorkingCalendar([]);
    expect(empty.isWorkingDay('2025-10-01')).toBe(true);
    expect(empty.isWorkingDay('2025-09-28')).toBe(false);
  });

  it('rejects malformed or impossible dates, in entries and in queries', () => {
    expect(() => createWorkingCalendar([{ date: '2025-02-30', isWorkingDay: false }])).toThrow(Error);
    expect(() => createWorkingCalendar([{ date: '2025-9-1', isWorkingDay: false }])).toThrow(Error);
    expect(() => calendar.isWorkingDay('2025-13-01')).toThrow(Error);
    expect(() => calendar.isWorkingDay('2025/10/01')).toThrow(Error);
    expect(calendar.isWorkingDay('2024-02-29')).toBe(true); // a leap day is fine
  });

  it('rejects an entry without a boolean isWorkingDay', () => {
    const bad = [{ date: '2025-10-01', isWorkingDay: 'no' }] as unknown as CalendarDay[];
    expect(() => createWorkingCalendar(bad)).toThrow(Error);
  });

  it('does not mutate the input and is not affected by later changes to it', () => {
    const days = NATIONAL_DAY_2025.map((day) => ({ ...day }));
    const snapshot = JSON.stringify(days);
    const fromDays = createWorkingCalendar(Object.freeze(days));
    expect(JSON.stringify(days)).toBe(snapshot);

    const mutable = [{ date: '2025-10-01', isWorkingDay: false }];
    const fromMutable = createWorkingCalendar(mutable);
    mutable[0]!.isWorkingDay = true;
    mutable.push({ date: '2025-10-09', isWorkingDay: false });
    expect(fromMutable.isWorkingDay('2025-10-01')).toBe(false);
    expect(fromMutable.isWorkingDay('2025-10-09')).toBe(true);
    expect(fromDays.isWorkingDay('2025-10-01')).toBe(false);
  });
});

describe('WorkingCalendar.hasYear', () => {
  it('is true only for years with at least one explicit entry', () => {
    const calendar = createWorkingCalendar([...NATIONAL_DAY_2025, ...SPRING_FESTIVAL_2026]);
    expect(calendar.hasYear(2025)).toBe(true);
    expect(calendar.hasYear(2026)).toBe(true);
    expect(calendar.hasYear(2027)).toBe(false);
    expect(calendar.hasYear(2024)).toBe(false);
  });

  it('is false for every year of an empty calendar', () => {
    expect(createWorkingCalendar([]).hasYear(2025)).toBe(false);
  });
});

describe('DEFAULT_WORKING_HOURS', () => {
  it('is 08:30–12:00 and 13:00–17:30', () => {
    expect(DEFAULT_WORKING_HOURS.periods).toEqual([
      { start: '08:30', end: '12:00' },
      { start: '13:00', end: '17:30' },
    ]);
  });

  it('cannot be changed by accident', () => {
    expect(Object.isFrozen(DEFAULT_WORKING_HOURS)).toBe(true);
    expect(Object.isFrozen(DEFAULT_WORKING_HOURS.periods)).toBe(true);
    expect(Object.isFrozen(DEFAULT_WORKING_HOURS.periods[0])).toBe(true);
  });
});

describe('toShanghaiDate', () => {
  it('returns the Beijing wall-calendar date, not the UTC date', () => {
    // 2025-10-08T20:00Z is 04:00 on 10-09 in Beijing: a working day, not the last holiday.
    expect(toShanghaiDate(new Date('2025-10-08T20:00:00Z'))).toBe('2025-10-09');
  });

  it('switches date exactly at Shanghai midnight (16:00 UTC)', () => {
    expect(toShanghaiDate(new Date('2025-10-08T15:59:59.999Z'))).toBe('2025-10-08');
    expect(toShanghaiDate(new Date('2025-10-08T16:00:00.000Z'))).toBe('2025-10-09');
    expect(toShanghaiDate(new Date('2025-12-31T23:59:59+08:00'))).toBe('2025-12-31');
    expect(toShanghaiDate(new Date('2026-01-01T00:00:00+08:00'))).toBe('2026-01-01');
  });

  it('handles leap days and dates before 1970', () => {
    expect(toShanghaiDate(new Date('2024-02-29T12:00:00+08:00'))).toBe('2024-02-29');
    expect(toShanghaiDate(new Date('1969-12-31T23:00:00+08:00'))).toBe('1969-12-31');
  });

  it('throws for an invalid Date', () => {
    expect(() => toShanghaiDate(new Date('not a date'))).toThrow(Error);
  });

  it('does not mutate the instant', () => {
    const instant = new Date('2025-10-08T20:00:00Z');
    toShanghaiDate(instant);
    expect(instant.toISOString()).toBe('2025-10-08T20:00:00.000Z');
  });
});

describe('provisional years', () => {
  const official: CalendarDay[] = [{ date: '2026-10-01', isWorkingDay: false, name: '国庆节' }];
  const estimated: CalendarDay[] = [{ date: '2027-01-01', isWorkingDay: false, name: '元旦' }];

  it('marks years given as estimates, and years nobody entered, as provisional', () => {
    const calendar = createWorkingCalendar([...official, ...estimated], { provisionalYears: [2027] });
    expect(calendar.isProvisionalYear(2026)).toBe(false);
    expect(calendar.isProvisionalYear(2027)).toBe(true);
    expect(calendar.isProvisionalYear(2031)).toBe(true);
  });

  it('estimates a year without entries once, the first time it is asked', () => {
    const asked: number[] = [];
    const calendar = createWorkingCalendar(official, {
      estimateYear: (year) => { asked.push(year); return [{ date: `${year}-01-01`, isWorkingDay: false, name: '元旦' }]; },
    });
    expect(calendar.isWorkingDay('2031-01-01')).toBe(false); // a Wednesday, estimated off
    expect(calendar.isWorkingDay('2031-01-02')).toBe(true);
    expect(calendar.isWorkingDay('2026-10-01')).toBe(false);
    expect(asked).toEqual([2031]);
    expect(calendar.isProvisionalYear(2031)).toBe(true);
    expect(calendar.hasYear(2031)).toBe(true);
  });

  it('runs a 15-working-day limit from 2026-12-15 over the estimated 元旦 to 2027-01-06, provisionally', () => {
    const calendar = createWorkingCalendar([...official, ...estimated], { provisionalYears: [2027] });
    const start = new Date('2026-12-15T10:00+08:00');
    const deadline = computeDeadline(start, { amount: 15, unit: 'working_days' }, calendar, DEFAULT_WORKING_HOURS);
    expect(deadline).toEqual(new Date('2027-01-06T17:30+08:00'));
    expect(isSpanProvisional(calendar, start, deadline)).toBe(true);
    expect(isSpanProvisional(calendar, start, new Date('2026-12-31T17:30+08:00'))).toBe(false);
  });
});
