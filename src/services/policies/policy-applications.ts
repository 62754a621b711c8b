/**
 * 申报 → 受理 → 审核 → 兑现: an enterprise (or its liaison) applies for a policy of mode
 * `application`; the data check runs at 申报 (the enterprise must meet the version in force, the
 * amount is computed then), and the application becomes a `policy_application` case routed to the
 * category's department. The case moves only by these actions (the loop's own refuse it, like a
 * 办件); each writes the case, its companion row and one timeline event in one transaction, and
 * sets the case's deadline to the 快申快享 limit of the stage it now waits for.
 */
import type { Transaction } from 'kysely';
import { permits } from '../../domain/access/index.ts';
import { DomainError } from '../../domain/errors.ts';
import { caseNumberYear, formatCaseNumber, type Actor, type CaseChanges } from '../../domain/case/index.ts';
import {
  allowedApplicationActions, CASE_STATE_OF_APPLICATION, checkApplicationStep, POLICY_APPLICATION_STEPS, stageDeadline, versionOn,
  type PolicyApplicationAction, type PolicyApplicationSnapshot,
} from '../../domain/policies/index.ts';
import { appendEvents, ensureCaseNumberSequence, findCategoryByCode, insertCase, lockCase, takeNextCaseSequence, updateCaseIfVersion } from '../../db/repositories/case/index.ts';
import { findDepartmentByCode, findDistrictById } from '../../db/repositories/org/index.ts';
import {
  findLivePolicyApplication, insertPolicyApplication, listPolicyApplications, lockPolicyApplication, updatePolicyApplication,
  type PolicyApplicationListRow,
} from '../../db/repositories/policies/index.ts';
import type { CaseRow, CaseUpdate, Database, PolicyApplicationRow } from '../../db/schema.ts';
import { rowChangesFor, workingHoursOf } from '../case/index.ts';
import { requireVisibleEnterprise, todayOf } from '../enterprises/index.ts';
import type { ServiceDeps } from '../service-deps.ts';
import { runWrite } from '../write-transaction.ts';
import { requirePolicy } from './policy-catalog.ts';
import { matchOne } from './policy-matching.ts';

/** The category an application is filed under unless the caller names another of kind policy_application. */
export const POLICY_APPLICATION_CATEGORY_CODE = 'A01';

export interface PolicyApplicationInput {
  enterpriseId: number;
  categoryCode?: string | undefined;
  note?: string | undefined;
}

/**
 * 申报. @throws DomainError NOT_FOUND, FORBIDDEN, POLICY_NOT_APPLICATION, POLICY_NOT_IN_FORCE,
 * POLICY_APPLICATION_NOT_ELIGIBLE, POLICY_APPLICATION_DUPLICATE, CASE_CATEGORY_UNKNOWN, CASE_CATEGORY_KIND_MISMATCH
 */
export async function applyForPolicy(deps: ServiceDeps, actor: Actor, policyId: number, input: PolicyApplicationInput): Promise<{ row: CaseRow; application: PolicyApplicationRow }> {
  const enterprise = await requireVisibleEnterprise(deps, actor, input.enterpriseId);
  const policy = await requirePolicy(deps, policyId);
  if (policy.definition.mode !== 'application') throw new DomainError('POLICY_NOT_APPLICATION');
  const date = todayOf(deps);
  const version = versionOn(policy.definition, date);
  if (!version) throw new DomainError('POLICY_NOT_IN_FORCE', { date });
  const match = await matchOne(deps, policy, enterprise.id, date);
  if (match.status !== 'met') throw new DomainError('POLICY_APPLICATION_NOT_ELIGIBLE', { status: match.status, reason: match.reason, explanation: match.outcome });
  const live = await findLivePolicyApplication(deps.db, policyId, version.version, enterprise.id);
  if (live) throw new DomainError('POLICY_APPLICATION_DUPLICATE', { caseId: live.case_id, status: live.status });
  const categoryCode = input.categoryCode ?? POLICY_APPLICATION_CATEGORY_CODE;
  const category = await findCategoryByCode(deps.db, categoryCode);
  if (!category) throw new DomainError('CASE_CATEGORY_UNKNOWN', { categoryCode });
  if (category.kind !== 'policy_application') throw new DomainError('CASE_CATEGORY_KIND_MISMATCH', { kind: 'policy_application', categoryKind: category.kind });
  const district = await findDistrictById(deps.db, enterprise.district_id);
  if (!district) throw new DomainError('DISTRICT_UNKNOWN');
  const department = await findDepartmentByCode(deps.db, district.id, category.department_code);
  const now = deps.clock();
  const calendar = await deps.calendar.get();
  const deadline = stageDeadline('submitted', { submittedAt: now, acceptedAt: null }, calendar, workingHoursOf(district, now));
  const amountCents = match.amountCents ?? 0;
  const year = caseNumberYear(now);
  await ensureCaseNumberSequence(deps.db, district.id, year);
  return runWrite(deps, async (trx) => {
    const number = formatCaseNumber(district.abbr, year, await takeNextCaseSequence(trx, district.id, year));
    const row = await insertCase(trx, {
      district_id: district.id, number, kind: 'policy_application', source: actor.role === 'enterprise' ? 'enterprise_portal' : 'web',
      category_id: category.id, priority: 'normal',
      title: `${policy.definition.title} · ${enterprise.name}`.slice(0, 100),
      description: `惠企政策申报：${policy.definition.title}（${policy.definition.documentNumber}），测算金额 ${(amountCents / 100).toFixed(2)} 元。${input.note ?? ''}`.slice(0, 2000),
      state: 'reported', version: 1, lat: null, lng: null, address: enterprise.address, grid_id: null, community_id: null, street_id: null,
      department_id: department?.id ?? null, reporter_user_id: actor.userId, created_by: actor.userId,
      resolve_deadline: deadline, amber_at: null, resolve_clock_started_at: now, created_at: now, updated_at: now,
    });
    const application = await insertPolicyApplication(trx, {
      case_id: row.id, district_id: district.id, policy_id: policyId, version: version.version, enterprise_id: enterprise.id, status: 'submitted',
      amount_cents: amountCents, explanation: JSON.stringify({ outcome: match.outcome, amount: match.amountText }),
      submitted_by: actor.userId, submitted_at: now, updated_at: now,
    });
    await appendEvents(trx, district.id, [{
      caseId: row.id, districtId: district.id, at: now, actorUserId: actor.userId, actorRole: actor.role, action: 'apply',
      fromState: null, toState: 'reported', note: input.note ?? null,
      data: { policyCode: policy.definition.code, version: version.version, enterpriseId: enterprise.id, amountCents, deadline: deadline?.toISOString() ?? null },
    }]);
    return { row, application };
  });
}

export interface PolicyApplicationActionRequest {
  caseId: number;
  action: PolicyApplicationAction;
  version: number;
  note?: string | undefined;
  /** The payout reference (拨付凭证号), required to pay. */
  reference?: string | undefined;
}

function snapshotOf(application: PolicyApplicationRow, row: Pick<CaseRow, 'department_id'>): PolicyApplicationSnapshot {
  return { status: application.status, districtId: application.district_id, departmentId: row.department_id, submittedAt: application.submitted_at };
}

async function lockBoth(trx: Transaction<Database>, caseId: number) {
  const row = await lockCase(trx, caseId);
  if (!row) throw new DomainError('NOT_FOUND');
  const application = row.kind === 'policy_application' ? await lockPolicyApplication(trx, caseId) : undefined;
  if (!application) throw new DomainError('CASE_INVALID_TRANSITION', { kind: row.kind, reason: 'not_a_policy_application' });
  return { row, application };
}

/**
 * 受理, 审核 (approve or reject with a reason) and 兑现 (with the payout reference).
 * @throws DomainError NOT_FOUND, AUTH_REQUIRED, FORBIDDEN, CASE_VERSION_CONFLICT, CASE_INVALID_TRANSITION, VALIDATION_FAILED
 */
export async function actOnPolicyApplication(deps: ServiceDeps, actor: Actor, request: PolicyApplicationActionRequest) {
  if (actor.role === 'anonymous') throw new DomainError('AUTH_REQUIRED');
  if (request.action === 'pay' && !request.reference?.trim()) throw new DomainError('VALIDATION_FAILED', [{ path: 'reference', code: 'required' }]);
  if (request.action === 'reject' && !request.note?.trim()) throw new DomainError('VALIDATION_FAILED', [{ path: 'note', code: 'required' }]);
  const now = deps.clock();
  const calendar = await deps.calendar.get();
  return runWrite(deps, async (trx) => {
    const { row, application } = await lockBoth(trx, request.caseId);
    const mismatch = checkApplicationStep(snapshotOf(application, row), actor, request.action);
    if (mismatch === 'role') throw new DomainError('FORBIDDEN', { action: request.action });
    if (row.version !== request.version) throw new DomainError('CASE_VERSION_CONFLICT', { currentVersion: row.version, yourVersion: request.version });
    if (mismatch === 'state') throw new DomainError('CASE_INVALID_TRANSITION', { status: application.status, action: request.action });
    const status = POLICY_APPLICATION_STEPS[request.action].to;
    const district = await findDistrictById(trx as never, row.district_id);
    if (!district) throw new DomainError('NOT_FOUND');
    const acceptedAt = request.action === 'accept' ? now : application.accepted_at;
    const deadline = stageDeadline(status, { submittedAt: application.submitted_at, acceptedAt }, calendar, workingHoursOf(district, now));
    const state = CASE_STATE_OF_APPLICATION[status];
    const changes: CaseChanges = {
      state,
      ...(deadline ? { resolveDeadline: deadline, amberAt: null } : {}),
      ...(request.action === 'accept' ? { filedAt: row.filed_at ?? now, signedAt: now } : {}),
      ...(request.action === 'approve' ? { resolvedAt: now } : {}),
      ...(state === 'closed' || state === 'declined' ? { closedAt: now } : {}),
    };
    const caseUpdate = rowChangesFor(changes, row, now) as CaseUpdate;
    const updated = await updateCaseIfVersion(trx, row.id, row.version, caseUpdate);
    if (!updated) throw new DomainError('CASE_VERSION_CONFLICT');
    const stored = await updatePolicyApplication(trx, row.id, {
      status, updated_at: now,
      ...(request.action === 'accept' ? { accepted_at: now } : {}),
      ...(request.action === 'approve' || request.action === 'reject' ? { reviewed_at: now } : {}),
      ...(request.action === 'pay' ? { paid_at: now, payment_reference: request.reference!.trim() } : {}),
    });
    await appendEvents(trx, row.district_id, [{
      caseId: row.id, districtId: row.district_id, at: now, actorUserId: actor.userId, actorRole: actor.role, action: request.action,
      fromState: row.state, toState: updated.state, note: request.note ?? null,
      data: {
        status, fromStatus: application.status, deadline: deadline?.toISOString() ?? null,
        ...(request.action === 'pay' ? { reference: request.reference!.trim(), amountCents: application.amount_cents } : {}),
      },
    }], { row: updated });
    return { row: updated, application: stored };
  });
}

export interface PolicyApplicationView {
  row: PolicyApplicationListRow;
  allowedActions: PolicyApplicationAction[];
}

function withActions(actor: Actor, rows: PolicyApplicationListRow[]): PolicyApplicationView[] {
  return rows.map((row) => ({ row, allowedActions: allowedApplicationActions(snapshotOf(row, row), actor) }));
}

/** An enterprise's applications with their stage and deadline. @throws DomainError NOT_FOUND, FORBIDDEN */
export async function listEnterpriseApplications(deps: ServiceDeps, actor: Actor, enterpriseId: number): Promise<PolicyApplicationView[]> {
  await requireVisibleEnterprise(deps, actor, enterpriseId);
  return withActions(actor, await listPolicyApplications(deps.db, { enterpriseId }));
}

/** How many applications the staff list returns at most (newest first). */
export const STAFF_APPLICATION_LIST_LIMIT = 500;

/**
 * The staff list of 政策申报办理: the district's applications (every district for an admin; a handler
 * only those routed to its department), optionally of one stage or one policy, each with the caller's
 * `allowedActions`. @throws DomainError AUTH_REQUIRED, FORBIDDEN
 */
export async function listStaffApplications(
  deps: ServiceDeps, actor: Actor, filter: { status?: PolicyApplicationRow['status'] | undefined; policyId?: number | undefined },
): Promise<PolicyApplicationView[]> {
  if (actor.role === 'anonymous') throw new DomainError('AUTH_REQUIRED');
  // Those who may take a step see the list; a handler sees its own department's.
  if (!permits(actor, 'policy_application.list')) throw new DomainError('FORBIDDEN');
  const rows = await listPolicyApplications(deps.db, {
    ...(actor.role === 'admin' ? {} : { districtId: actor.districtId! }),
    ...(actor.role === 'handler' ? { departmentId: actor.departmentId! } : {}),
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.policyId !== undefined ? { policyId: filter.policyId } : {}),
    limit: STAFF_APPLICATION_LIST_LIMIT,
  });
  return withActions(actor, rows);
}

/** One application, for whoever may see its enterprise. @throws DomainError NOT_FOUND, FORBIDDEN */
export async function getPolicyApplication(deps: ServiceDeps, actor: Actor, caseId: number): Promise<PolicyApplicationView> {
  const [row] = await listPolicyApplications(deps.db, { caseId });
  if (!row) throw new DomainError('NOT_FOUND');
  const canAct = allowedApplicationActions(snapshotOf(row, row), actor).length > 0;
  if (!canAct && !(actor.role === 'handler' && actor.departmentId === row.department_id)) await requireVisibleEnterprise(deps, actor, row.enterprise_id);
  return withActions(actor, [row])[0]!;
}
