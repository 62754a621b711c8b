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
const gridWorker: Actor = { userId: 3, role: 'grid_worker', districtId: 1, streetId: null, departmentId: null, gridId: 10 };
const shiftLead: Actor = { userId: 4, role: 'shift_lead', districtId: 1, streetId: null, departmentId: null, gridId: null };
const supervisor: Actor = { userId: 5, role: 'supervisor', districtId: 1, streetId: null, departmentId: null, gridId: null };

function buildCase(overrides: Partial<CaseSnapshot> = {}): CaseSnapshot {
  return {
    id: 1, districtId: 1, state: 'filed', version: 3, kind: 'event', gridId: 10, departmentId: 5, reporterUserId: null,
    pendingRequest: null, signDeadline: null, resolveDeadline: null, resolveClockStartedAt: null, suspendedAt: null, closedAt: null,
    rating: null, amberAt: null, resolveSuspendedMs: 0, ...overrides,
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

/** Runs `fn`, which must throw a DomainError, and returns that error for its code and details. */
function domainErrorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError, nothing was thrown');
}

describe('decideTransition', () => {
  it('sets the owner and both deadlines on dispatch', () => {
    const { changes } = decide(buildCase(), operator, 'dispatch', { departmentId: 5 });
    expect(changes).toMatchObject({ state: 'dispatched', departmentId: 5, resolveClockStartedAt: now });
    expect(changes.signDeadline?.toISOString()).toBe('2026-03-09T03:00:00.000Z');
    expect(changes.resolveDeadline?.toISOString()).toBe('2026-03-11T09:30:00.000Z');
    // 80% of the 1,350 working minutes from Mon 10:00 to Wed 17:30 ends at Wed 12:00 (the lunch break starts)
    expect(changes).toMatchObject({ amberAt: new Date('2026-03-11T04:00:00.000Z'), resolveSuspendedMs: 0 });
  });

  it('records an extension request and leaves the deadline until it is approved', () => {
    const signed = buildCase({ state: 'signed', resolveDeadline: new Date('2026-03-11T09:30:00Z') });
    const { changes } = decide(signed, handler, 'request_extension', { days: 2, reason: '需协调' });
    expect(changes.resolveDeadline).toBeUndefined();
    expect(changes.pendingRequest).toMatchObject({ type: 'extension', until: '2026-03-13T09:30:00.000Z', requestedBy: 2 });
  });

  it('refuses an extension that ends before the current deadline', () => {
    const signed = buildCase({ state: 'signed', resolveDeadline: new Date('2026-03-11T09:30:00Z') });
    const error = domainErrorOf(() => decide(signed, handler, 'request_extension', { until: new Date('2026-03-10T00:00:00Z'), reason: 'x' }));
    expect(error.code).toBe('CASE_EXTENSION_INVALID');
    expect(error.details).toEqual({ until: '2026-03-10T00:00:00.000Z', currentDeadline: '2026-03-11T09:30:00.000Z' });
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

describe('decideTransition: each action handler', () => {
  const deadline = new Date('2026-03-11T09:30:00Z');
  const signed = (overrides: Partial<CaseSnapshot> = {}) =>
    buildCase({ state: 'signed', resolveDeadline: deadline, resolveClockStartedAt: new Date('2026-03-06T02:00:00Z'), ...overrides });

  it('verify keeps the state and records when the grid worker confirmed on site', () => {
    const decision = decide(buildCase({ state: 'reported' }), gridWorker, 'verify', { note: '现场属实' });
    expect(decision.changes).toEqual({ state: 'reported', verifiedAt: now });
    expect(decision.note).toBe('现场属实');
  });

  it('file moves a report to filed and stamps filedAt', () => {
    expect(decide(buildCase({ state: 'reported' }), operator, 'file').changes).toEqual({ state: 'filed', filedAt: now });
  });

  it('decline ends the case, drops a pending request and needs a reason', () => {
    const decision = decide(buildCase({ state: 'filed' }), shiftLead, 'decline', { reason: '重复上报' });
    expect(decision.changes).toEqual({ state: 'declined', pendingRequest: null });
    expect(decision.note).toBe('重复上报');
    expect(domainErrorOf(() => decide(buildCase({ state: 'filed' }), shiftLead, 'decline', {})).code).toBe('VALIDATION_FAILED');
  });

  it('self_handle closes a report at once, marked as self-handled, and needs a note', () => {
    const decision = decide(buildCase({ state: 'reported' }), gridWorker, 'self_handle', { note: '已当场清理' });
    expect(decision.changes).toEqual({ state: 'closed', resolvedAt: now, closedAt: now });
    expect(decision.data).toEqual({ selfHandled: true });
    expect(domainErrorOf(() => decide(buildCase({ state: 'reported' }), gridWorker, 'self_handle', {})).details).toEqual([{ path: 'note', code: 'required' }]);
  });

  it('sign moves a dispatched case to signed and stamps signedAt', () => {
    expect(decide(buildCase({ state: 'dispatched' }), handler, 'sign').changes).toEqual({ state: 'signed', signedAt: now });
  });

  it('approve_extension moves the deadline to the requested one and counts the extension', () => {
    const until = '2026-03-13T09:30:00.000Z';
    const pending = { type: 'extension' as const, until, reason: '需协调', requestedBy: 2, requestedAt: now.toISOString() };
    const decision = decide(signed({ pendingRequest: pending }), operator, 'approve_extension');
    // amber: 80% of the 2,790 working minutes from Fri 03-06 10:00 to Fri 03-13 17:30 → Thu 03-12 16:12
    const amberAt = new Date('2026-03-12T08:12:00.000Z');
    expect(decision.changes).toEqual({ state: 'signed', resolveDeadline: new Date(until), amberAt, pendingRequest: null, incrementExtension: true });
    expect(decision.data).toEqual({ until, previousDeadline: deadline.toISOString(), amberAt: amberAt.toISOString() });
  });

  it('reject_extension drops the request, keeps the deadline and needs a reason', () => {
    const pending = { type: 'extension' as const, until: '2026-03-13T09:30:00.000Z', reason: '需协调', requestedBy: 2, requestedAt: now.toISOString() };
    const decision = decide(signed({ pendingRequest: pending }), operator, 'reject_extension', { reason: '期限足够' });
    expect(decision.changes).toEqual({ state: 'signed', pendingRequest: null });
    expect(decision.note).toBe('期限足够');
    expect(domainErrorOf(() => decide(signed({ pendingRequest: pending }), operator, 'reject_extension', {})).code).toBe('VALIDATION_FAILED');
  });

  it('a handler requests a suspension; the request waits for the operator', () => {
    const asked = decide(signed(), handler, 'request_suspension', { reason: '等待产权单位' });
    expect(asked.changes).toEqual({
      state: 'signed', pendingRequest: { type: 'suspension', reason: '等待产权单位', requestedBy: 2, requestedAt: now.toISOString() },
    });
    expect(domainErrorOf(() => decide(signed(), handler, 'request_suspension', {})).code).toBe('VALIDATION_FAILED');
  });

  it('resume restarts the clock and pushes the deadline back by the suspended working time', () => {
    // Suspended Friday 10:00 and resumed Monday 10:00 (Shanghai): one working day lost, so the deadline moves later.
    const suspended = signed({ state: 'suspended', suspendedAt: new Date('2026-03-06T02:00:00Z') });
    const decision = decide(suspended, operator, 'resume');
    expect(decision.changes.state).toBe('signed');
    expect(decision.changes.suspendedAt).toBeNull();
    expect(decision.changes.resolveDeadline!.getTime()).toBeGreaterThan(deadline.getTime());
    expect(decision.changes.resolveSuspendedMs).toBe(480 * 60_000); // Fri 10:00–17:30 and Mon 08:30–10:00
    expect(decision.data).toEqual({ suspendedAt: '2026-03-06T02:00:00.000Z', resolveDeadline: decision.changes.resolveDeadline!.toISOString(), amberAt: null });
  });

  it('resolve moves to resolved, drops a pending request and needs a note', () => {
    const decision = decide(signed(), handler, 'resolve', { note: '已清运' });
    expect(decision.changes).toEqual({ state: 'resolved', resolvedAt: now, pendingRequest: null });
    expect(decision.note).toBe('已清运');
  });

  it('check_pass closes a resolved case', () => {
    expect(decide(buildCase({ state: 'resolved' }), gridWorker, 'check_pass').changes).toEqual({ state: 'closed', closedAt: now });
  });

  it('check_fail sends the case back as rework and restarts the resolve clock from the check', () => {
    const decision = decide(buildCase({ state: 'resolved', resolveDeadline: new Date('2026-03-06T09:30:00Z') }), gridWorker, 'check_fail', { reason: '未清理干净' });
    expect(decision.changes).toEqual({
      state: 'signed', resolvedAt: null, incrementRework: true, resolveClockStartedAt: now,
      resolveDeadline: new Date('2026-03-11T09:30:00.000Z'), amberAt: new Date('2026-03-11T04:00:00.000Z'), resolveSuspendedMs: 0,
    });
    expect(decision.data).toEqual({ rework: true });
    expect(domainErrorOf(() => decide(buildCase({ state: 'resolved' }), gridWorker, 'check_fail', {})).code).toBe('VALIDATION_FAILED');
  });

  it('merge points the case at the kept one and needs its id', () => {
    const decision = decide(buildCase({ state: 'filed' }), operator, 'merge', { intoCaseId: 42 });
    expect(decision.changes).toEqual({ state: 'merged', mergedIntoId: 42 });
    expect(domainErrorOf(() => decide(buildCase({ state: 'filed' }), operator, 'merge', {})).details).toEqual([{ path: 'intoCaseId', code: 'required' }]);
  });

  it('supervise keeps the state, counts the notice and needs its text', () => {
    const decision = decide(signed(), supervisor, 'supervise', { note: '请加快处置' });
    expect(decision.changes).toEqual({ state: 'signed', incrementSupervision: true });
    expect(decision.note).toBe('请加快处置');
    expect(domainErrorOf(() => decide(signed(), supervisor, 'supervise', {})).code).toBe('VALIDATION_FAILED');
  });

  it('rate stores the level and comment on the closed case', () => {
    const closed = buildCase({ state: 'closed', closedAt: now });
    const decision = decide(closed, operator, 'rate', { level: 'satisfied', comment: '回访满意' });
    expect(decision.changes).toEqual({ state: 'closed', rating: 'satisfied', ratingComment: '回访满意', ratedAt: now });
    expect(decision.data).toEqual({ level: 'satisfied' });
    expect(domainErrorOf(() => decide(closed, operator, 'rate', {})).details).toEqual([{ path: 'level', code: 'required' }]);
  });

  it('reopen sends a closed case back to filed with owner and deadlines cleared, and needs a reason', () => {
    const closed = buildCase({ state: 'closed', closedAt: now, resolveDeadline: deadline });
    const decision = decide(closed, supervisor, 'reopen', { reason: '群众反映未解决' });
    expect(decision.changes).toEqual({
      state: 'filed', closedAt: null, resolvedAt: null, departmentId: null, signDeadline: null,
      resolveDeadline: null, resolveClockStartedAt: null, amberAt: null, resolveSuspendedMs: 0, dispatchedAt: null, signedAt: null,
    });
    expect(domainErrorOf(() => decide(closed, supervisor, 'reopen', {})).code).toBe('VALIDATION_FAILED');
  });
});
