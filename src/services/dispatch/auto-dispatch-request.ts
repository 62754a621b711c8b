/** The intake's side of auto-dispatch (auto-dispatch.ts does it after commit). */
import type { Expression, RawBuilder } from 'kysely';
import { autoDispatchIfRuledSql } from '../../db/repositories/dispatch/index.ts';

export const AUTO_DISPATCH_KIND = 'auto_dispatch';

export interface AutoDispatchPlan { caseId: number }

/**
 * Part of the intake's statement: asks the drain to consider the new case (nothing when the district has no
 * threshold). The outbox kind of a follow-up is `follow_up:<kind>` (case-follow-ups.ts).
 */
export function autoDispatchRequest(districtId: number): (caseId: Expression<number>) => RawBuilder<unknown> {
  return (caseId) => autoDispatchIfRuledSql(districtId, `follow_up:${AUTO_DISPATCH_KIND}`, caseId);
}
