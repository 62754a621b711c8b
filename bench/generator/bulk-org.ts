/**
 * The org the data generator works in: districts with their share of cases, grids with their
 * bounding boxes, the department a category routes to (the one rule of department-routing.ts, as intake), and
 * the people who act: one grid worker per grid and one handler per department (bulk users).
 */
import type { Kysely } from 'kysely';
import type { CategoryRow, Database } from '../../src/db/schema.ts';
import type { Actor, CaseKind, Role } from '../../src/domain/case/case-model.ts';
import type { WorkingCalendar, WorkingHours } from '../../src/domain/calendar/working-calendar.ts';
import { polygonsOf, type GridGeometry } from '../../src/domain/geo/geo-types.ts';
import { routingCandidates } from '../../src/domain/org/department-routing.ts';
import { bulkInsertUsers, loadBulkOrgRows } from './bulk-repository.ts';
import { hashPassword } from '../../src/services/auth/auth-service.ts';
import { workingHoursOf } from '../../src/services/case/case-snapshot.ts';
import { DEMO_PASSWORD } from '../../src/services/seed/seed-demo-org.ts';

export interface BulkGrid {
  id: number;
  streetId: number;
  communityId: number;
  responsibleDepartmentId: number | null;
  /** [minLng, minLat, maxLng, maxLat] of its polygons, or null without geometry. */
  bbox: [number, number, number, number] | null;
}

export interface BulkDistrict {
  id: number;
  code: string;
  abbr: string;
  hours: WorkingHours;
  grids: BulkGrid[];
  operator: Actor;
  shiftLead: Actor;
  departments: Map<string, number>;
  streetUnits: Map<number, number>;
}

export interface BulkOrg {
  calendar: WorkingCalendar;
  districtWeights: [BulkDistrict, number][];
  categoriesByKind: Map<CaseKind, CategoryRow[]>;
  citizen: Actor;
  gridWorkers: Map<number, Actor>;
  routeDepartment(category: CategoryRow, districtId: number, grid: BulkGrid): number | null;
  handlerFor(district: BulkDistrict, departmentId: number): Actor;
}

/** Share of cases by district code (roughly by population); other districts share the rest evenly. */
const DISTRICT_SHARE: Record<string, number> = { '220106': 0.38, '220105': 0.3, '220103': 0.32 };

interface UserLike { id: number; role: Role; district_id: number | null; street_id: number | null; department_id: number | null; grid_id: number | null }
function actorOf(user: UserLike): Actor {
  return {
    userId: user.id, role: user.role, districtId: user.district_id, streetId: user.street_id, departmentId: user.department_id, gridId: user.grid_id,
  };
}

function bboxOf(geometry: unknown): [number, number, number, number] | null {
  if (!geometry) return null;
  let box: [number, number, number, number] | null = null;
  for (const polygon of polygonsOf(geometry as GridGeometry)) {
    for (const [lng, lat] of polygon[0] ?? []) {
      box = box ? [Math.min(box[0], lng), Math.min(box[1], lat), Math.max(box[2], lng), Math.max(box[3], lat)] : [lng, lat, lng, lat];
    }
  }
  return box;
}

/** Adds a grid worker per grid (gw-<grid code>) and a handler per department (hd-<district>-<department>) where missing. */
export async function ensureBulkUsers(db: Kysely<Database>): Promise<void> {
  const { grids, departments, users } = await loadBulkOrgRows(db);
  const existing = new Set(users.map((user) => user.username));
  const hash = await hashPassword(DEMO_PASSWORD);
  const rows = [
    ...grids.map((g) => ({
      username: `gw-${g.code.trim()}`, password_hash: hash, display_name: `网格员 ${g.code.trim()}`, role: 'grid_worker' as const, district_id: g.district_id,
      street_id: g.street_id, department_id: null, grid_id: g.id,
    })),
    ...departments.map((d) => ({
      username: `hd-${d.district_id}-${d.code}`, password_hash: hash, display_name: `${d.name}处置员`, role: 'handler' as const, district_id: d.district_id,
      street_id: d.street_id, department_id: d.id, grid_id: null,
    })),
  ].filter((row) => !existing.has(row.username));
  await bulkInsertUsers(db, rows);
}

/** Loads everything the generator needs in memory. */
export async function loadBulkOrg(db: Kysely<Database>, calendar: WorkingCalendar): Promise<BulkOrg> {
  const { districts, grids, departments, categories, users } = await loadBulkOrgRows(db);
  const byName = new Map(users.map((user) => [user.username, user]));
  const citizenRow = byName.get('citizen-demo');
  if (!citizenRow) throw new Error('citizen-demo is missing: seed the demo org and users first');
  const gridWorkers = new Map<number, Actor>();
  const handlers = new Map<number, Actor>();
  for (const user of users) {
    if (user.role === 'grid_worker' && user.grid_id !== null && user.username.startsWith('gw-')) gridWorkers.set(user.grid_id, actorOf(user));
    if (user.role === 'handler' && user.department_id !== null && user.username.startsWith('hd-')) handlers.set(user.department_id, actorOf(user));
  }
  const known = districts.filter((d) => DISTRICT_SHARE[d.code.trim()] !== undefined);
  const rest = Math.max(0, 1 - known.reduce((sum, d) => sum + DISTRICT_SHARE[d.code.trim()]!, 0));
  const others = districts.length - known.length;
  const districtWeights: [BulkDistrict, number][] = [];
  for (const row of districts) {
    const code = row.code.trim();
    const operator = byName.get(`operator-${code}`);
    const shiftLead = byName.get(`shift_lead-${code}`);
    const own = grids.filter((g) => g.district_id === row.id).map((g) => ({
      id: g.id, streetId: g.street_id, communityId: g.community_id, responsibleDepartmentId: g.responsible_department_id, bbox: bboxOf(g.geometry),
    }));
    if (!operator || !shiftLead || own.length === 0) continue;
    const deps = departments.filter((d) => d.district_id === row.id);
    districtWeights.push([{
      id: row.id, code, abbr: row.abbr, hours: workingHoursOf(row, new Date()), grids: own, operator: actorOf(operator), shiftLead: actorOf(shiftLead),
      departments: new Map(deps.map((d) => [d.code, d.id])),
      streetUnits: new Map(deps.filter((d) => d.street_id !== null).map((d) => [d.street_id!, d.id])),
    }, DISTRICT_SHARE[code] ?? (others > 0 ? rest / others : 0)]);
  }
  const categoriesByKind = new Map<CaseKind, CategoryRow[]>();
  for (const category of categories) {
    const list = categoriesByKind.get(category.kind) ?? [];
    list.push(category);
    categoriesByKind.set(category.kind, list);
  }
  const districtById = new Map(districtWeights.map(([d]) => [d.id, d]));
  return {
    calendar, districtWeights, categoriesByKind, citizen: actorOf(citizenRow), gridWorkers,
    routeDepartment(category, districtId, grid) {
      const district = districtById.get(districtId)!;
      const candidates = routingCandidates({ handledByStreet: category.handled_by_street, departmentCode: category.department_code }, grid);
      for (const candidate of candidates) {
        const found = candidate.kind === 'unit' ? candidate.departmentId
          : candidate.kind === 'street_unit' ? district.streetUnits.get(candidate.streetId) : district.departments.get(candidate.code);
        if (found !== undefined) return found;
      }
      return null;
    },
    handlerFor(district, departmentId) {
      return handlers.get(departmentId) ?? { ...district.operator, role: 'handler', departmentId };
    },
  };
}
