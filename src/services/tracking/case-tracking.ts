/**
 * A citizen follows a case with its number and tracking code (查询码). Both a number that does not exist
 * and a code that does not match answer the same TRACKING_NOT_FOUND after the same two reads, so the
 * answer tells nobody which case numbers exist.
 */
import { timingSafeEqual } from 'node:crypto';
import { DomainError } from '../../domain/errors.ts';
import type { Actor, CaseAction, RatingLevel } from '../../domain/case/index.ts';
import { citizenStage, citizenSteps, type CitizenCaseView } from '../../domain/tracking/index.ts';
import { findCaseByNumber, isFollower } from '../../db/repositories/case/index.ts';
import { findCaseNumber, findRectificationOf } from '../../db/repositories/tracking/index.ts';
import { getCaseDetail, hashTrackingCode } from '../case/index.ts';
import type { ServiceDeps } from '../service-deps.ts';

function sameHash(stored: string | null | undefined, given: string): boolean {
  if (!stored || stored.length !== given.length) return false;
  return timingSafeEqual(Buffer.from(stored), Buffer.from(given));
}

/**
 * @throws DomainError TRACKING_NOT_FOUND for an unknown number and for a wrong code alike
 */
export async function trackCase(deps: ServiceDeps, actor: Actor, number: string, trackingCode: string): Promise<CitizenCaseView> {
  const codeHash = hashTrackingCode(trackingCode);
  const row = await findCaseByNumber(deps.db, number.trim().toUpperCase());
  // Asked also for a missing case (id 0 matches nothing), so both failures cost the same reads.
  const follows = await isFollower(deps.db, row?.id ?? 0, { userId: null, trackingCodeHash: codeHash });
  if (!row || !(sameHash(row.tracking_code_hash, codeHash) || follows)) throw new DomainError('TRACKING_NOT_FOUND');
  const detail = await getCaseDetail(deps, actor, row.id, trackingCode);
  const view = detail.row;
  const stage = citizenStage(view.state);
  const keptNumber = view.merged_into_id === null ? undefined : await findCaseNumber(deps.db, view.merged_into_id);
  const rectification = view.rating ? await findRectificationOf(deps.db, view.id) : undefined;
  return {
    id: view.id,
    number: view.number,
    version: view.version,
    title: view.title,
    description: view.description,
    categoryName: view.category_name,
    categoryNameEn: view.category_name_en,
    address: view.address,
    streetName: view.street_name,
    reportedAt: view.created_at,
    stage,
    promisedBy: stage === 'handling' ? view.resolve_deadline : null,
    steps: citizenSteps(detail.timeline),
    mergedInto: keptNumber ? { number: keptNumber } : null,
    rating: view.rating ? { level: view.rating as RatingLevel, ratedAt: view.rated_at } : null,
    rectification: rectification
      ? { number: rectification.number, deadline: rectification.resolve_deadline, done: rectification.state === 'closed' }
      : null,
    canRate: detail.allowedActions.includes('rate' satisfies CaseAction),
  };
}
