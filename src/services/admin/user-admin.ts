/** Adding users by org codes (as the CLI and the admin API name them) rather than by ids. */
import type { Kysely, Transaction } from 'kysely';
import type { Database, UserRow } from '../../db/schema.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Role } from '../../domain/case/index.ts';
import {
  activateUser, deactivateUser, findDepartment, findDepartmentByCode, findDistrictByCode, findGridPlacement, findGridPlacementById, findUserById, listUsers,
  resetPasswordHash, updateUser, type UserChanges,
} from '../../db/repositories/org/index.ts';
import { insertAudit } from '../../db/repositories/admin/index.ts';
import { runWrite } from '../write-transaction.ts';
import type { ServiceDeps } from '../service-deps.ts';
import { addUser, assertPasswordAcceptable, forgetUserSessions, hashPassword } from '../auth/index.ts';

/** An account write, then this process's cached sessions of the user forgotten, so the change holds from the next request. */
function thenForgetSessions<T>(deps: ServiceDeps, userId: number, write: Promise<T>): Promise<T> {
  return write.finally(() => forgetUserSessions(deps.db, userId));
}

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
export async function addUserByCodes(db: Kysely<Database>, input: AddUserByCodesInput, audit?: { actorUserId: number | null; at: Date }): Promise<UserRow> {
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
  const user = await addUser({ db }, {
    username: input.username, password: input.password, displayName: input.displayName, role: input.role,
    districtId, departmentId, gridId, streetId, phone: input.phone ?? null,
  });
  if (audit) await insertAudit(db, { at: audit.at, actorUserId: audit.actorUserId, action: 'account.create', subject: `user:${user.username}`, data: { role: user.role } });
  return user;
}

/** Every user account, for the admin's user list. */
export function readUsers(deps: Pick<ServiceDeps, 'db'>) {
  return listUsers(deps.db);
}

async function requireUserById(db: Kysely<Database> | Transaction<Database>, userId: number): Promise<UserRow> {
  const user = await findUserById(db, userId);
  if (!user) throw new DomainError('USER_UNKNOWN');
  return user;
}

/**
 * Disables an account: it can no longer log in, and its sessions end at once (they are deleted, so the
 * next request of a signed-in browser is anonymous). Audited.
 * @throws DomainError USER_UNKNOWN, ACCOUNT_SELF_DISABLE (an admin locking themselves out)
 */
export async function disableUser(deps: ServiceDeps, admin: UserRow, userId: number): Promise<UserRow> {
  if (userId === admin.id) throw new DomainError('ACCOUNT_SELF_DISABLE');
  return thenForgetSessions(deps, userId, runWrite(deps, async (trx) => {
    const user = await requireUserById(trx, userId);
    await deactivateUser(trx, user.id);
    await insertAudit(trx, { at: deps.clock(), actorUserId: admin.id, action: 'account.disable', subject: `user:${user.username}`, data: {} });
    return requireUserById(trx, user.id);
  }));
}

/** Enables a disabled account again. Audited. @throws DomainError USER_UNKNOWN */
export async function enableUser(deps: ServiceDeps, admin: UserRow, userId: number): Promise<UserRow> {
  return thenForgetSessions(deps, userId, runWrite(deps, async (trx) => {
    const user = await requireUserById(trx, userId);
    await activateUser(trx, user.id);
    await insertAudit(trx, { at: deps.clock(), actorUserId: admin.id, action: 'account.enable', subject: `user:${user.username}`, data: {} });
    return requireUserById(trx, user.id);
  }));
}

/**
 * Sets a password chosen by an admin (handed to the user out of band): every session of the user ends,
 * and after logging in with it the user can do nothing but change it. Audited, without the password.
 * @throws DomainError USER_UNKNOWN, PASSWORD_TOO_WEAK
 */
export async function resetUserPassword(deps: ServiceDeps, admin: UserRow, userId: number, newPassword: string): Promise<UserRow> {
  const target = await requireUserById(deps.db, userId);
  assertPasswordAcceptable(newPassword, [target.username, target.display_name]);
  const passwordHash = await hashPassword(newPassword);
  return thenForgetSessions(deps, target.id, runWrite(deps, async (trx) => {
    await resetPasswordHash(trx, target.id, passwordHash);
    await insertAudit(trx, { at: deps.clock(), actorUserId: admin.id, action: 'account.reset_password', subject: `user:${target.username}`, data: {} });
    return requireUserById(trx, target.id);
  }));
}

export interface EditUserInput {
  displayName?: string | undefined;
  phone?: string | null | undefined;
  /** Picked from the org tree by id (the admin UI's pickers), not typed codes. */
  departmentId?: number | null | undefined;
  gridId?: number | null | undefined;
}

/**
 * Changes a user's name, phone, department or grid; a grid also sets the street and district it lies in, a
 * department must be in the user's district. The role and username stay as created. Audited with the old
 * and new values.
 * @throws DomainError USER_UNKNOWN, GRID_UNKNOWN, CASE_DEPARTMENT_UNKNOWN, VALIDATION_FAILED
 */
export async function editUser(deps: ServiceDeps, admin: UserRow, userId: number, input: EditUserInput): Promise<UserRow> {
  return thenForgetSessions(deps, userId, runWrite(deps, async (trx) => {
    const user = await requireUserById(trx, userId);
    const changes: UserChanges = {};
    if (input.displayName !== undefined) changes.displayName = input.displayName;
    if (input.phone !== undefined) changes.phone = input.phone;
    let districtId = user.district_id;
    if (input.gridId !== undefined) {
      if (input.gridId === null) {
        if (user.role === 'grid_worker') throw new DomainError('VALIDATION_FAILED', [{ path: 'gridId', code: 'required' }]);
        Object.assign(changes, { gridId: null });
      } else {
        const grid = await findGridPlacementById(trx, input.gridId);
        if (!grid) throw new DomainError('GRID_UNKNOWN', { gridId: input.gridId });
        if (user.district_id !== null && grid.districtId !== user.district_id) throw new DomainError('VALIDATION_FAILED', [{ path: 'gridId', code: 'other_district' }]);
        Object.assign(changes, { gridId: grid.gridId, streetId: grid.streetId, districtId: grid.districtId });
        districtId = grid.districtId;
      }
    }
    if (input.departmentId !== undefined) {
      if (input.departmentId === null) {
        if (user.role === 'handler') throw new DomainError('VALIDATION_FAILED', [{ path: 'departmentId', code: 'required' }]);
        changes.departmentId = null;
      } else {
        const department = await findDepartment(trx, input.departmentId);
        if (!department || department.district_id !== districtId) throw new DomainError('CASE_DEPARTMENT_UNKNOWN', { departmentId: input.departmentId });
        changes.departmentId = department.id;
      }
    }
    const updated = Object.keys(changes).length > 0 ? await updateUser(trx, user.id, changes) : user;
    const before = { displayName: user.display_name, phone: user.phone, departmentId: user.department_id, gridId: user.grid_id };
    const after = { displayName: updated.display_name, phone: updated.phone, departmentId: updated.department_id, gridId: updated.grid_id };
    await insertAudit(trx, { at: deps.clock(), actorUserId: admin.id, action: 'account.edit', subject: `user:${user.username}`, data: { before, after } });
    return updated;
  }));
}
