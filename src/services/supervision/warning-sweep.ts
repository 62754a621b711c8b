/**
 * The scheduled sweep (DESIGN §4.3): marks amber/red warnings on cases being worked on and
 * escalates unanswered 督办 notices, writing timeline events and notifications. Idempotent (a
 * level is recorded once, when it rises) and safe with several instances on one database: each
 * batch is claimed with FOR UPDATE SKIP LOCKED and decided on the locked, current row.
 */
import { isEscalation, toWarningLevel, warningFor, type WarningLevel } from '../../domain/case/index.ts';
import { findCaseState, findCategoryById, appendEvents, type NewCaseEvent, insertNotifications, type NewNotification } from '../../db/repositories/case/index.ts';
import { findDistrictById } from '../../db/repositories/org/index.ts';
import { closeRecentDays } from '../../db/repositories/supervision/day-close-repository.ts';
import {
  claimOverdueNotices, claimWarningBatch, clearStaleWarnings, markNoticeEscalated, setWarningLevel,
} from '../../db/repositories/supervision/sweep-repository.ts';
import type { Transaction } from 'kysely';
import type { CategoryRow, Database } from '../../db/schema.ts';
import type { WorkingHours } from '../../domain/calendar/index.ts';
import type { ServiceDeps } from '../service-deps.ts';
import { workingHoursOf } from '../case/index.ts';

export interface SweepResult {
  examined: number;
  amber: number;
  red: number;
  lowered: number;
  cleared: number;
  noticesEscalated: number;
}

const BATCH = 200;

const WARNING_TEXT: Record<'amber' | 'red', { title: string; body: (number: string) => string }> = {
  amber: { title: '黄牌预警 / Amber warning', body: (number) => `工单 ${number} 已用时限 80% 以上，请尽快处置。Case ${number} has used 80% of its time limit.` },
  red: { title: '红牌预警 / Red warning', body: (number) => `工单 ${number} 已超期。Case ${number} is overdue.` },
};

/** Category and working-hours lookups, cached per run; read through the caller's transaction (PGlite has one connection). */
function lookups(now: Date) {
  const categories = new Map<number, CategoryRow | undefined>();
  const hours = new Map<number, WorkingHours>();
  return {
    async category(db: Transaction<Database>, id: number) {
      if (!categories.has(id)) categories.set(id, await findCategoryById(db, id));
      return categories.get(id);
    },
    async hours(db: Transaction<Database>, districtId: number) {
      if (!hours.has(districtId)) {
        const district = await findDistrictById(db, districtId);
        hours.set(districtId, workingHoursOf(district ?? {}, now));
      }
      return hours.get(districtId)!;
    },
  };
}

async function sweepWarnings(deps: ServiceDeps, now: Date, result: SweepResult): Promise<void> {
  const calendar = await deps.calendar.get();
  const cache = lookups(now);
  let afterId = 0;
  for (;;) {
    const claimed = await deps.db.transaction().execute(async (trx) => {
      const rows = await claimWarningBatch(trx, afterId, BATCH);
      const events = new Map<number, NewCaseEvent[]>();
      const notifications: NewNotification[] = [];
      for (const row of rows) {
        result.examined += 1;
        const category = await cache.category(trx, row.category_id);
        const start = row.resolve_clock_started_at ?? row.dispatched_at;
        if (!category || !start || !row.resolve_deadline) continue;
        const current = toWarningLevel(row.warning_level);
        const level: WarningLevel = warningFor(
          { start, deadline: row.resolve_deadline, now, unit: category.resolve_limit.unit }, calendar, await cache.hours(trx, row.district_id),
        );
        if (level === current) continue;
        await setWarningLevel(trx, row.id, level);
        if (!isEscalation(current, level)) {
          result.lowered += 1;
          continue;
        }
        const raised = level as 'amber' | 'red';
        result[raised] += 1;
        const list = events.get(row.district_id) ?? [];
        list.push({
          caseId: row.id, districtId: row.district_id, at: now, actorUserId: null, actorRole: 'system', action: `warn_${raised}`,
          fromState: row.state, toState: row.state, note: null,
          data: { resolveDeadline: row.resolve_deadline.toISOString(), previous: current },
        });
        events.set(row.district_id, list);
        const text = WARNING_TEXT[raised];
        notifications.push({
          districtId: row.district_id, recipientDepartmentId: row.department_id, kind: `warn_${raised}`, caseId: row.id,
          title: text.title, body: text.body(row.number), data: { resolveDeadline: row.resolve_deadline.toISOString() }, at: now,
        });
        if (raised === 'red') {
          notifications.push({
            districtId: row.district_id, recipientRole: 'supervisor', kind: 'warn_red', caseId: row.id,
            title: text.title, body: text.body(row.number), data: { departmentId: row.department_id }, at: now,
          });
        }
      }
      for (const [districtId, list] of [...events.entries()].sort(([a], [b]) => a - b)) await appendEvents(trx, districtId, list);
      await insertNotifications(trx, notifications);
      return rows;
    });
    if (claimed.length === 0) break;
    afterId = claimed[claimed.length - 1]!.id;
    if (claimed.length < BATCH) break;
  }
  result.cleared += await deps.db.transaction().execute((trx) => clearStaleWarnings(trx));
}

async function sweepNotices(deps: ServiceDeps, now: Date, result: SweepResult): Promise<void> {
  for (;;) {
    const count = await deps.db.transaction().execute(async (trx) => {
      const notices = await claimOverdueNotices(trx, now, BATCH);
      const notifications: NewNotification[] = [];
      for (const notice of notices) {
        await markNoticeEscalated(trx, notice.id, now);
        notifications.push({
          districtId: notice.district_id, recipientRole: 'leader', recipientDepartmentId: notice.department_id, kind: 'notice_escalated',
          caseId: notice.case_id, noticeId: notice.id, title: '督办逾期未回复 / Notice unanswered',
          body: `督办事项逾期未回复，已提请分管领导关注。A supervision notice was not answered in time and goes to the leader.`,
          data: { respondBy: notice.respond_by.toISOString() }, at: now,
        });
        if (notice.case_id !== null) {
          const state = await findCaseState(trx, notice.case_id);
          await appendEvents(trx, notice.district_id, [{
            caseId: notice.case_id, districtId: notice.district_id, at: now, actorUserId: null, actorRole: 'system',
            action: 'notice_escalated', fromState: state ?? null, toState: state ?? 'filed', note: null, data: { noticeId: notice.id },
          }]);
        }
      }
      await insertNotifications(trx, notifications);
      return notices.length;
    });
    result.noticesEscalated += count;
    if (count < BATCH) break;
  }
}

/**
 * Runs one sweep at the deps' clock.
 * @returns what it changed; a second run at the same instant changes nothing
 */
export async function runSweep(deps: ServiceDeps): Promise<SweepResult> {
  const now = deps.clock();
  const result: SweepResult = { examined: 0, amber: 0, red: 0, lowered: 0, cleared: 0, noticesEscalated: 0 };
  await sweepWarnings(deps, now, result);
  await sweepNotices(deps, now, result);
  // Shortly after each Shanghai midnight: write the finished day's end state into the rollups, once (ADR 0005).
  await closeRecentDays(deps.db, now);
  return result;
}

export interface SweepLoop {
  /** Stops scheduling and waits for a running sweep to finish. */
  stop(): Promise<void>;
}

/**
 * Runs the sweep now and then every `intervalMs` (one run at a time per process).
 * @param onError - told about a failed run; the loop keeps going
 */
export function startSweepLoop(deps: ServiceDeps, intervalMs: number, onError: (error: unknown) => void = () => {}): SweepLoop {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<void> = Promise.resolve();
  const tick = (): void => {
    if (stopped) return;
    running = runSweep(deps).then(() => undefined, onError).finally(() => {
      if (!stopped) timer = setTimeout(tick, intervalMs);
    });
  };
  tick();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
