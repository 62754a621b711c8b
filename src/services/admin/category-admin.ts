/** An admin edits a category's default department, time limits and flags; the change applies to new deadlines. */
import { invalidateReferenceData } from '../org/index.ts';
import type { CategoriesTable } from '../../db/schema.ts';
import type { Updateable } from 'kysely';
import { DomainError } from '../../domain/errors.ts';
import { updateCategory } from '../../db/repositories/case/index.ts';
import { departmentCodeExists } from '../../db/repositories/org/index.ts';
import type { CategoryUpdateBody } from '../../shared/api-schemas.ts';
import type { ServiceDeps } from '../service-deps.ts';

/**
 * Applies an admin's edit to a category.
 * @throws DomainError CASE_CATEGORY_UNKNOWN, CASE_DEPARTMENT_UNKNOWN (no district has a department with that code)
 */
export async function editCategory(deps: ServiceDeps, code: string, body: CategoryUpdateBody) {
  const changes: Updateable<CategoriesTable> = {};
  if (body.departmentCode !== undefined) {
    if (!(await departmentCodeExists(deps.db, body.departmentCode))) throw new DomainError('CASE_DEPARTMENT_UNKNOWN', { departmentCode: body.departmentCode });
    changes.department_code = body.departmentCode;
  }
  if (body.handledByStreet !== undefined) changes.handled_by_street = body.handledByStreet;
  if (body.limits?.dispatch) changes.dispatch_limit = JSON.stringify(body.limits.dispatch);
  if (body.limits?.sign) changes.sign_limit = JSON.stringify(body.limits.sign);
  if (body.limits?.resolve) changes.resolve_limit = JSON.stringify(body.limits.resolve);
  if (body.selfHandleAllowed !== undefined) changes.self_handle_allowed = body.selfHandleAllowed;
  if (body.duplicateRadiusMeters !== undefined) changes.duplicate_radius_m = body.duplicateRadiusMeters;
  if (body.urgent !== undefined) changes.urgent = body.urgent;
  if (body.active !== undefined) changes.active = body.active;
  const row = await updateCategory(deps.db, code, changes);
  invalidateReferenceData(deps.db);
  if (!row) throw new DomainError('CASE_CATEGORY_UNKNOWN', { categoryCode: code });
  return row;
}
