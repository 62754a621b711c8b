/** Who reads and who writes a district's projects and targets (DESIGN §1). */
import type { Role } from '../case/index.ts';

const READERS: readonly Role[] = ['operator', 'shift_lead', 'handler', 'supervisor', 'leader', 'project_officer', 'admin'];
const WRITERS: readonly Role[] = ['project_officer', 'admin'];
/** Problems (问题清单) are raised by the officers and by the patron leaders. */
const PROBLEM_RAISERS: readonly Role[] = ['project_officer', 'leader'];

/** @example canReadProjects('handler') // true; canReadProjects('citizen') // false */
export function canReadProjects(role: Role | 'anonymous'): boolean {
  return role !== 'anonymous' && READERS.includes(role);
}

/** @example canWriteProjects('project_officer') // true; canWriteProjects('leader') // false */
export function canWriteProjects(role: Role | 'anonymous'): boolean {
  return role !== 'anonymous' && WRITERS.includes(role);
}

export function canRaiseProjectProblem(role: Role | 'anonymous'): boolean {
  return role !== 'anonymous' && PROBLEM_RAISERS.includes(role);
}

/** Photos one monthly report may hold at most (a few site photos; uploads are up to 3 at a time). */
export const MAX_PHOTOS_PER_REPORT = 9;
