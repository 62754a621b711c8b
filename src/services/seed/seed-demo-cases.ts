/**
 * A few hundred demo cases over recent months in every state, made through the same services as
 * real work (report, then each action at its own moment), so timelines, deadlines and the hash
 * chain are exactly what production would write. Deterministic: the same seed gives the same cases.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor, CaseAction, CaseKind, RatingLevel } from '../../domain/case/index.ts';
import type { ServiceDeps } from '../service-deps.ts';
import { DomainError } from '../../domain/errors.ts';
import { addUser } from '../auth/index.ts';
import { actorFromUser } from '../actor.ts';
import { reportCase, performCaseAction } from '../case/index.ts';
import { seedServiceDeps } from './seed-service-deps.ts';
import { DEMO_PASSWORD } from './seed-demo-org.ts';
import { createRandom, type Random } from './seeded-random.ts';
import { anyCaseExists, gridGeometriesByCode, listCategoriesOfKinds, listGridCodes } from '../../db/seed/seed-repository.ts';
import { samplePointInGeometry, type GridGeometry } from '../../domain/geo/index.ts';
import { findDepartment, findUserByUsername, listDistricts } from '../../db/repositories/org/index.ts';

type Goal = 'reported' | 'filed' | 'dispatched' | 'signed' | 'suspended' | 'resolved' | 'closed' | 'rework' | 'declined' | 'merged' | 'extended';
const GOALS: [Goal, number][] = [
  ['reported', 7], ['filed', 5], ['dispatched', 7], ['signed', 12], ['suspended', 3], ['resolved', 7], ['closed', 44],
  ['rework', 5], ['extended', 4], ['declined', 4], ['merged', 2],
];

const DESCRIPTIONS: Record<string, string[]> = {
  default: ['群众反映此处问题已持续数日，影响通行和环境，请尽快处理。', '巡查发现，现场照片已留存，需相关部门到场处置。', '市民来电反映，希望尽快解决并回复处理结果。'],
};
const STREET_NAMES = ['青年路', '西安大路', '南湖大路', '东盛大街', '远达大街', '凯旋路', '长新街', '普阳街', '春城大街', '团山街'];
const RATINGS: RatingLevel[] = ['very_satisfied', 'very_satisfied', 'satisfied', 'satisfied', 'satisfied', 'basically_satisfied', 'dissatisfied', 'very_dissatisfied'];

function pickGoal(random: Random): Goal {
  const total = GOALS.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random.next() * total;
  for (const [goal, weight] of GOALS) {
    roll -= weight;
    if (roll <= 0) return goal;
  }
  return 'closed';
}

export interface DistrictActors {
  operator: Actor;
  shiftLead: Actor;
  gridWorker: Actor;
  handlerFor(departmentId: number): Promise<Actor>;
}

async function actorByUsername(db: Kysely<Database>, username: string): Promise<Actor> {
  const user = await findUserByUsername(db, username);
  if (!user) throw new Error(`demo user ${username} is missing: seed the demo users first`);
  return actorFromUser(user);
}

export async function loadDistrictActors(db: Kysely<Database>, districtId: number, districtCode: string): Promise<DistrictActors> {
  const byName = (username: string) => actorByUsername(db, username);
  const handlers = new Map<number, Actor>();
  return {
    operator: await byName(`operator-${districtCode}`),
    shiftLead: await byName(`shift_lead-${districtCode}`),
    gridWorker: await byName(`grid_worker-${districtCode}`),
    async handlerFor(departmentId) {
      const known = handlers.get(departmentId);
      if (known) return known;
      const department = await findDepartment(db, departmentId);
      if (!department) throw new Error(`department ${departmentId} is missing`);
      const username = department.code === 'cgj' ? `handler-${districtCode}` : `handler-${districtCode}-${department.code}`;
      let user = await findUserByUsername(db, username);
      user ??= await addUser({ db }, {
        username, password: DEMO_PASSWORD, displayName: `${department.name}处置员`, role: 'handler', districtId, departmentId,
      });
      const actor = actorFromUser(user);
      handlers.set(departmentId, actor);
      return actor;
    },
  };
}

/** Moves a clock forward by a random number of hours within [min, max). */
function later(at: Date, random: Random, minHours: number, maxHours: number): Date {
  return new Date(at.getTime() + (minHours + random.next() * (maxHours - minHours)) * 3_600_000);
}

/** One seeding run: the services on a clock the run moves through the past, never beyond `now`. */
interface DemoRun {
  deps: ServiceDeps;
  random: Random;
  /** Draws case locations; its own sequence, so adding locations left every other demo choice as it was. */
  placeRandom: Random;
  now: Date;
  clock: { current: Date };
  citizen: Actor;
}

/** One district's share of the run: its people, its grids and its cases still open (merge targets). */
interface DistrictRun {
  actors: DistrictActors;
  grids: { code: string; geometry: GridGeometry | undefined }[];
  openIds: number[];
}

/** Moves the run's clock forward by a random number of hours within [min, max). */
function advance(run: DemoRun, minHours: number, maxHours: number): void {
  run.clock.current = later(run.clock.current, run.random, minHours, maxHours);
}

/** Acts on one case as each step's person; a step that would fall after `now` is not taken. */
function caseActor(run: DemoRun, caseId: number, version: number) {
  return async (actor: Actor, action: CaseAction, fields: Record<string, unknown> = {}): Promise<boolean> => {
    if (run.clock.current.getTime() > run.now.getTime()) return false;
    const updated = await performCaseAction(run.deps, actor, { caseId, action, version, fields });
    version = updated.version;
    return true;
  };
}

type Act = ReturnType<typeof caseActor>;

/** 立案 to 签收: merge, decline, file, dispatch and sign. @returns the signing handler, or null where the goal stops earlier */
async function takeToSigned(run: DemoRun, district: DistrictRun, row: { id: number; department_id: number | null }, goal: Goal, act: Act) {
  const { actors } = district;
  if (goal === 'merged' && district.openIds.length > 0) {
    advance(run, 0.2, 2);
    await act(actors.operator, 'merge', { intoCaseId: run.random.pick(district.openIds) });
    return null;
  }
  advance(run, 0.1, 1.5);
  if (goal === 'declined') {
    await act(actors.shiftLead, 'decline', { reason: '经核实不属于受理范围' });
    return null;
  }
  if (!(await act(actors.operator, 'file'))) return null;
  district.openIds.push(row.id);
  if (goal === 'filed' || row.department_id === null) return null;
  advance(run, 0.1, 1);
  if (!(await act(actors.operator, 'dispatch', { departmentId: row.department_id }))) return null;
  if (goal === 'dispatched') return null;
  const handler = await actors.handlerFor(row.department_id);
  advance(run, 0.1, 2);
  if (!(await act(handler, 'sign')) || goal === 'signed') return null;
  return handler;
}

/** 签收 to 评价: suspend, extend, resolve, rework, check and rate. */
async function takeToRated(run: DemoRun, district: DistrictRun, caseId: number, goal: Goal, handler: Actor, reporter: Actor, act: Act) {
  const { actors } = district;
  if (goal === 'suspended') {
    advance(run, 1, 24);
    if (await act(handler, 'request_suspension', { reason: '需等待供暖季结束后施工' })) await act(actors.operator, 'approve_suspension');
    return;
  }
  if (goal === 'extended') {
    advance(run, 1, 12);
    const requested = await act(handler, 'request_extension', { days: 3, reason: '需协调产权单位' }).catch((error: unknown) => {
      // A short limit (2 clock hours, 4 working hours) may be over by now: the case then goes on without one.
      if (error instanceof DomainError && error.code === 'CASE_EXTENSION_TOO_LATE') return false;
      throw error;
    });
    if (requested) {
      advance(run, 0.2, 2);
      await act(actors.operator, 'approve_extension');
    }
  }
  advance(run, 2, goal === 'rework' ? 30 : 120);
  if (!(await act(handler, 'resolve', { note: '已到场处置完毕，现场恢复正常。' })) || goal === 'resolved') return;
  advance(run, 0.5, 6);
  if (goal === 'rework') {
    await act(actors.operator, 'check_fail', { reason: '核查发现处置不彻底' });
    advance(run, 4, 40);
    await act(handler, 'resolve', { note: '已返工处理。' });
    advance(run, 0.5, 6);
  }
  if (!(await act(actors.operator, 'check_pass'))) return;
  district.openIds.splice(district.openIds.indexOf(caseId), 1);
  if (run.random.next() < 0.7) {
    advance(run, 2, 48);
    await act(reporter === run.citizen ? run.citizen : actors.operator, 'rate', { level: run.random.pick(RATINGS) });
  }
}

/** Reports one case at a random moment of the last five months and walks it to a randomly drawn state. */
async function seedOneCase(run: DemoRun, district: DistrictRun, categories: { code: string; kind: CaseKind }[]): Promise<void> {
  const { random } = run;
  const category = random.pick(categories);
  const goal = pickGoal(random);
  run.clock.current = new Date(run.now.getTime() - (2 + random.next() * 150) * 86_400_000);
  const reporter = category.kind === 'citizen_request' ? (random.next() < 0.5 ? run.citizen : district.actors.operator) : district.actors.gridWorker;
  const grid = random.pick(district.grids);
  // A real point inside the grid, so the map shows the case where its grid is.
  const point = grid.geometry ? samplePointInGeometry(grid.geometry, run.placeRandom.next) : null;
  const { row } = await reportCase(run.deps, reporter, {
    kind: category.kind,
    categoryCode: category.code,
    description: random.pick(DESCRIPTIONS.default!),
    gridCode: grid.code,
    location: point ? { lng: point[0], lat: point[1] } : undefined,
    address: `${random.pick(STREET_NAMES)}${1 + Math.floor(random.next() * 300)}号附近`,
    reporter: reporter === run.citizen ? { name: '市民', phone: '13800000000' } : undefined,
  });
  if (goal === 'reported') return;
  const act = caseActor(run, row.id, row.version);
  const handler = await takeToSigned(run, district, row, goal, act);
  if (handler) await takeToRated(run, district, row.id, goal, handler, reporter, act);
}

async function gridsOf(db: Kysely<Database>, districtId: number): Promise<DistrictRun['grids']> {
  const geometries = await gridGeometriesByCode(db, districtId);
  return (await listGridCodes(db, districtId)).map((code) => ({ code, geometry: geometries.get(code) }));
}

/**
 * Creates demo cases unless some exist.
 * @returns how many were reported (each 差评 among them also opens its rectification case)
 */
export async function seedDemoCases(db: Kysely<Database>, now: Date, perDistrict = 80): Promise<number> {
  if (await anyCaseExists(db)) return 0;
  const clock = { current: now };
  const run: DemoRun = {
    deps: seedServiceDeps(db, () => clock.current), random: createRandom(20_260_123), placeRandom: createRandom(20_261_202), now, clock, citizen: await actorByUsername(db, 'citizen-demo'),
  };
  const categories = await listCategoriesOfKinds(db, ['event', 'component', 'citizen_request']);
  let created = 0;
  for (const district of await listDistricts(db)) {
    const share: DistrictRun = {
      actors: await loadDistrictActors(db, district.id, district.code),
      grids: await gridsOf(db, district.id),
      openIds: [],
    };
    for (let i = 0; i < perDistrict; i += 1) {
      await seedOneCase(run, share, categories);
      created += 1;
    }
  }
  return created;
}
