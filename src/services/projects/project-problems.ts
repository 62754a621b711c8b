/**
 * 问题清单: a problem raised on a project becomes a `project_problem` case through the case intake, in
 * the same loop as every other case. The case names the project and its patron, and the link and the
 * project's timeline event are written inside the intake transaction.
 */
import { DomainError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/case/index.ts';
import { canRaiseProjectProblem } from '../../domain/projects/index.ts';
import { findDistrictById } from '../../db/repositories/org/index.ts';
import { appendProjectEvent, findUserNames, insertProblemLink, lockProject } from '../../db/repositories/projects/index.ts';
import type { CaseRow } from '../../db/schema.ts';
import type { ServiceDeps } from '../service-deps.ts';
import { reportCase } from '../case/index.ts';
import { projectFor } from './project-access.ts';

export interface ProblemInput {
  categoryCode: string;
  title: string;
  description: string;
}

/** @throws DomainError FORBIDDEN and those of reportCase (CASE_CATEGORY_UNKNOWN, CASE_CATEGORY_KIND_MISMATCH) */
export async function raiseProjectProblem(deps: ServiceDeps, actor: Actor, projectId: number, input: ProblemInput): Promise<CaseRow> {
  const project = await projectFor(deps, actor, projectId);
  if (!canRaiseProjectProblem(actor.role)) throw new DomainError('FORBIDDEN');
  const district = await findDistrictById(deps.db, project.district_id);
  const patron = project.patron_user_id === null ? undefined : (await findUserNames(deps.db, [project.patron_user_id])).get(project.patron_user_id);
  const header = `项目：${project.name}；包保领导：${patron?.displayName ?? '未指定'}`;
  const { row } = await reportCase(deps, actor, {
    kind: 'project_problem',
    categoryCode: input.categoryCode,
    title: `【${project.name}】${input.title}`.slice(0, 100),
    description: `${header}\n${input.description}`,
    districtCode: district?.code.trim(),
    location: project.lat !== null && project.lng !== null ? { lat: project.lat, lng: project.lng } : undefined,
    address: project.address ?? undefined,
    onInserted: async (trx, inserted) => {
      await lockProject(trx, projectId);
      await insertProblemLink(trx, { projectId, districtId: project.district_id, caseId: inserted.id, raisedBy: actor.userId, at: inserted.created_at });
      await appendProjectEvent(trx, {
        projectId, districtId: project.district_id, at: inserted.created_at, actorUserId: actor.userId, actorRole: actor.role,
        action: 'raise_problem', data: { caseId: inserted.id, number: inserted.number, title: input.title },
      });
    },
  });
  return row;
}
