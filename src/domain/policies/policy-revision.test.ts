/** A rule change adds a version from a date and ends the one in force the day before; older versions stay. */
import { describe, expect, it } from 'vitest';
import { dayBefore, F1_STABLE_JOBS, lastDateInForce, revisePolicy, versionOn, type PolicyVersion } from './index.ts';

const v3 = F1_STABLE_JOBS.versions[2]!;
const open: PolicyVersion[] = [...F1_STABLE_JOBS.versions.slice(0, 2), { ...v3, effectiveTo: null }];
const newRules = { eligibility: { type: 'fact' as const, fact: 'employees' as const, op: '>=' as const, value: 10 }, benefit: { formula: { type: 'fixed' as const, amount: 1000 } } };

describe('revisePolicy', () => {
  it('adds the next version and ends the open one the day before, across a month and a leap day', () => {
    expect(dayBefore('2026-07-01')).toBe('2026-06-30');
    expect(dayBefore('2028-03-01')).toBe('2028-02-29');
    const { versions, added, problems } = revisePolicy({ versions: open }, { effectiveFrom: '2026-07-01', effectiveTo: null, ...newRules });
    expect(problems).toEqual([]);
    expect(added).toMatchObject({ version: 4, effectiveFrom: '2026-07-01', effectiveTo: null });
    expect(versions.map((v) => [v.version, v.effectiveFrom, v.effectiveTo])).toEqual([
      [1, '2024-01-01', '2024-12-31'], [2, '2025-01-01', '2025-12-31'], [3, '2026-01-01', '2026-06-30'], [4, '2026-07-01', null],
    ]);
    expect(versionOn({ versions }, '2026-06-30')?.version).toBe(3);
    expect(versionOn({ versions }, '2026-07-01')?.version).toBe(4);
    expect(versionOn({ versions }, '2025-03-01')?.version).toBe(2);
  });

  it('leaves a version that already ended alone, and refuses a start not after the latest one or an unknown fact', () => {
    const after = revisePolicy(F1_STABLE_JOBS, { effectiveFrom: '2027-01-01', effectiveTo: '2027-12-31', ...newRules });
    expect(after.problems).toEqual([]);
    expect(after.versions[2]!.effectiveTo).toBe('2026-12-31');
    expect(revisePolicy(F1_STABLE_JOBS, { effectiveFrom: '2026-01-01', effectiveTo: null, ...newRules }).problems).toMatchObject([{ path: 'effectiveFrom' }]);
    const unknown = revisePolicy(F1_STABLE_JOBS, { effectiveFrom: '2027-01-01', effectiveTo: null, eligibility: { type: 'fact', fact: 'profit' as never, op: '>=', value: 1 }, benefit: newRules.benefit });
    expect(unknown.problems).toMatchObject([{ problem: 'UNKNOWN_FACT', value: 'profit' }]);
  });
});

describe('lastDateInForce', () => {
  it('is the date itself while a version holds it, else the end of the latest version before it', () => {
    expect(lastDateInForce(F1_STABLE_JOBS, '2026-12-03')).toBe('2026-12-03');
    expect(lastDateInForce(F1_STABLE_JOBS, '2027-03-01')).toBe('2026-12-31');
    expect(lastDateInForce(F1_STABLE_JOBS, '2023-06-01')).toBeNull();
  });
});
