/** Which district a caller works in for projects, and loading one project they may see. */
import { DomainError } from '../../domain/errors.ts';
import { formatDayNumber, toShanghaiDayNumber } from '../../domain/calendar/index.ts';
import type { Actor } from '../../domain/case/index.ts';
import { canReadProjects, canWriteProjects } from '../../domain/projects/index.ts';
import { findDistrictByCode, findDistrictById } from '../../db/repositories/org/index.ts';
import { findProject } from '../../db/repositories/projects/index.ts';
import type { ProjectRow } from '../../db/schema.ts';
import type { ServiceDeps } from '../service-deps.ts';

export interface ProjectDistrict {
  id: number;
  code: string;
  name: string;
}

/**
 * The district a reader asks about: their own (a district given must be it), or for an admin the one named.
 * @throws DomainError AUTH_REQUIRED, FORBIDDEN, PROJECT_OTHER_DISTRICT, DISTRICT_UNKNOWN
 */
export async function projectDistrictFor(deps: ServiceDeps, actor: Actor, districtCode: string | undefined): Promise<ProjectDistrict> {
  if (actor.role === 'anonymous') throw new DomainError('AUTH_REQUIRED');
  if (!canReadProjects(actor.role)) throw new DomainError('FORBIDDEN');
  let row;
  if (actor.role === 'admin') {
    if (!districtCode) throw new DomainError('VALIDATION_FAILED', [{ path: 'district', code: 'required' }]);
    row = await findDistrictByCode(deps.db, districtCode);
  } else {
    if (actor.districtId === null) throw new DomainError('FORBIDDEN');
    row = await findDistrictById(deps.db, actor.districtId);
    if (row && districtCode && row.code.trim() !== districtCode) throw new DomainError('PROJECT_OTHER_DISTRICT', { district: districtCode });
  }
  if (!row) throw new DomainError('DISTRICT_UNKNOWN', { districtCode });
  return { id: row.id, code: row.code.trim(), name: row.name };
}

/**
 * A project the caller may read (or write, with `write`).
 * @throws DomainError PROJECT_NOT_FOUND, PROJECT_OTHER_DISTRICT, FORBIDDEN
 */
export async function projectFor(deps: ServiceDeps, actor: Actor, id: number, mode: 'read' | 'write' = 'read'): Promise<ProjectRow> {
  if (actor.role === 'anonymous') throw new DomainError('AUTH_REQUIRED');
  const project = await findProject(deps.db, id);
  if (!project) throw new DomainError('PROJECT_NOT_FOUND', { id });
  if (!canReadProjects(actor.role)) throw new DomainError('FORBIDDEN');
  if (actor.role !== 'admin' && actor.districtId !== project.district_id) throw new DomainError('PROJECT_OTHER_DISTRICT', { id });
  if (mode === 'write' && !canWriteProjects(actor.role)) throw new DomainError('FORBIDDEN');
  return project;
}

/** Today in Asia/Shanghai as 'YYYY-MM-DD'. */
export function shanghaiToday(now: Date): string {
  return formatDayNumber(toShanghaiDayNumber(now.getTime()));
}
