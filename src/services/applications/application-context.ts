/** Reading a stored application into what the rules decide on, and its item's limits. */
import type { ServiceApplicationRow } from '../../db/schema.ts';
import type { ServiceItemWithDepartment } from '../../db/repositories/applications/index.ts';
import type { ApplicationSnapshot, ServiceItem } from '../../domain/applications/index.ts';

export function toApplicationSnapshot(row: ServiceApplicationRow): ApplicationSnapshot {
  return {
    status: row.status,
    statusBeforePause: row.status_before_pause,
    receivedAt: row.received_at,
    clock: {
      startDay: row.clock_start_day,
      pausedWorkingDays: row.paused_working_days,
      pause: row.pause_kind && row.pause_since ? { kind: row.pause_kind, since: row.pause_since } : null,
    },
    materials: row.materials,
    supplementRequestedAt: row.supplement_requested_at,
    supplementOnTime: row.supplement_on_time,
  };
}

export function toServiceItem(row: ServiceItemWithDepartment): ServiceItem {
  return {
    code: row.code, name: row.name, departmentCode: row.department_code, kind: row.kind, legalLimitDays: row.legal_limit_days,
    promisedLimitDays: row.promised_limit_days, materials: row.materials, feeYuan: row.fee_yuan, toleranceAllowed: row.tolerance_allowed,
  };
}

/** What the applicant holds to follow and rate an application without an account: its number and their phone. */
export function applicantTrackingCode(number: string, phone: string): string {
  return `${number}:${phone.trim()}`;
}
