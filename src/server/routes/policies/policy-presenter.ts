/** API shapes of policies, matches, pushes and grants; amounts in 元 (two decimals) beside the exact 分. */
import type { GrantItemRow, PolicyPushRow } from '../../../db/schema.ts';
import type { PolicyMatch } from '../../../domain/policies/index.ts';
import type { PolicyApplicationView, StoredPolicy } from '../../../services/policies/index.ts';

const yuan = (cents: number | null) => (cents === null ? null : cents / 100);

export function presentPolicy(policy: StoredPolicy) {
  const { definition, row } = policy;
  return { id: row.id, ...definition, createdAt: row.created_at, updatedAt: row.updated_at };
}

export function presentMatch(match: PolicyMatch) {
  return {
    status: match.status, version: match.version, amountCents: match.amountCents, amount: yuan(match.amountCents),
    amountText: match.amountText, excludedBy: match.excludedBy, reason: match.reason, explanation: match.outcome,
  };
}

export function presentPush(push: PolicyPushRow & { policy_code: string; policy_title: string; enterprise_name: string }) {
  return {
    id: push.id, policyId: push.policy_id, policyCode: push.policy_code, policyTitle: push.policy_title, enterpriseId: push.enterprise_id,
    enterpriseName: push.enterprise_name, pushedAt: push.pushed_at, readAt: push.read_at,
  };
}

export function presentGrantItem(item: GrantItemRow & { policy_code?: string; policy_title?: string; policy_title_en?: string; enterprise_name?: string }) {
  return {
    id: item.id, runId: item.run_id, policyId: item.policy_id, policyCode: item.policy_code, policyTitle: item.policy_title,
    policyTitleEn: item.policy_title_en, version: item.version, enterpriseId: item.enterprise_id, enterpriseName: item.enterprise_name,
    amountCents: item.amount_cents, amount: yuan(item.amount_cents), explanation: item.explanation, status: item.status,
    decidedAt: item.decided_at, paidAt: item.paid_at, paymentReference: item.payment_reference,
  };
}

/** A policy application (申报 → 受理 → 审核 → 兑现) with its case, stage deadline and the caller's actions. */
export function presentPolicyApplication({ row, allowedActions }: PolicyApplicationView) {
  return {
    caseId: row.case_id, number: row.number, caseState: row.state, caseVersion: row.case_version, status: row.status,
    policyId: row.policy_id, policyCode: row.policy_code, policyTitle: row.policy_title, policyTitleEn: row.policy_title_en, version: row.version,
    enterpriseId: row.enterprise_id, enterpriseName: row.enterprise_name, departmentId: row.department_id,
    amountCents: row.amount_cents, amount: yuan(row.amount_cents), explanation: row.explanation,
    submittedAt: row.submitted_at, acceptedAt: row.accepted_at, reviewedAt: row.reviewed_at, paidAt: row.paid_at,
    paymentReference: row.payment_reference, deadline: row.status === 'paid' || row.status === 'rejected' ? null : row.resolve_deadline,
    allowedActions,
  };
}
