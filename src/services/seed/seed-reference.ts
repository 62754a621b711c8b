/**
 * Reference data every installation needs: the categories with their time limits and the
 * working calendar from the holiday library. Idempotent: run at every start.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { CATEGORY_SEEDS } from '../../db/seed/categories.ts';
import { insertMissingCategories } from '../../db/seed/seed-repository.ts';
import { listCalendarDays, upsertCalendarDays } from '../../db/repositories/calendar/index.ts';
import { officialYearsOf, toShanghaiDate } from '../../domain/calendar/index.ts';
import { CALENDAR_YEARS_AHEAD, estimateStatutoryDays, libraryHasYear, loadLibraryCalendarDays } from '../calendar/index.ts';

const CALENDAR_FROM_YEAR = 2024;

/** Inserts categories that are missing; an admin's later edits to existing ones are kept. */
export async function seedCategories(db: Kysely<Database>): Promise<number> {
  const rows = CATEGORY_SEEDS.map((c) => ({
    code: c.code, kind: c.kind, major_code: c.majorCode, major_name: c.majorName, major_name_en: c.majorNameEn,
    minor_code: c.minorCode, minor_name: c.minorName, minor_name_en: c.minorNameEn, department_code: c.departmentCode,
    handled_by_street: c.handledByStreet, dispatch_limit: JSON.stringify(c.dispatchLimit), sign_limit: JSON.stringify(c.signLimit),
    resolve_limit: JSON.stringify(c.resolveLimit), self_handle_allowed: c.selfHandleAllowed, duplicate_radius_m: c.duplicateRadiusMeters,
    urgent: c.urgent ?? false,
  }));
  return insertMissingCategories(db, rows);
}

/**
 * Loads the library's holidays and 调休 days for every year it knows from 2024 on, and stores the
 * statutory holidays as estimates (source 'provisional') for the years up to four ahead that have
 * no official schedule yet. Years further out are estimated when a deadline first reaches them.
 * @returns the years loaded from the library and the years that are only estimated
 */
export async function seedCalendar(db: Kysely<Database>, now: Date): Promise<{ years: number[]; provisionalYears: number[] }> {
  const thisYear = Number(toShanghaiDate(now).slice(0, 4));
  const years: number[] = [];
  const unknown: number[] = [];
  for (let year = CALENDAR_FROM_YEAR; year <= thisYear + CALENDAR_YEARS_AHEAD; year += 1) (libraryHasYear(year) ? years : unknown).push(year);
  if (years.length > 0) {
    const days = loadLibraryCalendarDays(years[0]!, years[years.length - 1]!);
    await upsertCalendarDays(db, days.map((d) => ({ day: d.date, isWorkingDay: d.isWorkingDay, name: d.name ?? null, source: 'library' })));
  }
  const official = new Set(officialYearsOf((await listCalendarDays(db)).map((d) => ({ date: d.day, source: d.source }))));
  const provisionalYears = unknown.filter((year) => !official.has(year));
  const estimates = provisionalYears.flatMap((year) => estimateStatutoryDays(year));
  await upsertCalendarDays(db, estimates.map((d) => ({ day: d.date, isWorkingDay: false, name: d.name ?? null, source: 'provisional' })));
  return { years, provisionalYears };
}
