import { describe, expect, it } from 'vitest';
import { changedDaysSpan, recalculateClock } from './clock-recalculation.ts';
import { createWorkingCalendar, DEFAULT_WORKING_HOURS } from '../calendar/working-calendar.ts';

const d = (local: string) => new Date(`${local}+08:00`);
const before = createWorkingCalendar([]);
const after = createWorkingCalendar([{ date: '2026-03-10', isWorkingDay: false }]);
const base = {
  signUnit: 'working_hours' as const, resolveUnit: 'working_days' as const, changedDays: ['2026-03-10'], now: d('2026-03-09T11:00'),
  before, after, hours: DEFAULT_WORKING_HOURS,
};

describe('recalculating a clock over changed calendar days', () => {
  it('keeps the working time left before each future instant, on the new calendar', () => {
    const next = recalculateClock({ ...base, instants: { signDeadline: d('2026-03-09T12:00'), amberAt: d('2026-03-10T14:36'), resolveDeadline: d('2026-03-10T17:30') } });
    expect(next).toEqual({ signDeadline: d('2026-03-09T12:00'), amberAt: d('2026-03-11T14:36'), resolveDeadline: d('2026-03-11T17:30') });
  });
  it('moves nothing already past, nothing that does not reach a changed day, and no clock-hour limit', () => {
    const past = { signDeadline: null, amberAt: d('2026-03-09T10:00'), resolveDeadline: d('2026-03-09T17:30') };
    expect(recalculateClock({ ...base, instants: past })).toBeNull();
    expect(recalculateClock({ ...base, resolveUnit: 'clock_hours', instants: { signDeadline: null, amberAt: null, resolveDeadline: d('2026-03-11T09:00') } })).toBeNull();
    expect(recalculateClock({ ...base, changedDays: ['2026-03-06'], instants: { signDeadline: null, amberAt: null, resolveDeadline: d('2026-03-11T17:30') } })).toBeNull();
  });
  it('spans the changed days from the first midnight to the end of the last (Shanghai)', () => {
    expect(changedDaysSpan(['2026-03-12', '2026-03-10'])).toEqual({ from: d('2026-03-10T00:00'), to: d('2026-03-13T00:00') });
    expect(changedDaysSpan([])).toBeNull();
  });
});
