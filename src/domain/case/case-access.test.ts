import { describe, expect, it } from 'vitest';
import { canReportKind, canViewCase, listScopeFor, type CaseVisibilityFacts } from './case-access.ts';
import { CASE_KINDS, ROLES, type Actor, type Role } from './case-model.ts';

const actor = (role: Role | 'anonymous', overrides: Partial<Actor> = {}): Actor => ({
  userId: role === 'anonymous' ? null : 1, role, districtId: 1, streetId: null, departmentId: null, gridId: null, ...overrides,
});
const facts: CaseVisibilityFacts = { districtId: 1, departmentId: 5, gridId: 10, state: 'signed' };

describe('canReportKind', () => {
  it('lets no one report a rectification case by hand: only a bad rating opens one', () => {
    for (const role of [...ROLES, 'anonymous' as const]) expect(canReportKind(role, 'rectification'), role).toBe(false);
  });

  it('lets citizens and anonymous reporters file public kinds, not internal ones', () => {
    expect(canReportKind('anonymous', 'citizen_request')).toBe(true);
    expect(canReportKind('citizen', 'event')).toBe(true);
    expect(canReportKind('citizen', 'safety_hazard')).toBe(false);
    expect(canReportKind('anonymous', 'project_problem')).toBe(false);
  });

  it('lets enterprises file demands and project officers only project problems', () => {
    expect(canReportKind('enterprise', 'enterprise_demand')).toBe(true);
    expect(canReportKind('citizen', 'enterprise_demand')).toBe(false);
    expect(CASE_KINDS.filter((kind) => canReportKind('project_officer', kind))).toEqual(['project_problem']);
  });

  it('gives the admin no kind to report', () => {
    expect(CASE_KINDS.filter((kind) => canReportKind('admin', kind))).toEqual([]);
  });
});

describe('canViewCase', () => {
  it('shows a case to its reporter whoever they are, even anonymous with a tracking code', () => {
    expect(canViewCase(actor('anonymous', { districtId: null }), facts, true)).toBe(true);
    expect(canViewCase(actor('citizen', { districtId: 2 }), facts, true)).toBe(true);
  });

  it('hides it from anonymous visitors and citizens who did not report it', () => {
    expect(canViewCase(actor('anonymous'), facts, false)).toBe(false);
    expect(canViewCase(actor('citizen'), facts, false)).toBe(false);
    expect(canViewCase(actor('enterprise'), facts, false)).toBe(false);
  });

  it('shows every case of the district to district-wide roles, none of another district', () => {
    for (const role of ['operator', 'shift_lead', 'supervisor', 'leader', 'project_officer'] as const) {
      expect(canViewCase(actor(role), facts, false), role).toBe(true);
      expect(canViewCase(actor(role, { districtId: 2 }), facts, false), `${role} of another district`).toBe(false);
    }
  });

  it('shows a handler only the cases of their department, a grid worker only those of their grid', () => {
    expect(canViewCase(actor('handler', { departmentId: 5 }), facts, false)).toBe(true);
    expect(canViewCase(actor('handler', { departmentId: 6 }), facts, false)).toBe(false);
    expect(canViewCase(actor('handler', { departmentId: null }), { ...facts, departmentId: null }, false)).toBe(false);
    expect(canViewCase(actor('grid_worker', { gridId: 10 }), facts, false)).toBe(true);
    expect(canViewCase(actor('grid_worker', { gridId: 11 }), facts, false)).toBe(false);
    expect(canViewCase(actor('grid_worker', { gridId: null }), { ...facts, gridId: null }, false)).toBe(false);
  });

  it('shows the admin every case of every district', () => {
    expect(canViewCase(actor('admin', { districtId: null }), facts, false)).toBe(true);
  });
});

describe('listScopeFor', () => {
  it('starts each role from its own list', () => {
    expect(listScopeFor(actor('admin', { districtId: null }))).toEqual({ kind: 'all' });
    expect(listScopeFor(actor('operator'))).toEqual({ kind: 'district', districtId: 1 });
    expect(listScopeFor(actor('handler', { departmentId: 5 }))).toEqual({ kind: 'department', departmentId: 5 });
    expect(listScopeFor(actor('grid_worker', { gridId: 10 }))).toEqual({ kind: 'grid', gridId: 10, userId: 1 });
    expect(listScopeFor(actor('citizen'))).toEqual({ kind: 'reporter', userId: 1 });
  });

  it('gives anonymous visitors nothing, and a handler without a department only their own reports', () => {
    expect(listScopeFor(actor('anonymous'))).toEqual({ kind: 'none' });
    expect(listScopeFor(actor('handler', { departmentId: null }))).toEqual({ kind: 'reporter', userId: 1 });
  });
});
