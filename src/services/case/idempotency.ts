/**
 * `Idempotency-Key` for intake and case actions: a phone replaying its offline queue, or retrying after a lost
 * answer, sends the same key again; the repeat answers the first result and creates nothing.
 */
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { DomainError } from '../../domain/errors.ts';
import {
  claimIdempotencyKey, completeIdempotencyKey, findIdempotencyKey, releaseIdempotencyKey,
} from '../../db/repositories/case/idempotency-repository.ts';
import type { Actor } from '../../domain/case/case-model.ts';
import type { ServiceDeps } from '../service-deps.ts';

export interface IdempotentRequest {
  key: string;
  method: string;
  path: string;
  body: unknown;
}

export interface IdempotentAnswer {
  statusCode: number;
  body: unknown;
  /** True when this is a stored answer to an earlier request with the same key. */
  replayed: boolean;
}

/** How long a repeat waits for the first request with its key to finish before answering 409. */
const WAIT_FOR_FIRST_MS = 10_000;
const WAIT_STEP_MS = 50;
/** A key claimed this long ago and never answered belongs to a request that died (a crash): it may be claimed again. */
const ABANDONED_AFTER_MS = 120_000;

function ownerOf(actor: Actor): string {
  return actor.userId === null ? 'anonymous' : `user:${actor.userId}`;
}

function requestHash(request: IdempotentRequest): string {
  return createHash('sha256').update(`${request.method} ${request.path}\n${canonicalize(request.body ?? null) ?? ''}`).digest('hex');
}

/**
 * Runs `perform` once per (caller, key): the first request runs it and its answer is stored; a repeat gets that
 * answer. A request that fails (a refusal or an error) leaves no key behind, so its retry runs again.
 * @throws DomainError IDEMPOTENCY_KEY_REUSED (same key, another request), IDEMPOTENCY_KEY_IN_PROGRESS (the first is still running)
 */
export async function runIdempotent(
  deps: ServiceDeps, actor: Actor, request: IdempotentRequest, perform: () => Promise<{ statusCode: number; body: unknown }>,
): Promise<IdempotentAnswer> {
  const owner = ownerOf(actor);
  const hash = requestHash(request);
  const deadline = Date.now() + WAIT_FOR_FIRST_MS;
  for (;;) {
    if (await claimIdempotencyKey(deps.db, owner, request.key, hash, deps.clock())) {
      let answer: { statusCode: number; body: unknown };
      try {
        answer = await perform();
      } catch (error) {
        await releaseIdempotencyKey(deps.db, owner, request.key);
        throw error;
      }
      await completeIdempotencyKey(deps.db, owner, request.key, answer.statusCode, answer.body, deps.clock());
      return { ...answer, replayed: false };
    }
    const first = await findIdempotencyKey(deps.db, owner, request.key);
    if (!first) continue; // released between our claim and our read: claim again
    if (first.requestHash !== hash) throw new DomainError('IDEMPOTENCY_KEY_REUSED');
    if (first.statusCode !== null) return { statusCode: first.statusCode, body: first.response, replayed: true };
    if (deps.clock().getTime() - first.createdAt.getTime() > ABANDONED_AFTER_MS) {
      await releaseIdempotencyKey(deps.db, owner, request.key);
      continue;
    }
    if (Date.now() > deadline) throw new DomainError('IDEMPOTENCY_KEY_IN_PROGRESS');
    await new Promise((resolve) => setTimeout(resolve, WAIT_STEP_MS));
  }
}
