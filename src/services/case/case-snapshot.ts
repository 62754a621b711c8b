import type { CaseRow, CategoryRow } from '../../db/schema.ts';
import type { CaseSnapshot } from '../../domain/case/case-model.ts';
import type { TimeLimit, WorkingHours } from '../../domain/calendar/index.ts';
import type { GuardContext } from '../../domain/case/case-transitions.ts';
import { parseDistrictSettings, periodOf } from '../../domain/org/index.ts';

/** The part of a stored case the rules decide on. */
export function toSnapshot(row: CaseRow): CaseSnapshot {
  return {
    id: row.id,
    districtId: row.district_id,
    state: row.state,
    version: row.version,
    kind: row.kind,
    gridId: row.grid_id,
    departmentId: row.department_id,
    reporterUserId: row.reporter_user_id,
    pendingRequest: row.pending_request ?? null,
    signDeadline: row.sign_deadline,
    resolveDeadline: row.resolve_deadline,
    resolveClockStartedAt: row.resolve_clock_started_at,
    amberAt: row.amber_at,
    resolveSuspendedMs: row.resolve_suspended_ms,
    suspendedAt: row.suspended_at,
    closedAt: row.closed_at,
    rating: row.rating,
  };
}

export function categoryLimits(category: CategoryRow): { dispatch: TimeLimit; sign: TimeLimit; resolve: TimeLimit } {
  return { dispatch: category.dispatch_limit, sign: category.sign_limit, resolve: category.resolve_limit };
}

/** A district's working hours in force at `now` (its row and settings changes), falling back to the national default. */
export function workingHoursOf(district: { working_hours?: unknown; settings?: unknown }, now: Date): WorkingHours {
  const period = periodOf(now);
  let byPeriod = hoursOfDistrict.get(district);
  if (!byPeriod) hoursOfDistrict.set(district, (byPeriod = new Map()));
  let hours = byPeriod.get(period);
  if (!hours) byPeriod.set(period, (hours = parseDistrictSettings({ settings: district.settings, workingHours: district.working_hours }, period).workingHours));
  return hours;
}

// Parsing the settings was a twentieth of intake's server time; the reference cache hands out one district object
// until an admin write replaces it, so the parse is kept per object (and per month, as changes apply by month).
const hoursOfDistrict = new WeakMap<object, Map<string, WorkingHours>>();

export function guardContext(now: Date, category: CategoryRow, reopenWindowDays: number, isReporter: boolean): GuardContext {
  return { now, selfHandleAllowed: category.self_handle_allowed, reopenWindowDays, isReporter };
}
