import { describe, it, expect } from 'vitest';
import {
  addWorkingMinutes,
  computeDeadline,
  countWorkingMinutes,
  extendDeadlineByWorkingDays,
  shiftDeadlineForSuspension,
  type TimeLimit,
} from './deadlines.ts';
import { createWorkingCalendar, DEFAULT_WORKING_HOURS, type CalendarDay, type WorkingHours } from './working-calendar.ts';

// Literal State Council schedules (2025 National Day, 2026 Spring Festival).
const DAYS: CalendarDay[] = [
  { date: '2025-09-28', isWorkingDay: true }, // Sunday
  ...['01', '02', '03', '04', '05', '06', '07', '08'].map((d) => ({ date: `2025-10-${d}`, isWorkingDay: false })),
  { date: '2025-10-11', isWorkingDay: true }, // Saturday
  { date: '2026-02-14', isWorkingDay: true }, // Saturday
  ...['15', '16', '17', '18', '19', '20', '21', '22', '23'].map((d) => ({ date: `2026-02-${d}`, isWorkingDay: false })),
  { date: '2026-02-28', isWorkingDay: true }, // Saturday
];
const calendar = createWorkingCalendar(DAYS);
const hours = DEFAULT_WORKING_HOURS;

/** An instant written as Beijing wall-clock time. */
const at = (local: string): Date => new Date(`${local}+08:00`);
const deadline = (start: string, limit: TimeLimit): Date => computeDeadline(at(start), limit, calendar, hours);
const days = (amount: number): TimeLimit => ({ amount, unit: 'working_days' });
const workingHours = (amount: number): TimeLimit => ({ amount, unit: 'working_hours' });
const clockHours = (amount: number): TimeLimit => ({ amount, unit: 'clock_hours' });

describe('computeDeadline with working days', () => {
  it('ends at 17:30 of the next working day for a one-day limit', () => {
    expect(deadline('2025-09-22T10:00', days(1))).toEqual(at('2025-09-23T17:30'));
  });

  it('counts from the calendar day, so a report at 17:29 and at 17:31 share a deadline', () => {
    expect(deadline('2025-09-30T17:29', days(1))).toEqual(at('2025-10-09T17:30'));
    expect(deadline('2025-09-30T17:31', days(1))).toEqual(at('2025-10-09T17:30'));
  });

  it('moves to the next day only after Shanghai midnight', () => {
    expect(deadline('2025-09-22T23:59', days(1))).toEqual(at('2025-09-23T17:30'));
    expect(deadline('2025-09-23T00:00', days(1))).toEqual(at('2025-09-24T17:30'));
  });

  it('counts the make-up Sunday before National Day', () => {
    expect(deadline('2025-09-26T17:31', days(1))).toEqual(at('2025-09-28T17:30'));
  });

  it('skips a weekend', () => {
    expect(deadline('2025-09-19T09:00', days(1))).toEqual(at('2025-09-22T17:30'));
    expect(deadline('2025-09-20T10:00', days(1))).toEqual(at('2025-09-22T17:30'));
  });

  it('counts N working days after a start on a holiday', () => {
    expect(deadline('2025-10-03T10:00', days(1))).toEqual(at('2025-10-09T17:30'));
    expect(deadline('2025-10-03T10:00', days(3))).toEqual(at('2025-10-11T17:30')); // make-up Saturday
    expect(deadline('2026-02-16T09:00', days(5))).toEqual(at('2026-02-28T17:30'));
  });

  it('runs a 20-day limit across the whole National Day holiday', () => {
    expect(deadline('2025-09-25T15:00', days(20))).toEqual(at('2025-10-29T17:30'));
  });

  it('runs across the 2026 Spring Festival counting both make-up Saturdays', () => {
    expect(deadline('2026-02-13T11:00', days(1))).toEqual(at('2026-02-14T17:30'));
    expect(deadline('2026-02-13T11:00', days(2))).toEqual(at('2026-02-24T17:30'));
  });

  it('ends at the close of the last period of custom working hours', () => {
    const custom: WorkingHours = { periods: [{ start: '09:00', end: '17:00' }] };
    expect(computeDeadline(at('2025-09-22T10:00'), days(1), calendar, custom)).toEqual(at('2025-09-23T17:00'));
  });

  it('refuses a count that is zero, fractional or above 366 working days', () => {
    expect(() => deadline('2025-09-22T10:00', days(0))).toThrow(Error);
    expect(() => deadline('2025-09-22T10:00', days(1.5))).toThrow(Error);
    expect(() => deadline('2025-09-22T10:00', days(367))).toThrow(Error);
    expect(deadline('2025-09-22T10:00', days(366)).getTime()).toBeGreaterThan(at('2026-09-01T00:00').getTime());
  });
});

describe('computeDeadline with working hours', () => {
  it('skips the lunch break', () => {
    expect(deadline('2025-09-22T08:30', workingHours(4))).toEqual(at('2025-09-22T13:30'));
  });

  it('starts a report made during lunch at 13:00', () => {
    expect(deadline('2025-09-22T12:15', workingHours(1))).toEqual(at('2025-09-22T14:00'));
  });

  it('starts a report made before opening at 08:30', () => {
    expect(deadline('2025-09-22T07:00', workingHours(2))).toEqual(at('2025-09-22T10:30'));
  });

  it('counts the last working minute of a report at 17:29 but nothing of one at 17:31', () => {
    // Friday before National Day: the next working day is the make-up Sunday 09-28.
    expect(deadline('2025-09-26T17:29', workingHours(1))).toEqual(at('2025-09-28T09:29'));
    expect(deadline('2025-09-26T17:31', workingHours(1))).toEqual(at('2025-09-28T09:30'));
  });

  it('carries a report made on a weekend to Monday', () => {
    expect(deadline('2025-09-20T10:00', workingHours(4))).toEqual(at('2025-09-22T13:30'));
  });

  it('returns the period end when the hours run out exactly at noon', () => {
    expect(deadline('2025-09-22T08:30', workingHours(3.5))).toEqual(at('2025-09-22T12:00'));
  });

  it('jumps over the National Day holiday', () => {
    expect(deadline('2025-09-30T16:00', workingHours(4))).toEqual(at('2025-10-09T11:00'));
  });

  it('uses the make-up Saturday before the Spring Festival and resumes after it', () => {
    expect(deadline('2026-02-13T17:00', workingHours(1))).toEqual(at('2026-02-14T09:00'));
    // 8 working hours a day: Thursday, Friday and the make-up Saturday use up 24 hours exactly.
    expect(deadline('2026-02-12T08:30', workingHours(24))).toEqual(at('2026-02-14T17:30'));
    expect(deadline('2026-02-12T08:30', workingHours(28))).toEqual(at('2026-02-24T13:30'));
  });

  it('accepts fractional hours', () => {
    expect(deadline('2025-09-22T11:45', workingHours(0.5))).toEqual(at('2025-09-22T13:15'));
    expect(deadline('2025-09-22T09:00', workingHours(0.1))).toEqual(at('2025-09-22T09:06'));
  });

  it('refuses zero, negative, non-finite or more than 366 working days of hours', () => {
    expect(() => deadline('2025-09-22T10:00', workingHours(0))).toThrow(Error);
    expect(() => deadline('2025-09-22T10:00', workingHours(-1))).toThrow(Error);
    expect(() => deadline('2025-09-22T10:00', workingHours(Number.NaN))).toThrow(Error);
    expect(() => deadline('2025-09-22T10:00', workingHours(366 * 8 + 1))).toThrow(Error);
  });
});

describe('computeDeadline with clock hours', () => {
  it('counts every hour, holidays included', () => {
    expect(deadline('2025-10-01T10:00', clockHours(2))).toEqual(at('2025-10-01T12:00'));
    expect(deadline('2025-09-30T18:00', clockHours(24))).toEqual(at('2025-10-01T18:00'));
    expect(deadline('2026-02-14T20:00', clockHours(72))).toEqual(at('2026-02-17T20:00'));
  });

  it('accepts fractional hours', () => {
    expect(deadline('2025-09-22T10:00', clockHours(1.5))).toEqual(at('2025-09-22T11:30'));
  });

  it('refuses an unknown unit or an invalid start', () => {
    const bogus = { amount: 1, unit: 'fortnights' } as unknown as TimeLimit;
    expect(() => deadline('2025-09-22T10:00', bogus)).toThrow(Error);
    expect(() => computeDeadline(new Date('nope'), clockHours(1), calendar, hours)).toThrow(Error);
  });

  it('does not mutate its inputs', () => {
    const start = at('2025-09-30T16:00');
    const limit = Object.freeze(workingHours(4));
    const frozenHours: WorkingHours = Object.freeze({ periods: Object.freeze([{ start: '08:30', end: '17:30' }]) });
    computeDeadline(start, limit, calendar, frozenHours);
    expect(start).toEqual(at('2025-09-30T16:00'));
    expect(limit).toEqual({ amount: 4, unit: 'working_hours' });
  });
});

describe('countWorkingMinutes', () => {
  const count = (from: string, to: string, custom: WorkingHours = hours) =>
    countWorkingMinutes(at(from), at(to), calendar, custom);

  it('is 0 when the end is not after the start', () => {
    expect(count('2025-09-22T10:00', '2025-09-22T10:00')).toBe(0);
    expect(count('2025-09-22T11:00', '2025-09-22T10:00')).toBe(0);
  });

  it('counts minutes inside one period', () => {
    expect(count('2025-09-22T09:00', '2025-09-22T10:00')).toBe(60);
  });

  it('leaves out the lunch break', () => {
    expect(count('2025-09-22T11:00', '2025-09-22T14:00')).toBe(120);
    expect(count('2025-09-22T12:10', '2025-09-22T12:50')).toBe(0);
  });

  it('counts 480 minutes for a whole default working day', () => {
    expect(count('2025-09-22T00:00', '2025-09-23T00:00')).toBe(480);
  });

  it('counts nothing on an ordinary weekend and a full day on a make-up Sunday', () => {
    expect(count('2025-09-20T00:00', '2025-09-22T00:00')).toBe(0);
    expect(count('2025-09-27T00:00', '2025-09-29T00:00')).toBe(480);
  });

  it('counts nothing during the holiday', () => {
    expect(count('2025-09-30T17:00', '2025-10-09T09:00')).toBe(60);
    expect(count('2026-02-15T00:00', '2026-02-24T00:00')).toBe(0);
  });

  it('counts fractions of a minute when instants carry seconds', () => {
    expect(count('2025-09-22T09:00:00', '2025-09-22T09:00:30')).toBe(0.5);
  });

  it('follows custom working hours', () => {
    const single: WorkingHours = { periods: [{ start: '09:00', end: '17:00' }] };
    expect(count('2025-09-22T08:00', '2025-09-22T18:00', single)).toBe(480);
  });

  it('refuses working hours that are empty, malformed, unsorted or overlapping', () => {
    const bad: WorkingHours[] = [
      { periods: [] },
      { periods: [{ start: '8:30', end: '12:00' }] },
      { periods: [{ start: '12:00', end: '08:30' }] },
      { periods: [{ start: '13:00', end: '17:30' }, { start: '08:30', end: '12:00' }] },
      { periods: [{ start: '08:30', end: '12:30' }, { start: '12:00', end: '17:30' }] },
      { periods: [{ start: '08:30', end: '24:00' }] },
    ];
    for (const custom of bad) expect(() => count('2025-09-22T09:00', '2025-09-22T10:00', custom)).toThrow(Error);
  });
});

describe('addWorkingMinutes', () => {
  const add = (from: string, minutes: number) => addWorkingMinutes(at(from), minutes, calendar, hours);

  it('returns the period end when the minutes run out exactly there', () => {
    expect(add('2025-09-22T11:00', 60)).toEqual(at('2025-09-22T12:00'));
    expect(add('2025-09-22T13:00', 270)).toEqual(at('2025-09-22T17:30'));
  });

  it('continues after lunch with the next minute', () => {
    expect(add('2025-09-22T11:00', 61)).toEqual(at('2025-09-22T13:01'));
  });

  it('returns the same instant for 0 minutes', () => {
    expect(add('2025-09-22T18:00', 0)).toEqual(at('2025-09-22T18:00'));
  });

  it('starts outside working time at the next period start', () => {
    expect(add('2025-09-26T18:00', 1)).toEqual(at('2025-09-28T08:31'));
    expect(add('2025-10-01T10:00', 30)).toEqual(at('2025-10-09T09:00'));
  });

  it('keeps seconds of the starting instant', () => {
    expect(add('2025-09-22T09:00:30', 1)).toEqual(at('2025-09-22T09:01:30'));
  });

  it('is undone by countWorkingMinutes', () => {
    const from = at('2025-09-26T16:47');
    for (const minutes of [1, 43, 420, 1000, 5000]) {
      expect(countWorkingMinutes(from, addWorkingMinutes(from, minutes, calendar, hours), calendar, hours)).toBe(minutes);
    }
  });

  it('refuses negative or non-finite minutes', () => {
    expect(() => add('2025-09-22T09:00', -1)).toThrow(Error);
    expect(() => add('2025-09-22T09:00', Number.POSITIVE_INFINITY)).toThrow(Error);
  });

  it('gives up instead of looping forever when no working day ever comes', () => {
    const noWork = { isWorkingDay: () => false, hasYear: () => true, isProvisionalYear: () => false };
    expect(() => addWorkingMinutes(at('2025-09-22T09:00'), 1, noWork, hours)).toThrow(Error);
  });
});

describe('shiftDeadlineForSuspension', () => {
  const shift = (dl: string, from: string, to: string, unit: TimeLimit['unit']) =>
    shiftDeadlineForSuspension(at(dl), at(from), at(to), unit, calendar, hours);

  it('adds the working minutes of a suspension spanning National Day to a working-hours deadline', () => {
    // 390 minutes on 09-30 and 30 on 10-09: 420 working minutes.
    expect(shift('2025-09-30T15:00', '2025-09-30T10:00', '2025-10-09T09:00', 'working_hours')).toEqual(
      at('2025-10-09T14:00'),
    );
  });

  it('adds working minutes to a working-days deadline, starting after its 17:30 close', () => {
    // 30 + 480 + 30 = 540 minutes: all of 10-09 and one hour of 10-10.
    expect(shift('2025-09-30T17:30', '2025-09-29T17:00', '2025-10-09T09:00', 'working_days')).toEqual(
      at('2025-10-10T09:30'),
    );
  });

  it('leaves a working deadline alone when the suspension lies entirely in the holiday', () => {
    expect(shift('2025-10-10T17:30', '2025-10-02T09:00', '2025-10-07T18:00', 'working_days')).toEqual(
      at('2025-10-10T17:30'),
    );
  });

  it('adds clock minutes, holiday included, to a clock-hours deadline', () => {
    expect(shift('2025-10-01T12:00', '2025-10-01T10:00', '2025-10-01T11:30', 'clock_hours')).toEqual(
      at('2025-10-01T13:30'),
    );
  });

  it('shifts nothing when the resumption is not after the suspension', () => {
    expect(shift('2025-09-30T17:30', '2025-09-29T10:00', '2025-09-29T10:00', 'working_days')).toEqual(
      at('2025-09-30T17:30'),
    );
    expect(shift('2025-09-30T17:30', '2025-09-29T10:00', '2025-09-29T09:00', 'clock_hours')).toEqual(
      at('2025-09-30T17:30'),
    );
  });

  it('does not mutate its inputs', () => {
    const dl = at('2025-09-30T15:00');
    const from = at('2025-09-30T10:00');
    const to = at('2025-10-09T09:00');
    const shifted = shiftDeadlineForSuspension(dl, from, to, 'working_hours', calendar, hours);
    expect(shifted).not.toBe(dl);
    expect([dl, from, to]).toEqual([at('2025-09-30T15:00'), at('2025-09-30T10:00'), at('2025-10-09T09:00')]);
  });
});

describe('extendDeadlineByWorkingDays', () => {
  const extend = (dl: string, n: number) => extendDeadlineByWorkingDays(at(dl), n, calendar, hours);

  it('moves the deadline over National Day to the close of the next working day', () => {
    expect(extend('2025-09-30T17:30', 1)).toEqual(at('2025-10-09T17:30'));
    expect(extend('2025-09-30T17:30', 3)).toEqual(at('2025-10-11T17:30'));
  });

  it('ends at the close of the day even when the old deadline was mid-morning', () => {
    expect(extend('2025-09-26T10:15', 1)).toEqual(at('2025-09-28T17:30'));
  });

  it('uses make-up Saturdays around the Spring Festival', () => {
    expect(extend('2026-02-13T17:30', 2)).toEqual(at('2026-02-24T17:30'));
    expect(extend('2026-02-24T17:30', 4)).toEqual(at('2026-02-28T17:30'));
  });

  it('refuses zero, fractional or more than 366 days', () => {
    expect(() => extend('2025-09-30T17:30', 0)).toThrow(Error);
    expect(() => extend('2025-09-30T17:30', 2.5)).toThrow(Error);
    expect(() => extend('2025-09-30T17:30', 367)).toThrow(Error);
  });

  it('does not mutate the deadline', () => {
    const dl = at('2025-09-30T17:30');
    extendDeadlineByWorkingDays(dl, 1, calendar, hours);
    expect(dl).toEqual(at('2025-09-30T17:30'));
  });
});
