/**
 * The demo org tree and demo users (DESIGN §9): three 长春 districts with their real streets,
 * departments, one unit per street, and one user per role per district, password demo1234.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { DEMO_DISTRICTS } from '../../db/seed/demo-org.ts';
import type { Role } from '../../domain/case/case-model.ts';
import { addUser } from '../auth/auth-service.ts';

export const DEMO_PASSWORD = 'demo1234';

export interface DemoUser {
  username: string;
  role: Role;
  districtCode: string | null;
  displayName: string;
}

/** Creates the demo districts, streets, communities, grids and departments unless they exist. */
export async function seedDemoOrg(db: Kysely<Database>): Promise<boolean> {
  const existing = await db.selectFrom('districts').select('id').limit(1).executeTakeFirst();
  if (existing) return false;
  await db.transaction().execute(async (trx) => {
    for (const seed of DEMO_DISTRICTS) {
      const district = await trx
        .insertInto('districts')
        .values({ code: seed.code, name: seed.name, name_en: seed.nameEn, abbr: seed.abbr })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('departments')
        .values(seed.departments.map((d) => ({ district_id: district.id, code: d.code, name: d.name, name_en: d.nameEn })))
        .execute();
      for (const streetSeed of seed.streets) {
        const street = await trx
          .insertInto('streets')
          .values({ district_id: district.id, code: streetSeed.code, name: streetSeed.name, name_en: streetSeed.nameEn ?? null })
          .returning('id')
          .executeTakeFirstOrThrow();
        // Streets handle their own 属地 categories: each one is also a handling unit.
        await trx
          .insertInto('departments')
          .values({
            district_id: district.id, code: `street-${streetSeed.code}`, name: `${streetSeed.name}办事处`,
            name_en: `${streetSeed.nameEn ?? streetSeed.code} Office`, street_id: street.id,
          })
          .execute();
        for (const communitySeed of streetSeed.communities) {
          const community = await trx
            .insertInto('communities')
            .values({ district_id: district.id, street_id: street.id, code: communitySeed.code, name: communitySeed.name })
            .returning('id')
            .executeTakeFirstOrThrow();
          if (communitySeed.grids.length === 0) continue;
          await trx
            .insertInto('grids')
            .values(communitySeed.grids.map((g) => ({
              district_id: district.id, street_id: street.id, community_id: community.id, code: g.code, name: g.name,
            })))
            .execute();
        }
      }
    }
  });
  return true;
}

const DISTRICT_ROLES: { role: Role; zh: string }[] = [
  { role: 'operator', zh: '受理派遣员' },
  { role: 'shift_lead', zh: '值班长' },
  { role: 'handler', zh: '城管局处置员' },
  { role: 'grid_worker', zh: '网格员' },
  { role: 'supervisor', zh: '督查员' },
  { role: 'leader', zh: '区领导' },
];

/** Creates the demo users that are missing and lists them all. */
export async function seedDemoUsers(db: Kysely<Database>): Promise<DemoUser[]> {
  const users: DemoUser[] = [{ username: 'admin', role: 'admin', districtCode: null, displayName: '系统管理员' }];
  const existing = new Set((await db.selectFrom('users').select('username').execute()).map((row) => row.username));
  if (!existing.has('admin')) {
    await addUser({ db }, { username: 'admin', password: DEMO_PASSWORD, displayName: '系统管理员', role: 'admin' });
  }
  const districts = await db.selectFrom('districts').selectAll().orderBy('code', 'desc').execute();
  for (const district of districts) {
    const department = await db.selectFrom('departments').select('id').where('district_id', '=', district.id).where('code', '=', 'cgj').executeTakeFirst();
    const grid = await db.selectFrom('grids').select(['id', 'street_id']).where('district_id', '=', district.id).orderBy('code').limit(1).executeTakeFirst();
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
