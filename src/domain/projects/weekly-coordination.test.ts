import { describe, expect, it } from 'vitest';
import { isoWeek, isoWeekOf, weeklyCoordination, type CoordinationProblem } from './weekly-coordination.ts';

describe('ISO weeks', () => {
  it('runs Monday to Sunday in Shanghai, week 1 holding January 4th', () => {
    expect(isoWeek('2026-W49')).toEqual({
      week: '2026-W49', firstDay: '2026-11-30', lastDay: '2026-12-06',
      start: new Date('2026-11-29T16:00:00Z'), end: new Date('2026-12-06T16:00:00Z'),
    });
    expect(isoWeek('2026-W01')?.firstDay).toBe('2025-12-29');
    expect(isoWeek('2026-W53')).toEqual(expect.objectContaining({ firstDay: '2026-12-28' })); // 2026 has 53 weeks
    expect(isoWeek('2027-W53')).toBeUndefined();
    expect(isoWeek('2026-W00')).toBeUndefined();
    expect(isoWeek('2026-49')).toBeUndefined();
    expect(isoWeekOf('2027-01-01')).toBe('2026-W53');
    expect(isoWeekOf('2026-12-03')).toBe('2026-W49');
  });
});

describe('the weekly coordination list', () => {
  const week = isoWeek('2026-W49')!;
  const base: CoordinationProblem = {
    caseId: 1, number: 'N1', title: 'x', state: 'dispatched', projectId: 1, projectName: 'P', patron: null, department: null,
    raisedAt: new Date('2026-11-20T02:00:00Z'), closedAt: null, done: false, resolveDeadline: null,
  };
  const asOf = new Date('2026-12-06T16:00:00Z');

  it('keeps what was open during the week, overdue first, then oldest', () => {
    const rows = weeklyCoordination([
      { ...base, caseId: 1 }, // open since 11-20: 16 days
      { ...base, caseId: 2, raisedAt: new Date('2026-12-01T02:00:00Z'), resolveDeadline: new Date('2026-12-04T10:00:00Z') }, // new, overdue
      { ...base, caseId: 3, closedAt: new Date('2026-11-28T02:00:00Z'), done: true, state: 'closed' }, // closed before the week
      { ...base, caseId: 4, closedAt: new Date('2026-12-02T02:00:00Z'), done: true, state: 'closed' }, // closed during it
      { ...base, caseId: 5, raisedAt: new Date('2026-12-07T02:00:00Z') }, // raised after it
      { ...base, caseId: 6, done: true, state: 'declined' }, // finished, closing time unknown
    ], week, asOf);
    expect(rows.map((row) => [row.caseId, row.ageDays, row.overdue, row.newThisWeek, row.closedThisWeek])).toEqual([
      [2, 5, true, true, false], [1, 16, false, false, false], [4, 12, false, false, true],
    ]);
  });
});
