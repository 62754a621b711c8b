/**
 * Importing a State Council holiday notice: preview the day-by-day difference from the current
 * calendar, then apply it in one transaction with an audit entry. A year that is already official
 * (library data or an earlier notice) is replaced only when the admin confirms the shown diff.
 */
import { DomainError } from '../../domain/errors.ts';
import { NoticeParseError, officialYearsOf, parseHolidayNotice, type ParsedNotice } from '../../domain/calendar/index.ts';
import { listCalendarDays, replaceCalendarYear } from '../../db/repositories/calendar/calendar-repository.ts';
import { insertAudit } from '../../db/repositories/admin/index.ts';
import type { ServiceDeps } from '../service-deps.ts';
import { calendarBeforeChange, onCalendarDaysChanged, type ChangedCalendarDay } from './calendar-changes.ts';
import { runWrite } from '../write-transaction.ts';
import { listCalendarYear } from './calendar-admin.ts';

/** One day the notice would change: its status and name before and after. */
export interface NoticeDayChange {
  date: string;
  before: { isWorkingDay: boolean; name: string | null; source: string };
  after: { isWorkingDay: boolean; name: string | null };
}

export interface NoticePreview {
  year: number;
  /** True when the year already has an official schedule, so applying needs `confirm: true`. */
  yearOfficial: boolean;
  holidays: ParsedNotice['holidays'];
  changes: NoticeDayChange[];
}

function parseOrRefuse(text: string): ParsedNotice {
  try {
    return parseHolidayNotice(text);
  } catch (error) {
    if (!(error instanceof NoticeParseError)) throw error;
    throw new DomainError(error.code === 'NOTICE_DAY_CONFLICT' ? 'CALENDAR_NOTICE_DAY_CONFLICT' : error.code === 'NOTICE_LINE_INVALID'
      ? 'CALENDAR_NOTICE_LINE_INVALID' : 'CALENDAR_NOTICE_UNRECOGNISED', { line: error.line, text: error.text, reason: error.message });
  }
}

/** Every day of the year whose working status or name the notice changes (days outside its year are left alone). */
async function diffAgainstCalendar(deps: ServiceDeps, parsed: ParsedNotice): Promise<NoticeDayChange[]> {
  const current = await listCalendarYear(deps, parsed.year);
  const named = new Map(parsed.days.map((d) => [d.date, d]));
  const changes: NoticeDayChange[] = [];
  for (const day of current.days) {
    const next = named.get(day.date);
    const weekday = new Date(`${day.date}T00:00:00Z`).getUTCDay();
    const after = next ? { isWorkingDay: next.isWorkingDay, name: next.name ?? null } : { isWorkingDay: weekday !== 0 && weekday !== 6, name: null };
    if (after.isWorkingDay !== day.isWorkingDay || after.name !== day.name) {
      changes.push({ date: day.date, before: { isWorkingDay: day.isWorkingDay, name: day.name, source: day.source }, after });
    }
  }
  return changes;
}

async function isYearOfficial(deps: ServiceDeps, year: number): Promise<boolean> {
  const rows = await listCalendarDays(deps.db);
  return officialYearsOf(rows.map((d) => ({ date: d.day, source: d.source }))).includes(year);
}

/**
 * Parses a pasted notice and shows what it would change.
 * @throws DomainError CALENDAR_NOTICE_UNRECOGNISED, CALENDAR_NOTICE_LINE_INVALID, CALENDAR_NOTICE_DAY_CONFLICT
 */
export async function previewNotice(deps: ServiceDeps, text: string): Promise<NoticePreview> {
  const parsed = parseOrRefuse(text);
  return { year: parsed.year, yearOfficial: await isYearOfficial(deps, parsed.year), holidays: parsed.holidays, changes: await diffAgainstCalendar(deps, parsed) };
}

/**
 * Makes the notice the year's calendar: the year's rows are replaced by the notice's days (source
 * 'notice'), admin overrides of that year included, in one transaction with an audit entry.
 * @throws DomainError as {@link previewNotice}, and CALENDAR_YEAR_OFFICIAL (409, with the diff) for an official year without `confirm`
 */
export async function applyNotice(deps: ServiceDeps, text: string, options: { confirm: boolean; actorUserId: number | null }): Promise<NoticePreview> {
  const preview = await previewNotice(deps, text);
  if (preview.yearOfficial && !options.confirm) throw new DomainError('CALENDAR_YEAR_OFFICIAL', { year: preview.year, changes: preview.changes });
  const parsed = parseOrRefuse(text);
  const before = await calendarBeforeChange(deps);
  const rows = parsed.days.filter((d) => d.date.startsWith(`${parsed.year}-`))
    .map((d) => ({ day: d.date, isWorkingDay: d.isWorkingDay, name: d.name ?? null, source: 'notice' }));
  await runWrite(deps, async (trx) => {
    await replaceCalendarYear(trx, parsed.year, rows);
    await insertAudit(trx, {
      at: deps.clock(), actorUserId: options.actorUserId, action: 'calendar.import_notice', subject: `calendar:${parsed.year}`,
      data: { year: parsed.year, confirmed: options.confirm, changes: preview.changes },
    });
  });
  const changed: ChangedCalendarDay[] = preview.changes.filter((c) => c.before.isWorkingDay !== c.after.isWorkingDay)
    .map((c) => ({ date: c.date, wasWorkingDay: c.before.isWorkingDay, isWorkingDay: c.after.isWorkingDay }));
  await onCalendarDaysChanged(deps, changed, before);
  return preview;
}
