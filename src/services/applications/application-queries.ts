/**
 * Reading applications: the back-office inbox (a department's, or the window's whole district) with
 * both countdowns, one application for staff, and the applicant's page by 办件编号 + phone (no login);
 * and the applicant's one rating (一事一评), taken through the case `rate` action so that a 差评
 * opens the rectification loop like any other.
 */
import { mayEver, permits } from '../../domain/access/index.ts';
import { DomainError } from '../../domain/errors.ts';
import type { WorkingCalendar } from '../../domain/calendar/index.ts';
import { remainingWorkingDays, nationalCodeOfStatus } from '../../domain/applications/index.ts';
import type { Actor, RatingLevel } from '../../domain/case/index.ts';
import {
  findApplicationByCase, findApplicationByNumber, findRectificationOf, findServiceItemById, listApplications, type ServiceItemWithDepartment,
} from '../../db/repositories/applications/index.ts';
import { findCase } from '../../db/repositories/case/index.ts';
import type { CaseRow, ServiceApplicationRow } from '../../db/schema.ts';
import { ANONYMOUS } from '../actor.ts';
import { performCaseAction } from '../case/index.ts';
import type { ServiceDeps } from '../service-deps.ts';
import { applicantTrackingCode } from './application-context.ts';

export interface ApplicationView {
  application: ServiceApplicationRow;
  row: CaseRow;
  item: ServiceItemWithDepartment;
  /** Working days left on each clock, read at its pause while paused; negative once past. */
  promisedRemainingDays: number;
  legalRemainingDays: number;
  nationalCode: number;
  /** The rectification case a 差评 opened (整改 and its 回访), for the department's rating view. */
  rectification: { caseId: number; number: string; state: string; resolveDeadline: Date | null; closedAt: Date | null; calledBack: boolean } | null;
}

const FINISHED = ['concluded', 'delivered', 'refused', 'withdrawn_before_acceptance', 'withdrawn', 'revoked'];

function viewOf(
  application: ServiceApplicationRow, row: CaseRow, item: ServiceItemWithDepartment, now: Date, calendar: WorkingCalendar, rectification: ApplicationView['rectification'],
): ApplicationView {
  const readAt = application.pause_since ?? (FINISHED.includes(application.status) ? (application.concluded_at ?? application.updated_at) : now);
  return {
    application, row, item,
    promisedRemainingDays: remainingWorkingDays(application.promised_deadline, readAt, calendar),
    legalRemainingDays: remainingWorkingDays(application.legal_deadline, readAt, calendar),
    nationalCode: nationalCodeOfStatus(application.status, application.outcome),
    rectification,
  };
}

async function load(deps: ServiceDeps, application: ServiceApplicationRow, calendar: WorkingCalendar): Promise<ApplicationView> {
  const row = await findCase(deps.db, application.case_id);
  const item = await findServiceItemById(deps.db, application.service_item_id);
  if (!row || !item) throw new DomainError('NOT_FOUND');
  const rectification = row.rating ? await findRectificationOf(deps.db, row.id) : undefined;
  return viewOf(application, row, item, deps.clock(), calendar, rectification ? {
    caseId: rectification.id, number: rectification.number, state: rectification.state, resolveDeadline: rectification.resolve_deadline,
    closedAt: rectification.closed_at, calledBack: rectification.rating !== null,
  } : null);
}

/** The inbox: a handler sees their department's, the window and supervisors the district's. */
export async function listApplicationsFor(deps: ServiceDeps, actor: Actor, options: { openOnly?: boolean | undefined } = {}): Promise<ApplicationView[]> {
  // The list is one district's: an admin, who spans districts, reads single applications only.
  if (!permits(actor, 'application.read') || actor.districtId === null) throw new DomainError(actor.role === 'anonymous' ? 'AUTH_REQUIRED' : 'FORBIDDEN');
  const calendar = await deps.calendar.get();
  const rows = await listApplications(deps.db, {
    districtId: actor.districtId, departmentId: actor.role === 'handler' ? (actor.departmentId ?? -1) : undefined, openOnly: options.openOnly, limit: 200,
  });
  return Promise.all(rows.map((application) => load(deps, application, calendar)));
}

/** One application for staff of its district (a handler: of its department). */
export async function getApplicationForStaff(deps: ServiceDeps, actor: Actor, caseId: number): Promise<ApplicationView> {
  const application = await findApplicationByCase(deps.db, caseId);
  if (!application) throw new DomainError('NOT_FOUND');
  if (!mayEver(actor.role, 'application.read')) throw new DomainError(actor.role === 'anonymous' ? 'AUTH_REQUIRED' : 'FORBIDDEN');
  if (!permits(actor, 'application.read', { districtId: application.district_id, departmentId: application.department_id })) throw new DomainError('NOT_FOUND');
  return load(deps, application, await deps.calendar.get());
}

/** The applicant's view: the number and the phone it was filed with must both match (else 404, telling nothing). */
export async function trackApplication(deps: ServiceDeps, number: string, phone: string): Promise<ApplicationView> {
  const application = await findApplicationByNumber(deps.db, number);
  if (!application || application.applicant_phone !== phone.trim()) throw new DomainError('NOT_FOUND');
  return load(deps, application, await deps.calendar.get());
}

/**
 * The applicant's one rating of a concluded application (一事一评).
 * @throws DomainError NOT_FOUND, APPLICATION_NOT_CONCLUDED, APPLICATION_ALREADY_RATED
 */
export async function rateApplication(
  deps: ServiceDeps, input: { number: string; phone: string; level: RatingLevel; comment?: string | undefined },
): Promise<ApplicationView> {
  const view = await trackApplication(deps, input.number, input.phone);
  if (view.row.rating) throw new DomainError('APPLICATION_ALREADY_RATED');
  if (view.row.state !== 'closed') throw new DomainError('APPLICATION_NOT_CONCLUDED', { status: view.application.status });
  try {
    await performCaseAction(deps, ANONYMOUS, {
      caseId: view.row.id, action: 'rate', version: view.row.version, trackingCode: applicantTrackingCode(input.number, input.phone),
      fields: { level: input.level, comment: input.comment },
    });
  } catch (error) {
    // Two ratings racing: the loser sees the application's own answer.
    if (error instanceof DomainError && error.code === 'CASE_ALREADY_RATED') throw new DomainError('APPLICATION_ALREADY_RATED');
    throw error;
  }
  return trackApplication(deps, input.number, input.phone);
}
