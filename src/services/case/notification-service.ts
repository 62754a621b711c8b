/** The caller's notifications (warnings, notices, escalations), newest first. */
import { DomainError } from '../../domain/errors.ts';
import { listNotificationsFor, markAllNotificationsRead, markNotificationRead } from '../../db/repositories/case/notification-repository.ts';
import type { UserRow } from '../../db/schema.ts';
import type { ServiceDeps } from '../service-deps.ts';

const LIMIT = 200;

/**
 * Lists what is addressed to the user, their department, or their role in their district.
 * @throws DomainError AUTH_REQUIRED without a signed-in user
 */
export async function listMyNotifications(deps: ServiceDeps, user: UserRow | null) {
  if (!user) throw new DomainError('AUTH_REQUIRED');
  return listNotificationsFor(deps.db, { id: user.id, role: user.role, districtId: user.district_id, departmentId: user.department_id }, LIMIT);
}

/**
 * Marks a notification read.
 * @throws DomainError AUTH_REQUIRED, NOT_FOUND when it is not addressed to the user
 */
export async function readNotification(deps: ServiceDeps, user: UserRow | null, id: number) {
  if (!user) throw new DomainError('AUTH_REQUIRED');
  const row = await markNotificationRead(deps.db, { id: user.id, role: user.role, districtId: user.district_id, departmentId: user.department_id }, id, deps.clock());
  if (!row) throw new DomainError('NOT_FOUND');
  return row;
}

/**
 * Marks all of the user's unread notifications read (the bell's 全部已读).
 * @returns how many were unread
 * @throws DomainError AUTH_REQUIRED without a signed-in user
 */
export async function readAllNotifications(deps: ServiceDeps, user: UserRow | null): Promise<number> {
  if (!user) throw new DomainError('AUTH_REQUIRED');
  return markAllNotificationsRead(deps.db, { id: user.id, role: user.role, districtId: user.district_id, departmentId: user.department_id }, deps.clock());
}
