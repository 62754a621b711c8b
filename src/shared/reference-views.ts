/**
 * Reference data as the JSON API shows it: categories with their limits, departments, the org tree. The
 * server's routes are typed with these and the web reads them, so each shape is declared once.
 */
import type { TimeLimit } from '../domain/calendar/index.ts';
import type { CaseKind } from '../domain/case/index.ts';

export type TimeLimitView = TimeLimit;

export interface CategoryView {
  code: string;
  kind: CaseKind;
  majorCode: string;
  majorName: string;
  majorNameEn: string;
  minorCode: string;
  name: string;
  nameEn: string;
  departmentCode: string | null;
  handledByStreet: boolean;
  limits: { dispatch: TimeLimitView; sign: TimeLimitView; resolve: TimeLimitView };
  selfHandleAllowed: boolean;
  duplicateRadiusMeters: number;
  urgent: boolean;
  active: boolean;
}

export interface DepartmentView {
  id: number;
  districtId: number | null;
  code: string;
  name: string;
  nameEn: string | null;
  streetId: number | null;
}

export interface OrgTree {
  districts: Array<{
    id: number; code: string; name: string; nameEn: string; abbr: string;
    streets: Array<{
      id: number; code: string; name: string; nameEn: string | null;
      communities: Array<{ id: number; code: string; name: string; grids: Array<{ id: number; code: string; name: string }> }>;
    }>;
  }>;
}
