/**
 * Taking an application's own action (accept, request_supplement, conclude …) through the case
 * action endpoint: lock the case and its application, check the version, decide with the
 * application table and clocks, then write both rows and one timeline event in one transaction.
 * The case row mirrors the application (state by CASE_STATE_OF, the promised deadline as its resolve
 * deadline), so lists, scopes, the warning sweep and ratings work on it unchanged.
 */
import type { Transaction } from 'kysely';
import { DomainError } from '../../domain/errors.ts';
import {
  CASE_STATE_OF, decideApplication, findApplicationRule, missingMaterials, type ApplicationAction, type ApplicationDecision,
  type ApplicationFields, type ApplicationGuard,
} from '../../domain/applications/index.ts';
import type { Actor } from '../../domain/case/index.ts';
import type { CaseChanges } from '../../domain/case/index.ts';
import { appendEvents, enqueueOutbox, lockCase, updateCaseIfVersion } from '../../db/repositories/case/index.ts';
import { findDistrictById } from '../../db/repositories/org/index.ts';
import { findServiceItemById, lockApplication, updateApplication } from '../../db/repositories/applications/index.ts';
import type { CaseRow, CaseUpdate, Database, ServiceApplicationRow } from '../../db/schema.ts';
import type { ErrorCode } from '../../shared/error-codes.ts';
import { rowChangesFor, workingHoursOf } from '../case/index.ts';
import type { ServiceDeps } from '../service-deps.ts';
import { runWrite } from '../write-transaction.ts';
import { toApplicationSnapshot, toServiceItem } from './application-context.ts';
import { RATING_REQUEST_KIND } from './rating-requests.ts';

const GUARD_ERRORS: Record<ApplicationGuard, ErrorCode> = {
  materialsComplete: 'APPLICATION_MATERIALS_MISSING',
  noEarlierSupplement: 'APPLICATION_SUPPLEMENT_ALREADY_REQUESTED',
  onTheSpotItem: 'APPLICATION_NOT_ON_THE_SPOT',
  notPaused: 'APPLICATION_PAUSED',
};

export interface ApplicationActionRequest {
  caseId: number;
  action: ApplicationAction;
  version: number;
  fields: ApplicationFields;
}

function caseChangesOf(decision: ApplicationDecision, row: CaseRow, now: Date): CaseChanges {
  const state = CASE_STATE_OF[decision.status];
  return {
    state,
    resolveDeadline: decision.promisedDeadline,
    amberAt: decision.promisedAmberAt,
    suspendedAt: decision.clock.pause ? decision.clock.pause.since : null,
    ...(state === 'signed' && !row.signed_at ? { signedAt: now } : {}),
    ...(state === 'signed' && !row.filed_at ? { filedAt: now } : {}),
    ...(decision.concludedAt ? { resolvedAt: decision.concludedAt, closedAt: decision.concludedAt } : {}),
  };
}

function applicationChangesOf(decision: ApplicationDecision, now: Date) {
  return {
    status: decision.status,
    status_before_pause: decision.statusBeforePause,
    national_code: decision.nationalCode,
    materials: JSON.stringify(decision.materials),
    clock_start_day: decision.clock.startDay,
    paused_working_days: decision.clock.pausedWorkingDays,
    pause_kind: decision.clock.pause?.kind ?? null,
    pause_since: decision.clock.pause?.since ?? null,
    legal_deadline: decision.legalDeadline,
    promised_deadline: decision.promisedDeadline,
    ...(decision.acceptedAt ? { accepted_at: decision.acceptedAt } : {}),
    ...(decision.supplementRequestedAt
      ? { supplement_requested_at: decision.supplementRequestedAt, supplement_on_time: decision.supplementOnTime ?? null, supplement_missing: JSON.stringify(decision.supplementMissing ?? []) }
      : {}),
    ...(decision.outcome ? { outcome: decision.outcome, concluded_at: decision.concludedAt ?? now } : {}),
    updated_at: now,
  };
}

async function lockBoth(trx: Transaction<Database>, caseId: number): Promise<{ row: CaseRow; application: ServiceApplicationRow }> {
  const row = await lockCase(trx, caseId);
  if (!row) throw new DomainError('NOT_FOUND');
  const application = row.kind === 'service_application' ? await lockApplication(trx, caseId) : undefined;
  if (!application) throw new DomainError('CASE_INVALID_TRANSITION', { kind: row.kind, reason: 'not_a_service_application' });
  return { row, application };
}

/**
 * Performs one application action for one actor.
 * @returns the case and its application as stored afterwards
 * @throws DomainError NOT_FOUND, FORBIDDEN, CASE_VERSION_CONFLICT, CASE_INVALID_TRANSITION, APPLICATION_* (see GUARD_ERRORS)
 */
export async function performApplicationAction(deps: ServiceDeps, actor: Actor, request: ApplicationActionRequest): Promise<{ row: CaseRow; application: ServiceApplicationRow }> {
  const now = deps.clock();
  const calendar = await deps.calendar.get();
  return runWrite(deps, async (trx) => {
    const { row, application } = await lockBoth(trx, request.caseId);
    if (actor.role === 'anonymous') throw new DomainError('AUTH_REQUIRED');
    if (actor.districtId !== row.district_id) throw new DomainError('FORBIDDEN');
    if (row.version !== request.version) throw new DomainError('CASE_VERSION_CONFLICT', { currentVersion: row.version, yourVersion: request.version });
    const itemRow = await findServiceItemById(trx, application.service_item_id);
    const district = await findDistrictById(trx as never, row.district_id);
    if (!itemRow || !district) throw new DomainError('NOT_FOUND');
    const item = toServiceItem(itemRow);
    const snapshot = toApplicationSnapshot(application);
    const handedIn = [...snapshot.materials, ...(request.fields.materials ?? [])];
    const found = findApplicationRule(
      { districtId: row.district_id, departmentId: application.department_id, status: application.status }, actor, request.action,
      { itemKind: item.kind, missingMaterials: missingMaterials(item, handedIn), toleranceAllowed: item.toleranceAllowed, supplementRequested: application.supplement_requested_at !== null },
    );
    if (!found.rule) {
      if (found.mismatch === 'state') throw new DomainError('CASE_INVALID_TRANSITION', { status: application.status, action: request.action });
      if (found.mismatch === 'guard' && found.failedGuard) throw new DomainError(GUARD_ERRORS[found.failedGuard], { missing: missingMaterials(item, handedIn) });
      if (found.mismatch === 'scope' && actor.role === 'handler') throw new DomainError('APPLICATION_ITEM_OTHER_DEPARTMENT', { serviceItemCode: item.code });
      throw new DomainError('FORBIDDEN', { action: request.action });
    }
    const decision = decideApplication({
      snapshot, rule: found.rule, action: request.action, fields: request.fields, item, now, calendar, hours: workingHoursOf(district, now),
    });
    const caseUpdate = rowChangesFor(caseChangesOf(decision, row, now), row, now) as CaseUpdate;
    delete caseUpdate.pending_request;
    const updated = await updateCaseIfVersion(trx, row.id, row.version, caseUpdate);
    if (!updated) throw new DomainError('CASE_VERSION_CONFLICT');
    const stored = await updateApplication(trx, row.id, applicationChangesOf(decision, now));
    await appendEvents(trx, row.district_id, [{
      caseId: row.id, districtId: row.district_id, at: now, actorUserId: actor.userId, actorRole: actor.role, action: request.action,
      fromState: row.state, toState: updated.state, note: decision.note,
      data: { ...decision.data, status: decision.status, fromStatus: application.status },
    }]);
    // 一事一评: every 办结 asks the applicant for a rating, after commit.
    if (request.action === 'conclude') await enqueueOutbox(trx, RATING_REQUEST_KIND, { caseId: row.id });
    return { row: updated, application: stored };
  });
}
