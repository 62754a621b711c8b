/**
 * After a write commits (ADR 0006): link the timeline, fan linked events out to webhooks and subscribers
 * (issue 16), drain the outbox, and link what the outbox wrote.
 * `kick` runs right after each commit and coalesces — a kick during a pass waits for one more pass, which
 * sees its commit (and only for that one); `drain` repeats until nothing waits. The worker calls `drain` on a timer, which also
 * picks up what another instance's lease or a crash left behind.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { districtsWithUnlinkedEvents, hasDueOutbox } from '../../db/repositories/case/index.ts';
import type { AfterCommit, ServiceDeps } from '../service-deps.ts';
import { repeatEvery, type RepeatingWork } from '../repeat-every.ts';
import { LINKER_LEASE_MS, linkPendingEvents } from './timeline-linker.ts';
import { drainOutbox, MAX_ATTEMPTS } from './outbox-drain.ts';
import { fanOutCaseEvents, hasEventsToFanOut } from '../integrations/index.ts';
import { createCaseLiveFeed } from './case-live.ts';

/** How long `drain` keeps at it: past a dead holder's lease expiry, with room for a loaded machine. */
const DRAIN_LIMIT_MS = 4 * LINKER_LEASE_MS;
/** The pause before trying a lease another instance holds again. */
const BUSY_PAUSE_MS = 100;

async function onePass(deps: ServiceDeps, holder: string): Promise<{ busy: boolean }> {
  const first = await linkPendingEvents(deps.db, holder);
  // Linked events become webhook deliveries and subscriber messages: outbox rows the drain then sends.
  await fanOutCaseEvents(deps);
  const drained = await drainOutbox(deps);
  const second = drained > 0 ? await linkPendingEvents(deps.db, holder) : { busy: false };
  // what is linked now reaches the open desks
  await deps.caseLive?.publish();
  return { busy: first.busy || second.busy };
}

async function somethingWaits(deps: ServiceDeps): Promise<boolean> {
  return (await districtsWithUnlinkedEvents(deps.db)).length > 0 || (await hasEventsToFanOut(deps)) || (await hasDueOutbox(deps.db, MAX_ATTEMPTS));
}

/**
 * Runs `pass` again and again while kicks arrive. A kick resolves when the first pass that started after it
 * has ended (that pass sees its commit), not when the loop goes quiet: under steady load commits keep the loop
 * going, and a request would wait for everyone's passes. Exported for its unit test.
 */
export function coalescedPasses(pass: () => Promise<void>): { kick(): Promise<void>; running(): Promise<void> | null } {
  let loop: Promise<void> | null = null;
  let again = false;
  let passesStarted = 0;
  let waiting: { pass: number; done: () => void }[] = [];
  const finish = (ended: number) => {
    const ready = waiting.filter((waiter) => waiter.pass <= ended);
    waiting = waiting.filter((waiter) => waiter.pass > ended);
    for (const waiter of ready) waiter.done();
  };
  return {
    kick() {
      again = true;
      const seen = new Promise<void>((done) => waiting.push({ pass: passesStarted + 1, done }));
      // The check of `again` and the reset of `loop` run in one synchronous step after a pass, so a kick
      // either joins a loop that will still see its flag or starts a new loop.
      loop ??= (async () => {
        while (again) {
          again = false;
          const started = (passesStarted += 1);
          await pass().catch(() => undefined); // the caller's pass reports its own failures
          finish(started);
        }
        loop = null;
      })();
      return seen;
    },
    running: () => loop,
  };
}

/** The after-commit work of one set of services; `holder` names its linker in the leases. */
export function createAfterCommit(deps: ServiceDeps, holder = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`): AfterCommit {
  // A failure is left for the worker's timer, which drains and reports; the committed write stands.
  const passes = coalescedPasses(async () => { await onePass(deps, holder); });
  return {
    kick: () => passes.kick(),
    async settled() {
      for (let running = passes.running(); running; running = passes.running()) await running;
    },
    async drain() {
      const started = Date.now();
      for (;;) {
        await passes.running();
        const { busy } = await onePass(deps, holder);
        if (!(await somethingWaits(deps))) return;
        if (Date.now() - started > DRAIN_LIMIT_MS) throw new Error('timeline or outbox still waiting after the drain');
        // Another instance holds a lease: let it finish, or its lease expire, before trying again.
        await new Promise((resolve) => setTimeout(resolve, busy ? BUSY_PAUSE_MS : 0));
      }
    },
  };
}

/** Gives base services their after-commit work. */
export function withAfterCommit(base: Omit<ServiceDeps, 'afterCommit'>): ServiceDeps {
  const deps = { ...base } as ServiceDeps;
  deps.afterCommit = createAfterCommit(deps);
  deps.caseLive ??= createCaseLiveFeed(deps);
  return deps;
}

export type PostCommitLoop = RepeatingWork;

/**
 * The worker's timer: drains now and then every `intervalMs`.
 * @param onError - told about a failed drain; the loop keeps going
 */
export function startPostCommitLoop(deps: ServiceDeps, intervalMs: number, onError: (error: unknown) => void = () => {}): PostCommitLoop {
  return repeatEvery(() => deps.afterCommit.drain(), intervalMs, onError);
}
