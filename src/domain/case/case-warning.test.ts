import { describe, expect, it } from 'vitest';
import { amberInstant, isEscalation, lowerOf, toWarningLevel, warningLevelAt } from './case-warning.ts';
import { createWorkingCalendar, DEFAULT_WORKING_HOURS } from '../calendar/working-calendar.ts';

const calendar = createWorkingCalendar([]);
const d = (local: string) => new Date(`${local}+08:00`);

describe('stored warning instants', () => {
  // 4 working hours from Mon 2026-03-09 08:30: deadline 13:30 (the lunch hour does not count)
  const start = d('2026-03-09T08:30');
  const deadline = d('2026-03-09T13:30');
  it('turns amber at 80% of the working time used', () => {
    expect(amberInstant({ start, deadline, suspendedMs: 0, unit: 'working_hours' }, calendar, DEFAULT_WORKING_HOURS)).toEqual(d('2026-03-09T11:42'));
    // 24 clock hours from 09:20: amber 19h12m later
    expect(amberInstant({ start: d('2026-03-10T09:20'), deadline: d('2026-03-11T09:20'), suspendedMs: 0, unit: 'clock_hours' }, calendar, DEFAULT_WORKING_HOURS))
      .toEqual(d('2026-03-11T04:32'));
  });
  it('leaves suspended time out of both the limit and its use (review §A.3)', () => {
    // 4 h limit, 2 working hours suspended: deadline 15:30; amber after 120 stopped + 192 used working minutes
    const shifted = d('2026-03-09T15:30');
    expect(amberInstant({ start, deadline: shifted, suspendedMs: 120 * 60_000, unit: 'working_hours' }, calendar, DEFAULT_WORKING_HOURS))
      .toEqual(d('2026-03-09T14:42'));
  });
  it('is none before amber, amber from the instant to the deadline, red after it; suspended cases are judged at suspension', () => {
    const clock = { state: 'signed' as const, amberAt: d('2026-03-09T11:42'), resolveDeadline: deadline, suspendedAt: null };
    expect(warningLevelAt(clock, d('2026-03-09T11:41'))).toBe('none');
    expect(warningLevelAt(clock, d('2026-03-09T11:42'))).toBe('amber');
    expect(warningLevelAt(clock, deadline)).toBe('amber');
    expect(warningLevelAt(clock, d('2026-03-09T13:31'))).toBe('red');
    expect(warningLevelAt({ ...clock, state: 'suspended', suspendedAt: d('2026-03-09T11:00') }, d('2026-03-20T10:00'))).toBe('none');
    expect(warningLevelAt({ ...clock, state: 'resolved' }, d('2026-03-20T10:00'))).toBe('none');
  });
  it('escalates only upwards, lowers to the lower, and reads unknown levels as none', () => {
    expect(isEscalation('none', 'amber')).toBe(true);
    expect(isEscalation('amber', 'red')).toBe(true);
    expect(isEscalation('red', 'amber')).toBe(false);
    expect(lowerOf('red', 'none')).toBe('none');
    expect(lowerOf('none', 'red')).toBe('none');
    expect(toWarningLevel('purple')).toBe('none');
  });
});
