/** What the HTTP scenarios need to know about a generated database. */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.ts';
import { toShanghaiDate } from '../../src/domain/calendar/working-calendar.ts';
import type { HttpFixture } from '../scenarios/http.ts';

/** The month before the one containing `now`, as YYYY-MM (Shanghai). */
export function lastMonth(now: Date): string {
  const [year, month] = toShanghaiDate(now).split('-').map(Number) as [number, number];
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}

/** Reads grid codes, categories and typical filter values from the bench database. */
export async function loadFixture(db: Kysely<Database>, now: Date): Promise<HttpFixture & { districtId: number }> {
  const grids = await db.selectFrom('grids as g').innerJoin('districts as d', 'd.id', 'g.district_id').select(['g.code', 'd.code as district']).execute();
  const gridsByDistrict = new Map<string, string[]>();
  for (const grid of grids) {
    const list = gridsByDistrict.get(grid.district.trim()) ?? [];
    list.push(grid.code.trim());
    gridsByDistrict.set(grid.district.trim(), list);
  }
  const categories = await db.selectFrom('categories').select(['code', 'kind', 'minor_name']).where('active', '=', true).execute();
  const district = await db.selectFrom('districts').select('id').where('code', '=', '220106').executeTakeFirstOrThrow();
  const street = await db.selectFrom('streets').select('code').where('district_id', '=', district.id).orderBy('code').executeTakeFirstOrThrow();
  const department = await db.selectFrom('departments').select('id').where('district_id', '=', district.id).where('code', '=', 'cgj').executeTakeFirstOrThrow();
  const common = await sql<{ code: string; minor_name: string }>`
    select c.code, c.minor_name from cases k join categories c on c.id = k.category_id
    where k.district_id = ${district.id} group by c.code, c.minor_name order by count(*) desc limit 1`.execute(db);
  const text = categories.map((c) => c.minor_name).find((name) => [...name].length >= 3) ?? '路面破损';
  return {
    districtId: district.id, gridsByDistrict, categories, streetCode: street.code.trim(), departmentId: department.id,
    categoryCode: common.rows[0]?.code ?? categories[0]!.code, textQuery: [...text].slice(0, 3).join(''), month: lastMonth(now),
  };
}
