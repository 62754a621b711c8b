import { describe, expect, it } from 'vitest';
import { ROLES, type Actor } from '../case/index.ts';
import { ACCESS_ACTIONS, ACCESS_TABLE, PREDICATES, type Predicate } from './access-table.ts';
import { ACCESS_LABELS } from './access-labels.ts';
import { actionsGranted, grantOf, mayEver, permits, rolesFor } from './access-decide.ts';
import { ACCESS_ROLES, PRINCIPALS } from './principal.ts';

const actor = (overrides: Partial<Actor>): Actor => ({ userId: 5, role: 'operator', districtId: 1, streetId: null, departmentId: null, gridId: null, ...overrides });
const handler = actor({ role: 'handler', departmentId: 7 });
const gridWorker = actor({ role: 'grid_worker', gridId: 11 });

describe('the access table', () => {
  it('speaks of exactly the case model roles, plus anonymous and an API key', () => {
    expect([...ACCESS_ROLES]).toEqual([...ROLES]);
    expect(PRINCIPALS).toHaveLength(12);
  });

  it('names every action in Chinese and English and grants only known principals and predicates', () => {
    for (const action of ACCESS_ACTIONS) {
      const rule = ACCESS_TABLE[action];
      expect(ACCESS_LABELS[action].zh, action).toMatch(/[\u4e00-\u9fff]/);
      expect(ACCESS_LABELS[action].en, action).toMatch(/^[A-Z]/);
      for (const [principal, grant] of Object.entries(rule.grants)) {
        expect(PRINCIPALS, action).toContain(principal);
        for (const predicate of typeof grant === 'string' ? [grant] : grant) expect(PREDICATES, action).toContain(predicate);
      }
    }
  });

  it('gives an API key nothing but Open311 submission', () => {
    expect(actionsGranted('api_key')).toEqual(['open311.report']);
  });
});

describe('permits', () => {
  it('holds own_district only inside the caller district, and not for a caller without one', () => {
    expect(permits(actor({}), 'case.act.file', { districtId: 1 })).toBe(true);
    expect(permits(actor({}), 'case.act.file', { districtId: 2 })).toBe(false);
    expect(permits(actor({ districtId: null }), 'supervision.read')).toBe(false);
    expect(permits(actor({}), 'supervision.read')).toBe(true);
  });

  it('lets a handler see a case of its unit only once it is dispatched', () => {
    const facts = { districtId: 1, departmentId: 7 };
    expect(permits(handler, 'case.view', { ...facts, state: 'filed' })).toBe(false);
    expect(permits(handler, 'case.view', { ...facts, state: 'dispatched' })).toBe(true);
    expect(permits(handler, 'case.view', { ...facts, departmentId: 8, state: 'dispatched' })).toBe(false);
    expect(permits(handler, 'case.view', { ...facts, departmentId: 8, state: 'dispatched', isReporter: true })).toBe(true);
  });

  it('holds own_unit for the caller department only', () => {
    expect(permits(handler, 'case.act.sign', { districtId: 1, departmentId: 7 })).toBe(true);
    expect(permits(handler, 'case.act.sign', { districtId: 1, departmentId: 8 })).toBe(false);
    expect(permits(actor({ role: 'handler', departmentId: null }), 'case.act.sign', { districtId: 1, departmentId: 7 })).toBe(false);
  });

  it('holds own_grid for the caller grid only', () => {
    expect(permits(gridWorker, 'case.act.verify', { districtId: 1, gridId: 11 })).toBe(true);
    expect(permits(gridWorker, 'case.act.verify', { districtId: 1, gridId: 12 })).toBe(false);
  });

  it('shows a case and its contact to its own reporter, never to another citizen', () => {
    const citizen = actor({ role: 'citizen', districtId: null });
    expect(permits(citizen, 'case.view', { districtId: 1, isReporter: true })).toBe(true);
    expect(permits(citizen, 'case.view', { districtId: 1, isFollower: true })).toBe(true);
    expect(permits(citizen, 'case.contact.view', { districtId: 1, isFollower: true })).toBe(false);
    expect(permits(citizen, 'case.view', { districtId: 1 })).toBe(false);
    expect(permits(actor({ role: 'leader' }), 'case.contact.view', { districtId: 1 })).toBe(false);
  });

  it('binds an enterprise user to its own enterprise and lets a liaison outside the district in', () => {
    const enterprise = actor({ role: 'enterprise', districtId: null });
    expect(permits(enterprise, 'enterprise.view', { enterpriseId: 3, boundEnterpriseId: 3 })).toBe(true);
    expect(permits(enterprise, 'enterprise.view', { enterpriseId: 4, boundEnterpriseId: 3 })).toBe(false);
    expect(permits(enterprise, 'enterprise.view', { enterpriseId: 4, boundEnterpriseId: null })).toBe(false);
    expect(permits(actor({ role: 'handler', districtId: 2 }), 'enterprise.view', { districtId: 1, liaisonUserId: 5 })).toBe(true);
    expect(permits(actor({ role: 'handler', districtId: 2 }), 'enterprise.view', { districtId: 1, liaisonUserId: 6 })).toBe(false);
  });

  it('lets admin through `any` wherever granted, and an API key nowhere else', () => {
    expect(permits(actor({ role: 'admin', districtId: null }), 'case.view', { districtId: 9 })).toBe(true);
    expect(permits({ role: 'api_key' }, 'open311.report')).toBe(true);
    expect(permits({ role: 'api_key' }, 'case.view', { districtId: 1 })).toBe(false);
  });

  it('agrees with mayEver: no facts make an action a role can never take allowed', () => {
    const generous = { districtId: 1, departmentId: 7, gridId: 11, state: 'signed' as const, isReporter: true, isFollower: true, enterpriseId: 3, boundEnterpriseId: 3, liaisonUserId: 5 };
    for (const role of ROLES) {
      for (const action of ACCESS_ACTIONS) {
        const subject = actor({ role, departmentId: 7, gridId: 11 });
        if (!mayEver(role, action)) expect(permits(subject, action, generous), `${role} ${action}`).toBe(false);
        else expect(permits(subject, action, generous), `${role} ${action}`).toBe(true);
      }
    }
  });
});

describe('derived views', () => {
  it('lists the roles of an action in table order', () => {
    expect(rolesFor('grant.pay')).toEqual(['leader', 'admin']);
    expect(rolesFor('supervision.read')).toEqual(['operator', 'shift_lead', 'supervisor', 'leader']);
  });

  it('answers one predicate list per grant', () => {
    const predicates: readonly Predicate[] = grantOf('handler', 'case.view');
    expect(predicates).toEqual(['dispatched_to_unit', 'own_report']);
    expect(grantOf('citizen', 'admin.users')).toEqual([]);
  });
});
