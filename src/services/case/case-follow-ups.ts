/**
 * What else must happen, in the same transaction, after an action has been applied to a case:
 * e.g. a bad rating opens a rectification case, a merge moves followers to the kept case.
 * Each follow-up is a small function registered here; none may throw for reasons the caller
 * could not see before the write (validate in the action, not here).
 */
import type { Transaction } from 'kysely';
import type { Database, CaseRow } from '../../db/schema.ts';
import type { Actor, CaseAction } from '../../domain/case/case-model.ts';
import type { ServiceDeps } from '../service-deps.ts';
import { openRectificationOnBadRating } from '../supervision/index.ts';
import { carryFollowersOnMerge } from './merge-followers.ts';

export interface FollowUpContext {
  trx: Transaction<Database>;
  deps: ServiceDeps;
  actor: Actor;
  action: CaseAction;
  before: CaseRow;
  after: CaseRow;
  now: Date;
}

export type FollowUp = (context: FollowUpContext) => Promise<void>;

/** Registered follow-ups, run in order after every successful action. */
export const FOLLOW_UPS: FollowUp[] = [];
FOLLOW_UPS.push(openRectificationOnBadRating); // 差评 → rectification case (issue 5)
FOLLOW_UPS.push(carryFollowersOnMerge); // a duplicate's reporters follow the kept case

export async function runFollowUps(context: FollowUpContext): Promise<void> {
  for (const followUp of FOLLOW_UPS) await followUp(context);
}
