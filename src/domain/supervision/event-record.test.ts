import { describe, expect, it } from 'vitest';
import { NO_PRIOR_EVENTS, caseAtEventOf, priorAfter, recordEvent, type CaseStanding } from './event-record.ts';

const standing: CaseStanding = {
  districtId: 1, streetId: 2, communityId: 3, gridId: 4, departmentId: 5, filedAt: new Date('2026-10-01T01:00:00Z'),
  extensionCount: 0, rating: null, resolvedAt: null, resolveDeadline: null, reworkCount: 0, signedAt: null, signDeadline: null,
};

describe('caseAtEventOf', () => {
  it('is on time when resolved by the deadline, and not when resolved after it', () => {
    const deadline = new Date('2026-10-05T09:30:00Z');
    expect(caseAtEventOf({ ...standing, resolvedAt: deadline, resolveDeadline: deadline }).resolvedOnTime).toBe(true);
    expect(caseAtEventOf({ ...standing, resolvedAt: new Date(deadline.getTime() + 1), resolveDeadline: deadline }).resolvedOnTime).toBe(false);
    expect(caseAtEventOf(standing).resolvedOnTime).toBe(false);
  });

  it('counts a response in time only when both the signature and its limit are known', () => {
    const limit = new Date('2026-10-02T01:00:00Z');
    expect(caseAtEventOf({ ...standing, signedAt: limit, signDeadline: limit }).respondedInTime).toBe(true);
    expect(caseAtEventOf({ ...standing, signedAt: limit }).respondedInTime).toBe(false);
    expect(caseAtEventOf({ ...standing, signDeadline: limit }).respondedInTime).toBe(false);
  });
});

describe('recordEvent and priorAfter', () => {
  it('makes the signer the person of later events, and records a rating on the rate event only', () => {
    const at = caseAtEventOf(standing);
    const sign = recordEvent({ action: 'sign', fromState: 'dispatched', toState: 'signed', actorUserId: 42, data: {} }, at, NO_PRIOR_EVENTS);
    expect(sign.units.person).toBe(42);
    const prior = priorAfter(NO_PRIOR_EVENTS, 'sign', 42, sign);
    const rated = caseAtEventOf({ ...standing, rating: 'dissatisfied' });
    const rate = recordEvent({ action: 'rate', fromState: 'closed', toState: 'closed', actorUserId: 7, data: {} }, rated, prior);
    expect(rate.units.person).toBe(42);
    expect(rate.facts.rating).toBe('dissatisfied');
    expect(rate.deltas.filter((d) => d.level === 'person')).toEqual([
      { level: 'person', unitId: 42, counter: 'followed_up', n: 1 }, { level: 'person', unitId: 42, counter: 'dissatisfied', n: 1 },
    ]);
    expect(sign.facts.rating).toBeNull();
  });
});
