/**
 * Hand-computed fixtures for both clocks of an application (issue 13, "Done when"), on the 2026
 * schedule of the State Council notice of 2025-11-04: 中秋 Sep 25–27 off, 国庆 Oct 1–7 off,
 * make-up working days Sun Sep 20 and Sat Oct 10. Every limit ends at 17:30 (default working hours).
 */
import { describe, expect, it } from 'vitest';
import { createWorkingCalendar, DEFAULT_WORKING_HOURS, type CalendarDay } from '../calendar/index.ts';
import {
  APPLICATION_TRANSITIONS, decideApplication, isSupplementNoticeOnTime, remainingWorkingDays, startClock, deadlinesOf,
  workingDaysBetween, type ApplicationAction, type ApplicationSnapshot, type ApplicationFields,
} from './index.ts';

const off = (dates: string[]): CalendarDay[] => dates.map((date) => ({ date, isWorkingDay: false }));
const calendar = createWorkingCalendar([
  { date: '2026-09-20', isWorkingDay: true },
  ...off(['2026-09-25', '2026-09-26', '2026-09-27']),
  ...off(['01', '02', '03', '04', '05', '06', '07'].map((d) => `2026-10-${d}`)),
  { date: '2026-10-10', isWorkingDay: true },
]);
const hours = DEFAULT_WORKING_HOURS;
const at = (local: string): Date => new Date(`${local}+08:00`);
const close = (day: string): Date => at(`${day}T17:30`);

/** 建筑工程施工许可: 法定 20, 承诺 10 working days. */
const item = { materials: ['申请表', '用地规划许可证', '施工合同'], legalLimitDays: 20, promisedLimitDays: 10, toleranceAllowed: false, kind: 'promised' as const };

function ruleFor(action: ApplicationAction, status: string) {
  const rule = APPLICATION_TRANSITIONS.find((r) => r.action === action && r.from.includes(status as never) && r.roles.includes('handler'));
  if (!rule) throw new Error(`no rule for ${action} from ${status}`);
  return rule;
}

/** Plays actions on one application as the back office, returning each decision's deadlines. */
function play(receivedLocal: string, steps: [ApplicationAction, string, ApplicationFields?][]) {
  const receivedAt = at(receivedLocal);
  let snapshot: ApplicationSnapshot = {
    status: 'received', statusBeforePause: null, receivedAt, clock: startClock(receivedAt), materials: ['申请表', '用地规划许可证'],
    supplementRequestedAt: null, supplementOnTime: null,
  };
  const initial = deadlinesOf(snapshot.clock, item, calendar, hours);
  const results = [];
  for (const [action, local, fields] of steps) {
    const decision = decideApplication({ snapshot, rule: ruleFor(action, snapshot.status), action, fields: fields ?? {}, item, now: at(local), calendar, hours });
    snapshot = {
      ...snapshot, status: decision.status, statusBeforePause: decision.statusBeforePause, clock: decision.clock, materials: decision.materials,
      supplementRequestedAt: decision.supplementRequestedAt ?? snapshot.supplementRequestedAt, supplementOnTime: decision.supplementOnTime ?? snapshot.supplementOnTime,
    };
    results.push(decision);
  }
  return { initial, results, snapshot };
}

describe('the two clocks across an on-time 补正 over National Day and a 特别程序 pause', () => {
  const { initial, results } = play('2026-09-28T09:00', [
    ['accept', '2026-09-28T09:10', { materials: [] }],
    ['request_supplement', '2026-09-29T10:00'],
    ['supplement_received', '2026-10-09T14:00', { materials: ['施工合同'] }],
    ['start_processing', '2026-10-12T09:00'],
    ['start_special', '2026-10-13T09:00', { reason: '专家评审' }],
    ['end_special', '2026-10-16T16:00'],
    ['conclude', '2026-10-20T10:00', { outcome: 'approved' }],
  ]);

  it('counts 10 and 20 working days from the day of receipt, skipping 国庆 and counting Sat 10-10', () => {
    // promised: 09-29, 09-30, 10-08, 10-09, 10-10, 10-12 … 10-16 (10th); legal: … 10-30 (20th)
    expect(initial.promisedDeadline).toEqual(close('2026-10-16'));
    expect(initial.legalDeadline).toEqual(close('2026-10-30'));
  });

  it('calls a notice on the next working day on time and stops both clocks', () => {
    expect(results[1]).toMatchObject({ status: 'supplementing', supplementOnTime: true, supplementMissing: ['施工合同'], nationalCode: 6 });
    expect(results[1]!.clock.pause).toEqual({ kind: 'supplement', since: at('2026-09-29T10:00') });
  });

  it('restarts both clocks from the day the materials came (article 32: accepted only when complete)', () => {
    // from Fri 10-09: 10-10 (Sat, make-up), 10-12 … 10-16, 10-19 … 10-22 (10th); legal … 11-05 (20th)
    expect(results[2]).toMatchObject({ status: 'accepted', nationalCode: 7 });
    expect(results[2]!.clock).toEqual({ startDay: '2026-10-09', pausedWorkingDays: 0, pause: null });
    expect(results[2]!.promisedDeadline).toEqual(close('2026-10-22'));
    expect(results[2]!.legalDeadline).toEqual(close('2026-11-05'));
  });

  it('leaves out the 特别程序 days (10-14, 10-15, 10-16) from both clocks', () => {
    expect(results[4]).toMatchObject({ status: 'special_procedure', nationalCode: 9 });
    expect(results[5]).toMatchObject({ status: 'processing', nationalCode: 10 });
    expect(results[5]!.clock.pausedWorkingDays).toBe(3);
    expect(results[5]!.promisedDeadline).toEqual(close('2026-10-27'));
    expect(results[5]!.legalDeadline).toEqual(close('2026-11-10'));
    expect(results[6]).toMatchObject({ status: 'concluded', outcome: 'approved', nationalCode: 11 });
  });
});

describe('a late 补正 notice (article 32: accepted from receipt)', () => {
  const { initial, results } = play('2026-09-21T09:00', [
    ['accept', '2026-09-21T09:10'],
    ['request_supplement', '2026-09-30T10:00'],
    ['supplement_received', '2026-10-09T14:00', { materials: ['施工合同'] }],
  ]);

  it('keeps the start of receipt and excludes only the pause (10-08, 10-09)', () => {
    // promised from Mon 09-21: 22, 23, 24, 28, 29, 30, 10-08, 09, 10, 12 (10th); legal … 10-26 (20th)
    expect(initial.promisedDeadline).toEqual(close('2026-10-12'));
    expect(initial.legalDeadline).toEqual(close('2026-10-26'));
    expect(results[1]!.supplementOnTime).toBe(false);
    expect(results[2]!.clock).toEqual({ startDay: '2026-09-21', pausedWorkingDays: 2, pause: null });
    expect(results[2]!.promisedDeadline).toEqual(close('2026-10-14'));
    expect(results[2]!.legalDeadline).toEqual(close('2026-10-28'));
  });

  it('draws the line at the 5th working day after receipt', () => {
    expect(isSupplementNoticeOnTime(at('2026-09-21T09:00'), at('2026-09-29T17:00'), calendar)).toBe(true); // 22, 23, 24, 28, 29
    expect(isSupplementNoticeOnTime(at('2026-09-21T09:00'), at('2026-09-30T08:40'), calendar)).toBe(false);
  });
});

describe('clock helpers', () => {
  it('counts working days after one day up to another', () => {
    expect(workingDaysBetween('2026-09-30', '2026-10-09', calendar)).toBe(2);
    expect(workingDaysBetween('2026-09-19', '2026-09-21', calendar)).toBe(2); // make-up Sunday 09-20
    expect(workingDaysBetween('2026-10-09', '2026-10-09', calendar)).toBe(0);
  });

  it('ends an on-the-spot limit (0 days) at the close of the day, or of the next working day', () => {
    const spot = { ...item, legalLimitDays: 0, promisedLimitDays: 0, kind: 'on_the_spot' as const };
    expect(deadlinesOf(startClock(at('2026-10-09T10:00')), spot, calendar, hours).promisedDeadline).toEqual(close('2026-10-09'));
    expect(deadlinesOf(startClock(at('2026-10-03T10:00')), spot, calendar, hours).legalDeadline).toEqual(close('2026-10-08'));
  });

  it('turns amber after 8 of 10 promised working days', () => {
    expect(deadlinesOf(startClock(at('2026-09-28T09:00')), item, calendar, hours).promisedAmberAt).toEqual(close('2026-10-14'));
  });

  it('counts down in working days, negative once past', () => {
    expect(remainingWorkingDays(close('2026-10-14'), at('2026-10-12T09:00'), calendar)).toBe(2);
    expect(remainingWorkingDays(close('2026-10-14'), at('2026-10-14T09:00'), calendar)).toBe(0);
    expect(remainingWorkingDays(close('2026-10-14'), at('2026-10-16T09:00'), calendar)).toBe(-2);
  });
});
