/**
 * District targets (目标): entry by a project officer, and the KPI board's reading — the latest monthly
 * actual against the annual target and 序时进度, with the rank among peer districts on the same indicator.
 */
import { DomainError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/case/index.ts';
import { canWriteProjects, rankPeers, targetStanding, type TargetKind } from '../../domain/projects/index.ts';
import { listDistricts } from '../../db/repositories/org/index.ts';
import { listActuals, listTargetsOfYear, upsertActuals, upsertTarget, type ActualEntry, type StoredActual } from '../../db/repositories/projects/index.ts';
import type { DistrictTargetRow } from '../../db/schema.ts';
import type { ServiceDeps } from '../service-deps.ts';
import { runWrite } from '../write-transaction.ts';
import { projectDistrictFor, type ProjectDistrict, shanghaiToday } from './project-access.ts';

export interface TargetInput {
  districtCode?: string | undefined;
  year: number;
  indicator: string;
  name: string;
  unit: string;
  kind: TargetKind;
  target: number | null;
  actuals?: ActualEntry[] | undefined;
  /** Demo figures the seeds do not give. */
  illustrative?: boolean | undefined;
}

/** @throws DomainError FORBIDDEN, TARGET_INVALID (a future month, a non-positive amount target) */
export async function putTarget(deps: ServiceDeps, actor: Actor, input: TargetInput): Promise<void> {
  const district = await projectDistrictFor(deps, actor, input.districtCode);
  if (!canWriteProjects(actor.role)) throw new DomainError('FORBIDDEN');
  const current = shanghaiToday(deps.clock()).slice(0, 7);
  const problems = [
    ...(input.kind === 'amount' && input.target !== null && input.target <= 0 ? [{ path: 'target', code: 'not_positive' }] : []),
    ...(input.actuals ?? [])
      .filter((actual) => `${input.year}-${String(actual.month).padStart(2, '0')}` > current)
      .map((actual) => ({ path: `actuals.${actual.month}`, code: 'future_month' })),
  ];
  if (problems.length > 0) throw new DomainError('TARGET_INVALID', problems);
  await runWrite(deps, async (trx) => {
    const row = await upsertTarget(trx, { ...input, districtId: district.id });
    await upsertActuals(trx, row.id, input.actuals ?? []);
  });
}

function latestActual(actuals: readonly StoredActual[], targetId: number, upToMonth: number): StoredActual | null {
  return actuals.filter((actual) => actual.targetId === targetId && actual.month <= upToMonth).at(-1) ?? null;
}

function monthKey(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** The district's targets for a year as of `month` (default: the latest month with any actual). */
export async function listTargetsFor(deps: ServiceDeps, actor: Actor, districtCode: string | undefined, year: number, month?: number) {
  return targetsOfDistrict(deps, await projectDistrictFor(deps, actor, districtCode), year, month);
}

/** The targets of a district the caller was already allowed to read (also the bulletin's 目标 section). */
export async function targetsOfDistrict(deps: ServiceDeps, district: ProjectDistrict, year: number, month?: number) {
  const all = await listTargetsOfYear(deps.db, year);
  const actuals = await listActuals(deps.db, all.map((row) => row.id));
  const names = new Map((await listDistricts(deps.db)).map((row) => [row.id, { code: row.code.trim(), name: row.name }]));
  const own = all.filter((row) => row.district_id === district.id);
  const asOf = month ?? Math.max(0, ...actuals.filter((actual) => own.some((row) => row.id === actual.targetId)).map((actual) => actual.month));
  const standingOf = (row: DistrictTargetRow) => {
    const actual = latestActual(actuals, row.id, asOf || 12);
    return { actual, standing: targetStanding(row.kind, row.target, actual, monthKey(year, actual?.month ?? (asOf || 12))) };
  };
  const items = own.map((row) => {
    const { actual, standing } = standingOf(row);
    const peerRows = all.filter((peer) => peer.indicator === row.indicator);
    const measures = peerRows.map((peer) => ({ districtId: peer.district_id, measure: peerMeasure(peer, standingOf(peer).actual) }));
    const ranked = rankPeers(measures);
    return {
      indicator: row.indicator, name: row.name, unit: row.unit, kind: row.kind, target: row.target, illustrative: row.illustrative,
      actuals: actuals.filter((item) => item.targetId === row.id).map(({ targetId: _id, ...rest }) => rest),
      latest: actual, standing,
      peers: measures.map((peer) => ({
        district: names.get(peer.districtId) ?? null, measure: peer.measure,
        place: ranked.find((rank) => rank.districtId === peer.districtId)?.place ?? null,
      })).sort((a, b) => (a.place ?? Infinity) - (b.place ?? Infinity)),
      place: ranked.find((rank) => rank.districtId === district.id)?.place ?? null,
    };
  });
  return { district: { code: district.code, name: district.name }, year, month: asOf || null, items };
}

/** Peers compare on 同比 when both have it (districts differ in size), else on the share of their own target. */
function peerMeasure(row: DistrictTargetRow, actual: StoredActual | null): number | null {
  if (!actual) return null;
  if (actual.yoy !== null) return actual.yoy;
  return row.kind === 'amount' && row.target && actual.value !== null ? (actual.value / row.target) * 100 : null;
}
