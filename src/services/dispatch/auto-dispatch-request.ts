/** The intake's side of auto-dispatch (auto-dispatch.ts does it after commit). */
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { enqueueAutoDispatchIfRuled } from '../../db/repositories/dispatch/index.ts';

export const AUTO_DISPATCH_KIND = 'auto_dispatch';

export interface AutoDispatchPlan { caseId: number }

/** In the intake's transaction: asks the drain to consider the new case (nothing when the district has no threshold). */
export async function requestAutoDispatch(trx: Transaction<Database>, districtId: number, caseId: number): Promise<void> {
  const payload: AutoDispatchPlan = { caseId };
  // The outbox kind of a follow-up is `follow_up:<kind>` (case-follow-ups.ts).
  await enqueueAutoDispatchIfRuled(trx, districtId, `follow_up:${AUTO_DISPATCH_KIND}`, payload);
}
