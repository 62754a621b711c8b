import { describe, expect, it } from 'vitest';
import { parsePeriod, periodContaining, previousPeriod, samePeriodLastYear } from './period.ts';
import { compositeScore, DEFAULT_WEIGHTS, gradeOf, rankUnits, redAndBlackLists } from './indicator-score.ts';
import { parseDistrictSettings } from '../org/district-settings.ts';

const parseWeights = (indicatorWeights: unknown) => parseDistrictSettings({ settings: { indicatorWeights } }, '2026-12').indicatorWeights;
import { computeIndicators } from './indicator-compute.ts';
import type { CaseFact } from './indicator-facts.ts';

const d = (local: string) => new Date(`${local}+08:00`);

describe('periods (Asia/Shanghai)', () => {
  it('parses every kind of period', () => {
    expect(parsePeriod('2026-10')).toMatchObject({ kind: 'month', start: d('2026-10-01T00:00'), end: d('2026-11-01T00:00') });
    expect(parsePeriod('2026-10-05')).toMatchObject({ kind: 'day', start: d('2026-10-05T00:00'), end: d('2026-10-06T00:00') });
    expect(parsePeriod('2026-W01')).toMatchObject({ kind: 'week', start: d('2025-12-29T00:00'), end: d('2026-01-05T00:00') });
    expect(parsePeriod('2026-Q4')).toMatchObject({ kind: 'quarter', start: d('2026-10-01T00:00'), end: d('2027-01-01T00:00') });
    expect(parsePeriod('2026')).toMatchObject({ kind: 'year', start: d('2026-01-01T00:00'), end: d('2027-01-01T00:00') });
    expect(parsePeriod('2026-10-01..2026-10-15')).toMatchObject({ kind: 'range', start: d('2026-10-01T00:00'), end: d('2026-10-16T00:00') });
  });

  it('rejects what is not a period', () => {
    for (const key of ['2026-13', '2026-02-30', '2026-W54', '2026-Q5', '26-10', '2026-10-15..2026-10-01', '']) {
      expect(() => parsePeriod(key), key).toThrow('PERIOD_INVALID');
    }
  });

  it('finds the previous period (环比) and the same period last year (同比)', () => {
    expect(previousPeriod(parsePeriod('2026-01')).key).toBe('2025-12');
    expect(previousPeriod(parsePeriod('2026-Q1')).key).toBe('2025-Q4');
    expect(previousPeriod(parsePeriod('2026-W01')).key).toBe('2025-W52');
    expect(previousPeriod(parsePeriod('2026-03-01')).key).toBe('2026-02-28');
    expect(previousPeriod(parsePeriod('2026-10-01..2026-10-10')).key).toBe('2026-09-21..2026-09-30');
    expect(samePeriodLastYear(parsePeriod('2026-10')).key).toBe('2025-10');
    expect(samePeriodLastYear(parsePeriod('2028-02-29')).key).toBe('2027-02-28');
    expect(periodContaining('month', new Date('2026-10-31T16:30:00Z')).key).toBe('2026-11');
  });
});

describe('score, grade, ranking', () => {
  const rates = {
    closeRate: 1, onTimeCloseRate: 1, onTimeResolveRate: null, reworkRate: 0, extensionRate: null, returnRate: null,
    responseRate: null, resolutionRate: null, satisfactionRate: 0.9, noticeResponseRate: null,
  };
  it('weighs the default rates and rescales when one has no data', () => {
    expect(compositeScore(rates)).toBe(97);
    expect(compositeScore({ ...rates, satisfactionRate: null })).toBe(100);
    expect(compositeScore({ ...rates, closeRate: null, onTimeCloseRate: null, reworkRate: null, satisfactionRate: null })).toBeNull();
    expect(compositeScore(rates, { returnRate: 50, closeRate: 50 })).toBe(100);
  });
  it('grades at the documented boundaries', () => {
    expect([90, 89.99, 75, 60, 40, 39.99, null].map(gradeOf)).toEqual(['A', 'B', 'B', 'C', 'D', 'E', null]);
  });
  it('accepts only known, non-negative weights', () => {
    expect(parseWeights({ closeRate: 50, satisfactionRate: 50 })).toEqual({ closeRate: 50, satisfactionRate: 50 });
    expect(parseWeights({ nonsense: 1 })).toEqual(DEFAULT_WEIGHTS);
    expect(parseWeights({ closeRate: -1 })).toEqual(DEFAULT_WEIGHTS);
    expect(parseWeights({ closeRate: 0 })).toEqual(DEFAULT_WEIGHTS);
    expect(parseWeights({ closeRate: Infinity })).toEqual(DEFAULT_WEIGHTS);
  });
  it('lets ties share a place and scores 100 − 5 per place', () => {
    const ranked = rankUnits([
      { unitId: 1, score: 90, due: 3 }, { unitId: 2, score: 95, due: 1 }, { unitId: 3, score: 90, due: 2 }, { unitId: 4, score: 80, due: 5 },
      { unitId: 5, score: null, due: 0 },
    ]);
    expect(ranked.map((r) => [r.unitId, r.place, r.rankScore])).toEqual([[2, 1, 100], [1, 2, 95], [3, 2, 95], [4, 4, 85]]);
    const lists = redAndBlackLists(ranked, 1);
    expect(lists.red.map((r) => r.unitId)).toEqual([2]);
    expect(lists.black.map((r) => r.unitId)).toEqual([4]);
    expect(redAndBlackLists(ranked.slice(0, 1), 3)).toEqual({ red: [], black: [] });
  });

  it('does not rank a unit with no cases due, however good its ratings', () => {
    const ranked = rankUnits([{ unitId: 1, score: 100, due: 0 }, { unitId: 2, score: 70, due: 4 }, { unitId: 3, score: 60, due: 2 }]);
    expect(ranked.map((r) => [r.unitId, r.place])).toEqual([[2, 1], [3, 2]]);
    expect(redAndBlackLists(ranked, 1).red.map((r) => r.unitId)).toEqual([2]);
  });
});

describe('indicators of one unit', () => {
  const base: CaseFact = {
    caseId: 1, state: 'closed', filedAt: d('2026-10-05T09:00'), resolvedAt: d('2026-10-05T12:00'), closedAt: d('2026-10-05T13:00'),
    resolveDeadline: d('2026-10-06T09:00'), reworkCount: 0, extensionCount: 0,
  };
  const window = { start: d('2026-10-01T00:00'), end: d('2026-11-01T00:00'), asOf: d('2026-10-20T00:00') };
  it('counts closed, due-but-open, overdue and suspended cases as documented', () => {
    const facts = [
      base,
      { ...base, caseId: 2, state: 'signed', resolvedAt: null, closedAt: null, resolveDeadline: d('2026-10-10T09:00') },
      { ...base, caseId: 3, state: 'suspended', resolvedAt: null, closedAt: null, resolveDeadline: d('2026-10-10T09:00') },
      { ...base, caseId: 4, state: 'signed', resolvedAt: null, closedAt: null, resolveDeadline: d('2026-10-25T09:00') },
      { ...base, caseId: 5, state: 'merged', resolvedAt: null, closedAt: null },
      { ...base, caseId: 6, resolvedAt: d('2026-10-07T09:00'), closedAt: d('2026-10-07T10:00'), reworkCount: 1 },
    ];
    const { counts, rates } = computeIndicators({ cases: facts, flows: [], ratings: [], notices: [] }, window);
    expect(counts).toMatchObject({ filed: 5, closed: 2, closedOnTime: 1, closedLate: 1, dueOpen: 1, due: 3, overdueOpen: 1, overdue: 2, rework: 1 });
    expect(counts.dueToResolve).toBe(3); // 1 (resolved early), 2 (deadline passed), 6 (deadline passed before resolving)
    expect(rates).toMatchObject({ closeRate: 0.666667, onTimeCloseRate: 0.333333, reworkRate: 0.333333, satisfactionRate: null });
  });
});
