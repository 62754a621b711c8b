/**
 * The project registry: create a project with its lifecycle nodes (optionally planned back from a target
 * date), change it (stage advance only with earlier required nodes done), list and read it. Every change
 * goes into the project's timeline in the same transaction.
 */
import { DomainError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/case/index.ts';
import {
  backwardSchedule, canWriteProjects, missingNodesForStage, stageIndex,
  type PlanLevel, type ProjectType,
} from '../../domain/projects/index.ts';
import { findDepartment, findDistrictById } from '../../db/repositories/org/index.ts';
import {
  appendProjectEvent, findUserNames, insertProject, insertProjectNodes, listProjectNodes, listProjects, loadLifecycle, lockProject,
  replacePlanLists, updateProject, type ProjectFilter,
} from '../../db/repositories/projects/index.ts';
import type { Transaction } from 'kysely';
import type { Database, ProjectRow, ProjectUpdate } from '../../db/schema.ts';
import type { ServiceDeps } from '../service-deps.ts';
import { runWrite } from '../write-transaction.ts';
import { freezeClosedMonths } from './project-rates.ts';
import { placeByLocation } from '../geo/index.ts';
import { projectDistrictFor, projectFor } from './project-access.ts';
import { viewProjects, type ProjectView } from './project-view.ts';

export interface ProjectFields {
  name: string;
  type: ProjectType;
  totalInvestment: number;
  annualInvestment: number;
  location?: { lat: number; lng: number } | undefined;
  address?: string | undefined;
  ownerEnterprise?: string | undefined;
  patronUserId?: number | null | undefined;
  departmentId?: number | null | undefined;
  taskForce?: string[] | undefined;
  plannedStart?: string | undefined;
  plannedEnd?: string | undefined;
  parentId?: number | null | undefined;
  planLists?: { year: number; level: PlanLevel }[] | undefined;
}

export interface CreateProjectInput extends ProjectFields {
  districtCode?: string | undefined;
  /** 倒排工期: plan every node back from this date (natural days). */
  scheduleBackFrom?: string | undefined;
  illustrative?: boolean | undefined;
}

export type PatchProjectInput = Partial<ProjectFields> & { stageCode?: string | undefined; version: number };

/** Patron, department and parent must belong to the project's district. */
async function checkReferences(deps: ServiceDeps, districtId: number, fields: Partial<ProjectFields>): Promise<void> {
  const amounts = [fields.totalInvestment, fields.annualInvestment].filter((amount) => amount !== undefined);
  if (amounts.some((amount) => !Number.isFinite(amount) || amount < 0)) throw new DomainError('PROJECT_INVESTMENT_INVALID', { amounts });
  if (fields.totalInvestment !== undefined && fields.annualInvestment !== undefined && fields.annualInvestment > fields.totalInvestment) {
    throw new DomainError('PROJECT_INVESTMENT_INVALID', { annualInvestment: fields.annualInvestment, totalInvestment: fields.totalInvestment });
  }
  if (fields.patronUserId) {
    const patron = (await findUserNames(deps.db, [fields.patronUserId])).get(fields.patronUserId);
    if (!patron || patron.role !== 'leader' || patron.districtId !== districtId) throw new DomainError('PROJECT_PATRON_INVALID', { patronUserId: fields.patronUserId });
  }
  if (fields.departmentId) {
    const department = await findDepartment(deps.db, fields.departmentId);
    if (!department || department.district_id !== districtId) throw new DomainError('CASE_DEPARTMENT_UNKNOWN', { departmentId: fields.departmentId });
  }
}

async function streetAt(deps: ServiceDeps, actor: Actor, districtId: number, districtCode: string, location: ProjectFields['location']): Promise<number | null> {
  if (!location) return null;
  const placed = await placeByLocation(deps, actor, location, districtCode);
  if (placed && placed.districtId !== districtId) throw new DomainError('PROJECT_OTHER_DISTRICT', { location });
  return placed?.streetId ?? null;
}

/** Where and by whom a new project is written. */
export interface NewProjectContext {
  actor: Actor;
  districtId: number;
  streetId: number | null;
  lifecycle: Awaited<ReturnType<typeof loadLifecycle>>;
  now: Date;
}

/** Writes a checked new project at the first stage, with its nodes, plan lists and 'create' event, in the caller's transaction. */
export async function writeNewProject(trx: Transaction<Database>, context: NewProjectContext, input: CreateProjectInput): Promise<ProjectRow> {
  const { actor, districtId, streetId, lifecycle, now } = context;
  const planned = input.scheduleBackFrom ? backwardSchedule(lifecycle.stages, input.scheduleBackFrom, new Set()) : {};
  const inserted = await insertProject(trx, {
    district_id: districtId, name: input.name, type: input.type, total_investment: input.totalInvestment,
    annual_investment: input.annualInvestment, lat: input.location?.lat ?? null, lng: input.location?.lng ?? null,
    address: input.address ?? null, street_id: streetId, owner_enterprise: input.ownerEnterprise ?? null,
    patron_user_id: input.patronUserId ?? null, department_id: input.departmentId ?? null, task_force: JSON.stringify(input.taskForce ?? []),
    stage_code: lifecycle.stages[0]?.code ?? '', planned_start: input.plannedStart ?? null, planned_end: input.plannedEnd ?? input.scheduleBackFrom ?? null,
    parent_id: input.parentId ?? null, illustrative: input.illustrative ?? false, created_by: actor.userId, created_at: now, updated_at: now,
  });
  await insertProjectNodes(trx, inserted.id, [...lifecycle.nodeIds].map(([code, nodeId]) => ({ nodeId, plannedDate: planned[code] ?? null, actualDate: null })));
  await replacePlanLists(trx, inserted.id, input.planLists ?? []);
  await appendProjectEvent(trx, {
    projectId: inserted.id, districtId, at: now, actorUserId: actor.userId, actorRole: actor.role, action: 'create',
    data: { name: input.name, totalInvestment: input.totalInvestment, scheduleBackFrom: input.scheduleBackFrom ?? null },
  });
  return inserted;
}

/** @throws DomainError FORBIDDEN, PROJECT_PATRON_INVALID, CASE_DEPARTMENT_UNKNOWN, PROJECT_INVESTMENT_INVALID */
export async function createProject(deps: ServiceDeps, actor: Actor, input: CreateProjectInput): Promise<ProjectView> {
  const district = await projectDistrictFor(deps, actor, input.districtCode);
  if (!canWriteProjects(actor.role)) throw new DomainError('FORBIDDEN');
  await checkReferences(deps, district.id, input);
  const streetId = await streetAt(deps, actor, district.id, district.code, input.location);
  const lifecycle = await loadLifecycle(deps.db);
  await freezeClosedMonths(deps, district.id);
  const row = await runWrite(deps, (trx) => writeNewProject(trx, { actor, districtId: district.id, streetId, lifecycle, now: deps.clock() }, input));
  return (await viewProjects(deps, [row]))[0]!;
}

/** @throws DomainError PROJECT_VERSION_CONFLICT, PROJECT_STAGE_UNKNOWN, PROJECT_STAGE_NODES_MISSING and those of createProject */
export async function patchProject(deps: ServiceDeps, actor: Actor, id: number, input: PatchProjectInput): Promise<ProjectView> {
  const project = await projectFor(deps, actor, id, 'write');
  await checkReferences(deps, project.district_id, {
    ...input, totalInvestment: input.totalInvestment ?? project.total_investment, annualInvestment: input.annualInvestment ?? project.annual_investment,
  });
  if (input.stageCode !== undefined && input.stageCode !== project.stage_code) await checkStageAdvance(deps, project, input.stageCode);
  const district = await findDistrictById(deps.db, project.district_id);
  const streetId = input.location ? await streetAt(deps, actor, project.district_id, district?.code.trim() ?? '', input.location) : undefined;
  const now = deps.clock();
  const changes: ProjectUpdate = {
    name: input.name, type: input.type, total_investment: input.totalInvestment, annual_investment: input.annualInvestment,
    lat: input.location?.lat, lng: input.location?.lng, street_id: streetId, address: input.address, owner_enterprise: input.ownerEnterprise,
    patron_user_id: input.patronUserId, department_id: input.departmentId,
    task_force: input.taskForce ? JSON.stringify(input.taskForce) : undefined, stage_code: input.stageCode,
    planned_start: input.plannedStart, planned_end: input.plannedEnd, parent_id: input.parentId,
  };
  await freezeClosedMonths(deps, project.district_id);
  const row = await runWrite(deps, async (trx) => {
    const locked = await lockProject(trx, id);
    if (!locked || locked.version !== input.version) throw new DomainError('PROJECT_VERSION_CONFLICT', { version: locked?.version });
    const updated = await updateProject(trx, id, { ...changes, version: locked.version + 1, updated_at: now });
    if (input.planLists) await replacePlanLists(trx, id, input.planLists);
    const { version: _version, ...data } = input;
    await appendProjectEvent(trx, {
      projectId: id, districtId: project.district_id, at: now, actorUserId: actor.userId, actorRole: actor.role,
      action: input.stageCode !== undefined && input.stageCode !== project.stage_code ? 'advance_stage' : 'update', data,
    });
    return updated;
  });
  return (await viewProjects(deps, [row]))[0]!;
}

async function checkStageAdvance(deps: ServiceDeps, project: ProjectRow, stageCode: string): Promise<void> {
  const lifecycle = await loadLifecycle(deps.db);
  if (stageIndex(lifecycle.stages, stageCode) < 0) throw new DomainError('PROJECT_STAGE_UNKNOWN', { stageCode });
  const missing = missingNodesForStage(lifecycle.stages, await listProjectNodes(deps.db, [project.id]), stageCode);
  if (missing.length > 0) throw new DomainError('PROJECT_STAGE_NODES_MISSING', { stageCode, missing });
}

export type ProjectListQuery = Omit<ProjectFilter, 'districtId' | 'patronUserId'> & { districtCode?: string | undefined; patron?: 'me' | number | undefined };

export async function listProjectsFor(deps: ServiceDeps, actor: Actor, query: ProjectListQuery): Promise<{ district: { code: string; name: string }; items: ProjectView[] }> {
  const district = await projectDistrictFor(deps, actor, query.districtCode);
  const patronUserId = query.patron === 'me' ? (actor.userId ?? -1) : query.patron;
  const rows = await listProjects(deps.db, { ...query, districtId: district.id, patronUserId });
  return { district: { code: district.code, name: district.name }, items: await viewProjects(deps, rows) };
}
