/**
 * Reads the text of 国务院办公厅关于 YYYY 年部分节假日安排的通知 into calendar days: the days off
 * (放假, 补休) and the 调休 working days (上班) of each numbered item. Pure; unknown wording is an
 * error naming the line, never a silent guess.
 */
import type { CalendarDay } from './working-calendar.ts';
import { isRealDate } from './shanghai-time.ts';

/** Why a text could not be read as a notice. */
export type NoticeParseErrorCode = 'NOTICE_NOT_RECOGNISED' | 'NOTICE_LINE_INVALID' | 'NOTICE_DAY_CONFLICT';

/** A text that is not a notice, or a line of it that cannot be read; `line` is 1-based. */
export class NoticeParseError extends Error {
  readonly code: NoticeParseErrorCode;
  readonly line: number | null;
  readonly text: string | null;

  constructor(code: NoticeParseErrorCode, message: string, line: number | null = null, text: string | null = null) {
    super(line === null ? message : `line ${line}: ${message}: ${text ?? ''}`);
    this.name = 'NoticeParseError';
    this.code = code;
    this.line = line;
    this.text = text;
  }
}

/** One numbered item of the notice, e.g. 二、春节. */
export interface NoticeHoliday {
  name: string;
  line: number;
  daysOff: string[];
  workingDays: string[];
}

export interface ParsedNotice {
  year: number;
  holidays: NoticeHoliday[];
  /** Every day the notice names, sorted: off days carry the holiday's name, working days '…（调休上班）'. */
  days: CalendarDay[];
}

const TITLE_YEAR = /关于\s*(\d{4})\s*年(?:部分)?节假日安排/;
const BODY_YEAR = /现将\s*(\d{4})\s*年/;
const ITEM = /^\s*[一二三四五六七八九十]+\s*[、.．]\s*([^：:]+)[：:](.*)$/;
const DATE = /(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日/g;
const ASIDE = /（[^）]*）|\([^)]*\)/g;

function noticeYear(lines: readonly string[]): number {
  for (const pattern of [TITLE_YEAR, BODY_YEAR]) {
    for (const line of lines) {
      const match = pattern.exec(line);
      if (match) return Number(match[1]);
    }
  }
  throw new NoticeParseError('NOTICE_NOT_RECOGNISED', 'no "关于YYYY年部分节假日安排的通知" title or "现将YYYY年" sentence');
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Reads the dates of one clause; a day without a month takes the month before it (4月4日至6日). */
function readDates(clause: string, year: number, state: { month: number | null }, fail: (why: string) => never): string[] {
  const dates: string[] = [];
  for (const match of clause.matchAll(DATE)) {
    const month = match[2] ? Number(match[2]) : state.month;
    if (month === null) fail('a day without a month');
    state.month = month;
    const ymd = `${match[1] ?? year}-${pad(month)}-${pad(Number(match[3]))}`;
    if (!isRealDate(ymd)) fail(`no such date ${ymd}`);
    dates.push(ymd);
  }
  return dates;
}

function spanOf(from: string, to: string, fail: (why: string) => never): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  if (days.length === 0 || days.length > 31) fail(`the range ${from} to ${to} is not a holiday`);
  return days;
}

/** One clause: "1月28日至2月4日放假调休", "1月2日补休", "1月26日、2月8日上班"; clauses without dates say nothing. */
function readClause(clause: string, holiday: NoticeHoliday, year: number, state: { month: number | null }, fail: (why: string) => never) {
  const dates = readDates(clause, year, state, fail);
  if (dates.length === 0) return;
  if (clause.includes('上班')) holiday.workingDays.push(...dates);
  else if (clause.includes('补休')) holiday.daysOff.push(...dates);
  else if (clause.includes('放假') || clause.includes('休息')) {
    const isRange = clause.includes('至') && dates.length === 2;
    holiday.daysOff.push(...(isRange ? spanOf(dates[0]!, dates[1]!, fail) : dates));
  } else fail('dates without 放假, 补休 or 上班');
}

function readItem(line: string, lineNumber: number, year: number): NoticeHoliday | null {
  const match = ITEM.exec(line);
  if (!match) return null;
  const fail = (why: string): never => {
    throw new NoticeParseError('NOTICE_LINE_INVALID', why, lineNumber, line.trim());
  };
  const holiday: NoticeHoliday = { name: match[1]!.trim(), line: lineNumber, daysOff: [], workingDays: [] };
  const state = { month: null as number | null };
  for (const clause of match[2]!.replace(ASIDE, '').split(/[。；;，,]/)) readClause(clause, holiday, year, state, fail);
  if (holiday.daysOff.length === 0) fail('no day off found');
  return holiday;
}

function toDays(holidays: readonly NoticeHoliday[]): CalendarDay[] {
  const byDate = new Map<string, { day: CalendarDay; line: number }>();
  const put = (date: string, isWorkingDay: boolean, name: string, holiday: NoticeHoliday) => {
    const seen = byDate.get(date);
    if (seen && seen.day.isWorkingDay !== isWorkingDay) {
      throw new NoticeParseError('NOTICE_DAY_CONFLICT', `${date} is both a day off and a working day (see line ${seen.line})`, holiday.line, date);
    }
    byDate.set(date, { day: { date, isWorkingDay, name }, line: holiday.line });
  };
  for (const holiday of holidays) {
    holiday.daysOff.forEach((date) => put(date, false, holiday.name, holiday));
    holiday.workingDays.forEach((date) => put(date, true, `${holiday.name}（调休上班）`, holiday));
  }
  return [...byDate.values()].map((entry) => entry.day).sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * Parses a State Council holiday notice.
 *
 * @param text - the notice as pasted (title, salutation, the numbered items, closing lines)
 * @returns the year, each item's days and all named days
 * @throws NoticeParseError NOTICE_NOT_RECOGNISED (no year or no item), NOTICE_LINE_INVALID (an item
 *   that cannot be read, with its line), NOTICE_DAY_CONFLICT (a day both off and working)
 * @example
 * parseHolidayNotice('国务院办公厅关于2025年部分节假日安排的通知\n一、元旦：1月1日（周三）放假1天，不调休。').days
 * //=> [{ date: '2025-01-01', isWorkingDay: false, name: '元旦' }]
 */
export function parseHolidayNotice(text: string): ParsedNotice {
  const lines = String(text ?? '').split(/\r?\n/);
  const year = noticeYear(lines);
  const holidays = lines.map((line, index) => readItem(line, index + 1, year)).filter((item): item is NoticeHoliday => item !== null);
  if (holidays.length === 0) throw new NoticeParseError('NOTICE_NOT_RECOGNISED', 'no numbered holiday item such as "一、元旦：…"');
  return { year, holidays, days: toDays(holidays) };
}
