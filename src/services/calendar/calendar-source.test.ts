import { describe, it, expect } from 'vitest';
import { libraryHasYear, loadLibraryCalendarDays } from './calendar-source.ts';
import { createWorkingCalendar, DEFAULT_WORKING_HOURS, toShanghaiDate } from '../../domain/calendar/working-calendar.ts';
import { computeDeadline } from '../../domain/calendar/deadlines.ts';

describe('loadLibraryCalendarDays', () => {
  const days = loadLibraryCalendarDays(2025, 2026);
  const byDate = new Map(days.map((day) => [day.date, day]));

  it('lists every day of the requested years in order', () => {
    expect(days).toHaveLength(365 + 365);
    expect(days[0]?.date).toBe('2025-01-01');
    expect(days.at(-1)?.date).toBe('2026-12-31');
    expect(new Set(days.map((day) => day.date)).size).toBe(days.length);
    expect(loadLibraryCalendarDays(2024, 2024)).toHaveLength(366);
  });

  it('has the 2025 National Day schedule with its make-up working days', () => {
    expect(byDate.get('2025-09-28')).toEqual({ date: '2025-09-28', isWorkingDay: true, name: '国庆节（调休上班）' });
    expect(byDate.get('2025-10-11')?.isWorkingDay).toBe(true);
    expect(byDate.get('2025-10-01')).toEqual({ date: '2025-10-01', isWorkingDay: false, name: '国庆节' });
    expect(byDate.get('2025-10-08')?.isWorkingDay).toBe(false);
    expect(byDate.get('2025-10-09')?.isWorkingDay).toBe(true);
  });

  it('has the 2026 Spring Festival schedule with its make-up working days', () => {
    expect(byDate.get('2026-02-14')?.isWorkingDay).toBe(true);
    expect(byDate.get('2026-02-16')).toEqual({ date: '2026-02-16', isWorkingDay: false, name: '春节' });
    expect(byDate.get('2026-02-23')?.isWorkingDay).toBe(false);
    expect(byDate.get('2026-02-28')?.isWorkingDay).toBe(true);
  });

  it('leaves ordinary days and ordinary weekends without a name', () => {
    expect(byDate.get('2025-10-13')).toEqual({ date: '2025-10-13', isWorkingDay: true });
    expect(byDate.get('2025-10-12')).toEqual({ date: '2025-10-12', isWorkingDay: false });
  });

  it('counts 18 working days in October 2025, make-up Saturday included', () => {
    const calendar = createWorkingCalendar(days);
    const october = days.filter((day) => day.date.startsWith('2025-10-'));
    expect(october.filter((day) => calendar.isWorkingDay(day.date))).toHaveLength(18);
  });

  it('gives working-day deadlines on the days the library itself counts to', () => {
    const calendar = createWorkingCalendar(days);
    const dueDay = (start: string, amount: number) =>
      toShanghaiDate(computeDeadline(new Date(`${start}T10:00+08:00`), { amount, unit: 'working_days' }, calendar, DEFAULT_WORKING_HOURS));
    expect(dueDay('2025-09-30', 1)).toBe('2025-10-09');
    expect(dueDay('2025-09-26', 3)).toBe('2025-09-30');
    expect(dueDay('2026-02-12', 5)).toBe('2026-02-26');
  });

  it('refuses years out of order, out of range or not whole', () => {
    expect(() => loadLibraryCalendarDays(2026, 2025)).toThrow(Error);
    expect(() => loadLibraryCalendarDays(2025.5, 2026)).toThrow(Error);
    expect(() => loadLibraryCalendarDays(1800, 1801)).toThrow(Error);
  });
});

describe('libraryHasYear', () => {
  it('knows 2024, 2025 and 2026', () => {
    expect(libraryHasYear(2024)).toBe(true);
    expect(libraryHasYear(2025)).toBe(true);
    expect(libraryHasYear(2026)).toBe(true);
  });

  it('does not claim years the library silently treats as ordinary weeks', () => {
    // The data starts in 2004; far future years have no schedule yet.
    expect(libraryHasYear(2003)).toBe(false);
    expect(libraryHasYear(2099)).toBe(false);
  });
});
