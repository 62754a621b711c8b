/**
 * The one rule of a case action, for both ways it is written (case-actions.ts): who may act on the case as read,
 * whether its version is the caller's, what the transition table and the decision rules say happens, and the row
 * changes and the event that follow. Every rejection happens here, before any write, so a refused request changes
 * nothing; the checks run in this order, with these errors, whichever path writes the result.
 */
import type { Kysely, Transaction } from 'kysely';
import { DomainError } from '../../domain/errors.ts';
import { findTransition, type TransitionGuard } from '../../domain/case/case-transitions.ts';
import { decideTransition, type ActionFields, type Decision } from '../../domain/case/case-decide.ts';
import { canViewCase } from '../../domain/case/case-access.ts';
import { mayEver } from '../../domain/access/index.ts';
import { OPEN_STATES, type Actor, type CaseAction } from '../../domain/case/case-model.ts';
import { findCase } from '../../db/repositories/case/case-repository.ts';
import { findDepartment } from '../../db/repositories/org/index.ts';
import type { NewCaseEvent } from '../../db/repositories/case/timeline-repository.ts';
import type { CaseRow, CaseUpdate, Database } from '../../db/schema.ts';
import type { ErrorCode } from '../../shared/error-codes.ts';
import type { ServiceDeps } from '../service-deps.ts';
import { referenceData } from '../org/index.ts';
import { guardContext, toSnapshot, workingHoursOf } from './case-snapshot.ts';
import { isReporterOf } from './case-reporter.ts';
import { rowChangesFor } from './case-row-changes.ts';

type Db = Kysely<Database> | Transaction<Database>;

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

export type WorkingCalendarOf = Awaited<ReturnType<ServiceDeps['calendar']['get']>>;

export interface DecidedAction {
  /** The actor the transition table saw: an anonymous reporter acts as a citizen. */
  effectiveActor: Actor;
  decision: Decision;
  /** The columns to write, as the update takes them (the pending request as JSON text). */
  changes: CaseUpdate;
  /** The row as the write will leave it: the read row with the changes and the next version. */
  after: CaseRow;
}

function toRowChanges(plain: Partial<CaseRow>): CaseUpdate {
  const { pending_request: pending, ...rest } = plain;
  const update = rest as CaseUpdate;
  if (pending !== undefined) update.pending_request = pending === null ? null : JSON.stringify(pending);
  return update;
}

async function checkActionTargets(db: Db, row: CaseRow, request: ActionRequest): Promise<void> {
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
 * Checks one action on the case as read and decides it.
 * @param db - where the targets (a dispatch's department, a merge's case) are read: the caller's transaction, if any
 * @throws DomainError NOT_FOUND, FORBIDDEN, AUTH_REQUIRED, CASE_VERSION_CONFLICT, CASE_INVALID_TRANSITION, the guard and the target errors
 */
export async function decideAction(input: {
  db: Db; deps: ServiceDeps; actor: Actor; row: CaseRow; request: ActionRequest; now: Date; calendar: WorkingCalendarOf;
}): Promise<DecidedAction> {
  const { db, deps, actor, row, request, now, calendar } = input;
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
  const category = await referenceData.categoryById(deps.db, row.category_id, db);
  const district = await referenceData.districtById(deps.db, row.district_id, db);
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
  await checkActionTargets(db, row, request);
  const decision = decideTransition({
    snapshot, rule: found.rule, actor: effectiveActor, fields: request.fields, now, calendar,
    hours: workingHoursOf(district, now), signLimit: category.sign_limit, resolveLimit: category.resolve_limit,
  });
  const plain = rowChangesFor(decision.changes, row, now);
  return { effectiveActor, decision, changes: toRowChanges(plain), after: { ...row, ...plain, version: row.version + 1 } };
}

/** The timeline event of a decided action. */
export function actionEventOf(input: {
  row: CaseRow; decided: DecidedAction; actor: Actor; action: CaseAction; now: Date;
  eventData?: Record<string, unknown> | undefined; recordAsSystem?: boolean | undefined;
}): NewCaseEvent {
  const { row, decided, actor, now } = input;
  return {
    caseId: row.id, districtId: row.district_id, at: now,
    actorUserId: input.recordAsSystem ? null : actor.userId, actorRole: input.recordAsSystem ? 'system' : decided.effectiveActor.role,
    action: input.action, fromState: row.state, toState: decided.decision.changes.state, note: decided.decision.note,
    data: { ...decided.decision.data, ...input.eventData },
  };
}
