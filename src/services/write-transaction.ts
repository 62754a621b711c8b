/**
 * The one way a use case writes: a transaction that is run again when PostgreSQL aborts it for a deadlock
 * (40P01) or a serialization failure (40001) — a bounded number of times, then `WRITE_CONFLICT` (503),
 * never a 500 — followed, once committed, by the linker and the outbox drain (ADR 0006). `work` must touch
 * nothing but `trx`, so running it again is safe.
 */
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { isRetryableConflict } from '../db/sql-state.ts';
import { DomainError } from '../domain/errors.ts';
import type { ServiceDeps } from './service-deps.ts';

export const WRITE_ATTEMPTS = 5;

export async function runWrite<T>(deps: Pick<ServiceDeps, 'db' | 'afterCommit'>, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      const result = await deps.db.transaction().execute(work);
      await deps.afterCommit.kick();
      return result;
    } catch (error) {
      if (!isRetryableConflict(error)) throw error;
      if (attempt >= WRITE_ATTEMPTS) throw new DomainError('WRITE_CONFLICT', { attempts: attempt });
    }
  }
}
