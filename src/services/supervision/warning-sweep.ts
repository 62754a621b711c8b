/**
 * The scheduled sweep (DESIGN §4.3): records amber/red warnings on cases being worked on when their
 * stored instants pass (the instants are set with the clock, case-warning.ts) and escalates unanswered
 * 督办 notices, writing timeline events and notifications. Idempotent (a level is recorded once, when it
 * rises) and safe with several instances on one database: each batch is claimed with FOR UPDATE SKIP LOCKED.
 */
import { findCaseState, appendEvents, type NewCaseEvent, insertNotifications, type NewNotification } from '../../db/repositories/case/index.ts';
import { closeRecentDays } from '../../db/repositories/supervision/day-close-repository.ts';
import {
  claimOverdueNotices, clearStaleWarnings, markNoticeEscalated, raiseDueWarnings,
} from '../../db/repositories/supervision/sweep-repository.ts';
import type { ServiceDeps } from '../service-deps.ts';
import { runWrite } from '../write-transaction.ts';
import { repeatEvery, type RepeatingWork } from '../repeat-every.ts';

export interface SweepResult {
  /** Cases whose warning was raised (the sweep reads nothing else). */
  examined: number;
  amber: number;
  red: number;
  cleared: number;
  noticesEscalated: number;
}

const BATCH = 1000;

const WARNING_TEXT: Record<'amber' | 'red', { title: string; body: (number: string) => string }> = {
  amber: { title: '黄牌预警 / Amber warning', body: (number) => `工单 ${number} 已用时限 80% 以上，请尽快处置。Case ${number} has used 80% of its time limit.` },
  red: { title: '红牌预警 / Red warning', body: (number) => `工单 ${number} 已超期。Case ${number} is overdue.` },
};

type RaisedCase = Awaited<ReturnType<typeof raiseDueWarnings>>[number];

/** The timeline event and the notifications of one raised warning. */
function warningRecords(row: RaisedCase, level: 'amber' | 'red', now: Date): { event: NewCaseEvent; notifications: NewNotification[] } {
  const deadline = row.resolve_deadline?.toISOString() ?? null;
  const text = WARNING_TEXT[level];
  const notifications: NewNotification[] = [{
    districtId: row.district_id, recipientDepartmentId: row.department_id, kind: `warn_${level}`, caseId: row.id,
    title: text.title, body: text.body(row.number), data: { resolveDeadline: deadline }, at: now,
  }];
  if (level === 'red') {
    notifications.push({
      districtId: row.district_id, recipientRole: 'supervisor', kind: 'warn_red', caseId: row.id,
      title: text.title, body: text.body(row.number), data: { departmentId: row.department_id }, at: now,
    });
  }
  const event: NewCaseEvent = {
    caseId: row.id, districtId: row.district_id, at: now, actorUserId: null, actorRole: 'system', action: `warn_${level}`,
    fromState: row.state, toState: row.state, note: null,
    data: { resolveDeadline: deadline, amberAt: row.amber_at?.toISOString() ?? null, previous: row.previous },
  };
  return { event, notifications };
}

/**
 * Raises every case whose stored instant passed since the last run, red first, in batches: one
 * conditional UPDATE per batch plus its events (districts in id order, as every writer takes them)
 * and notifications. A steady sweep finds nothing and writes nothing.
 */
async function sweepWarnings(deps: ServiceDeps, now: Date, result: SweepResult): Promise<void> {
  for (const level of ['red', 'amber'] as const) {
    for (;;) {
      const raised = await runWrite(deps, async (trx) => {
        const rows = await raiseDueWarnings(trx, level, now, BATCH);
        const events = new Map<number, NewCaseEvent[]>();
        const notifications: NewNotification[] = [];
        for (const row of rows) {
          const records = warningRecords(row, level, now);
          events.set(row.district_id, [...(events.get(row.district_id) ?? []), records.event]);
          notifications.push(...records.notifications);
        }
        for (const [districtId, list] of [...events.entries()].sort(([a], [b]) => a - b)) await appendEvents(trx, districtId, list);
        await insertNotifications(trx, notifications);
        return rows.length;
      });
      result.examined += raised;
      result[level] += raised;
      if (raised < BATCH) break;
    }
  }
  result.cleared += await runWrite(deps, (trx) => clearStaleWarnings(trx));
}

async function sweepNotices(deps: ServiceDeps, now: Date, result: SweepResult): Promise<void> {
  for (;;) {
    const count = await runWrite(deps, async (trx) => {
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
  const result: SweepResult = { examined: 0, amber: 0, red: 0, cleared: 0, noticesEscalated: 0 };
  await sweepWarnings(deps, now, result);
  await sweepNotices(deps, now, result);
  // Shortly after each Shanghai midnight: write the finished day's end state into the rollups, once (ADR 0005).
  await closeRecentDays(deps.db, now);
  return result;
}

export type SweepLoop = RepeatingWork;

/**
 * Runs the sweep now and then every `intervalMs` (one run at a time per process).
 * @param onError - told about a failed run; the loop keeps going
 */
export function startSweepLoop(deps: ServiceDeps, intervalMs: number, onError: (error: unknown) => void = () => {}): SweepLoop {
  return repeatEvery(() => runSweep(deps), intervalMs, onError);
}
