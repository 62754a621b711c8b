/**
 * Reporting periods for indicators (DESIGN §5): day, week, month, quarter, year or a custom
 * range of Shanghai calendar days. A period is the half-open instant range [start, end).
 */
import { formatDayNumber, getWeekday, parseYmd, toInstantMs, toShanghaiDayNumber } from '../calendar/index.ts';
import { DomainError } from '../errors.ts';

export type PeriodKind = 'day' | 'week' | 'month' | 'quarter' | 'year' | 'range';

export interface Period {
  /** The canonical key: 2026-10-05, 2026-W41, 2026-10, 2026-Q4, 2026, 2026-10-01..2026-10-15. */
  key: string;
  kind: PeriodKind;
  /** First Shanghai day (inclusive) and last Shanghai day (inclusive), as day numbers. */
  firstDay: number;
  lastDay: number;
  start: Date;
  end: Date;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function fromDays(key: string, kind: PeriodKind, firstDay: number, lastDay: number): Period {
  return { key, kind, firstDay, lastDay, start: new Date(toInstantMs(firstDay, 0)), end: new Date(toInstantMs(lastDay + 1, 0)) };
}

function monthPeriod(year: number, month: number): Period {
  const first = parseYmd(`${pad(year, 4)}-${pad(month)}-01`);
  const next = month === 12 ? parseYmd(`${pad(year + 1, 4)}-01-01`) : parseYmd(`${pad(year, 4)}-${pad(month + 1)}-01`);
  return fromDays(`${pad(year, 4)}-${pad(month)}`, 'month', first, next - 1);
}

function quarterPeriod(year: number, quarter: number): Period {
  const first = monthPeriod(year, quarter * 3 - 2);
  const last = monthPeriod(year, quarter * 3);
  return fromDays(`${pad(year, 4)}-Q${quarter}`, 'quarter', first.firstDay, last.lastDay);
}

function yearPeriod(year: number): Period {
  return fromDays(pad(year, 4), 'year', parseYmd(`${pad(year, 4)}-01-01`), parseYmd(`${pad(year, 4)}-12-31`));
}

/** ISO week: Monday first; week 1 holds the year's first Thursday. */
function weekPeriod(year: number, week: number): Period {
  const jan4 = parseYmd(`${pad(year, 4)}-01-04`);
  const mondayOfWeek1 = jan4 - ((getWeekday(jan4) + 6) % 7);
  const first = mondayOfWeek1 + (week - 1) * 7;
  const weeksInYear = isoWeekOf(parseYmd(`${pad(year, 4)}-12-28`)).week;
  if (week < 1 || week > weeksInYear) throw new DomainError('PERIOD_INVALID', { period: `${year}-W${week}` });
  return fromDays(`${pad(year, 4)}-W${pad(week)}`, 'week', first, first + 6);
}

function isoWeekOf(dayNumber: number): { year: number; week: number } {
  const thursday = dayNumber - ((getWeekday(dayNumber) + 6) % 7) + 3;
  const year = Number(formatDayNumber(thursday).slice(0, 4));
  const jan1 = parseYmd(`${pad(year, 4)}-01-01`);
  return { year, week: Math.floor((thursday - jan1) / 7) + 1 };
}

const MAX_RANGE_DAYS = 366 * 3;

/**
 * Parses a period key.
 * @throws DomainError PERIOD_INVALID
 * @example parsePeriod('2026-10').start.toISOString() // '2026-09-30T16:00:00.000Z'
 * @example parsePeriod('2026-10-01..2026-10-15').kind // 'range'
 */
export function parsePeriod(key: string): Period {
  const fail = (): never => {
    throw new DomainError('PERIOD_INVALID', { period: key });
  };
  try {
    let m: RegExpExecArray | null;
    if ((m = /^(\d{4})-(\d{2})-(\d{2})\.\.(\d{4})-(\d{2})-(\d{2})$/.exec(key))) {
      const [from, to] = key.split('..') as [string, string];
      const first = parseYmd(from);
      const last = parseYmd(to);
      if (last < first || last - first >= MAX_RANGE_DAYS) fail();
      return fromDays(key, 'range', first, last);
    }
    if (/^\d{4}-\d{2}-\d{2}$/.test(key)) {
      const day = parseYmd(key);
      return fromDays(key, 'day', day, day);
    }
    if ((m = /^(\d{4})-W(\d{2})$/.exec(key))) return weekPeriod(Number(m[1]), Number(m[2]));
    if ((m = /^(\d{4})-(\d{2})$/.exec(key))) {
      const month = Number(m[2]);
      if (month < 1 || month > 12) fail();
      return monthPeriod(Number(m[1]), month);
    }
    if ((m = /^(\d{4})-Q([1-4])$/.exec(key))) return quarterPeriod(Number(m[1]), Number(m[2]));
    if (/^\d{4}$/.test(key)) return yearPeriod(Number(key));
  } catch (error) {
    if (error instanceof DomainError) throw error;
    fail();
  }
  return fail();
}

/**
 * The period just before (环比): the previous day, week, month, quarter or year; a custom range
 * moves back by its own length.
 * @example previousPeriod(parsePeriod('2026-01')).key // '2025-12'
 */
export function previousPeriod(period: Period): Period {
  const [y, rest] = [Number(period.key.slice(0, 4)), period.key.slice(5)];
  switch (period.kind) {
    case 'day':
      return parsePeriod(formatDayNumber(period.firstDay - 1));
    case 'week': {
      const iso = isoWeekOf(period.firstDay - 7);
      return weekPeriod(iso.year, iso.week);
    }
    case 'month': {
      const month = Number(rest);
      return month === 1 ? monthPeriod(y - 1, 12) : monthPeriod(y, month - 1);
    }
    case 'quarter': {
      const quarter = Number(rest.slice(1));
      return quarter === 1 ? quarterPeriod(y - 1, 4) : quarterPeriod(y, quarter - 1);
    }
    case 'year':
      return yearPeriod(y - 1);
    case 'range': {
      const length = period.lastDay - period.firstDay + 1;
      return parsePeriod(`${formatDayNumber(period.firstDay - length)}..${formatDayNumber(period.firstDay - 1)}`);
    }
  }
}

/**
 * The same period one year earlier (同比).
 * @example samePeriodLastYear(parsePeriod('2026-Q4')).key // '2025-Q4'
 */
export function samePeriodLastYear(period: Period): Period {
  const y = Number(period.key.slice(0, 4));
  switch (period.kind) {
    case 'week': {
      const weekNo = Number(period.key.slice(6));
      try {
        return weekPeriod(y - 1, weekNo);
      } catch {
        return weekPeriod(y - 1, weekNo - 1);
      }
    }
    case 'day':
    case 'range': {
      const shift = (day: number): string => {
        const text = formatDayNumber(day);
        const back = `${pad(Number(text.slice(0, 4)) - 1, 4)}${text.slice(4)}`;
        return back.endsWith('02-29') ? back.replace('02-29', '02-28') : back;
      };
      return period.kind === 'day' ? parsePeriod(shift(period.firstDay)) : parsePeriod(`${shift(period.firstDay)}..${shift(period.lastDay)}`);
    }
    default:
      return parsePeriod(`${pad(y - 1, 4)}${period.key.slice(4)}`);
  }
}

/** The period kind's key containing an instant, e.g. the current month. */
export function periodContaining(kind: Exclude<PeriodKind, 'range'>, instant: Date): Period {
  const day = toShanghaiDayNumber(instant.getTime());
  const ymd = formatDayNumber(day);
  switch (kind) {
    case 'day':
      return parsePeriod(ymd);
    case 'week': {
      const iso = isoWeekOf(day);
      return weekPeriod(iso.year, iso.week);
    }
    case 'month':
      return parsePeriod(ymd.slice(0, 7));
    case 'quarter':
      return parsePeriod(`${ymd.slice(0, 4)}-Q${Math.floor((Number(ymd.slice(5, 7)) - 1) / 3) + 1}`);
    case 'year':
      return parsePeriod(ymd.slice(0, 4));
  }
}
