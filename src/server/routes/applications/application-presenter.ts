/** The JSON of service items and applications (办件). The applicant's view leaves out staff-only facts. */
import type { ServiceItemWithDepartment } from '../../../db/repositories/applications/index.ts';
import type { ApplicationView } from '../../../services/applications/index.ts';

export function presentServiceItem(item: ServiceItemWithDepartment) {
  return {
    code: item.code, name: item.name, departmentCode: item.department_code, departmentName: item.department_name, kind: item.kind,
    legalLimitDays: item.legal_limit_days, promisedLimitDays: item.promised_limit_days, materials: item.materials, feeYuan: item.fee_yuan,
    toleranceAllowed: item.tolerance_allowed,
  };
}

const iso = (value: Date | null) => value?.toISOString() ?? null;

/** What the applicant may see on the tracking page. */
export function presentApplicationPublic(view: ApplicationView) {
  const { application, row, item } = view;
  return {
    number: application.number,
    serviceItem: { code: item.code, name: item.name, departmentName: item.department_name },
    status: application.status,
    nationalCode: view.nationalCode,
    outcome: application.outcome,
    receivedAt: iso(application.received_at),
    acceptedAt: iso(application.accepted_at),
    concludedAt: iso(application.concluded_at),
    promisedDeadline: iso(application.promised_deadline),
    legalDeadline: iso(application.legal_deadline),
    paused: application.pause_kind,
    supplementMissing: application.supplement_missing,
    rating: row.rating,
    canRate: row.state === 'closed' && row.rating === null,
  };
}

/** Staff see the applicant, the clocks' internals and the case behind it. */
export function presentApplication(view: ApplicationView) {
  const { application, row } = view;
  return {
    ...presentApplicationPublic(view),
    caseId: row.id,
    version: row.version,
    caseState: row.state,
    warningLevel: row.warning_level,
    departmentId: application.department_id,
    applicant: { name: application.applicant_name, phone: application.applicant_phone, uscc: application.applicant_uscc },
    materials: application.materials,
    missingMaterials: view.item.materials.filter((material) => !application.materials.includes(material)),
    itemKind: view.item.kind,
    toleranceAllowed: view.item.tolerance_allowed,
    checklist: view.item.materials,
    clock: {
      startDay: application.clock_start_day, pausedWorkingDays: application.paused_working_days, pauseSince: iso(application.pause_since),
      promisedRemainingDays: view.promisedRemainingDays, legalRemainingDays: view.legalRemainingDays,
      legalOverdue: view.legalRemainingDays < 0, promisedOverdue: view.promisedRemainingDays < 0,
    },
    supplement: application.supplement_requested_at
      ? { requestedAt: iso(application.supplement_requested_at), onTime: application.supplement_on_time, missing: application.supplement_missing }
      : null,
    ratingRequestedAt: iso(application.rating_requested_at),
    ratingComment: view.row.rating_comment,
    rectification: view.rectification
      ? { ...view.rectification, resolveDeadline: iso(view.rectification.resolveDeadline), closedAt: iso(view.rectification.closedAt) }
      : null,
  };
}
