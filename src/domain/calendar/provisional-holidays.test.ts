import { describe, it, expect } from 'vitest';
import { getSolarDateFromLunar, getSolarTermsInRange } from 'chinese-days';
import { provisionalHolidays } from './provisional-holidays.ts';

/** The library's answers, as the calendar service would gather them. */
function inputsFor(year: number) {
  const qingming = getSolarTermsInRange(`${year}-04-01`, `${year}-04-10`).find(
    (t) => t.name === '清明' && t.index === 1,
  );
  return {
    year,
    lunarNewYear: getSolarDateFromLunar(`${year}-01-01`).date,
    qingming: qingming?.date ?? 'missing',
    dragonBoat: getSolarDateFromLunar(`${year}-05-05`).date,
    midAutumn: getSolarDateFromLunar(`${year}-08-15`).date,
  };
}

describe('provisionalHolidays', () => {
  it('gives the 2027 statutory days', () => {
    expect(provisionalHolidays(inputsFor(2027)).map((d) => d.date)).toEqual([
      '2027-01-01', '2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-04-05',
      '2027-05-01', '2027-05-02', '2027-06-09', '2027-09-15', '2027-10-01', '2027-10-02', '2027-10-03',
    ]);
  });

  for (const year of [2027, 2028, 2029, 2030]) {
    it(`matches the library's lunar answers for ${year}`, () => {
      const inputs = inputsFor(year);
      const days = provisionalHolidays(inputs);
      expect(new Set(days.map((d) => d.date)).size).toBe(days.length);
      const byName = (zh: string) => days.filter((d) => d.nameZh.split('、').includes(zh)).map((d) => d.date);
      expect(byName('元旦')).toEqual([`${year}-01-01`]);
      const spring = byName('春节');
      expect(spring).toHaveLength(4);
      // 除夕 is the last day of the lunar year, then 初一 … 初三.
      expect(getSolarDateFromLunar(`${year}-01-01`).date).toBe(spring[1]);
      expect(getSolarDateFromLunar(`${year}-01-03`).date).toBe(spring[3]);
      expect(byName('清明节')).toEqual([inputs.qingming]);
      expect(inputs.qingming).toMatch(new RegExp(`^${year}-04-0[4-6]$`));
      expect(byName('劳动节')).toEqual([`${year}-05-01`, `${year}-05-02`]);
      expect(byName('端午节')).toEqual([getSolarDateFromLunar(`${year}-05-05`).date]);
      expect(byName('中秋节')).toEqual([getSolarDateFromLunar(`${year}-08-15`).date]);
      expect(byName('国庆节')).toEqual([`${year}-10-01`, `${year}-10-02`, `${year}-10-03`]);
    });
  }
});

describe('provisionalHolidays when two festivals share a day', () => {
  it('gives 2028 one day off on 10-03 for 国庆节 and 中秋节', () => {
    const days = provisionalHolidays(inputsFor(2028));
    expect(days).toHaveLength(12);
    expect(days.find((d) => d.date === '2028-10-03')).toEqual({ date: '2028-10-03', nameZh: '国庆节、中秋节', nameEn: 'National Day, Mid-Autumn Festival' });
  });
});
