/**
 * Recalculation of open cases' clocks when calendar days change (issue 15 item 3): the admin override
 * calls it today; making a provisional year official calls it with the days that differ. Each moved case
 * gets one timeline event (old → new); closed cases and instants already past never change.
 */
import { changedDaysSpan, recalculateClock, recordedWarningAfter, toWarningLevel, type ClockInstants } from '../../domain/case/index.ts';
import type { WorkingCalendar } from '../../domain/calendar/index.ts';
import { appendEvents, lockClocksAfter, setClockInstants, type NewCaseEvent } from '../../db/repositories/case/index.ts';
import type { ServiceDeps } from '../service-deps.ts';
import { runWrite } from '../write-transaction.ts';
import { workingHoursOf } from '../case/index.ts';

const BATCH = 200;

const iso = (value: Date | null) => value?.toISOString() ?? null;

function changeData(from: ClockInstants, to: ClockInstants, changedDays: readonly string[]) {
  const pair = (a: Date | null, b: Date | null) => ({ from: iso(a), to: iso(b) });
  return {
    changedDays: [...changedDays],
    signDeadline: pair(from.signDeadline, to.signDeadline),
    amberAt: pair(from.amberAt, to.amberAt),
    resolveDeadline: pair(from.resolveDeadline, to.resolveDeadline),
  };
}

/**
 * Moves the clocks of open cases whose future crosses one of `changedDays`, reading the calendar as it
 * is now (`deps.calendar`, already invalidated by the caller) against `before`, the calendar before the change.
 * @returns how many cases moved
 */
export async function recalculateOpenDeadlines(deps: ServiceDeps, changedDays: readonly string[], before: WorkingCalendar): Promise<{ recalculated: number }> {
  const span = changedDaysSpan(changedDays);
  const now = deps.clock();
  if (!span || span.to.getTime() <= now.getTime()) return { recalculated: 0 };
  const after = await deps.calendar.get();
  const from = span.from.getTime() > now.getTime() ? span.from : now;
  let recalculated = 0;
  let afterId = 0;
  for (;;) {
    const rows = await runWrite(deps, async (trx) => {
      const batch = await lockClocksAfter(trx, from, afterId, BATCH);
      const events = new Map<number, NewCaseEvent[]>();
      for (const row of batch) {
        const instants = { signDeadline: row.sign_deadline, amberAt: row.amber_at, resolveDeadline: row.resolve_deadline };
        const next = recalculateClock({
          instants, signUnit: row.sign_limit.unit, resolveUnit: row.resolve_limit.unit, changedDays, now, before, after, hours: workingHoursOf(row, now),
        });
        if (!next) continue;
        const clock = { state: row.state, amberAt: next.amberAt, resolveDeadline: next.resolveDeadline, suspendedAt: row.suspended_at };
        const warning = recordedWarningAfter(toWarningLevel(row.warning_level), clock, now);
        await setClockInstants(trx, row.id, {
          sign_deadline: next.signDeadline, amber_at: next.amberAt, resolve_deadline: next.resolveDeadline, warning_level: warning, updated_at: now,
        });
        events.set(row.district_id, [...(events.get(row.district_id) ?? []), {
          caseId: row.id, districtId: row.district_id, at: now, actorUserId: null, actorRole: 'system', action: 'recalculate_deadlines',
          fromState: row.state, toState: row.state, note: null, data: changeData(instants, next, changedDays),
        }]);
        recalculated += 1;
      }
      for (const [districtId, list] of [...events.entries()].sort(([a], [b]) => a - b)) await appendEvents(trx, districtId, list);
      return batch;
    });
    if (rows.length < BATCH) break;
    afterId = rows[rows.length - 1]!.id;
  }
  return { recalculated };
}
