import { describe, expect, it } from 'vitest';
import { decideTransition, type DecisionInput } from './case-decide.ts';
import { findTransition } from './case-transitions.ts';
import { createWorkingCalendar, DEFAULT_WORKING_HOURS } from '../calendar/working-calendar.ts';
import { DomainError } from '../errors.ts';
import type { Actor, CaseAction, CaseSnapshot } from './case-model.ts';

// 2026-03-09 is a Monday; the calendar has no holidays that week.
const calendar = createWorkingCalendar([]);
const now = new Date('2026-03-09T02:00:00Z'); // 10:00 Shanghai
const operator: Actor = { userId: 1, role: 'operator', districtId: 1, streetId: null, departmentId: null, gridId: null };
const handler: Actor = { userId: 2, role: 'handler', districtId: 1, streetId: null, departmentId: 5, gridId: null };

function buildCase(overrides: Partial<CaseSnapshot> = {}): CaseSnapshot {
  return {
    id: 1, districtId: 1, state: 'filed', version: 3, kind: 'event', gridId: 10, departmentId: 5, reporterUserId: null,
    pendingRequest: null, signDeadline: null, resolveDeadline: null, resolveClockStartedAt: null, suspendedAt: null, closedAt: null,
    rating: null, ...overrides,
  };
}

function decide(snapshot: CaseSnapshot, actor: Actor, action: CaseAction, fields: DecisionInput['fields'] = {}) {
  const found = findTransition(snapshot, actor, action, { now, selfHandleAllowed: true, reopenWindowDays: 30, isReporter: false });
  if (!found.rule) throw new Error(`no rule: ${JSON.stringify(found)}`);
  return decideTransition({
    snapshot, rule: found.rule, actor, fields, now, calendar, hours: DEFAULT_WORKING_HOURS,
    signLimit: { amount: 1, unit: 'working_hours' }, resolveLimit: { amount: 2, unit: 'working_days' },
  });
}

describe('decideTransition', () => {
  it('sets the owner and both deadlines on dispatch', () => {
    const { changes } = decide(buildCase(), operator, 'dispatch', { departmentId: 5 });
    expect(changes).toMatchObject({ state: 'dispatched', departmentId: 5, resolveClockStartedAt: now });
    expect(changes.signDeadline?.toISOString()).toBe('2026-03-09T03:00:00.000Z');
    expect(changes.resolveDeadline?.toISOString()).toBe('2026-03-11T09:30:00.000Z');
  });

  it('records an extension request and leaves the deadline until it is approved', () => {
    const signed = buildCase({ state: 'signed', resolveDeadline: new Date('2026-03-11T09:30:00Z') });
    const { changes } = decide(signed, handler, 'request_extension', { days: 2, reason: '需协调' });
    expect(changes.resolveDeadline).toBeUndefined();
    expect(changes.pendingRequest).toMatchObject({ type: 'extension', until: '2026-03-13T09:30:00.000Z', requestedBy: 2 });
  });

  it('refuses an extension that ends before the current deadline', () => {
    const signed = buildCase({ state: 'signed', resolveDeadline: new Date('2026-03-11T09:30:00Z') });
    expect(() => decide(signed, handler, 'request_extension', { until: new Date('2026-03-10T00:00:00Z'), reason: 'x' })).toThrow(DomainError);
  });

  it('clears the owner and deadlines when a handler returns a case', () => {
    const signed = buildCase({ state: 'signed', resolveDeadline: now, signDeadline: now });
    const { changes } = decide(signed, handler, 'return', { reason: '非本部门职责' });
    expect(changes).toMatchObject({ state: 'filed', departmentId: null, signDeadline: null, resolveDeadline: null, incrementReturn: true });
  });

  it('requires every field the table lists for the action, reporting all that are missing', () => {
    expect(() => decide(buildCase({ state: 'signed' }), handler, 'resolve', {})).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED', details: [{ path: 'note', code: 'required' }] }),
    );
    const signed = buildCase({ state: 'signed', resolveDeadline: new Date('2026-03-11T09:30:00Z') });
    expect(() => decide(signed, handler, 'request_extension', {})).toThrow(
      expect.objectContaining({ details: [{ path: 'days', code: 'required' }, { path: 'reason', code: 'required' }] }),
    );
  });

  it('turns an approved suspension request into a suspension that stops the clock', () => {
    const pending = buildCase({ state: 'signed', pendingRequest: { type: 'suspension', reason: '等待', requestedBy: 2, requestedAt: now.toISOString() } });
    expect(decide(pending, operator, 'approve_suspension').changes).toEqual({ state: 'suspended', suspendedAt: now, pendingRequest: null });
    expect(decide(pending, operator, 'reject_suspension', { reason: '不符合条件' }).changes).toEqual({ state: 'signed', pendingRequest: null });
  });

  it('does not mutate the snapshot it decides on', () => {
    const snapshot = buildCase();
    const copy = structuredClone(snapshot);
    decide(snapshot, operator, 'dispatch', { departmentId: 5 });
    expect(snapshot).toEqual(copy);
  });
});
