/**
 * Moving a case to another grid or location (operator or shift lead, before dispatch): the grid,
 * community and street follow the new place; a street-handled category follows the new street's
 * unit. Version-checked like every write, and recorded as a 'relocate' timeline event.
 */
import { permits } from '../../domain/access/index.ts';
import { DomainError } from '../../domain/errors.ts';
import { isGridCode } from '../../domain/org/index.ts';
import type { Actor, CaseState } from '../../domain/case/case-model.ts';
import { lockCase, updateCaseIfVersion } from '../../db/repositories/case/case-repository.ts';
import { findCategoryById } from '../../db/repositories/case/category-repository.ts';
import { findGridPlacement, findStreetDepartment } from '../../db/repositories/org/index.ts';
import { appendEvents } from '../../db/repositories/case/timeline-repository.ts';
import type { CaseRow, CaseUpdate } from '../../db/schema.ts';
import type { ServiceDeps } from '../service-deps.ts';
import { requireGridAt, toWgs84, type CoordSystem, type LatLng } from '../geo/index.ts';
import { runWrite } from '../write-transaction.ts';

const RELOCATABLE: readonly CaseState[] = ['reported', 'filed'];

export interface RelocateRequest {
  caseId: number;
  version: number;
  gridCode?: string | undefined;
  location?: LatLng | undefined;
  coordSystem?: CoordSystem | undefined;
  note?: string | undefined;
}

interface Target { gridId: number; gridCode: string; communityId: number; streetId: number; districtId: number; responsibleDepartmentId: number | null }

async function findTarget(deps: ServiceDeps, request: RelocateRequest, location: LatLng | undefined): Promise<Target> {
  if (request.gridCode) {
    if (!isGridCode(request.gridCode)) throw new DomainError('ORG_CODE_INVALID', { gridCode: request.gridCode });
    const grid = await findGridPlacement(deps.db, request.gridCode);
    if (!grid) throw new DomainError('GRID_UNKNOWN', { gridCode: request.gridCode });
    return grid;
  }
  if (!location) throw new DomainError('CASE_LOCATION_REQUIRED');
  const grid = await requireGridAt(deps, location);
  return {
    gridId: grid.gridId, gridCode: grid.code, communityId: grid.communityId, streetId: grid.streetId, districtId: grid.districtId,
    responsibleDepartmentId: grid.responsibleDepartmentId,
  };
}

/**
 * Moves a case; returns the stored row.
 * @throws DomainError NOT_FOUND, FORBIDDEN, CASE_VERSION_CONFLICT, CASE_INVALID_TRANSITION, ORG_CODE_INVALID, GRID_UNKNOWN, GRID_NOT_FOUND_FOR_POINT, CASE_LOCATION_REQUIRED
 */
export async function relocateCase(deps: ServiceDeps, actor: Actor, request: RelocateRequest): Promise<CaseRow> {
  if (actor.role === 'anonymous') throw new DomainError('AUTH_REQUIRED');
  const location = request.location ? toWgs84(request.location, request.coordSystem) : undefined;
  const target = await findTarget(deps, request, location);
  const now = deps.clock();
  return runWrite(deps, async (trx) => {
    const row = await lockCase(trx, request.caseId);
    if (!row || actor.districtId !== row.district_id) throw new DomainError('NOT_FOUND');
    if (!permits(actor, 'case.relocate', { districtId: row.district_id })) throw new DomainError('FORBIDDEN', { action: 'relocate' });
    if (row.version !== request.version) throw new DomainError('CASE_VERSION_CONFLICT', { currentVersion: row.version, yourVersion: request.version });
    if (!RELOCATABLE.includes(row.state)) throw new DomainError('CASE_INVALID_TRANSITION', { state: row.state, action: 'relocate' });
    if (target.districtId !== row.district_id) throw new DomainError('FORBIDDEN', { reason: 'other_district' });
    const category = await findCategoryById(trx, row.category_id);
    const changes: CaseUpdate = {
      grid_id: target.gridId, community_id: target.communityId, street_id: target.streetId, updated_at: now,
      ...(location ? { lat: location.lat, lng: location.lng } : {}),
    };
    if (category?.handled_by_street) {
      const unit = target.responsibleDepartmentId ?? (await findStreetDepartment(trx, target.streetId))?.id;
      if (unit) changes.department_id = unit;
    }
    const updated = await updateCaseIfVersion(trx, row.id, row.version, changes);
    if (!updated) throw new DomainError('CASE_VERSION_CONFLICT');
    await appendEvents(trx, row.district_id, [{
      caseId: row.id, districtId: row.district_id, at: now, actorUserId: actor.userId, actorRole: actor.role, action: 'relocate',
      fromState: row.state, toState: row.state, note: request.note ?? null,
      data: {
        from: { gridId: row.grid_id, streetId: row.street_id, lat: row.lat, lng: row.lng, departmentId: row.department_id },
        to: { gridId: target.gridId, gridCode: target.gridCode, streetId: target.streetId, lat: updated.lat, lng: updated.lng, departmentId: updated.department_id },
      },
    }]);
    return updated;
  });
}
