import { describe, expect, it } from 'vitest';
import { allowedActions, findTransition, requiredFieldsOf, TRANSITIONS, type GuardContext } from './case-transitions.ts';
import { CASE_ACTIONS, type Actor, type CaseSnapshot } from './case-model.ts';

const now = new Date('2026-03-10T02:00:00Z');
const context: GuardContext = { now, selfHandleAllowed: false, reopenWindowDays: 30, isReporter: false };

function buildCase(overrides: Partial<CaseSnapshot> = {}): CaseSnapshot {
  return {
    id: 1, districtId: 1, state: 'reported', version: 1, kind: 'event', gridId: 10, departmentId: 5, reporterUserId: null,
    pendingRequest: null, signDeadline: null, resolveDeadline: null, resolveClockStartedAt: null, suspendedAt: null, closedAt: null,
    rating: null, amberAt: null, resolveSuspendedMs: 0, ...overrides,
  };
}

function buildActor(overrides: Partial<Actor>): Actor {
  return { userId: 100, role: 'operator', districtId: 1, streetId: null, departmentId: null, gridId: null, ...overrides };
}

const operator = buildActor({ role: 'operator' });
const handler = buildActor({ role: 'handler', departmentId: 5 });
const otherHandler = buildActor({ role: 'handler', departmentId: 6 });
const gridWorker = buildActor({ role: 'grid_worker', gridId: 10 });
const supervisor = buildActor({ role: 'supervisor' });

describe('TRANSITIONS', () => {
  it('names only known actions and gives every action at least one rule', () => {
    const named = new Set(TRANSITIONS.map((rule) => rule.action));
    expect([...named].sort()).toEqual([...CASE_ACTIONS].sort());
  });

  it('gives every rule of one action the same required fields (one list per action)', () => {
    for (const rule of TRANSITIONS) expect({ action: rule.action, requires: rule.requires }).toEqual({ action: rule.action, requires: requiredFieldsOf(rule.action) });
  });
});

describe('allowedActions', () => {
  it('offers an operator file and merge on a new report, but not decline (the shift lead declines)', () => {
    expect(allowedActions(buildCase(), operator, context)).toEqual(['file', 'merge']);
  });

  it('offers the owning handler sign and return on a dispatched case, and another unit nothing', () => {
    const dispatched = buildCase({ state: 'dispatched' });
    expect(allowedActions(dispatched, handler, context)).toEqual(['sign', 'return']);
    expect(allowedActions(dispatched, otherHandler, context)).toEqual([]);
  });

  it('offers self-handling only for categories that allow it', () => {
    expect(allowedActions(buildCase(), gridWorker, context)).toEqual(['verify']);
    expect(allowedActions(buildCase(), gridWorker, { ...context, selfHandleAllowed: true })).toEqual(['verify', 'self_handle']);
  });

  it('offers approval only while an extension is pending', () => {
    const signed = buildCase({ state: 'signed' });
    expect(allowedActions(signed, operator, context)).toEqual([]);
    const pending = buildCase({
      state: 'signed', pendingRequest: { type: 'extension', until: now.toISOString(), reason: 'r', requestedBy: 1, requestedAt: now.toISOString() },
    });
    expect(allowedActions(pending, operator, context)).toEqual(['approve_extension', 'reject_extension']);
  });

  it('lets the reporter rate a closed case once, and a supervisor reopen it within the window', () => {
    const closed = buildCase({ state: 'closed', closedAt: new Date('2026-03-01T00:00:00Z') });
    const citizen = buildActor({ role: 'citizen', districtId: null });
    expect(allowedActions(closed, citizen, { ...context, isReporter: true })).toEqual(['rate']);
    expect(allowedActions({ ...closed, rating: 'satisfied' }, citizen, { ...context, isReporter: true })).toEqual([]);
    expect(allowedActions(closed, supervisor, context)).toEqual(['rate', 'reopen']);
    const longAgo = { ...closed, closedAt: new Date('2026-01-01T00:00:00Z') };
    expect(allowedActions(longAgo, supervisor, context)).toEqual(['rate']);
  });

  it('gives nothing to anyone in another district', () => {
    expect(allowedActions(buildCase(), buildActor({ role: 'operator', districtId: 2 }), context)).toEqual([]);
  });
});

describe('findTransition', () => {
  it('says role before state: a handler may never file', () => {
    expect(findTransition(buildCase({ state: 'closed' }), handler, 'file', context)).toMatchObject({ mismatch: 'role' });
  });

  it('says state when the role could act but not now', () => {
    expect(findTransition(buildCase({ state: 'closed' }), operator, 'file', context)).toMatchObject({ mismatch: 'state' });
  });

  it('names the failed guard', () => {
    expect(findTransition(buildCase({ state: 'signed' }), operator, 'approve_extension', context)).toMatchObject({
      mismatch: 'guard', failedGuard: 'pendingExtension',
    });
  });

  it('lets a handler request a suspension that only the operator approves or rejects', () => {
    const signed = buildCase({ state: 'signed', resolveDeadline: new Date(now.getTime() + 3_600_000) });
    expect(allowedActions(signed, handler, context)).toEqual(['return', 'request_extension', 'request_suspension', 'resolve']);
    expect(findTransition(signed, operator, 'approve_suspension', context)).toMatchObject({ mismatch: 'guard', failedGuard: 'pendingSuspension' });
    const pending = buildCase({
      state: 'signed', resolveDeadline: signed.resolveDeadline, pendingRequest: { type: 'suspension', reason: 'r', requestedBy: 1, requestedAt: now.toISOString() },
    });
    expect(allowedActions(pending, operator, context)).toEqual(['approve_suspension', 'reject_suspension']);
    expect(findTransition(pending, operator, 'approve_suspension', context).rule).toMatchObject({ to: 'suspended' });
    expect(findTransition(pending, handler, 'request_extension', context)).toMatchObject({ mismatch: 'guard', failedGuard: 'noPendingRequest' });
    expect(findTransition(pending, handler, 'request_suspension', context)).toMatchObject({ mismatch: 'guard', failedGuard: 'noPendingRequest' });
  });

  it('offers an extension request only while the resolve deadline is ahead', () => {
    const ahead = buildCase({ state: 'signed', resolveDeadline: new Date(now.getTime() + 1) });
    expect(findTransition(ahead, handler, 'request_extension', context).rule).toBeDefined();
    const reached = buildCase({ state: 'signed', resolveDeadline: now });
    expect(findTransition(reached, handler, 'request_extension', context)).toMatchObject({ mismatch: 'guard', failedGuard: 'resolveDeadlineAhead' });
    expect(allowedActions(reached, handler, context)).not.toContain('request_extension');
  });
});
