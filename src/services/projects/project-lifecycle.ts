/**
 * The lifecycle as data an admin edits (docs/projects.md): read by every project reader, saved whole by an
 * admin after lifecycleEditProblems finds nothing that would break an existing project's history, with an
 * audit entry. The closed months' 四率 are frozen first, so an edit does not change a past month.
 */
import { permits } from '../../domain/access/index.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/case/index.ts';
import { canReadProjects, lifecycleEditProblems, type LifecycleStage } from '../../domain/projects/index.ts';
import { insertAudit } from '../../db/repositories/admin/index.ts';
import { listDistricts } from '../../db/repositories/org/index.ts';
import { lifecycleUsage, loadLifecycle, saveLifecycle } from '../../db/repositories/projects/index.ts';
import type { ServiceDeps } from '../service-deps.ts';
import { runWrite } from '../write-transaction.ts';
import { freezeClosedMonths } from './project-rates.ts';

/** @throws DomainError AUTH_REQUIRED, FORBIDDEN */
export async function getLifecycle(deps: ServiceDeps, actor: Actor): Promise<LifecycleStage[]> {
  if (actor.role === 'anonymous') throw new DomainError('AUTH_REQUIRED');
  if (!canReadProjects(actor.role)) throw new DomainError('FORBIDDEN');
  return (await loadLifecycle(deps.db)).stages;
}

/**
 * Saves the whole lifecycle (stages in order, each with its nodes in order).
 * @throws DomainError AUTH_REQUIRED, FORBIDDEN (not an admin), PROJECT_LIFECYCLE_EDIT_REFUSED with `details.problems`
 */
export async function editLifecycle(deps: ServiceDeps, actor: Actor, stages: readonly LifecycleStage[]): Promise<LifecycleStage[]> {
  if (actor.role === 'anonymous') throw new DomainError('AUTH_REQUIRED');
  if (!permits(actor, 'project.lifecycle.edit')) throw new DomainError('FORBIDDEN');
  const current = (await loadLifecycle(deps.db)).stages;
  const problems = lifecycleEditProblems(current, stages, await lifecycleUsage(deps.db));
  if (problems.length > 0) throw new DomainError('PROJECT_LIFECYCLE_EDIT_REFUSED', { problems });
  for (const district of await listDistricts(deps.db)) await freezeClosedMonths(deps, district.id);
  const now = deps.clock();
  await runWrite(deps, async (trx) => {
    // Checked again inside the transaction: a date set meanwhile on a node being removed refuses the edit.
    const again = lifecycleEditProblems((await loadLifecycle(trx)).stages, stages, await lifecycleUsage(trx));
    if (again.length > 0) throw new DomainError('PROJECT_LIFECYCLE_EDIT_REFUSED', { problems: again });
    await saveLifecycle(trx, stages);
    await insertAudit(trx, { at: now, actorUserId: actor.userId, action: 'projects.lifecycle', subject: 'lifecycle', data: { before: current, after: stages } });
  });
  return (await loadLifecycle(deps.db)).stages;
}
