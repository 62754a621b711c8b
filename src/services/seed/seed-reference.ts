/**
 * Reference data every installation needs: the categories with their time limits and the
 * working calendar from the holiday library. Idempotent: run at every start.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { CATEGORY_SEEDS } from '../../db/seed/categories.ts';
import { adminCalendarCoversYear, insertMissingCategories } from '../../db/seed/seed-repository.ts';
import { upsertCalendarDays } from '../../db/repositories/calendar/index.ts';
import { libraryHasYear, loadLibraryCalendarDays } from '../calendar/index.ts';

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
 * Loads the library's holidays and 调休 days for every year it knows from 2024 on.
 * @returns the years loaded and whether next year is still missing (the library treats unknown years as plain weeks)
 */
export async function seedCalendar(db: Kysely<Database>, now: Date): Promise<{ years: number[]; nextYearMissing: boolean }> {
  const thisYear = now.getUTCFullYear();
  const years: number[] = [];
  for (let year = CALENDAR_FROM_YEAR; year <= thisYear + 1; year += 1) {
    if (libraryHasYear(year)) years.push(year);
  }
  if (years.length > 0) {
    const days = loadLibraryCalendarDays(years[0]!, years[years.length - 1]!);
    await upsertCalendarDays(
      db,
      days.map((d) => ({ day: d.date, isWorkingDay: d.isWorkingDay, name: d.name ?? null, source: 'library' })),
    );
  }
  const adminNextYear = await adminCalendarCoversYear(db, thisYear + 1);
  return { years, nextYearMissing: !years.includes(thisYear + 1) && !adminNextYear };
}
