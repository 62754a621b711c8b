/**
 * 四率 and project 赛马: the four rates of the projects on a year's plan lists at a month's end, for the
 * district, each responsible unit, and the peer districts, ranked by the race score (争先进位 as for cases).
 */
import type { Actor } from '../../domain/case/index.ts';
import { fourRates, raceScore, timeProgress, type FourRates, type RateProject } from '../../domain/projects/index.ts';
import { rankUnits } from '../../domain/supervision/index.ts';
import { listDepartments, listDistricts } from '../../db/repositories/org/index.ts';
import { listProjectNodes, listProjects, listReports, loadLifecycle } from '../../db/repositories/projects/index.ts';
import type { ProjectRow } from '../../db/schema.ts';
import type { ServiceDeps } from '../service-deps.ts';
import { projectDistrictFor } from './project-access.ts';

export interface RatedUnit {
  unit: { id: number; code: string; name: string };
  rates: FourRates;
  score: number | null;
  place: number | null;
  rankScore: number | null;
}

async function rateProjects(deps: ServiceDeps, rows: readonly ProjectRow[]): Promise<Map<number, RateProject>> {
  const ids = rows.map((row) => row.id);
  const [nodes, reports] = await Promise.all([listProjectNodes(deps.db, ids), listReports(deps.db, ids)]);
  return new Map(rows.map((row) => [row.id, {
    totalPlanned: row.total_investment, annualPlanned: row.annual_investment,
    nodes: nodes.filter((node) => node.projectId === row.id),
    reports: reports.filter((report) => report.project_id === row.id).map((report) => ({ month: report.month, amount: report.amount })),
  }]));
}

/** Rates each group and ranks those with projects. */
function rankGroups(groups: { unit: RatedUnit['unit']; projects: RateProject[] }[], month: string, lifecycle: Parameters<typeof fourRates>[2]): RatedUnit[] {
  const rated = groups.map((group) => {
    const rates = fourRates(group.projects, month, lifecycle);
    return { unit: group.unit, rates, score: raceScore(rates) };
  });
  const ranked = new Map(rankUnits(rated.map((item) => ({ unitId: item.unit.id, score: item.score, due: item.rates.counts.projects }))).map((item) => [item.unitId, item]));
  return rated
    .map((item) => ({ ...item, place: ranked.get(item.unit.id)?.place ?? null, rankScore: ranked.get(item.unit.id)?.rankScore ?? null }))
    .sort((a, b) => (a.place ?? Infinity) - (b.place ?? Infinity) || a.unit.id - b.unit.id);
}

export async function computeProjectRates(deps: ServiceDeps, actor: Actor, districtCode: string | undefined, month: string) {
  const district = await projectDistrictFor(deps, actor, districtCode);
  const year = Number(month.slice(0, 4));
  const lifecycle = (await loadLifecycle(deps.db)).stages;
  const peers = [];
  let own: { rows: ProjectRow[]; rated: Map<number, RateProject> } = { rows: [], rated: new Map() };
  for (const peer of await listDistricts(deps.db)) {
    const rows = await listProjects(deps.db, { districtId: peer.id, listYear: year });
    const rated = await rateProjects(deps, rows);
    if (peer.id === district.id) own = { rows, rated };
    peers.push({ unit: { id: peer.id, code: peer.code.trim(), name: peer.name }, projects: [...rated.values()] });
  }
  const departments = await listDepartments(deps.db, district.id);
  const unitGroups = departments
    .map((department) => ({
      unit: { id: department.id, code: department.code, name: department.name },
      projects: own.rows.filter((row) => row.department_id === department.id).map((row) => own.rated.get(row.id)!),
    }))
    .filter((group) => group.projects.length > 0);
  const rates = fourRates([...own.rated.values()], month, lifecycle);
  return {
    district: { code: district.code, name: district.name },
    month,
    timeProgress: timeProgress(month),
    rates,
    score: raceScore(rates),
    units: rankGroups(unitGroups, month, lifecycle),
    peers: rankGroups(peers, month, lifecycle),
  };
}
