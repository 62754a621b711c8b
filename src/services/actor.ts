import type { Actor } from '../domain/case/index.ts';
import type { UserRow } from '../db/schema.ts';

export const ANONYMOUS: Actor = { userId: null, role: 'anonymous', districtId: null, streetId: null, departmentId: null, gridId: null };

/** The acting identity of a signed-in user. */
export function actorFromUser(user: Pick<UserRow, 'id' | 'role' | 'district_id' | 'street_id' | 'department_id' | 'grid_id'>): Actor {
  return {
    userId: user.id,
    role: user.role,
    districtId: user.district_id,
    streetId: user.street_id,
    departmentId: user.department_id,
    gridId: user.grid_id,
  };
}
