/**
 * 申报 → 受理 → 审核 → 兑现 of a policy_application: who may take which step, and the 快申快享
 * limits on the 2026 calendar (国庆 Oct 1–7 off, Sat Oct 10 a make-up working day; limits end 17:30).
 */
import { describe, expect, it } from 'vitest';
import { createWorkingCalendar, DEFAULT_WORKING_HOURS } from '../calendar/index.ts';
import type { Actor } from '../case/index.ts';
import { allowedApplicationActions, checkApplicationStep, stageDeadline, type PolicyApplicationSnapshot } from './index.ts';

const calendar = createWorkingCalendar([
  ...['01', '02', '03', '04', '05', '06', '07'].map((d) => ({ date: `2026-10-${d}`, isWorkingDay: false })),
  { date: '2026-10-10', isWorkingDay: true },
]);
const hours = DEFAULT_WORKING_HOURS;
const at = (local: string): Date => new Date(`${local}+08:00`);
const actor = (role: Actor['role'], departmentId: number | null = null, districtId = 1): Actor => ({ userId: 1, role, districtId, streetId: null, departmentId, gridId: null });
const snapshot = (status: PolicyApplicationSnapshot['status']): PolicyApplicationSnapshot => ({ status, districtId: 1, departmentId: 7, submittedAt: at('2026-09-30T10:00') });

describe('policy application steps', () => {
  it('lets the owning department accept and review, a leader pay, and nobody skip a stage', () => {
    expect(allowedApplicationActions(snapshot('submitted'), actor('handler', 7))).toEqual(['accept', 'reject']);
    expect(allowedApplicationActions(snapshot('accepted'), actor('handler', 7))).toEqual(['approve', 'reject']);
    expect(allowedApplicationActions(snapshot('approved'), actor('handler', 7))).toEqual([]);
    expect(allowedApplicationActions(snapshot('approved'), actor('leader'))).toEqual(['pay']);
    expect(allowedApplicationActions(snapshot('paid'), actor('leader'))).toEqual([]);
    expect(checkApplicationStep(snapshot('submitted'), actor('handler', 8), 'accept')).toBe('role');
    expect(checkApplicationStep(snapshot('submitted'), actor('leader', null, 2), 'accept')).toBe('role');
    expect(checkApplicationStep(snapshot('submitted'), actor('enterprise'), 'accept')).toBe('role');
    expect(checkApplicationStep(snapshot('submitted'), actor('leader'), 'pay')).toBe('state');
  });

  it('counts 快申快享 limits in working days across 国庆', () => {
    const times = { submittedAt: at('2026-09-30T10:00'), acceptedAt: at('2026-10-08T09:00') };
    // 受理: 2 working days from Wed Sep 30 → Oct 8, Oct 9.
    expect(stageDeadline('submitted', times, calendar, hours)).toEqual(at('2026-10-09T17:30'));
    // 审核: 10 working days from Thu Oct 8 → Oct 9, Sat 10, 12–16, 19–21.
    expect(stageDeadline('accepted', times, calendar, hours)).toEqual(at('2026-10-21T17:30'));
    expect(stageDeadline('paid', times, calendar, hours)).toBeNull();
    expect(stageDeadline('rejected', times, calendar, hours)).toBeNull();
  });
});
