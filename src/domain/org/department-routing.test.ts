import { describe, expect, it } from 'vitest';
import { routingCandidates } from './department-routing.ts';

describe('department routing of a new case', () => {
  const byCode = { handledByStreet: false, departmentCode: 'cgj' };
  const byStreet = { handledByStreet: true, departmentCode: 'cgj' };
  it('sends 区兜底 reports to the fallback unit only', () => {
    expect(routingCandidates(byStreet, { streetId: 3, responsibleDepartmentId: 9, fallbackDepartmentId: 5 })).toEqual([{ kind: 'unit', departmentId: 5 }]);
  });
  it('tries the grid unit, then the street unit, then the department, then the command centre for 属地 categories', () => {
    expect(routingCandidates(byStreet, { streetId: 3, responsibleDepartmentId: 9 })).toEqual([
      { kind: 'unit', departmentId: 9 }, { kind: 'street_unit', streetId: 3 },
      { kind: 'department_code', code: 'cgj' }, { kind: 'department_code', code: 'zhzx' },
    ]);
  });
  it('skips the street for categories a department handles', () => {
    expect(routingCandidates(byCode, { streetId: 3, responsibleDepartmentId: 9 })).toEqual([
      { kind: 'department_code', code: 'cgj' }, { kind: 'department_code', code: 'zhzx' },
    ]);
  });
});
