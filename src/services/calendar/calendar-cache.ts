/**
 * The working calendar read from the database and kept in memory for a minute, so several
 * server instances pick up an admin's override without a restart.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { listCalendarDays, type CalendarDayRow } from '../../db/repositories/calendar/calendar-repository.ts';
import { createWorkingCalendar, type WorkingCalendar } from '../../domain/calendar/working-calendar.ts';
import { provisionalYearsOf } from '../../domain/calendar/calendar-sources.ts';
import { estimateYearOrNothing } from './calendar-source.ts';

export interface CalendarCache {
  get(): Promise<WorkingCalendar>;
  invalidate(): void;
}

const TTL_MS = 60_000;

export function createCalendarCache(db: Kysely<Database>): CalendarCache {
  let cached: { calendar: WorkingCalendar; loadedAt: number } | null = null;
  return {
    async get() {
      if (cached && Date.now() - cached.loadedAt < TTL_MS) return cached.calendar;
      const calendar = calendarOfRows(await listCalendarDays(db));
      cached = { calendar, loadedAt: Date.now() };
      return calendar;
    },
    invalidate() {
      cached = null;
    },
  };
}

/** The working calendar of stored rows; years without rows are estimated when first reached. */
export function calendarOfRows(rows: readonly CalendarDayRow[]): WorkingCalendar {
  return createWorkingCalendar(
    rows.map((d) => ({ date: d.day, isWorkingDay: d.isWorkingDay, name: d.name ?? undefined })),
    { provisionalYears: provisionalYearsOf(rows.map((d) => ({ date: d.day, source: d.source }))), estimateYear: estimateYearOrNothing },
  );
}
