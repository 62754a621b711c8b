/**
 * 接件 at the single window (一窗受理): any item of the district is received by the window clerk
 * (operator) and routed to the item's department; a 首席事务代表 (a handler) receives only their
 * department's items. One transaction writes the case (kind `service_application`), its companion
 * application row with both deadlines, and the first timeline event (national code 1).
 */
import { permits } from '../../domain/access/index.ts';
import { DomainError } from '../../domain/errors.ts';
import { caseNumberYear, formatCaseNumber, type Actor } from '../../domain/case/index.ts';
import { deadlinesOf, missingMaterials, startClock } from '../../domain/applications/index.ts';
import { findCategoryByCode, insertCase, ensureCaseNumberSequence, takeNextCaseSequence, appendEvents } from '../../db/repositories/case/index.ts';
import { findDistrictById } from '../../db/repositories/org/index.ts';
import { findServiceItemByCode, insertApplication } from '../../db/repositories/applications/index.ts';
import type { CaseRow, ServiceApplicationRow } from '../../db/schema.ts';
import { hashTrackingCode, workingHoursOf } from '../case/index.ts';
import type { ServiceDeps } from '../service-deps.ts';
import { runWrite } from '../write-transaction.ts';
import { applicantTrackingCode, toServiceItem } from './application-context.ts';

/** The category every application is filed under (its limits come from the item). */
export const APPLICATION_CATEGORY_CODE = 'G01';

export interface ApplicationInput {
  serviceItemCode: string;
  applicant: { name: string; phone: string; uscc?: string | undefined };
  /** The checklist materials handed in. */
  materials: string[];
}

/**
 * Receives an application (接件) in the actor's district.
 * @throws DomainError FORBIDDEN, SERVICE_ITEM_UNKNOWN, APPLICATION_ITEM_OTHER_DEPARTMENT
 */
export async function receiveApplication(deps: ServiceDeps, actor: Actor, input: ApplicationInput): Promise<{ row: CaseRow; application: ServiceApplicationRow }> {
  if (!permits(actor, 'application.receive') || actor.districtId === null) throw new DomainError(actor.role === 'anonymous' ? 'AUTH_REQUIRED' : 'FORBIDDEN');
  const itemRow = await findServiceItemByCode(deps.db, actor.districtId, input.serviceItemCode);
  if (!itemRow || !itemRow.active) throw new DomainError('SERVICE_ITEM_UNKNOWN', { serviceItemCode: input.serviceItemCode });
  if (actor.role === 'handler' && actor.departmentId !== itemRow.department_id) {
    throw new DomainError('APPLICATION_ITEM_OTHER_DEPARTMENT', { serviceItemCode: itemRow.code, departmentCode: itemRow.department_code });
  }
  const category = await findCategoryByCode(deps.db, APPLICATION_CATEGORY_CODE);
  const district = await findDistrictById(deps.db, actor.districtId);
  if (!category || !district) throw new Error(`applications need category ${APPLICATION_CATEGORY_CODE} and district ${actor.districtId}`);
  const item = toServiceItem(itemRow);
  const now = deps.clock();
  const calendar = await deps.calendar.get();
  const hours = workingHoursOf(district, now);
  const clock = startClock(now);
  const deadlines = deadlinesOf(clock, item, calendar, hours);
  const materials = [...new Set(input.materials.map((material) => material.trim()).filter(Boolean))];
  const year = caseNumberYear(now);
  await ensureCaseNumberSequence(deps.db, district.id, year);
  return runWrite(deps, async (trx) => {
    const number = formatCaseNumber(district.abbr, year, await takeNextCaseSequence(trx, district.id, year));
    const row = await insertCase(trx, {
      district_id: district.id, number, kind: 'service_application', source: 'web', category_id: category.id, priority: 'normal',
      title: `${item.name} · ${input.applicant.name}`.slice(0, 100),
      description: `政务服务办件：${item.name}（${itemRow.department_name}）。已收材料：${materials.join('、') || '无'}。`,
      state: 'reported', version: 1, lat: null, lng: null, address: null, grid_id: null, community_id: null, street_id: null,
      department_id: itemRow.department_id, reporter_user_id: null, reporter_name: input.applicant.name, reporter_phone: input.applicant.phone,
      tracking_code_hash: hashTrackingCode(applicantTrackingCode(number, input.applicant.phone)), created_by: actor.userId,
      resolve_deadline: deadlines.promisedDeadline, amber_at: deadlines.promisedAmberAt, resolve_clock_started_at: now,
      created_at: now, updated_at: now,
    });
    const application = await insertApplication(trx, {
      case_id: row.id, district_id: district.id, number, service_item_id: itemRow.id, department_id: itemRow.department_id,
      status: 'received', national_code: 1, applicant_name: input.applicant.name, applicant_phone: input.applicant.phone.trim(),
      applicant_uscc: input.applicant.uscc ?? null, materials: JSON.stringify(materials), received_at: now, clock_start_day: clock.startDay,
      legal_deadline: deadlines.legalDeadline, promised_deadline: deadlines.promisedDeadline, created_at: now, updated_at: now,
    });
    await appendEvents(trx, district.id, [{
      caseId: row.id, districtId: district.id, at: now, actorUserId: actor.userId, actorRole: actor.role, action: 'receive',
      fromState: null, toState: 'reported', note: null,
      data: {
        nationalCode: 1, serviceItemCode: item.code, departmentId: itemRow.department_id, materials, missing: missingMaterials(item, materials),
        legalDeadline: deadlines.legalDeadline.toISOString(), promisedDeadline: deadlines.promisedDeadline.toISOString(),
      },
    }]);
    return { row, application };
  });
}
