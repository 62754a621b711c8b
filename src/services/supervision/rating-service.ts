/**
 * Ratings beyond the case action: government-service ratings (一次一评 on site, 一事一评 online)
 * with the same 差评 → rectification loop, and appeals (申诉) decided by a supervisor; an upheld
 * appeal takes the rating out of the indicators (the repository filters it).
 */
import { permits } from '../../domain/access/index.ts';
import { DomainError } from '../../domain/errors.ts';
import { isBadRating, type Actor, type RatingLevel, isDistrictStaff, type ServiceChannel } from '../../domain/case/index.ts';
import { findCase, lockCase, appendEvents } from '../../db/repositories/case/index.ts';
import { findDepartment } from '../../db/repositories/org/index.ts';
import {
  decideAppeal, findLiveAppeal, findServiceRating, insertAppeal, insertServiceRating, listAppeals, listServiceRatings, lockAppeal,
  setServiceRectification,
} from '../../db/repositories/supervision/rating-repository.ts';
import type { ServiceDeps } from '../service-deps.ts';
import { openRectification } from './rectification.ts';
import { runWrite } from '../write-transaction.ts';
import { voidRectificationOf } from './rectification-void.ts';

export { SERVICE_CHANNELS, type ServiceChannel } from '../../domain/case/index.ts';

/**
 * Records a rating of a government service; a 差评 opens a rectification case (R01) for the unit.
 * @throws DomainError AUTH_REQUIRED, CASE_DEPARTMENT_UNKNOWN
 */
export async function rateService(
  deps: ServiceDeps,
  actor: Actor,
  input: { departmentId: number; channel: ServiceChannel; serviceName: string; level: RatingLevel; comment?: string | undefined },
) {
  if (actor.role === 'anonymous') throw new DomainError('AUTH_REQUIRED');
  const department = await findDepartment(deps.db, input.departmentId);
  if (!department || (isDistrictStaff(actor.role) && actor.districtId !== department.district_id)) {
    throw new DomainError('CASE_DEPARTMENT_UNKNOWN', { departmentId: input.departmentId });
  }
  const now = deps.clock();
  const calendar = await deps.calendar.get();
  return runWrite(deps, async (trx) => {
    const rating = await insertServiceRating(trx, {
      districtId: department.district_id, departmentId: department.id, channel: input.channel, serviceName: input.serviceName,
      level: input.level, comment: input.comment ?? null, ratedBy: actor.userId, ratedAt: now,
    });
    if (!isBadRating(input.level)) return { ...rating, rectification_case_number: null as string | null };
    const rectification = await openRectification(trx, {
      districtId: department.district_id, categoryCode: 'R01', departmentId: department.id, level: input.level, comment: input.comment ?? null,
      subject: `${department.name} ${input.serviceName}`, serviceRatingId: rating.id, actorUserId: actor.userId, actorRole: actor.role, now, calendar,
    });
    await setServiceRectification(trx, rating.id, rectification.id);
    return { ...rating, rectification_case_id: rectification.id, rectification_case_number: rectification.number as string | null };
  });
}

/** Service ratings of the actor's district (staff readers) or their own unit (handlers). */
export async function listServiceRatingsFor(deps: ServiceDeps, actor: Actor) {
  if (actor.role === 'anonymous') throw new DomainError('AUTH_REQUIRED');
  if (actor.districtId === null) throw new DomainError('FORBIDDEN');
  if (actor.role === 'handler' && actor.departmentId !== null) return listServiceRatings(deps.db, { districtId: actor.districtId, departmentId: actor.departmentId });
  if (!permits(actor, 'supervision.read', { districtId: actor.districtId })) throw new DomainError('FORBIDDEN');
  return listServiceRatings(deps.db, { districtId: actor.districtId });
}

/**
 * The rated unit appeals a 差评 (on a case it handled or a service it gave).
 * @throws DomainError FORBIDDEN, NOT_FOUND, APPEAL_NOT_ALLOWED
 */
export async function fileAppeal(deps: ServiceDeps, actor: Actor, input: { caseId?: number | undefined; serviceRatingId?: number | undefined; reason: string }) {
  if (!permits(actor, 'rating.appeal.file')) throw new DomainError('FORBIDDEN');
  const now = deps.clock();
  let target: { districtId: number; departmentId: number | null; level: RatingLevel | null; caseId: number | null; serviceRatingId: number | null };
  if (input.caseId !== undefined) {
    const row = await findCase(deps.db, input.caseId);
    if (!row || row.district_id !== actor.districtId) throw new DomainError('NOT_FOUND');
    target = { districtId: row.district_id, departmentId: row.department_id, level: row.rating, caseId: row.id, serviceRatingId: null };
  } else if (input.serviceRatingId !== undefined) {
    const row = await findServiceRating(deps.db, input.serviceRatingId);
    if (!row || row.district_id !== actor.districtId) throw new DomainError('NOT_FOUND');
    target = { districtId: row.district_id, departmentId: row.department_id, level: row.level, caseId: null, serviceRatingId: row.id };
  } else {
    throw new DomainError('VALIDATION_FAILED', [{ path: 'caseId', code: 'case_or_service_rating_required' }]);
  }
  if (target.departmentId !== actor.departmentId) throw new DomainError('FORBIDDEN');
  if (!target.level || !isBadRating(target.level)) throw new DomainError('APPEAL_NOT_ALLOWED', { reason: 'not_a_bad_rating' });
  return runWrite(deps, async (trx) => {
    const live = await findLiveAppeal(trx, target.caseId !== null ? { caseId: target.caseId } : { serviceRatingId: target.serviceRatingId! });
    if (live) throw new DomainError('APPEAL_NOT_ALLOWED', { reason: 'already_appealed', appealId: live.id });
    const appeal = await insertAppeal(trx, {
      districtId: target.districtId, caseId: target.caseId, serviceRatingId: target.serviceRatingId, departmentId: target.departmentId,
      reason: input.reason, filedBy: actor.userId, filedAt: now,
    });
    if (target.caseId !== null) {
      const row = await lockCase(trx, target.caseId);
      await appendEvents(trx, target.districtId, [{
        caseId: target.caseId, districtId: target.districtId, at: now, actorUserId: actor.userId, actorRole: actor.role, action: 'appeal',
        fromState: row!.state, toState: row!.state, note: input.reason, data: { appealId: appeal.id },
      }]);
    }
    return appeal;
  });
}

/**
 * A supervisor decides an appeal; upheld removes the rating from the indicators and voids the
 * rectification case the rating opened.
 * @throws DomainError FORBIDDEN, NOT_FOUND, APPEAL_ALREADY_DECIDED
 */
export async function decideRatingAppeal(deps: ServiceDeps, actor: Actor, appealId: number, input: { upheld: boolean; note?: string | undefined }) {
  if (!permits(actor, 'rating.appeal.decide')) throw new DomainError('FORBIDDEN');
  const now = deps.clock();
  return runWrite(deps, async (trx) => {
    const appeal = await lockAppeal(trx, appealId);
    if (!appeal || appeal.district_id !== actor.districtId) throw new DomainError('NOT_FOUND');
    if (appeal.status !== 'pending') throw new DomainError('APPEAL_ALREADY_DECIDED', { status: appeal.status });
    const decided = await decideAppeal(trx, appeal.id, { upheld: input.upheld, decidedBy: actor.userId, decidedAt: now, note: input.note ?? null });
    if (appeal.case_id !== null) {
      const row = await lockCase(trx, appeal.case_id);
      await appendEvents(trx, appeal.district_id, [{
        caseId: appeal.case_id, districtId: appeal.district_id, at: now, actorUserId: actor.userId, actorRole: actor.role, action: 'appeal_decided',
        fromState: row!.state, toState: row!.state, note: input.note ?? null, data: { appealId: appeal.id, upheld: input.upheld },
      }]);
    }
    if (input.upheld) await voidRectificationOf(trx, appeal, { actor, now, note: input.note ?? null });
    return decided;
  });
}

/** Appeals of the district (supervisors and the command centre) or of the handler's own unit. */
export async function listAppealsFor(deps: ServiceDeps, actor: Actor, status: string | undefined) {
  if (actor.role === 'anonymous') throw new DomainError('AUTH_REQUIRED');
  if (actor.districtId === null) throw new DomainError('FORBIDDEN');
  const base = { districtId: actor.districtId, ...(status ? { status } : {}) };
  if (actor.role === 'handler' && actor.departmentId !== null) return listAppeals(deps.db, { ...base, departmentId: actor.departmentId });
  if (!permits(actor, 'supervision.read', { districtId: actor.districtId })) throw new DomainError('FORBIDDEN');
  return listAppeals(deps.db, base);
}
