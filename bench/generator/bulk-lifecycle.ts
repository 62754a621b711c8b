/**
 * One generated case's life, decided by the production rules: intake as reportCase does it,
 * then each action through findTransition + decideTransition at its own moment, producing the
 * case row and its timeline events exactly as case-intake.ts / case-actions.ts would write them
 * (follow-ups such as rectification cases and notifications are not generated).
 */
import { computeDeadline } from '../../src/domain/calendar/deadlines.ts';
import type { WorkingCalendar, WorkingHours } from '../../src/domain/calendar/working-calendar.ts';
import { decideTransition, type ActionFields, type CaseChanges } from '../../src/domain/case/case-decide.ts';
import { findTransition } from '../../src/domain/case/case-transitions.ts';
import { warningLevelAt } from '../../src/domain/case/case-warning.ts';
import type { Actor, CaseAction, RatingLevel } from '../../src/domain/case/case-model.ts';
import type { CaseRow, CategoryRow } from '../../src/db/schema.ts';
import type { NewCaseEvent } from '../../src/db/repositories/case/timeline-repository.ts';
import { guardContext, toSnapshot } from '../../src/services/case/case-snapshot.ts';
import { rowChangesFor } from '../../src/services/case/case-row-changes.ts';
import { standingOfRow } from '../../src/db/repositories/supervision/rollup-repository.ts';
import {
  NO_PRIOR_EVENTS, caseAtEventOf, priorAfter, recordEvent, type PriorEvents, type RecordedEvent,
} from '../../src/domain/supervision/event-record.ts';

import type { Random } from '../../src/services/seed/seeded-random.ts';

type Goal = 'reported' | 'filed' | 'dispatched' | 'signed' | 'suspended' | 'resolved' | 'closed' | 'rework' | 'declined' | 'merged' | 'extended';
/** Where a case is headed; young cases are still on the way, so the mix is the same for all and time cuts it short. */
const GOALS: [Goal, number][] = [
  ['closed', 70], ['rework', 6], ['extended', 4], ['declined', 5], ['merged', 2], ['suspended', 1],
  ['resolved', 3], ['signed', 3], ['dispatched', 2], ['filed', 2], ['reported', 2],
];
const GOAL_TOTAL = GOALS.reduce((sum, [, weight]) => sum + weight, 0);
const RATINGS: RatingLevel[] = ['very_satisfied', 'very_satisfied', 'satisfied', 'satisfied', 'satisfied', 'basically_satisfied', 'dissatisfied', 'very_dissatisfied'];

export interface LifeContext {
  random: Random;
  calendar: WorkingCalendar;
  hours: WorkingHours;
  category: CategoryRow;
  /** The end of the generated history: nothing happens after it. */
  end: Date;
  reopenWindowDays: number;
  operator: Actor;
  shiftLead: Actor;
  handlerFor(departmentId: number): Actor;
  /** Open cases of the same district a duplicate may be merged into. */
  mergeTargets: number[];
}

export interface Life {
  row: CaseRow;
  events: NewCaseEvent[];
  /** What each event records (units, facts, rollup deltas), as appendEvents would have recorded it. */
  records: RecordedEvent[];
  prior: PriorEvents;
}

/** A new case's life with nothing recorded yet. */
export function startLife(row: CaseRow): Life {
  return { row, events: [], records: [], prior: NO_PRIOR_EVENTS };
}

/** Appends an event written after the row change it follows, recording it from the row as it now stands. */
export function pushEvent(life: Life, event: NewCaseEvent): void {
  const { row } = life;
  const caseAt = caseAtEventOf(standingOfRow(row));
  const recorded = recordEvent(event, caseAt, life.prior);
  life.events.push(event);
  life.records.push(recorded);
  life.prior = priorAfter(life.prior, event.action, event.actorUserId, recorded);
}

function pickGoal(random: Random): Goal {
  let roll = random.next() * GOAL_TOTAL;
  for (const [goal, weight] of GOALS) {
    roll -= weight;
    if (roll <= 0) return goal;
  }
  return 'closed';
}

/** Applies a decision in memory exactly as case-actions.ts writes it. */
function applyChanges(row: CaseRow, changes: CaseChanges, now: Date): void {
  Object.assign(row, rowChangesFor(changes, row, now));
  row.version += 1;
}

/** Moves a time forward by a random number of hours within [min, max). */
function later(at: Date, random: Random, minHours: number, maxHours: number): Date {
  return new Date(at.getTime() + (minHours + random.next() * (maxHours - minHours)) * 3_600_000);
}

/**
 * Runs a freshly reported case (state `reported`, its report event already in `life`) towards a random goal.
 * Stops at the first step after `ctx.end` or the first step the rules refuse.
 */
export function liveCase(life: Life, reporter: Actor, ctx: LifeContext): void {
  const { row } = life;
  const { random } = ctx;
  const { category, calendar, hours } = ctx;
  let current = row.created_at;
  const act = (actor: Actor, action: CaseAction, fields: ActionFields = {}): boolean => {
    if (current.getTime() > ctx.end.getTime()) return false;
    const isReporter = reporter.userId !== null && row.reporter_user_id === actor.userId;
    const snapshot = toSnapshot(row);
    const found = findTransition(snapshot, actor, action, guardContext(current, category, ctx.reopenWindowDays, isReporter));
    if (!found.rule) return false;
    const decision = decideTransition({
      snapshot, rule: found.rule, actor, fields, now: current, calendar, hours, signLimit: category.sign_limit, resolveLimit: category.resolve_limit,
    });
    const before = row.state;
    applyChanges(row, decision.changes, current);
    pushEvent(life, {
      caseId: row.id, districtId: row.district_id, at: current, actorUserId: actor.userId, actorRole: actor.role, action,
      fromState: before, toState: decision.changes.state, note: decision.note, data: decision.data,
    });
    return true;
  };
  let goal = pickGoal(random);
  // Old cases are rarely still open: most stuck goals of cases older than 45 days end closed instead.
  const openGoal = goal !== 'closed' && goal !== 'rework' && goal !== 'extended' && goal !== 'declined' && goal !== 'merged';
  if (openGoal && ctx.end.getTime() - current.getTime() > 45 * 86_400_000 && random.next() < 0.95) goal = 'closed';
  if (goal === 'reported') return;
  if (goal === 'merged' && ctx.mergeTargets.length > 0) {
    current = later(current, random, 0.2, 2);
    act(ctx.operator, 'merge', { intoCaseId: random.pick(ctx.mergeTargets) });
    return;
  }
  current = later(current, random, 0.1, 1.5);
  if (goal === 'declined') {
    act(ctx.shiftLead, 'decline', { reason: '经核实不属于受理范围' });
    return;
  }
  if (!act(ctx.operator, 'file')) return;
  ctx.mergeTargets.push(row.id);
  if (ctx.mergeTargets.length > 50) ctx.mergeTargets.shift();
  if (goal === 'filed' || row.department_id === null) return;
  current = later(current, random, 0.1, 1);
  if (!act(ctx.operator, 'dispatch', { departmentId: row.department_id })) return;
  if (goal === 'dispatched') return finish(life, ctx);
  const handler = ctx.handlerFor(row.department_id);
  current = later(current, random, 0.1, 2);
  if (!act(handler, 'sign')) return finish(life, ctx);
  if (goal === 'signed') return finish(life, ctx);
  if (goal === 'suspended') {
    current = later(current, random, 1, 24);
    if (act(handler, 'request_suspension', { reason: '需等待供暖季结束后施工' })) act(ctx.operator, 'approve_suspension');
    return finish(life, ctx);
  }
  if (goal === 'extended') {
    current = later(current, random, 1, 12);
    act(handler, 'request_extension', { days: 3, reason: '需协调产权单位' });
    current = later(current, random, 0.2, 2);
    act(ctx.operator, 'approve_extension');
  }
  current = later(current, random, 2, goal === 'rework' ? 30 : 120);
  if (!act(handler, 'resolve', { note: '已到场处置完毕，现场恢复正常。' })) return finish(life, ctx);
  if (goal === 'resolved') return;
  current = later(current, random, 0.5, 6);
  if (goal === 'rework') {
    if (!act(ctx.operator, 'check_fail', { reason: '核查发现处置不彻底' })) return;
    current = later(current, random, 4, 40);
    if (!act(handler, 'resolve', { note: '已返工处理。' })) return finish(life, ctx);
    current = later(current, random, 0.5, 6);
  }
  if (!act(ctx.operator, 'check_pass')) return;
  const index = ctx.mergeTargets.indexOf(row.id);
  if (index >= 0) ctx.mergeTargets.splice(index, 1);
  if (random.next() < 0.7) {
    current = later(current, random, 2, 48);
    act(reporter.role === 'citizen' ? reporter : ctx.operator, 'rate', { level: random.pick(RATINGS) });
  }
}

/** A case left being worked on carries the warning the sweep would have given it by the end. */
function finish(life: Life, ctx: LifeContext): void {
  const row = life.row;
  if (row.state !== 'dispatched' && row.state !== 'signed') return;
  row.warning_level = warningLevelAt({ state: row.state, amberAt: row.amber_at, resolveDeadline: row.resolve_deadline, suspendedAt: row.suspended_at }, ctx.end);
}

/** The dispatch deadline intake sets. */
export function dispatchDeadlineOf(created: Date, category: CategoryRow, calendar: WorkingCalendar, hours: WorkingHours): Date {
  return computeDeadline(created, category.dispatch_limit, calendar, hours);
}
