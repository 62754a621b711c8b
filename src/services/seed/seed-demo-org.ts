/**
 * The demo org tree and demo users (DESIGN §9): three 长春 districts with their real streets,
 * departments, one unit per street, and one user per role per district, password demo1234.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { DEMO_DISTRICTS } from '../../db/seed/demo-org.ts';
import { anyDistrictExists, findFirstGrid, insertOrgTree, listUsernames } from '../../db/seed/seed-repository.ts';
import { findDepartmentByCode, listDistricts } from '../../db/repositories/org/index.ts';
import type { Role } from '../../domain/case/index.ts';
import { addUser } from '../auth/index.ts';

export const DEMO_PASSWORD = 'demo1234';

export interface DemoUser {
  username: string;
  role: Role;
  districtCode: string | null;
  displayName: string;
}

/** Creates the demo districts, streets, communities, grids and departments unless they exist. */
export async function seedDemoOrg(db: Kysely<Database>): Promise<boolean> {
  if (await anyDistrictExists(db)) return false;
  await insertOrgTree(db, DEMO_DISTRICTS);
  return true;
}

const DISTRICT_ROLES: { role: Role; zh: string }[] = [
  { role: 'operator', zh: '受理派遣员' },
  { role: 'shift_lead', zh: '值班长' },
  { role: 'handler', zh: '城管局处置员' },
  { role: 'grid_worker', zh: '网格员' },
  { role: 'supervisor', zh: '督查员' },
  { role: 'leader', zh: '区领导' },
  { role: 'project_officer', zh: '项目服务专员' },
];

/** Creates the demo users that are missing and lists them all. */
export async function seedDemoUsers(db: Kysely<Database>): Promise<DemoUser[]> {
  const users: DemoUser[] = [{ username: 'admin', role: 'admin', districtCode: null, displayName: '系统管理员' }];
  const existing = await listUsernames(db);
  if (!existing.has('admin')) {
    await addUser({ db }, { username: 'admin', password: DEMO_PASSWORD, displayName: '系统管理员', role: 'admin' });
  }
  const districts = (await listDistricts(db)).sort((a, b) => b.code.localeCompare(a.code));
  for (const district of districts) {
    const department = await findDepartmentByCode(db, district.id, 'cgj');
    const grid = await findFirstGrid(db, district.id);
    for (const { role, zh } of DISTRICT_ROLES) {
      const username = `${role}-${district.code}`;
      const displayName = `${district.name}${zh}`;
      users.push({ username, role, districtCode: district.code, displayName });
      if (existing.has(username)) continue;
      await addUser({ db }, {
        username, password: DEMO_PASSWORD, displayName, role, districtId: district.id,
        departmentId: role === 'handler' ? (department?.id ?? null) : null,
        gridId: role === 'grid_worker' ? (grid?.id ?? null) : null,
        streetId: role === 'grid_worker' ? (grid?.street_id ?? null) : null,
      });
    }
  }
  users.push({ username: 'citizen-demo', role: 'citizen', districtCode: null, displayName: '市民演示账号' });
  if (!existing.has('citizen-demo')) {
    await addUser({ db }, { username: 'citizen-demo', password: DEMO_PASSWORD, displayName: '市民演示账号', role: 'citizen' });
  }
  return users;
}
