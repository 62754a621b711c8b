/**
 * What else must happen after an action has been applied to a case: e.g. a bad rating opens a
 * rectification case, a merge moves followers to the kept case. A follow-up is planned in the action's
 * transaction as an outbox row and run by the outbox drain after commit, in its own transaction, exactly
 * once (ADR 0006): the action's transaction locks only its own case. `plan` only reads its context and
 * says what to do; `run` may not throw for reasons the action could have seen (validate in the action).
 */
import type { Transaction } from 'kysely';
import type { Database, CaseRow } from '../../db/schema.ts';
import type { Actor, CaseAction } from '../../domain/case/case-model.ts';
import type { ServiceDeps } from '../service-deps.ts';
import { enqueueOutbox } from '../../db/repositories/case/outbox-repository.ts';
import { rectificationOnBadRating } from '../supervision/index.ts';
import { carryFollowersOnMerge } from './merge-followers.ts';
import { deliverWebhook, sendSubscriberMessage } from '../integrations/index.ts';
import { autoDispatchOnIntake } from '../dispatch/index.ts';
import { ratingRequestOnConclusion } from '../applications/index.ts';

export interface FollowUpContext {
  actor: Actor;
  action: CaseAction;
  before: CaseRow;
  after: CaseRow;
  now: Date;
}

export interface FollowUp<Payload> {
  /** Stable: stored in the outbox as `follow_up:<kind>`. */
  kind: string;
  /** What to do later (plain JSON), or null when this action needs nothing. */
  plan(context: FollowUpContext): Payload | null;
  /** @param followUpId - the outbox row's id, the same on every retry */
  run(input: { trx: Transaction<Database>; deps: ServiceDeps; payload: Payload; followUpId: number }): Promise<void>;
  /**
   * Told after `run` failed and its transaction rolled back (e.g. to log a webhook's answer); may say
   * when to try again and whether to stop. Without it the drain's own backoff and limit apply.
   * @param failures - how many attempts have failed so far, this one included
   */
  onFailure?(input: { deps: ServiceDeps; payload: Payload; followUpId: number; failures: number; error: unknown }): Promise<{ retryInMs: number; giveUp: boolean }>;
}

/**
 * Every follow-up, planned in this order after every successful action. Built on first use, not when this
 * module loads: the areas that define follow-ups (dispatch, applications) import the case area themselves, so
 * at load time one of them may still be half-evaluated — by the first action every module has finished loading,
 * whichever was imported first.
 */
let registered: FollowUp<never>[] | undefined;
function followUps(): FollowUp<never>[] {
  registered ??= [
    rectificationOnBadRating, // 差评 → rectification case (issue 5)
    carryFollowersOnMerge, // a duplicate's reporters follow the kept case
    // Never planned by an action: the integrations' fan-out enqueues them (issue 16), and the drain runs them.
    deliverWebhook,
    sendSubscriberMessage,
    autoDispatchOnIntake, // enqueued by the intake when the district has an auto-dispatch threshold (issue 14)
    ratingRequestOnConclusion, // enqueued by a 办件's conclusion (一事一评)
  ] as FollowUp<never>[];
  return registered;
}

export const KIND_PREFIX = 'follow_up:';

/** The outbox rows an action's follow-ups ask for, in their order (none for most actions). */
export function planFollowUps(context: FollowUpContext): { kind: string; payload: unknown }[] {
  const planned: { kind: string; payload: unknown }[] = [];
  for (const followUp of followUps()) {
    const payload = followUp.plan(context);
    if (payload !== null) planned.push({ kind: `${KIND_PREFIX}${followUp.kind}`, payload });
  }
  return planned;
}

/** Writes the outbox rows of the action's follow-ups, in the action's transaction. */
export async function enqueueFollowUps(trx: Transaction<Database>, context: FollowUpContext): Promise<void> {
  for (const planned of planFollowUps(context)) await enqueueOutbox(trx, planned.kind, planned.payload);
}

/** The follow-up an outbox kind stands for. */
export function followUpForKind(kind: string): FollowUp<unknown> | undefined {
  if (!kind.startsWith(KIND_PREFIX)) return undefined;
  return followUps().find((followUp) => followUp.kind === kind.slice(KIND_PREFIX.length)) as FollowUp<unknown> | undefined;
}
