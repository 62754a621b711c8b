/**
 * The one way a use case writes: a transaction (or, for a write that is one statement, that statement alone)
 * run again when PostgreSQL aborts it for a deadlock (40P01) or a serialization failure (40001) — a bounded
 * number of times, then `WRITE_CONFLICT` (503), never a 500 — and, once committed, followed by the linker and
 * the outbox drain (ADR 0006). `work` must touch nothing but the handle it is given, so running it again is safe.
 *
 * The answer does not wait for that pass (issue 10): the write is committed, so an acknowledged write is never
 * lost, and linking the chain, adding rollups, webhooks and live desks follow within the pass. Only a
 * transaction that asked for a follow-up (`enqueueOutbox`: a rectification case, a merge's followers, a rating
 * request) waits for the pass, because the follow-up's effect is part of what the caller asked for.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { isRetryableConflict } from '../db/sql-state.ts';
import { askedForFollowUp } from '../db/repositories/case/index.ts';
import { DomainError } from '../domain/errors.ts';
import type { ServiceDeps } from './service-deps.ts';

export const WRITE_ATTEMPTS = 5;

async function withRetries<T>(attemptWrite: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await attemptWrite();
    } catch (error) {
      if (!isRetryableConflict(error)) throw error;
      if (attempt >= WRITE_ATTEMPTS) throw new DomainError('WRITE_CONFLICT', { attempts: attempt });
    }
  }
}

export async function runWrite<T>(deps: Pick<ServiceDeps, 'db' | 'afterCommit'>, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  let followUp = false;
  const result = await withRetries(() => deps.db.transaction().execute(async (trx) => {
    const done = await work(trx);
    followUp = askedForFollowUp(trx);
    return done;
  }));
  const pass = deps.afterCommit.kick();
  if (followUp) await pass;
  return result;
}

/**
 * A write that is a single statement: atomic on its own, so it spends no round trips on BEGIN and COMMIT.
 * @param options.followUp - the statement wrote outbox rows: the answer waits for the pass, as `runWrite`'s does
 */
export async function runWriteStatement<T>(
  deps: Pick<ServiceDeps, 'db' | 'afterCommit'>, work: (db: Kysely<Database>) => Promise<T>, options: { followUp?: boolean } = {},
): Promise<T> {
  const result = await withRetries(() => work(deps.db));
  const pass = deps.afterCommit.kick();
  if (options.followUp) await pass;
  return result;
}
