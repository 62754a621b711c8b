/**
 * "Someone already reported this — follow it instead": a resident follows an open case found nearby
 * rather than filing a duplicate. A signed-in citizen follows with their account; an anonymous one gets a
 * tracking code of their own for the case (the reporter's code is never shared). On a hotline call the
 * operator does it for the caller (`forCaller`): the caller gets such a tracking code, read out over the phone.
 */
import { randomBytes } from 'node:crypto';
import { mayEver } from '../../domain/access/index.ts';
import { DomainError } from '../../domain/errors.ts';
import { OPEN_STATES, canViewCase, type Actor } from '../../domain/case/index.ts';
import { findCase, insertDirectFollower, isFollower } from '../../db/repositories/case/index.ts';
import type { ServiceDeps } from '../service-deps.ts';
import { runWrite } from '../write-transaction.ts';
import { hashTrackingCode } from './case-intake.ts';

export interface FollowAnswer {
  number: string;
  /** Only for anonymous followers: with the number, it opens the case on the tracking page. */
  trackingCode: string | null;
}

/**
 * Adds the caller as a follower of an open case (once per account). With `forCaller`, a command-centre
 * operator adds the person on the phone, who gets a tracking code of their own.
 * @throws DomainError NOT_FOUND, FORBIDDEN (staff for themselves; `forCaller` from anyone but the command centre), CASE_NOT_FOLLOWABLE (closed, declined or merged)
 */
export async function followCase(deps: ServiceDeps, actor: Actor, caseId: number, options: { forCaller?: boolean } = {}): Promise<FollowAnswer> {
  const forCaller = options.forCaller === true;
  if (!mayEver(actor.role, forCaller ? 'case.follow_for_caller' : 'case.follow')) throw new DomainError('FORBIDDEN');
  return runWrite(deps, async (trx) => {
    const row = await findCase(trx, caseId);
    if (!row) throw new DomainError('NOT_FOUND');
    // The operator follows for a caller only the cases of their own district (existence does not leak).
    if (forCaller && !canViewCase(actor, { districtId: row.district_id, departmentId: row.department_id, gridId: row.grid_id, state: row.state }, false)) {
      throw new DomainError('NOT_FOUND');
    }
    if (!OPEN_STATES.includes(row.state)) throw new DomainError('CASE_NOT_FOLLOWABLE', { state: row.state });
    if (actor.userId !== null && !forCaller) {
      const already = row.reporter_user_id === actor.userId || (await isFollower(trx, row.id, { userId: actor.userId, trackingCodeHash: null }));
      if (!already) await insertDirectFollower(trx, { caseId: row.id, districtId: row.district_id, userId: actor.userId, trackingCodeHash: null, now: deps.clock() });
      return { number: row.number, trackingCode: null };
    }
    const trackingCode = randomBytes(6).toString('hex').toUpperCase();
    await insertDirectFollower(trx, { caseId: row.id, districtId: row.district_id, userId: null, trackingCodeHash: hashTrackingCode(trackingCode), now: deps.clock() });
    return { number: row.number, trackingCode };
  });
}
