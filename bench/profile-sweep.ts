/**
 * Diagnostic: what a stored warning clock costs the write path — `amberInstant` on the working calendar,
 * computed once wherever a resolve deadline is set — so that the sweep itself only compares instants in
 * SQL. `tsx bench/profile-sweep.ts`
 */
import { createWorkingCalendar, DEFAULT_WORKING_HOURS } from '../src/domain/calendar/working-calendar.ts';
import { computeDeadline } from '../src/domain/calendar/deadlines.ts';
import { amberInstant } from '../src/domain/case/case-warning.ts';
import { loadLibraryCalendarDays } from '../src/services/calendar/calendar-source.ts';

const days = loadLibraryCalendarDays(2024, 2026).map((d) => ({ date: d.date, isWorkingDay: d.isWorkingDay, name: d.name ?? undefined }));
const calendar = createWorkingCalendar(days);
const now = new Date('2026-11-23T04:00:00Z');
const cases = Array.from({ length: 20_000 }, (_, i) => {
  const start = new Date(now.getTime() - (i % 500) * 3_600_000);
  const unit = i % 2 === 0 ? 'working_hours' as const : 'working_days' as const;
  const deadline = computeDeadline(start, { amount: unit === 'working_hours' ? 16 : 5, unit }, calendar, DEFAULT_WORKING_HOURS);
  return { start, deadline, unit, suspendedMs: 0 };
});
const started = performance.now();
let passed = 0;
for (const c of cases) if (amberInstant(c, calendar, DEFAULT_WORKING_HOURS).getTime() <= now.getTime()) passed += 1;
const ms = performance.now() - started;
console.log(`amberInstant: ${cases.length} clocks in ${ms.toFixed(1)} ms = ${((ms * 1000) / cases.length).toFixed(1)} µs/clock (${passed} amber by now)`);
