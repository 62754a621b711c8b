/**
 * Taking an action on a case: lock it, check the version, let the transition table and the
 * decision rules say what happens, then write the case and its timeline in one transaction.
 * Every rejection happens before any write, so a refused request changes nothing.
 */
import { DomainError } from '../../domain/errors.ts';
import { findTransition, type TransitionGuard } from '../../domain/case/case-transitions.ts';
import { decideTransition, type ActionFields } from '../../domain/case/case-decide.ts';
import { canViewCase } from '../../domain/case/case-access.ts';
import { mayEver } from '../../domain/access/index.ts';
import { OPEN_STATES, type Actor, type CaseAction } from '../../domain/case/case-model.ts';
import { findCase, lockCase, updateCaseIfVersion } from '../../db/repositories/case/case-repository.ts';
import { findDepartment } from '../../db/repositories/org/index.ts';
import { referenceData } from '../org/index.ts';
import { appendEvents } from '../../db/repositories/case/timeline-repository.ts';
import type { Transaction } from 'kysely';
import type { CaseRow, CaseUpdate, Database } from '../../db/schema.ts';
import type { ErrorCode } from '../../shared/error-codes.ts';
import type { ServiceDeps } from '../service-deps.ts';
import { guardContext, toSnapshot, workingHoursOf } from './case-snapshot.ts';
import { isReporterOf } from './case-reporter.ts';
import type { CaseChanges } from '../../domain/case/case-decide.ts';
import { enqueueFollowUps } from './case-follow-ups.ts';
import { runWrite } from '../write-transaction.ts';
import { rowChangesFor } from './case-row-changes.ts';

const GUARD_ERRORS: Record<TransitionGuard, ErrorCode> = {
  pendingExtension: 'CASE_NO_PENDING_REQUEST',
  pendingSuspension: 'CASE_NO_PENDING_REQUEST',
  noPendingRequest: 'CASE_REQUEST_PENDING',
  resolveDeadlineAhead: 'CASE_EXTENSION_TOO_LATE',
  selfHandleAllowed: 'CASE_SELF_HANDLE_NOT_ALLOWED',
  withinReopenWindow: 'CASE_REOPEN_WINDOW_PASSED',
  notRated: 'CASE_ALREADY_RATED',
};

export interface ActionRequest {
  caseId: number;
  action: CaseAction;
  version: number;
  fields: ActionFields;
  trackingCode?: string | undefined;
}

function toRowChanges(changes: CaseChanges, row: CaseRow, now: Date): CaseUpdate {
  const { pending_request: pending, ...rest } = rowChangesFor(changes, row, now);
  const update = rest as CaseUpdate;
  if (pending !== undefined) update.pending_request = pending === null ? null : JSON.stringify(pending);
  return update;
}

async function checkActionTargets(db: Transaction<Database>, row: CaseRow, request: ActionRequest): Promise<void> {
  if (request.action === 'dispatch' && request.fields.departmentId !== undefined) {
    const department = await findDepartment(db, request.fields.departmentId);
    if (!department || department.district_id !== row.district_id) {
      throw new DomainError('CASE_DEPARTMENT_UNKNOWN', { departmentId: request.fields.departmentId });
    }
  }
  if (request.action === 'merge' && request.fields.intoCaseId !== undefined) {
    const target = await findCase(db, request.fields.intoCaseId);
    const targetOpen = target !== undefined && (OPEN_STATES as readonly string[]).includes(target.state);
    if (!target || target.id === row.id || target.district_id !== row.district_id || !targetOpen) {
      throw new DomainError('CASE_MERGE_TARGET_INVALID', { intoCaseId: request.fields.intoCaseId });
    }
  }
}

/**
 * Locks the case; a merge also locks its target, both in id order, so that A→B racing B→A, or a merge
 * racing the target's decline, is decided one after the other (the second sees the first's result)
 * and two merges never wait on each other in a cycle.
 * @returns the acted-on case, locked
 */
async function lockActionCases(trx: Transaction<Database>, request: ActionRequest): Promise<CaseRow | undefined> {
  const target = request.action === 'merge' ? request.fields.intoCaseId : undefined;
  if (target === undefined || target === request.caseId) return lockCase(trx, request.caseId);
  const [first, second] = target < request.caseId ? [target, request.caseId] : [request.caseId, target];
  const firstRow = await lockCase(trx, first);
  const secondRow = await lockCase(trx, second);
  return first === request.caseId ? firstRow : secondRow;
}

/**
 * Performs one action on one case for one actor.
 * @returns the case as stored afterwards
 * @throws DomainError NOT_FOUND, FORBIDDEN, AUTH_REQUIRED, CASE_VERSION_CONFLICT, CASE_INVALID_TRANSITION and the guard errors
 */
export async function performCaseAction(deps: ServiceDeps, actor: Actor, request: ActionRequest): Promise<CaseRow> {
  // An action the role can never take is refused before the case is looked up: the answer tells nothing about the case.
  if (!mayEver(actor.role, `case.act.${request.action}`)) {
    throw new DomainError(actor.role === 'anonymous' ? 'AUTH_REQUIRED' : 'FORBIDDEN', { action: request.action });
  }
  const now = deps.clock();
  const calendar = await deps.calendar.get();
  return runWrite(deps, async (trx) => {
    const row = await lockActionCases(trx, request);
    if (!row) throw new DomainError('NOT_FOUND');
    return actOnLockedCase({ trx, deps, actor, row, request, now, calendar });
  });
}

/**
 * The action path on a case already locked in the caller's transaction (e.g. a 督办 notice also
 * supervises its case): one write that bumps the version, one timeline event.
 * @param eventData - extra facts for the timeline event (e.g. the notice id)
 */
export async function actOnLockedCase(input: {
  trx: Transaction<Database>; deps: ServiceDeps; actor: Actor; row: CaseRow; request: ActionRequest; now: Date;
  calendar: Awaited<ReturnType<ServiceDeps['calendar']['get']>>; eventData?: Record<string, unknown>;
  /** The timeline names the system, not the actor whose rights the action used (auto-dispatch acts as an operator). */
  recordAsSystem?: boolean;
}): Promise<CaseRow> {
  const { trx, deps, actor, row, request, now, calendar } = input;
  {
    const isReporter = isReporterOf(row, actor, request.trackingCode);
    // Not yours answers as not found: acting on a case one may not see must not tell that it exists.
    if (!canViewCase(actor, { districtId: row.district_id, departmentId: row.department_id, gridId: row.grid_id, state: row.state }, isReporter)) {
      throw new DomainError(actor.role === 'anonymous' ? 'AUTH_REQUIRED' : 'NOT_FOUND');
    }
    const actingRole = actor.role === 'anonymous' && isReporter ? 'citizen' : actor.role;
    if (!mayEver(actingRole, `case.act.${request.action}`)) {
      throw new DomainError(actor.role === 'anonymous' ? 'AUTH_REQUIRED' : 'FORBIDDEN', { action: request.action });
    }
    if (row.version !== request.version) {
      throw new DomainError('CASE_VERSION_CONFLICT', { currentVersion: row.version, yourVersion: request.version });
    }
    const category = await referenceData.categoryById(deps.db, row.category_id, trx);
    const district = await referenceData.districtById(deps.db, row.district_id, trx);
    if (!category || !district) throw new DomainError('NOT_FOUND');
    const effectiveActor: Actor = actor.role === 'anonymous' && isReporter ? { ...actor, role: 'citizen' } : actor;
    // An application (办件, or 政策申报 in services/policies) moves by its own table; of the case actions only rating and 督办 apply.
    if ((row.kind === 'service_application' || row.kind === 'policy_application') && request.action !== 'rate' && request.action !== 'supervise') {
      throw new DomainError('CASE_INVALID_TRANSITION', { kind: row.kind, action: request.action });
    }
    const snapshot = toSnapshot(row);
    const found = findTransition(snapshot, effectiveActor, request.action, guardContext(now, category, deps.settings.reopenWindowDays, isReporter));
    if (!found.rule) {
      if (found.mismatch === 'state') throw new DomainError('CASE_INVALID_TRANSITION', { state: row.state, action: request.action });
      if (found.mismatch === 'guard' && found.failedGuard) throw new DomainError(GUARD_ERRORS[found.failedGuard]);
      throw new DomainError(actor.role === 'anonymous' ? 'AUTH_REQUIRED' : 'FORBIDDEN', { action: request.action });
    }
    await checkActionTargets(trx, row, request);
    const decision = decideTransition({
      snapshot, rule: found.rule, actor: effectiveActor, fields: request.fields, now, calendar,
      hours: workingHoursOf(district, now), signLimit: category.sign_limit, resolveLimit: category.resolve_limit,
    });
    const updated = await updateCaseIfVersion(trx, row.id, row.version, toRowChanges(decision.changes, row, now));
    if (!updated) throw new DomainError('CASE_VERSION_CONFLICT');
    await appendEvents(trx, row.district_id, [
      {
        caseId: row.id, districtId: row.district_id, at: now,
        actorUserId: input.recordAsSystem ? null : actor.userId, actorRole: input.recordAsSystem ? 'system' : effectiveActor.role,
        action: request.action, fromState: row.state, toState: decision.changes.state, note: decision.note,
        data: { ...decision.data, ...input.eventData },
      },
    ], { row: updated });
    await enqueueFollowUps(trx, { actor: effectiveActor, action: request.action, before: row, after: updated, now });
    return updated;
  }
}
