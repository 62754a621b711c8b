/**
 * The one time of the browser tests. Server and browser both start at a fixed Wednesday morning and then
 * run with real time, so a run on any day (a month's last evening, a holiday, midnight in Shanghai) sees the
 * same calendar, while countdowns still tick and the two sides agree.
 */
export const E2E_START = Date.parse('2026-11-18T01:30:00.000Z'); // Wed 09:30 in Shanghai, a working day

const startedAt = Date.now();

/** The test's current instant: the fixed start plus the real time elapsed since this module loaded. */
export function e2eNow(): Date {
  return new Date(E2E_START + (Date.now() - startedAt));
}
