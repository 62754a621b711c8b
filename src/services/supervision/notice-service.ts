/**
 * 督办 supervision notices: a supervisor or a district leader (区领导督办, named on the notice) addresses a case's owning unit (or a unit directly) with
 * a response time; the unit answers; the sweep escalates what is not answered in time.
 */
import { permits, type AccessAction } from '../../domain/access/index.ts';
import { DomainError } from '../../domain/errors.ts';
import { computeDeadline } from '../../domain/calendar/index.ts';
import { OPEN_STATES, type Actor } from '../../domain/case/index.ts';
import { findCaseState, lockCase, appendEvents, insertNotifications } from '../../db/repositories/case/index.ts';
import { findDepartment, findDistrictById, findUserById } from '../../db/repositories/org/index.ts';
import { answerNotice, insertNotice, listNotices, lockNotice } from '../../db/repositories/supervision/notice-repository.ts';
import type { ServiceDeps } from '../service-deps.ts';
import { workingHoursOf, actOnLockedCase } from '../case/index.ts';
import { runWrite } from '../write-transaction.ts';

export const DEFAULT_NOTICE_DAYS = 2;

export interface NoticeInput {
  caseId?: number | undefined;
  departmentId?: number | undefined;
  content: string;
  /** Working days to answer (default 2), or an explicit instant. */
  respondWithinDays?: number | undefined;
  respondBy?: Date | undefined;
}

function requirePermission(actor: Actor, action: AccessAction): void {
  if (actor.role === 'anonymous') throw new DomainError('AUTH_REQUIRED');
  if (!permits(actor, action)) throw new DomainError('FORBIDDEN');
}

/**
 * Issues a notice. On a case it goes to the case's current unit and is recorded on its timeline.
 * @throws DomainError FORBIDDEN, NOTICE_TARGET_INVALID, VALIDATION_FAILED
 */
export async function issueNotice(deps: ServiceDeps, actor: Actor, input: NoticeInput) {
  // The supervision office issues 督办; so does a district leader (the leader's 督办 from the cockpit and board).
  requirePermission(actor, 'supervision.notice.issue');
  const issuer = actor.userId === null ? undefined : await findUserById(deps.db, actor.userId);
  const issuerName = issuer?.display_name ?? null;
  const districtId = actor.districtId!;
  const now = deps.clock();
  const district = await findDistrictById(deps.db, districtId);
  if (!district) throw new DomainError('DISTRICT_UNKNOWN');
  const calendar = await deps.calendar.get();
  let respondBy: Date;
  if (input.respondBy) {
    if (input.respondBy.getTime() <= now.getTime()) throw new DomainError('VALIDATION_FAILED', [{ path: 'respondBy', code: 'in_the_past' }]);
    respondBy = input.respondBy;
  } else {
    const days = input.respondWithinDays ?? DEFAULT_NOTICE_DAYS;
    respondBy = computeDeadline(now, { amount: days, unit: 'working_days' }, calendar, workingHoursOf(district, now));
  }
  return runWrite(deps, async (trx) => {
    let departmentId = input.departmentId;
    let caseRow;
    if (input.caseId !== undefined) {
      caseRow = await lockCase(trx, input.caseId);
      const open = caseRow && (OPEN_STATES as readonly string[]).includes(caseRow.state);
      // Another district's case answers as not found, like reading it.
      if (!caseRow || caseRow.district_id !== districtId) throw new DomainError('NOT_FOUND', { caseId: input.caseId });
      if (!open || caseRow.department_id === null) {
        throw new DomainError('NOTICE_TARGET_INVALID', { caseId: input.caseId });
      }
      departmentId = caseRow.department_id;
    }
    const department = departmentId === undefined ? undefined : await findDepartment(trx, departmentId);
    if (!department || department.district_id !== districtId) throw new DomainError('NOTICE_TARGET_INVALID', { departmentId });
    const notice = await insertNotice(trx, {
      districtId, caseId: caseRow?.id ?? null, departmentId: department.id, issuedBy: actor.userId, issuedAt: now, content: input.content, respondBy,
    });
    if (caseRow) {
      // The table's supervise action: bumps supervision_count and the version, appends the timeline event.
      await actOnLockedCase({
        trx, deps, actor, row: caseRow, now, calendar,
        request: { caseId: caseRow.id, action: 'supervise', version: caseRow.version, fields: { note: input.content } },
        eventData: { noticeId: notice.id, respondBy: respondBy.toISOString() },
      });
    }
    await insertNotifications(trx, [{
      districtId, recipientDepartmentId: department.id, kind: 'notice', caseId: caseRow?.id ?? null, noticeId: notice.id,
      // A leader's notice says whose it is: the unit answers to the leader named.
      title: actor.role === 'leader' ? `区领导督办（${issuerName ?? ''}）/ Leader's supervision notice (${issuerName ?? ''})` : '督办通知 / Supervision notice',
      body: input.content, data: { respondBy: respondBy.toISOString(), issuerName, issuerRole: actor.role }, at: now,
    }]);
    return {
      ...notice, department_name: department.name, case_number: caseRow?.number ?? null, issuer_name: issuerName, issuer_role: issuer?.role ?? null,
    };
  });
}

/**
 * The unit answers a notice (also after it was escalated; the answer is then late).
 * @throws DomainError NOT_FOUND, FORBIDDEN, NOTICE_ALREADY_ANSWERED
 */
export async function respondToNotice(deps: ServiceDeps, actor: Actor, noticeId: number, response: string) {
  requirePermission(actor, 'supervision.notice.respond');
  const now = deps.clock();
  return runWrite(deps, async (trx) => {
    const notice = await lockNotice(trx, noticeId);
    if (!notice || notice.district_id !== actor.districtId) throw new DomainError('NOT_FOUND');
    if (notice.department_id !== actor.departmentId) throw new DomainError('FORBIDDEN');
    if (notice.status === 'answered') throw new DomainError('NOTICE_ALREADY_ANSWERED');
    const answered = await answerNotice(trx, notice.id, { response, respondedBy: actor.userId, respondedAt: now });
    if (notice.case_id !== null) {
      const state = await findCaseState(trx, notice.case_id);
      if (!state) throw new DomainError('NOT_FOUND');
      await appendEvents(trx, notice.district_id, [{
        caseId: notice.case_id, districtId: notice.district_id, at: now, actorUserId: actor.userId, actorRole: actor.role,
        action: 'notice_answered', fromState: state, toState: state, note: response,
        data: { noticeId: notice.id, late: now.getTime() > notice.respond_by.getTime() },
      }]);
    }
    return answered;
  });
}

/** Notices the actor may see: the whole district for its command centre, supervisors and leaders; a handler's own unit. */
export async function listNoticesFor(deps: ServiceDeps, actor: Actor, filter: { status?: string | undefined; caseId?: number | undefined }) {
  if (actor.role === 'anonymous') throw new DomainError('AUTH_REQUIRED');
  if (actor.districtId === null) throw new DomainError('FORBIDDEN');
  const base = { districtId: actor.districtId, ...(filter.status ? { status: filter.status } : {}), ...(filter.caseId ? { caseId: filter.caseId } : {}) };
  if (actor.role === 'handler' && actor.departmentId !== null) return listNotices(deps.db, { ...base, departmentId: actor.departmentId });
  if (!permits(actor, 'supervision.read', { districtId: actor.districtId })) throw new DomainError('FORBIDDEN');
  return listNotices(deps.db, base);
}
