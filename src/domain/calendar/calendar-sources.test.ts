import { describe, expect, it } from 'vitest';
import { provisionalYearsOf } from './calendar-sources.ts';

describe('provisionalYearsOf', () => {
  it('lists years with only estimates or admin overrides', () => {
    expect(provisionalYearsOf([
      { date: '2026-10-01', source: 'library' },
      { date: '2026-10-02', source: 'admin' },
      { date: '2027-01-01', source: 'provisional' },
      { date: '2027-02-01', source: 'admin' },
      { date: '2028-05-01', source: 'admin' },
      { date: '2029-01-01', source: 'provisional' },
      { date: '2029-01-26', source: 'notice' },
    ])).toEqual([2027, 2028]);
  });
});
