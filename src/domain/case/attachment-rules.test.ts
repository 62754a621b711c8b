import { describe, expect, it } from 'vitest';
import { ATTACHMENT_STAGES, canAttach } from './attachment-rules.ts';
import { ROLES } from './case-model.ts';

describe('canAttach', () => {
  it('lets the reporter add before-photos while the case is reported or filed, and no later', () => {
    expect(canAttach('report', 'reported', 'citizen', true)).toBe('allowed');
    expect(canAttach('report', 'filed', 'anonymous', true)).toBe('allowed');
    expect(canAttach('report', 'dispatched', 'citizen', true)).toBe('wrong_state');
    expect(canAttach('report', 'reported', 'citizen', false)).toBe('forbidden');
  });

  it('lets only the handler add after-photos when resolving', () => {
    expect(canAttach('resolve', 'signed', 'handler', false)).toBe('allowed');
    expect(canAttach('resolve', 'resolved', 'handler', false)).toBe('allowed');
    expect(canAttach('resolve', 'dispatched', 'handler', false)).toBe('wrong_state');
    expect(canAttach('resolve', 'signed', 'operator', false)).toBe('forbidden');
    expect(canAttach('resolve', 'signed', 'citizen', true)).toBe('forbidden');
  });

  it('lets the grid worker add a self-handling photo only on a report', () => {
    expect(canAttach('self_handle', 'reported', 'grid_worker', false)).toBe('allowed');
    expect(canAttach('self_handle', 'filed', 'grid_worker', false)).toBe('wrong_state');
    expect(canAttach('self_handle', 'reported', 'operator', false)).toBe('forbidden');
  });

  it('takes check photos from grid workers and operators on a resolved case only', () => {
    expect(canAttach('check', 'resolved', 'grid_worker', false)).toBe('allowed');
    expect(canAttach('check', 'resolved', 'shift_lead', false)).toBe('allowed');
    expect(canAttach('check', 'signed', 'operator', false)).toBe('wrong_state');
    expect(canAttach('check', 'resolved', 'handler', false)).toBe('forbidden');
  });

  it('says forbidden before wrong_state: who is checked first', () => {
    expect(canAttach('resolve', 'closed', 'supervisor', false)).toBe('forbidden');
  });

  it('takes no photo at any stage, from anyone, once a case is closed, declined or merged', () => {
    for (const stage of ATTACHMENT_STAGES) {
      for (const state of ['closed', 'declined', 'merged']) {
        for (const role of [...ROLES, 'anonymous' as const]) {
          expect(canAttach(stage, state, role, true), `${stage} ${state} ${role}`).not.toBe('allowed');
        }
      }
    }
  });
});
