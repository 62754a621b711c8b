/**
 * The working calendar read from the database and kept in memory for a minute, so several
 * server instances pick up an admin's override without a restart.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { listCalendarDays } from '../../db/repositories/calendar/calendar-repository.ts';
import { createWorkingCalendar, type WorkingCalendar } from '../../domain/calendar/working-calendar.ts';

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
      const days = await listCalendarDays(db);
      const calendar = createWorkingCalendar(days.map((d) => ({ date: d.day, isWorkingDay: d.isWorkingDay, name: d.name ?? undefined })));
      cached = { calendar, loadedAt: Date.now() };
      return calendar;
    },
    invalidate() {
      cached = null;
    },
  };
}
