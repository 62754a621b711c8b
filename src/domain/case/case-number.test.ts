import { describe, expect, it } from 'vitest';
import { CASE_REF_PATTERN, caseNumberYear, formatCaseNumber, isNumericId, yearOfCaseNumber } from './case-number.ts';

describe('case numbers', () => {
  it('pads the sequence to six digits after the district and year', () => {
    expect(formatCaseNumber('LY', 2026, 123)).toBe('LY-2026-000123');
    expect(formatCaseNumber('CY', 2027, 1)).toBe('CY-2027-000001');
  });
  it('takes the year in Asia/Shanghai, so New Year starts at 16:00 UTC', () => {
    expect(caseNumberYear(new Date('2026-12-31T15:59:59Z'))).toBe(2026);
    expect(caseNumberYear(new Date('2026-12-31T16:00:00Z'))).toBe(2027);
  });
  it('reads the year back from a number', () => {
    expect(yearOfCaseNumber(formatCaseNumber('LY', 2026, 42))).toBe(2026);
  });
  it('accepts a numeric id or a case number as a case reference, nothing else', () => {
    expect(CASE_REF_PATTERN.test('42')).toBe(true);
    expect(CASE_REF_PATTERN.test('LY-2026-000123')).toBe(true);
    expect(CASE_REF_PATTERN.test('ly-2026-000123')).toBe(false);
    expect(CASE_REF_PATTERN.test('42; drop')).toBe(false);
    expect(CASE_REF_PATTERN.test('12345678901')).toBe(false);
    expect(isNumericId('42')).toBe(true);
    expect(isNumericId('LY-2026-000123')).toBe(false);
  });
});
