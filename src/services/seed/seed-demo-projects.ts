/**
 * The demo's key projects and targets (DESIGN §9): every project the seeds name, in its district, made
 * through the same services as real work — created with a backward schedule, node dates set in order up
 * to the stage the report names, monthly reports over 2025–2026, problems raised as cases and moved along
 * the loop to different states. Investment figures the seeds do not give are invented and flagged
 * illustrative, as are the current year's targets and actuals.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor, CaseAction } from '../../domain/case/index.ts';
import { DEFAULT_LIFECYCLE } from '../../domain/projects/index.ts';
import { DEMO_CURRENT_TARGETS, DEMO_INDICATOR_FACTS, DEMO_PROJECT_FACTS, type DemoProjectFact } from '../../db/seed/demo-projects.ts';
import { findDepartmentByCode, findUserByUsername, listDistricts } from '../../db/repositories/org/index.ts';
import { deleteRateSnapshots, listProjects } from '../../db/repositories/projects/index.ts';
import { actorFromUser } from '../actor.ts';
import { performCaseAction } from '../case/index.ts';
import { listGridMap } from '../geo/index.ts';
import { createProject, fileMonthlyReport, patchProject, putTarget, raiseProjectProblem, setProjectNode, shanghaiToday } from '../projects/index.ts';
import type { ServiceDeps } from '../service-deps.ts';
import { seedServiceDeps } from './seed-service-deps.ts';
import { loadDistrictActors, type DistrictActors } from './seed-demo-cases.ts';
import { createRandom, type Random } from './seeded-random.ts';

const NODE_CODES = DEFAULT_LIFECYCLE.flatMap((stage) => stage.nodes.map((node) => node.code));
const STAGE_OF_NODE = DEFAULT_LIFECYCLE.flatMap((stage) => stage.nodes.map(() => stage.code));
const DURATIONS = new Map(DEFAULT_LIFECYCLE.flatMap((stage) => stage.nodes.map((node) => [node.code, node.durationDays] as const)));

/** How many lifecycle nodes (in order) are done at the stage the report words. */
const NODES_DONE: Record<string, number> = {
  谋划: 0, 签约落地: 4, 前期: 6, 新建: 13, 开工: 13, 在建: 14, 主体施工: 14, 主体封顶: 15, 土建完成: 15, 主体竣工: 15,
  竣工: 16, 试生产: 18, 投产: 19, 投用: 19, 投产达效: 20,
};
const DEPARTMENT_OF_TYPE: Record<DemoProjectFact['type'], string> = { industry: 'fgj', infrastructure: 'zjj', public: 'zjj' };
const PROBLEMS = [
  { categoryCode: 'P02', title: '供电线路接入滞后', description: '施工用电容量不足，需协调供电公司增容。' },
  { categoryCode: 'P04', title: '施工许可材料待补正', description: '规划许可附图与施工图不一致，需审批部门指导。' },
  { categoryCode: 'P01', title: '用地指标未落实', description: '二期用地指标尚未下达，影响后续建设。' },
];
type ProblemGoal = 'reported' | 'dispatched' | 'signed' | 'resolved' | 'closed';
const PROBLEM_GOALS: ProblemGoal[] = ['closed', 'resolved', 'signed', 'dispatched', 'reported', 'closed'];

const DAY = 86_400_000;
const at = (ymd: string, hour = 2) => new Date(`${ymd}T0${hour}:00:00Z`);
const addDays = (ymd: string, days: number) => new Date(at(ymd).getTime() + days * DAY).toISOString().slice(0, 10);

async function actor(db: Kysely<Database>, username: string): Promise<Actor> {
  const user = await findUserByUsername(db, username);
  if (!user) throw new Error(`demo user ${username} is missing`);
  return actorFromUser(user);
}

/** Creates the demo projects and targets unless the district already has projects. @returns projects created */
export async function seedDemoProjects(db: Kysely<Database>, now: Date): Promise<number> {
  const random = createRandom(20_260_611);
  let current = now;
  const deps = seedServiceDeps(db, () => current);
  const today = shanghaiToday(now);
  let created = 0;
  for (const district of await listDistricts(db)) {
    const code = district.code.trim();
    if ((await listProjects(db, { districtId: district.id })).length > 0) continue;
    const officer = await actor(db, `project_officer-${code}`);
    const patron = await actor(db, `leader-${code}`);
    const actors = await loadDistrictActors(db, district.id, code);
    const points = await gridCentres(db, code);
    for (const [index, fact] of (DEMO_PROJECT_FACTS[code] ?? []).entries()) {
      current = now;
      const department = await findDepartmentByCode(db, district.id, DEPARTMENT_OF_TYPE[fact.type]);
      const total = fact.investmentWan ?? Math.round((fact.type === 'industry' ? 20_000 + random.next() * 180_000 : 8_000 + random.next() * 60_000) / 100) * 100;
      const doneCount = NODES_DONE[fact.stage ?? '在建'] ?? 14;
      const view = await createProject(deps, officer, {
        location: points.length > 0 ? points[(index * 37) % points.length] : undefined,
        name: fact.name, type: fact.type, totalInvestment: total, annualInvestment: Math.round(total * 0.35), patronUserId: patron.userId,
        departmentId: department?.id ?? null, taskForce: [`${district.name}${fact.name.slice(0, 6)}专班`],
        planLists: [...new Set([fact.year, 2025, 2026])].map((year) => ({ year, level: 'district' as const })),
        scheduleBackFrom: addDays(today, 200 + Math.floor(random.next() * 500) - (index % 3 === 0 ? 400 : 0)),
        illustrative: fact.investmentWan === undefined,
      });
      const doneDates = await setDoneNodes(deps, officer, view.row.id, doneCount, fact.year, today, (value) => { current = value; });
      const stageCode = STAGE_OF_NODE[Math.min(doneCount, NODE_CODES.length - 1)]!;
      if (stageCode !== view.row.stage_code) await patchProject(deps, officer, view.row.id, { stageCode, version: view.row.version });
      await fileReports(deps, officer, view.row.id, total, doneDates.get('construction_started'), today, random, (value) => { current = value; });
      if (index % 2 === 0) {
        current = new Date(now.getTime() - (5 + random.next() * 40) * DAY);
        await raiseAndMove(deps, officer, actors, view.row.id, PROBLEMS[index % PROBLEMS.length]!, PROBLEM_GOALS[(index / 2) % PROBLEM_GOALS.length]!, now, (value) => { current = value; });
      }
      created += 1;
    }
    current = now;
    await seedTargets(deps, officer, code, today, random);
    // The demo writes its history backwards in time, and every project write freezes the closed months as they
    // stand: those snapshots caught a half-written history. Dropped, the months freeze again from the whole of it.
    await deleteRateSnapshots(db, district.id);
  }
  return created;
}

/** A point inside each demo grid (the mean of its outer ring), so projects land on the 挂图作战 map. */
async function gridCentres(db: Kysely<Database>, districtCode: string): Promise<{ lat: number; lng: number }[]> {
  const map = await listGridMap(db, districtCode);
  return map.features.flatMap((feature) => {
    const geometry = feature.geometry as { type?: string; coordinates?: unknown } | null;
    const polygon = geometry?.type === 'MultiPolygon' ? (geometry.coordinates as number[][][][])[0] : (geometry?.coordinates as number[][][] | undefined);
    const ring = polygon?.[0]?.slice(0, -1) ?? [];
    if (ring.length === 0) return [];
    const lng = ring.reduce((sum, point) => sum + point[0]!, 0) / ring.length;
    const lat = ring.reduce((sum, point) => sum + point[1]!, 0) / ring.length;
    return [{ lat: Math.round(lat * 1e6) / 1e6, lng: Math.round(lng * 1e6) / 1e6 }];
  });
}

/** Sets the first `count` nodes done, spaced by half their usual durations from the list year on, never after today. */
async function setDoneNodes(deps: ServiceDeps, officer: Actor, projectId: number, count: number, year: number, today: string, setClock: (value: Date) => void) {
  const dates = new Map<string, string>();
  let day = `${Math.max(year - 1, 2021)}-09-01`;
  for (const code of NODE_CODES.slice(0, count)) {
    day = addDays(day, Math.ceil((DURATIONS.get(code) ?? 10) / 2));
    const date = day > today ? today : day;
    setClock(at(date, 3));
    await setProjectNode(deps, officer, projectId, code, { actualDate: date });
    dates.set(code, date);
  }
  return dates;
}

async function fileReports(deps: ServiceDeps, officer: Actor, projectId: number, total: number, started: string | undefined, today: string, random: Random, setClock: (value: Date) => void) {
  if (!started) return;
  let month = started.slice(0, 7) < '2025-01' ? '2025-01' : started.slice(0, 7);
  let sum = 0;
  while (month < today.slice(0, 7) && sum < total * 0.9) {
    const amount = Math.round((total * 0.35) / 12 * (0.5 + random.next() * 0.9));
    sum += amount;
    const [y, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
    const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
    setClock(at(`${next}-05`));
    await fileMonthlyReport(deps, officer, projectId, { month, amount, progressText: amount > total * 0.03 ? '主体工程按计划推进' : '受天气影响进度放缓' });
    month = next;
  }
}

async function raiseAndMove(deps: ServiceDeps, officer: Actor, actors: DistrictActors, projectId: number, problem: (typeof PROBLEMS)[number], goal: ProblemGoal, now: Date, setClock: (value: Date) => void) {
  const row = await raiseProjectProblem(deps, officer, projectId, problem);
  let version = row.version;
  let clock = deps.clock();
  const act = async (who: Actor, action: CaseAction, fields: Record<string, unknown> = {}) => {
    clock = new Date(Math.min(clock.getTime() + 20 * 3_600_000, now.getTime()));
    setClock(clock);
    version = (await performCaseAction(deps, who, { caseId: row.id, action, version, fields })).version;
  };
  if (goal === 'reported' || row.department_id === null) return;
  await act(actors.operator, 'file');
  await act(actors.operator, 'dispatch', { departmentId: row.department_id });
  if (goal === 'dispatched') return;
  const handler = await actors.handlerFor(row.department_id);
  await act(handler, 'sign');
  if (goal === 'signed') return;
  await act(handler, 'resolve', { note: '已协调解决，项目恢复推进。' });
  if (goal === 'resolved') return;
  await act(actors.operator, 'check_pass');
}

/** The seeds' figures in their years, and illustrative targets and monthly actuals for the current year. */
async function seedTargets(deps: ServiceDeps, officer: Actor, code: string, today: string, random: Random) {
  for (const fact of DEMO_INDICATOR_FACTS[code] ?? []) {
    const actuals = fact.value === null && fact.yoy === null ? [] : [{ month: fact.month, value: fact.value, yoy: fact.yoy }];
    await putTarget(deps, officer, { districtCode: code, year: fact.year, indicator: fact.indicator, name: fact.name, unit: fact.unit, kind: fact.kind, target: fact.target, actuals });
  }
  const year = Number(today.slice(0, 4));
  const lastMonth = Number(today.slice(5, 7)) - 1;
  for (const item of DEMO_CURRENT_TARGETS) {
    const target = item.targets[code] ?? null;
    if (target === null) continue;
    const pace = 0.85 + random.next() * 0.3;
    const actuals = Array.from({ length: lastMonth }, (_, index) => ({
      month: index + 1,
      value: item.kind === 'amount' ? Math.round(((target * (index + 1)) / 12) * pace * 100) / 100 : null,
      yoy: Math.round((item.kind === 'growth' ? target * pace : 3 + random.next() * 8) * 10) / 10,
      illustrative: true,
    }));
    await putTarget(deps, officer, { districtCode: code, year, indicator: item.indicator, name: item.name, unit: item.unit, kind: item.kind, target, actuals, illustrative: true });
  }
}
