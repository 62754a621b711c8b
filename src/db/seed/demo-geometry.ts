/**
 * Demo map (synthetic, see docs/grids.md): gives every demo grid a polygon laid over its
 * district's approximate area, and fills 绿园区 up to the 700 grids its report names by adding
 * grids inside its existing communities (codes = community code + next sequence). Idempotent:
 * a district whose grids already have any geometry (demo or imported) is left alone.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { DEMO_DISTRICT_BOXES, layoutDistrict, type LayoutStreet } from './demo-geometry-layout.ts';

/** 绿园区 reports 700 grids (seeds/facts.json); the demo map has that many. */
export const DEMO_GRID_TARGETS: Record<string, number> = { '220106': 700 };

/** How many grids each community should end with: an even share of the target, never fewer than it has. */
function targetsFor(communityCounts: number[], target: number | undefined): number[] {
  if (!target) return communityCounts;
  const n = communityCounts.length;
  const share = (i: number) => Math.floor(target / n) + (i < target % n ? 1 : 0);
  return communityCounts.map((count, i) => Math.max(count, share(i)));
}

/**
 * Seeds the demo geometry.
 * @returns per district code: grids given geometry and grids created (0/0 when skipped)
 */
export async function seedDemoGeometry(db: Kysely<Database>): Promise<Record<string, { located: number; created: number }>> {
  const report: Record<string, { located: number; created: number }> = {};
  for (const [code, box] of Object.entries(DEMO_DISTRICT_BOXES)) {
    const district = await db.selectFrom('districts').select('id').where('code', '=', code).executeTakeFirst();
    if (!district) continue;
    const mapped = await db.selectFrom('grids').select('id').where('district_id', '=', district.id).where('geometry', 'is not', null).limit(1).executeTakeFirst();
    if (mapped) { report[code] = { located: 0, created: 0 }; continue; }
    const streets = await db.selectFrom('streets').select(['id', 'code']).where('district_id', '=', district.id).orderBy('code').execute();
    const communities = await db.selectFrom('communities').select(['id', 'code', 'name', 'street_id']).where('district_id', '=', district.id).orderBy('code').execute();
    const grids = await db.selectFrom('grids').select(['code', 'community_id']).where('district_id', '=', district.id).orderBy('code').execute();
    const counts = communities.map((c) => grids.filter((g) => g.community_id === c.id).length);
    const targets = targetsFor(counts, DEMO_GRID_TARGETS[code]);
    const newGrids: { district_id: number; street_id: number; community_id: number; code: string; name: string }[] = [];
    const gridCodesOf = new Map<number, string[]>();
    communities.forEach((community, i) => {
      const own = grids.filter((g) => g.community_id === community.id).map((g) => g.code.trim());
      let sequence = own.reduce((max, g) => Math.max(max, Number(g.slice(12))), 0);
      while (own.length < targets[i]! && sequence < 999) {
        sequence += 1;
        const gridCode = `${community.code.trim()}${String(sequence).padStart(3, '0')}`;
        own.push(gridCode);
        newGrids.push({ district_id: district.id, street_id: community.street_id, community_id: community.id, code: gridCode, name: `${community.name}第${sequence}网格` });
      }
      gridCodesOf.set(community.id, own);
    });
    const layoutStreets: LayoutStreet[] = streets.map((street) => ({
      code: street.code,
      communities: communities.filter((c) => c.street_id === street.id).map((c) => ({ code: c.code, gridCodes: gridCodesOf.get(c.id) ?? [] })),
    }));
    const polygons = layoutDistrict(box, layoutStreets);
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < newGrids.length; i += 200) {
        await trx.insertInto('grids').values(newGrids.slice(i, i + 200).map((g) => ({
          ...g, geometry: JSON.stringify({ type: 'Polygon', coordinates: polygons.get(g.code) }),
        }))).execute();
      }
      const created = new Set(newGrids.map((g) => g.code));
      for (const [gridCode, polygon] of polygons) {
        if (created.has(gridCode)) continue;
        await trx.updateTable('grids').set({ geometry: JSON.stringify({ type: 'Polygon', coordinates: polygon }) }).where('code', '=', gridCode).execute();
      }
    });
    report[code] = { located: polygons.size, created: newGrids.length };
  }
  return report;
}
