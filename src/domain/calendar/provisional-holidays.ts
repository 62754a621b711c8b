/**
 * Provisional statutory holidays for a year without an official notice: the days of
 * 《全国年节及纪念日放假办法》 as amended in 2024 (in force since 2025). Only the statutory
 * days — no guessed 调休 working days. Pure: the lunar and solar-term dates come in as inputs
 * (the calendar service asks the `chinese-days` library); no date tables are kept here.
 */

/** The library's answers for one year, all as 'YYYY-MM-DD' in that year. */
export interface ProvisionalHolidayInputs {
  year: number;
  /** Solar date of lunar 1/1 (春节); 除夕 is the day before. */
  lunarNewYear: string;
  /** Solar date of the 清明 solar term. */
  qingming: string;
  /** Solar date of lunar 5/5 (端午). */
  dragonBoat: string;
  /** Solar date of lunar 8/15 (中秋). */
  midAutumn: string;
}

/** One statutory day off, named zh-CN first. */
export interface ProvisionalHoliday {
  date: string;
  nameZh: string;
  nameEn: string;
}

/** Shifts a 'YYYY-MM-DD' date by whole days (calendar arithmetic in UTC, no clock). */
function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function run(start: string, count: number, nameZh: string, nameEn: string): ProvisionalHoliday[] {
  return Array.from({ length: count }, (_, i) => ({ date: addDays(start, i), nameZh, nameEn }));
}

/**
 * Lists the statutory days off of one year (13 days), sorted by date.
 *
 * @param inputs - the year and its lunar/solar-term dates from the library
 * @returns 元旦 1, 春节 4 (除夕–初三), 清明 1, 劳动节 2, 端午 1, 中秋 1, 国庆 3 days; a day with two festivals once
 * @example
 * provisionalHolidays({ year: 2027, lunarNewYear: '2027-02-06', qingming: '2027-04-05',
 *   dragonBoat: '2027-06-09', midAutumn: '2027-09-15' })[1]
 * // => { date: '2027-02-05', nameZh: '春节', nameEn: 'Spring Festival' }
 */
export function provisionalHolidays(inputs: ProvisionalHolidayInputs): ProvisionalHoliday[] {
  const y = String(inputs.year).padStart(4, '0');
  const days = [
    ...run(`${y}-01-01`, 1, '元旦', "New Year's Day"),
    ...run(addDays(inputs.lunarNewYear, -1), 4, '春节', 'Spring Festival'),
    ...run(inputs.qingming, 1, '清明节', 'Qingming Festival'),
    ...run(`${y}-05-01`, 2, '劳动节', 'Labour Day'),
    ...run(inputs.dragonBoat, 1, '端午节', 'Dragon Boat Festival'),
    ...run(`${y}-10-01`, 3, '国庆节', 'National Day'),
    ...run(inputs.midAutumn, 1, '中秋节', 'Mid-Autumn Festival'),
  ];
  return mergeSameDays(days).sort((a, b) => a.date.localeCompare(b.date));
}

/** Two festivals on one day (中秋 on 10-03 in 2028) are one day off, not two. */
function mergeSameDays(days: ProvisionalHoliday[]): ProvisionalHoliday[] {
  const byDate = new Map<string, ProvisionalHoliday>();
  for (const day of days) {
    const seen = byDate.get(day.date);
    byDate.set(day.date, seen ? { date: day.date, nameZh: `${seen.nameZh}、${day.nameZh}`, nameEn: `${seen.nameEn}, ${day.nameEn}` } : day);
  }
  return [...byDate.values()];
}
