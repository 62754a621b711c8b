import type { UserRow } from '../../../db/schema.ts';
import type { UserView } from '../../../shared/session-views.ts';

export function presentUser(user: UserRow): UserView {
  return {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    role: user.role,
    districtId: user.district_id,
    streetId: user.street_id,
    departmentId: user.department_id,
    gridId: user.grid_id,
    phone: user.phone,
    active: user.active,
    mustChangePassword: user.must_change_password,
  };
}
