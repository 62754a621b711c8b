import type { Actor } from '../../domain/case/case-model.ts';
import type { CaseRow } from '../../db/schema.ts';
import { hashTrackingCode } from './case-intake.ts';

/** The caller reported this case: as the signed-in reporter, or holding its tracking code. */
export function isReporterOf(row: Pick<CaseRow, 'reporter_user_id' | 'tracking_code_hash'>, actor: Actor, trackingCode?: string): boolean {
  if (actor.userId !== null && row.reporter_user_id === actor.userId) return true;
  return Boolean(trackingCode && row.tracking_code_hash && row.tracking_code_hash === hashTrackingCode(trackingCode));
}
