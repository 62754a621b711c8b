import { describe, expect, it } from 'vitest';
import { readSettingArgs } from './district.ts';
import { DistrictSettingsPatchSchema } from '../../domain/org/index.ts';

describe('civicloop district set arguments', () => {
  it('reads hours, weights, numbers and null into a patch the settings schema accepts', () => {
    const patch = readSettingArgs(['workingHours=08:30-12:00,13:00-17:30', 'indicatorWeights=closeRate:50,satisfactionRate:50', 'rectificationDays=7', 'duplicateRadiusMeters=null']);
    expect(patch).toEqual({
      workingHours: { periods: [{ start: '08:30', end: '12:00' }, { start: '13:00', end: '17:30' }] },
      indicatorWeights: { closeRate: 50, satisfactionRate: 50 }, rectificationDays: 7, duplicateRadiusMeters: null,
    });
    expect(DistrictSettingsPatchSchema.safeParse(patch).success).toBe(true);
  });
  it('refuses an argument without =', () => {
    expect(() => readSettingArgs(['rectificationDays'])).toThrow('key=value');
  });
});
