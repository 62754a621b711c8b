/**
 * 四率 and project 赛马: the four rates of the projects on a year's plan lists at a month's end, for the
 * district, each responsible unit, and the peer districts, ranked by the race score (争先进位 as for cases).
 *
 * A month is frozen when it closes (its report deadline, report-calendar.ts): the rates of the district and
 * its units are stored then (project_rate_snapshots) and read back ever after, so a project changed later
 * does not change a past month. Every project write first freezes the closed months not frozen yet
 * (`freezeClosedMonths`), so the snapshot is the state before any change made after the close; a closed month
 * read before any write is frozen on that read. An open month is computed live (`frozen: false`).
 */
import type { Actor } from '../../domain/case/index.ts';
import { fourRates, monthBefore, raceScore, timeProgress, type FourRates, type LifecycleStage, type RateProject } from '../../domain/projects/index.ts';
import { rankUnits } from '../../domain/supervision/index.ts';
import { findDistrictById, listDepartments, listDistricts } from '../../db/repositories/org/index.ts';
import {
  findRateSnapshot, insertRateSnapshot, listProjectNodes, listProjects, listRateSnapshotMonths, listReports, loadLifecycle,
} from '../../db/repositories/projects/index.ts';
import type { FrozenUnitRates, ProjectRow } from '../../db/schema.ts';
import type { ServiceDeps } from '../service-deps.ts';
import { projectDistrictFor, type ProjectDistrict } from './project-access.ts';
import { reportCalendarOf, type DistrictSettingsSource } from './report-calendar.ts';

export interface RatedUnit {
  unit: { id: number; code: string; name: string };
  rates: FourRates;
  score: number | null;
  place: number | null;
  rankScore: number | null;
}

type DistrictRow = DistrictSettingsSource & { id: number; code: string; name: string };

async function rateProjects(deps: ServiceDeps, rows: readonly ProjectRow[]): Promise<Map<number, RateProject>> {
  const ids = rows.map((row) => row.id);
  const [nodes, reports] = await Promise.all([listProjectNodes(deps.db, ids), listReports(deps.db, ids)]);
  return new Map(rows.map((row) => [row.id, {
    totalPlanned: row.total_investment, annualPlanned: row.annual_investment,
    nodes: nodes.filter((node) => node.projectId === row.id),
    reports: reports.filter((report) => report.project_id === row.id).map((report) => ({ month: report.month, amount: report.amount })),
  }]));
}

/** What a district's rates of some months are computed from, as the projects stand now. */
interface DistrictYear {
  rows: ProjectRow[];
  rated: Map<number, RateProject>;
  departments: { id: number; code: string; name: string }[];
}

async function loadDistrictYear(deps: ServiceDeps, districtId: number, year: number): Promise<DistrictYear> {
  const rows = await listProjects(deps.db, { districtId, listYear: year });
  const [rated, departments] = await Promise.all([rateProjects(deps, rows), listDepartments(deps.db, districtId)]);
  return { rows, rated, departments: departments.map((d) => ({ id: d.id, code: d.code, name: d.name })) };
}

/** The district's and its units' rates at a month, from the projects as they stand now. */
function liveRates(data: DistrictYear, month: string, lifecycle: readonly LifecycleStage[]): { rates: FourRates; units: FrozenUnitRates[] } {
  const units = data.departments
    .map((unit) => ({ unit, projects: data.rows.filter((row) => row.department_id === unit.id).map((row) => data.rated.get(row.id)!) }))
    .filter((group) => group.projects.length > 0)
    .map((group) => ({ unit: group.unit, rates: fourRates(group.projects, month, lifecycle) }));
  return { rates: fourRates([...data.rated.values()], month, lifecycle), units };
}

interface MonthRates {
  rates: FourRates;
  units: FrozenUnitRates[];
  frozen: boolean;
  closesAt: Date;
  frozenAt: Date | null;
}

/** A district's rates at a month: the snapshot of a closed month (frozen now if it has none), else live. */
async function districtMonthRates(deps: ServiceDeps, district: DistrictRow, month: string, lifecycle: readonly LifecycleStage[]): Promise<MonthRates> {
  const now = deps.clock();
  const closesAt = (await reportCalendarOf(deps, district)).closesAt(month);
  const closed = now.getTime() >= closesAt.getTime();
  if (closed) {
    const stored = await findRateSnapshot(deps.db, district.id, month);
    if (stored) return { rates: stored.rates, units: stored.units, frozen: true, closesAt, frozenAt: stored.frozen_at };
  }
  const live = liveRates(await loadDistrictYear(deps, district.id, Number(month.slice(0, 4))), month, lifecycle);
  if (!closed) return { ...live, frozen: false, closesAt, frozenAt: null };
  const stored = await insertRateSnapshot(deps.db, { districtId: district.id, month, ...live, closesAt, frozenAt: now });
  return { rates: stored.rates, units: stored.units, frozen: true, closesAt, frozenAt: stored.frozen_at };
}

/** The months, January of last year up to `last`, in order. */
function monthsSinceLastYear(last: string): string[] {
  const first = `${Number(last.slice(0, 4)) - 1}-01`;
  const months: string[] = [];
  for (let month = last; month >= first; month = monthBefore(month)) months.unshift(month);
  return months;
}

/**
 * Freezes the district's closed months (January of last year on) that have no snapshot yet, from the projects
 * as they stand: called before every project write, so a change made after a month closed never reaches it.
 */
export async function freezeClosedMonths(deps: ServiceDeps, districtId: number): Promise<void> {
  const district = await findDistrictById(deps.db, districtId);
  if (!district) return;
  const now = deps.clock();
  const calendar = await reportCalendarOf(deps, district);
  const frozen = new Set(await listRateSnapshotMonths(deps.db, districtId));
  const missing = monthsSinceLastYear(calendar.latestClosed(now)).filter((month) => !frozen.has(month));
  if (missing.length === 0) return;
  const lifecycle = (await loadLifecycle(deps.db)).stages;
  const years = new Map<number, DistrictYear>();
  for (const month of missing) {
    const year = Number(month.slice(0, 4));
    if (!years.has(year)) years.set(year, await loadDistrictYear(deps, districtId, year));
    const live = liveRates(years.get(year)!, month, lifecycle);
    await insertRateSnapshot(deps.db, { districtId, month, ...live, closesAt: calendar.closesAt(month), frozenAt: now });
  }
}

/** Scores each group and ranks those with projects. */
function rankGroups(groups: FrozenUnitRates[]): RatedUnit[] {
  const rated = groups.map((group) => ({ ...group, score: raceScore(group.rates) }));
  const ranked = new Map(rankUnits(rated.map((item) => ({ unitId: item.unit.id, score: item.score, due: item.rates.counts.projects }))).map((item) => [item.unitId, item]));
  return rated
    .map((item) => ({ ...item, place: ranked.get(item.unit.id)?.place ?? null, rankScore: ranked.get(item.unit.id)?.rankScore ?? null }))
    .sort((a, b) => (a.place ?? Infinity) - (b.place ?? Infinity) || a.unit.id - b.unit.id);
}

export async function computeProjectRates(deps: ServiceDeps, actor: Actor, districtCode: string | undefined, month: string) {
  return projectRatesOfDistrict(deps, await projectDistrictFor(deps, actor, districtCode), month);
}

/** The rates of a district the caller was already allowed to read (also the bulletin's 重点项目 section). */
export async function projectRatesOfDistrict(deps: ServiceDeps, district: ProjectDistrict, month: string) {
  const lifecycle = (await loadLifecycle(deps.db)).stages;
  const peers: FrozenUnitRates[] = [];
  let own: MonthRates | undefined;
  for (const peer of await listDistricts(deps.db)) {
    const rated = await districtMonthRates(deps, peer, month, lifecycle);
    if (peer.id === district.id) own = rated;
    peers.push({ unit: { id: peer.id, code: peer.code.trim(), name: peer.name }, rates: rated.rates });
  }
  const mine = own!;
  return {
    district: { code: district.code, name: district.name },
    month,
    timeProgress: timeProgress(month),
    frozen: mine.frozen,
    closesAt: mine.closesAt.toISOString(),
    frozenAt: mine.frozenAt?.toISOString() ?? null,
    rates: mine.rates,
    score: raceScore(mine.rates),
    units: rankGroups(mine.units),
    peers: rankGroups(peers),
  };
}
