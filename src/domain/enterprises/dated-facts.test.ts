import { describe, expect, it } from 'vitest';
import { factAsOf, factProblem, holdsTag, sizeAsOf, type DatedFact } from './dated-facts.ts';

const facts: DatedFact[] = [
  { key: 'employees', value: 250, asOf: '2024-12-31', source: '年报' },
  { key: 'employees', value: 320, asOf: '2025-12-31', source: '年报' },
  { key: 'revenue', value: 25_000_000, asOf: '2024-12-31', source: '年报' },
];

describe('dated facts', () => {
  it('answers as of a date with the latest record on or before it', () => {
    expect(factAsOf(facts, 'employees', '2025-06-30')?.value).toBe(250);
    expect(factAsOf(facts, 'employees', '2025-12-31')?.value).toBe(320);
    expect(factAsOf(facts, 'employees', '2024-01-01')).toBeUndefined();
  });

  it('derives the size class from the facts of the date', () => {
    expect(sizeAsOf({ industryCode: '3670', facts }, '2025-01-01').sizeClass).toBe('small');
    expect(sizeAsOf({ industryCode: '3670', facts }, '2026-01-01').sizeClass).toBe('medium');
  });

  it('holds a tag inside its validity only', () => {
    const tags = [{ tag: 'high_tech' as const, validFrom: '2023-11-01', validTo: '2026-10-31', source: '认定证书' }];
    expect(holdsTag(tags, 'high_tech', '2026-10-31')).toBeDefined();
    expect(holdsTag(tags, 'high_tech', '2026-11-01')).toBeUndefined();
  });

  it('refuses unknown facts, negative values and future dates', () => {
    expect(factProblem('headcount', 1, '2025-01-01', '2026-01-01')).toBe('ENTERPRISE_FACT_UNKNOWN');
    expect(factProblem('employees', -1, '2025-01-01', '2026-01-01')).toBe('ENTERPRISE_FACT_NEGATIVE');
    expect(factProblem('employees', 1, '2026-01-02', '2026-01-01')).toBe('ENTERPRISE_FACT_IN_FUTURE');
    expect(factProblem('employees', 0, '2026-01-01', '2026-01-01')).toBeNull();
  });
});
