/**
 * The case number (案件编号): the district's abbreviation, the Shanghai calendar year and a
 * six-digit sequence per district and year, e.g. `LY-2026-000123` (DESIGN §4.1). Also the one
 * pattern of a case reference in a URL: a numeric id or a case number.
 */
import { toShanghaiDate } from '../calendar/index.ts';

/** A case number: two capital letters, a year and six digits. */
export const CASE_NUMBER_PATTERN = /^[A-Z]{2}-\d{4}-\d{6}$/;

/** A numeric row id in a URL: 1 to 10 digits. */
export const NUMERIC_ID_PATTERN = /^\d{1,10}$/;

/** A case reference in a URL: a numeric id or a case number. */
export const CASE_REF_PATTERN = new RegExp(`^(?:${NUMERIC_ID_PATTERN.source.slice(1, -1)}|${CASE_NUMBER_PATTERN.source.slice(1, -1)})$`);

/**
 * The year a case numbered at `at` belongs to: the calendar year in Asia/Shanghai.
 * @example caseNumberYear(new Date('2026-12-31T16:30:00Z')) // 2027
 */
export function caseNumberYear(at: Date): number {
  return Number(toShanghaiDate(at).slice(0, 4));
}

/**
 * Formats a case number.
 * @example formatCaseNumber('LY', 2026, 123) // 'LY-2026-000123'
 */
export function formatCaseNumber(districtAbbr: string, year: number, sequence: number): string {
  return `${districtAbbr}-${year}-${String(sequence).padStart(6, '0')}`;
}

/**
 * The year part of a case number.
 * @example yearOfCaseNumber('LY-2026-000123') // 2026
 */
export function yearOfCaseNumber(caseNumber: string): number {
  return Number(caseNumber.split('-').at(-2));
}

/**
 * True when a case reference is a numeric id rather than a case number.
 * @example isNumericId('42') // true
 */
export function isNumericId(value: string): boolean {
  return NUMERIC_ID_PATTERN.test(value);
}
