import { describe, expect, it } from 'vitest';
import { DEFAULT_WORKING_HOURS } from '../calendar/working-calendar.ts';
import { DEFAULT_WEIGHTS } from '../supervision/indicator-score.ts';
import { DistrictSettingsPatchSchema, nextPeriod, parseDistrictSettings, periodOf, withChange } from './district-settings.ts';

const DEFAULTS = {
  workingHours: DEFAULT_WORKING_HOURS, indicatorWeights: DEFAULT_WEIGHTS, rankingListSize: 3, rectificationDays: 5, longSuspendedDays: 15,
  ratingDefaultDays: 7, ratingDefaultLevel: 'basically_satisfied', duplicateRadiusMeters: null, projectReportWorkingDay: 5,
};
const issueCodes = (input: unknown) => {
  const result = DistrictSettingsPatchSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}:${(issue as { params?: { code?: string } }).params?.code ?? issue.code}`);
};

describe('district settings', () => {
  it('gives the documented defaults when nothing is configured', () => {
    expect(parseDistrictSettings({ settings: {}, workingHours: null }, '2026-12')).toEqual(DEFAULTS);
    expect(parseDistrictSettings({}, '2026-12')).toEqual(parseDistrictSettings({ settings: null }, '2026-12'));
  });
  it('takes what a district configured', () => {
    const hours = { periods: [{ start: '09:00', end: '17:00' }] };
    expect(parseDistrictSettings({
      settings: { indicatorWeights: { closeRate: 60, satisfactionRate: 40 }, rankingListSize: 5, rectificationDays: 7, longSuspendedDays: 30, other: 1 },
      workingHours: hours,
    }, '2026-12')).toEqual({ ...DEFAULTS, workingHours: hours, indicatorWeights: { closeRate: 60, satisfactionRate: 40 }, rankingListSize: 5, rectificationDays: 7, longSuspendedDays: 30 });
  });
  it('falls back field by field when a stored value is invalid', () => {
    const parsed = parseDistrictSettings({ settings: { rectificationDays: 61, rankingListSize: 'three', longSuspendedDays: 0, indicatorWeights: { closeRate: 50 } }, workingHours: { periods: [] } }, '2026-12');
    expect(parsed).toEqual({ ...DEFAULTS, indicatorWeights: { closeRate: 50 } });
  });
  it('applies a change from its period on, never to an earlier one', () => {
    const settings = withChange(withChange({ rectificationDays: 6 }, '2027-01', { rectificationDays: 9 }), '2027-03', { rankingListSize: 5 });
    expect(parseDistrictSettings({ settings }, '2026-12')).toMatchObject({ rectificationDays: 6, rankingListSize: 3 });
    expect(parseDistrictSettings({ settings }, '2027-01')).toMatchObject({ rectificationDays: 9, rankingListSize: 3 });
    expect(parseDistrictSettings({ settings }, '2027-04')).toMatchObject({ rectificationDays: 9, rankingListSize: 5 });
  });
  it('merges two changes made for the same period', () => {
    const settings = withChange(withChange({}, '2027-01', { rectificationDays: 9 }), '2027-01', { ratingDefaultDays: 10 });
    expect(settings.changes).toEqual([{ appliesFrom: '2027-01', values: { rectificationDays: 9, ratingDefaultDays: 10 } }]);
  });
  it('names the next period in Asia/Shanghai', () => {
    expect(periodOf(new Date('2026-11-30T16:30:00Z'))).toBe('2026-12');
    expect(nextPeriod('2026-12')).toBe('2027-01');
    expect(nextPeriod('2027-01')).toBe('2027-02');
  });
});

describe('DistrictSettingsPatchSchema', () => {
  it('accepts any valid subset', () => {
    expect(issueCodes({ workingHours: { periods: [{ start: '08:00', end: '12:00' }, { start: '14:00', end: '18:00' }] } })).toEqual([]);
    expect(issueCodes({ indicatorWeights: { closeRate: 50, satisfactionRate: 50 }, rankingListSize: 5, duplicateRadiusMeters: null })).toEqual([]);
  });
  it('refuses overlapping, unsorted or out-of-day working hours', () => {
    expect(issueCodes({ workingHours: { periods: [{ start: '08:30', end: '12:30' }, { start: '12:00', end: '17:30' }] } })).toEqual(['workingHours:working_hours_invalid']);
    expect(issueCodes({ workingHours: { periods: [{ start: '13:00', end: '17:30' }, { start: '08:30', end: '12:00' }] } })).toEqual(['workingHours:working_hours_invalid']);
    expect(issueCodes({ workingHours: { periods: [{ start: '08:30', end: '24:30' }] } })).toEqual(['workingHours:working_hours_invalid']);
  });
  it('refuses weights that do not sum to 100, unknown rates and unknown fields', () => {
    expect(issueCodes({ indicatorWeights: { closeRate: 50, satisfactionRate: 40 } })).toEqual(['indicatorWeights:weights_sum']);
    expect(issueCodes({ indicatorWeights: { speed: 100 } }).length).toBeGreaterThan(0);
    expect(issueCodes({ colour: 'red' }).length).toBeGreaterThan(0);
    expect(issueCodes({ rectificationDays: 0 })).toEqual(['rectificationDays:too_small']);
  });
});
