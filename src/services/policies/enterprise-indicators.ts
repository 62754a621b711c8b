/**
 * The indicators' section on enterprises: 堵点 (demands) solved per liaison and per department,
 * amounts paid and enterprises reached by pushes, for the caller's district.
 */
import { permits } from '../../domain/access/index.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/case/index.ts';
import { countSolvedDemandsByDepartment, countSolvedDemandsByLiaison } from '../../db/repositories/enterprises/index.ts';
import { grantTotals } from '../../db/repositories/policies/index.ts';
import type { ServiceDeps } from '../service-deps.ts';

/** @throws DomainError FORBIDDEN for callers without a district */
export async function enterpriseIndicators(deps: ServiceDeps, actor: Actor) {
  if (!permits(actor, 'enterprise.indicators') || actor.districtId === null) throw new DomainError('FORBIDDEN');
  const [byLiaison, byDepartment, grants] = await Promise.all([
    countSolvedDemandsByLiaison(deps.db, actor.districtId),
    countSolvedDemandsByDepartment(deps.db, actor.districtId),
    grantTotals(deps.db, actor.districtId),
  ]);
  return {
    demandsByLiaison: byLiaison.map((row) => ({ liaisonUserId: row.liaison_user_id, liaison: row.display_name, total: Number(row.total), solved: Number(row.solved) })),
    demandsByDepartment: byDepartment.map((row) => ({ departmentId: row.department_id, department: row.department_name, total: Number(row.total), solved: Number(row.solved) })),
    ...grants,
  };
}
