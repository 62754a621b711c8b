import { describe, expect, it } from 'vitest';
import { DEFAULT_WORKING_HOURS } from '../calendar/working-calendar.ts';
import { DEFAULT_WEIGHTS } from '../supervision/indicator-score.ts';
import { parseDistrictSettings } from './district-settings.ts';

describe('district settings', () => {
  it('gives the documented defaults when nothing is configured', () => {
    expect(parseDistrictSettings({ settings: {}, workingHours: null })).toEqual({
      workingHours: DEFAULT_WORKING_HOURS, indicatorWeights: DEFAULT_WEIGHTS, rankingListSize: 3, rectificationDays: 5, longSuspendedDays: 15,
    });
    expect(parseDistrictSettings({})).toEqual(parseDistrictSettings({ settings: null }));
  });
  it('takes what a district configured', () => {
    const hours = { periods: [{ start: '09:00', end: '17:00' }] };
    expect(parseDistrictSettings({
      settings: { indicatorWeights: { closeRate: 60, satisfactionRate: 40 }, rankingListSize: 5, rectificationDays: 7, longSuspendedDays: 30, other: 1 },
      workingHours: hours,
    })).toEqual({ workingHours: hours, indicatorWeights: { closeRate: 60, satisfactionRate: 40 }, rankingListSize: 5, rectificationDays: 7, longSuspendedDays: 30 });
  });
  it('falls back field by field when a value is invalid', () => {
    const parsed = parseDistrictSettings({ settings: { rectificationDays: 61, rankingListSize: 'three', longSuspendedDays: 0, indicatorWeights: { closeRate: 50 } }, workingHours: { periods: [] } });
    expect(parsed).toEqual({ workingHours: DEFAULT_WORKING_HOURS, indicatorWeights: { closeRate: 50 }, rankingListSize: 3, rectificationDays: 5, longSuspendedDays: 15 });
  });
});
