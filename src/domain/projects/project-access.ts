/** Who reads and who writes a district's projects and targets (DESIGN §1): views of the access table's `project.*` rows. */
import { mayEver } from '../access/index.ts';
import type { Role } from '../case/index.ts';

/** @example canReadProjects('handler') // true; canReadProjects('citizen') // false */
export function canReadProjects(role: Role | 'anonymous'): boolean {
  return mayEver(role, 'project.read');
}

/** @example canWriteProjects('project_officer') // true; canWriteProjects('leader') // false */
export function canWriteProjects(role: Role | 'anonymous'): boolean {
  return mayEver(role, 'project.edit');
}

/** Problems (问题清单) are raised by the officers and by the patron leaders. */
export function canRaiseProjectProblem(role: Role | 'anonymous'): boolean {
  return mayEver(role, 'project.problem.raise');
}

/** Photos one monthly report may hold at most (a few site photos; uploads are up to 3 at a time). */
export const MAX_PHOTOS_PER_REPORT = 9;
