/**
 * What the operator was shown: recorded against the case right after it is reported, so the next training
 * knows which dispatched cases correct a suggestion (they weigh more) and which confirm it. Also the admin's
 * per-category auto-dispatch thresholds.
 */
import type { Actor } from '../../domain/case/index.ts';
import { mayEver, permits } from '../../domain/access/index.ts';
import { DomainError } from '../../domain/errors.ts';
import { findCase, findCategoryByCode } from '../../db/repositories/case/index.ts';
import { insertAudit } from '../../db/repositories/admin/index.ts';
import { findAutoDispatchRule, listAutoDispatchRules, setAutoDispatchRule, upsertSuggestionFeedback, type AutoDispatchRule } from '../../db/repositories/dispatch/index.ts';
import { findDistrictByCode } from '../../db/repositories/org/index.ts';
import type { ServiceDeps } from '../service-deps.ts';
import { runWrite } from '../write-transaction.ts';

export interface SuggestionFeedbackInput {
  caseId: number;
  suggestedCategoryCode: string;
  suggestedDepartmentId?: number | null | undefined;
  confidence: number;
  modelVersion?: number | null | undefined;
}

/** @throws DomainError FORBIDDEN, NOT_FOUND, DISPATCH_FEEDBACK_CATEGORY_UNKNOWN */
export async function recordSuggestionFeedback(deps: ServiceDeps, actor: Actor, input: SuggestionFeedbackInput): Promise<void> {
  // The roles that take reports and dispatch them: their choices teach the model.
  if (!mayEver(actor.role, 'dispatch.feedback')) throw new DomainError('FORBIDDEN');
  const row = await findCase(deps.db, input.caseId);
  if (!row || !permits(actor, 'dispatch.feedback', { districtId: row.district_id })) throw new DomainError('NOT_FOUND');
  if (!(await findCategoryByCode(deps.db, input.suggestedCategoryCode))) {
    throw new DomainError('DISPATCH_FEEDBACK_CATEGORY_UNKNOWN', { categoryCode: input.suggestedCategoryCode });
  }
  await runWrite(deps, (trx) => upsertSuggestionFeedback(trx, {
    caseId: row.id, districtId: row.district_id, suggestedCategoryCode: input.suggestedCategoryCode,
    suggestedDepartmentId: input.suggestedDepartmentId ?? null, confidence: input.confidence,
    modelVersion: input.modelVersion ?? null, recordedBy: actor.userId, recordedAt: deps.clock(),
  }));
}

async function districtFor(deps: ServiceDeps, actor: Actor, districtCode: string, action: 'dispatch.auto_rules.read' | 'dispatch.auto_rules.edit') {
  if (!mayEver(actor.role, action)) throw new DomainError(actor.role === 'anonymous' ? 'AUTH_REQUIRED' : 'FORBIDDEN');
  const district = await findDistrictByCode(deps.db, districtCode);
  if (!district) throw new DomainError('DISTRICT_UNKNOWN', { districtCode });
  if (!permits(actor, action, { districtId: district.id })) throw new DomainError('FORBIDDEN');
  return district;
}

/** The district's auto-dispatch thresholds (admins and the district's shift leads). */
export async function getAutoDispatchRules(deps: ServiceDeps, actor: Actor, districtCode: string): Promise<AutoDispatchRule[]> {
  const district = await districtFor(deps, actor, districtCode, 'dispatch.auto_rules.read');
  return listAutoDispatchRules(deps.db, district.id);
}

/**
 * Sets or (null) clears one category's threshold, in one transaction with its audit entry (`dispatch.auto_rule`,
 * subject `district:<code>`, data `{ categoryCode, before, after }`).
 * @throws DomainError FORBIDDEN, DISTRICT_UNKNOWN, CASE_CATEGORY_UNKNOWN
 */
export async function updateAutoDispatchRule(
  deps: ServiceDeps, actor: Actor, districtCode: string, categoryCode: string, minConfidence: number | null,
): Promise<AutoDispatchRule[]> {
  const district = await districtFor(deps, actor, districtCode, 'dispatch.auto_rules.edit');
  if (!(await findCategoryByCode(deps.db, categoryCode))) throw new DomainError('CASE_CATEGORY_UNKNOWN', { categoryCode });
  await runWrite(deps, async (trx) => {
    const now = deps.clock();
    const before = await findAutoDispatchRule(trx, district.id, categoryCode);
    await setAutoDispatchRule(trx, district.id, categoryCode, minConfidence, actor.userId, now);
    await insertAudit(trx, {
      at: now, actorUserId: actor.userId, action: 'dispatch.auto_rule', subject: `district:${district.code.trim()}`,
      data: { categoryCode, before, after: minConfidence },
    });
  });
  return listAutoDispatchRules(deps.db, district.id);
}
