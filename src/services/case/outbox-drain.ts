/**
 * Draining the outbox (ADR 0006): each due entry is claimed (SKIP LOCKED), handled and marked done in one
 * transaction, so its effect happens exactly once however many drains run; a failure rolls the effect back
 * and the entry waits, longer after each attempt, up to `MAX_ATTEMPTS`.
 */
import { claimDueOutbox, giveUpOutbox, markOutboxDone, recordOutboxFailure, type OutboxEntry } from '../../db/repositories/case/index.ts';
import type { ServiceDeps } from '../service-deps.ts';
import { followUpForKind } from './case-follow-ups.ts';

export const MAX_ATTEMPTS = 8;

/** 1 s, 2 s, 4 s … capped at 10 minutes. */
function retryDelayMs(attempts: number): number {
  return Math.min(1000 * 2 ** attempts, 600_000);
}

/** Handles due entries until none is left. @returns how many were done */
export async function drainOutbox(deps: ServiceDeps): Promise<number> {
  let done = 0;
  for (;;) {
    // Handlers read the calendar; PGlite has one connection, so it must be loaded before the transaction.
    await deps.calendar.get();
    let claimed: OutboxEntry | undefined;
    try {
      const handled = await deps.db.transaction().execute(async (trx) => {
        claimed = await claimDueOutbox(trx, MAX_ATTEMPTS);
        if (!claimed) return false;
        const followUp = followUpForKind(claimed.kind);
        if (!followUp) throw new Error(`no handler for outbox kind ${claimed.kind}`);
        await followUp.run({ trx, deps, payload: claimed.payload, followUpId: claimed.id });
        await markOutboxDone(trx, claimed.id);
        return true;
      });
      if (!handled) return done;
      done += 1;
    } catch (error) {
      if (!claimed) throw error;
      const entry: OutboxEntry = claimed;
      const followUp = followUpForKind(entry.kind);
      const decision = followUp?.onFailure
        ? await followUp.onFailure({ deps, payload: entry.payload, followUpId: entry.id, failures: entry.attempts + 1, error })
        : { retryInMs: retryDelayMs(entry.attempts), giveUp: false };
      await recordOutboxFailure(deps.db, entry.id, error instanceof Error ? error.message : String(error), decision.retryInMs);
      if (decision.giveUp) await giveUpOutbox(deps.db, entry.id);
    }
  }
}
