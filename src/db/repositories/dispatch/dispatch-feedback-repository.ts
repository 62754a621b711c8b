/** The suggestion shown for a case (one row per case: the last one recorded wins) and the auto-dispatch rules. */
import { sql, type Expression, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../schema.ts';

type Db = Kysely<Database>;

export interface SuggestionFeedback {
  caseId: number;
  districtId: number;
  suggestedCategoryCode: string;
  suggestedDepartmentId: number | null;
  confidence: number;
  modelVersion: number | null;
  recordedBy: number | null;
  recordedAt: Date;
}

export async function upsertSuggestionFeedback(db: Db, feedback: SuggestionFeedback): Promise<void> {
  const values = {
    case_id: feedback.caseId, district_id: feedback.districtId, suggested_category_code: feedback.suggestedCategoryCode,
    suggested_department_id: feedback.suggestedDepartmentId, confidence: feedback.confidence,
    model_version: feedback.modelVersion, recorded_by: feedback.recordedBy, recorded_at: feedback.recordedAt,
  };
  const { case_id: _caseId, ...changes } = values;
  await db.insertInto('dispatch_suggestion_feedback').values(values)
    .onConflict((oc) => oc.column('case_id').doUpdateSet(changes)).execute();
}

export interface AutoDispatchRule { categoryCode: string; minConfidence: number }

export async function listAutoDispatchRules(db: Db, districtId: number): Promise<AutoDispatchRule[]> {
  return db.selectFrom('dispatch_auto_rules').select(['category_code as categoryCode', 'min_confidence as minConfidence'])
    .where('district_id', '=', districtId).orderBy('category_code').execute();
}

/** One category's threshold, or null when none is set (read in the writing transaction, for the audit's "before"). */
export async function findAutoDispatchRule(db: Db, districtId: number, categoryCode: string): Promise<number | null> {
  const row = await db.selectFrom('dispatch_auto_rules').select('min_confidence').where('district_id', '=', districtId)
    .where('category_code', '=', categoryCode).executeTakeFirst();
  return row ? Number(row.min_confidence) : null;
}

/** Sets a category's threshold; null removes it (auto-dispatch off for that category). */
export async function setAutoDispatchRule(
  db: Db, districtId: number, categoryCode: string, minConfidence: number | null, userId: number | null, at: Date,
): Promise<void> {
  if (minConfidence === null) {
    await db.deleteFrom('dispatch_auto_rules').where('district_id', '=', districtId).where('category_code', '=', categoryCode).execute();
    return;
  }
  await db.insertInto('dispatch_auto_rules')
    .values({ district_id: districtId, category_code: categoryCode, min_confidence: minConfidence, updated_by: userId, updated_at: at })
    .onConflict((oc) => oc.columns(['district_id', 'category_code']).doUpdateSet({ min_confidence: minConfidence, updated_by: userId, updated_at: at }))
    .execute();
}

/**
 * Asks the outbox drain to try auto-dispatching a new case, as part of the intake's statement, only when the
 * district has some threshold set, so a district without rules pays no outbox row. The payload is the drain's
 * plan, `{ caseId }`, built here because the case id exists only inside that statement.
 */
export function autoDispatchIfRuledSql(districtId: number, kind: string, caseId: Expression<number>): RawBuilder<unknown> {
  return sql`
    insert into outbox (kind, payload)
    select ${kind}, jsonb_build_object('caseId', ${caseId})
    where exists (select 1 from dispatch_auto_rules where district_id = ${districtId})
  `;
}
