/**
 * After a merge, the duplicate's reporters follow the kept case (DESIGN §4.4): they may read it
 * with their own login or tracking code, and its timeline says a duplicate joined it.
 */
import { findCase } from '../../db/repositories/case/case-repository.ts';
import { carryFollowers } from '../../db/repositories/case/follower-repository.ts';
import { appendEvents } from '../../db/repositories/case/timeline-repository.ts';
import type { FollowUp } from './case-follow-ups.ts';

interface MergePlan {
  mergedCaseId: number;
  keptCaseId: number;
  actorUserId: number | null;
  actorRole: string;
  at: string;
}

export const carryFollowersOnMerge: FollowUp<MergePlan> = {
  kind: 'carry_followers_on_merge',
  plan: ({ actor, action, before, after, now }) =>
    action === 'merge' && after.merged_into_id !== null
      ? { mergedCaseId: before.id, keptCaseId: after.merged_into_id, actorUserId: actor.userId, actorRole: actor.role, at: now.toISOString() }
      : null,
  async run({ trx, payload }) {
    const merged = await findCase(trx, payload.mergedCaseId);
    const kept = await findCase(trx, payload.keptCaseId);
    if (!merged || !kept) return;
    const at = new Date(payload.at);
    const followers = await carryFollowers(trx, merged, kept, at);
    await appendEvents(trx, kept.district_id, [
      {
        caseId: kept.id, districtId: kept.district_id, at, actorUserId: payload.actorUserId, actorRole: payload.actorRole,
        action: 'merge_in', fromState: kept.state, toState: kept.state, note: null,
        data: { mergedCaseId: merged.id, mergedCaseNumber: merged.number, followersAdded: followers },
      },
    ]);
  },
};
