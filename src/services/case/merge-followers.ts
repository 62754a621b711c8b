/**
 * After a merge, the duplicate's reporters follow the kept case (DESIGN §4.4): they may read it
 * with their own login or tracking code, and its timeline says a duplicate joined it.
 */
import { findCase } from '../../db/repositories/case/case-repository.ts';
import { carryFollowers } from '../../db/repositories/case/follower-repository.ts';
import { appendEvents } from '../../db/repositories/case/timeline-repository.ts';
import type { FollowUp } from './case-follow-ups.ts';

export const carryFollowersOnMerge: FollowUp = async ({ trx, actor, action, before, after, now }) => {
  if (action !== 'merge' || after.merged_into_id === null) return;
  const kept = await findCase(trx, after.merged_into_id);
  if (!kept) return;
  const followers = await carryFollowers(trx, before, kept, now);
  await appendEvents(trx, kept.district_id, [
    {
      caseId: kept.id, districtId: kept.district_id, at: now, actorUserId: actor.userId, actorRole: actor.role,
      action: 'merge_in', fromState: kept.state, toState: kept.state, note: null,
      data: { mergedCaseId: before.id, mergedCaseNumber: before.number, followersAdded: followers },
    },
  ]);
};
