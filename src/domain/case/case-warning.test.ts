import { describe, expect, it } from 'vitest';
import { isEscalation, toWarningLevel, warningFor } from './case-warning.ts';
import { createWorkingCalendar, DEFAULT_WORKING_HOURS } from '../calendar/working-calendar.ts';

const calendar = createWorkingCalendar([]);
const d = (local: string) => new Date(`${local}+08:00`);

describe('amber and red warnings', () => {
  // 4 working hours from Mon 2026-03-09 08:30: deadline 13:30 (the lunch hour does not count)
  const base = { start: d('2026-03-09T08:30'), deadline: d('2026-03-09T13:30'), unit: 'working_hours' as const };
  it('is none below 80%, amber from 80%, red past the deadline', () => {
    expect(warningFor({ ...base, now: d('2026-03-09T11:41') }, calendar, DEFAULT_WORKING_HOURS)).toBe('none');
    expect(warningFor({ ...base, now: d('2026-03-09T11:42') }, calendar, DEFAULT_WORKING_HOURS)).toBe('amber');
    expect(warningFor({ ...base, now: d('2026-03-09T13:30') }, calendar, DEFAULT_WORKING_HOURS)).toBe('amber');
    expect(warningFor({ ...base, now: d('2026-03-09T13:31') }, calendar, DEFAULT_WORKING_HOURS)).toBe('red');
    // after hours the same evening: no working time has passed since 13:30 … but it is overdue
    expect(warningFor({ ...base, deadline: d('2026-03-09T17:30'), now: d('2026-03-09T18:00') }, calendar, DEFAULT_WORKING_HOURS)).toBe('red');
  });
  it('escalates only upwards and reads unknown levels as none', () => {
    expect(isEscalation('none', 'amber')).toBe(true);
    expect(isEscalation('amber', 'red')).toBe(true);
    expect(isEscalation('red', 'amber')).toBe(false);
    expect(isEscalation('amber', 'amber')).toBe(false);
    expect(toWarningLevel('purple')).toBe('none');
  });
});
