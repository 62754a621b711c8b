/** Adding users by org codes (as the CLI and the admin API name them) rather than by ids. */
import type { Kysely } from 'kysely';
import type { Database, UserRow } from '../../db/schema.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Role } from '../../domain/case/index.ts';
import { findDepartmentByCode, findDistrictByCode, findGridPlacement, listUsers } from '../../db/repositories/org/index.ts';
import type { ServiceDeps } from '../service-deps.ts';
import { addUser, assertPasswordAcceptable } from '../auth/index.ts';

export interface AddUserByCodesInput {
  username: string;
  password: string;
  displayName: string;
  role: Role;
  districtCode?: string | undefined;
  departmentCode?: string | undefined;
  gridCode?: string | undefined;
  phone?: string | undefined;
}

/**
 * Resolves district, department and grid codes to ids, then adds the user.
 * @throws DomainError PASSWORD_TOO_WEAK, DISTRICT_UNKNOWN, CASE_DEPARTMENT_UNKNOWN, GRID_UNKNOWN, USER_EXISTS, VALIDATION_FAILED
 */
export async function addUserByCodes(db: Kysely<Database>, input: AddUserByCodesInput): Promise<UserRow> {
  assertPasswordAcceptable(input.password, [input.username, input.displayName]);
  let districtId: number | null = null;
  let departmentId: number | null = null;
  let gridId: number | null = null;
  let streetId: number | null = null;
  if (input.gridCode) {
    const grid = await findGridPlacement(db, input.gridCode);
    if (!grid) throw new DomainError('GRID_UNKNOWN', { gridCode: input.gridCode });
    gridId = grid.gridId;
    streetId = grid.streetId;
    districtId = grid.districtId;
  }
  if (input.districtCode) {
    const district = await findDistrictByCode(db, input.districtCode);
    if (!district) throw new DomainError('DISTRICT_UNKNOWN', { districtCode: input.districtCode });
    if (districtId !== null && districtId !== district.id) throw new DomainError('VALIDATION_FAILED', [{ path: 'gridCode', code: 'other_district' }]);
    districtId = district.id;
  }
  if (input.departmentCode) {
    if (districtId === null) throw new DomainError('VALIDATION_FAILED', [{ path: 'districtCode', code: 'required' }]);
    const department = await findDepartmentByCode(db, districtId, input.departmentCode);
    if (!department) throw new DomainError('CASE_DEPARTMENT_UNKNOWN', { departmentCode: input.departmentCode });
    departmentId = department.id;
  }
  return addUser({ db }, {
    username: input.username, password: input.password, displayName: input.displayName, role: input.role,
    districtId, departmentId, gridId, streetId, phone: input.phone ?? null,
  });
}

/** Every user account, for the admin's user list. */
export function readUsers(deps: Pick<ServiceDeps, 'db'>) {
  return listUsers(deps.db);
}
