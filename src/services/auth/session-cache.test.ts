import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { SESSION_CACHE_TTL_MS, forgetUserSessions, rememberedSession } from './session-cache.ts';

const newHandle = () => ({}) as Kysely<Database>;
const always = () => true;

describe('the session cache', () => {
  afterEach(() => vi.useRealTimers());

  it('answers a known token from memory until its time is up, and an unknown one never', async () => {
    vi.useFakeTimers({ now: new Date('2026-12-03T08:00:00Z'), toFake: ['Date'] });
    const db = newHandle();
    const load = vi.fn(async () => ({ id: 7, name: 'operator' }));
    await rememberedSession(db, 'a', always, load);
    await rememberedSession(db, 'a', always, load);
    expect(load).toHaveBeenCalledTimes(1);
    vi.setSystemTime(Date.now() + SESSION_CACHE_TTL_MS);
    await rememberedSession(db, 'a', always, load);
    expect(load).toHaveBeenCalledTimes(2);

    const missing = vi.fn(async () => undefined);
    await rememberedSession(db, 'b', always, missing);
    await rememberedSession(db, 'b', always, missing);
    expect(missing).toHaveBeenCalledTimes(2);
  });

  it('asks again when the request’s own clock says the session has expired or idled', async () => {
    const db = newHandle();
    const load = vi.fn(async () => ({ id: 7 }));
    await rememberedSession(db, 'a', always, load);
    await rememberedSession(db, 'a', () => false, load);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('forgets every session of a user at once, and only theirs', async () => {
    const db = newHandle();
    const seven = vi.fn(async () => ({ id: 7 }));
    const eight = vi.fn(async () => ({ id: 8 }));
    await rememberedSession(db, 'a', always, seven);
    await rememberedSession(db, 'b', always, seven);
    await rememberedSession(db, 'c', always, eight);
    forgetUserSessions(db, 7);
    await rememberedSession(db, 'a', always, seven);
    await rememberedSession(db, 'b', always, seven);
    await rememberedSession(db, 'c', always, eight);
    expect(seven).toHaveBeenCalledTimes(4);
    expect(eight).toHaveBeenCalledTimes(1);
  });

  it('does not keep an answer loaded while an account write happened (a disable racing a request)', async () => {
    const db = newHandle();
    let release!: () => void;
    const inFlight = new Promise<void>((resolve) => { release = resolve; });
    const stale = rememberedSession(db, 'a', always, async () => { await inFlight; return { id: 7, active: true }; });
    forgetUserSessions(db, 7);
    release();
    expect(await stale).toEqual({ id: 7, active: true }); // that request saw the old row …
    const fresh = vi.fn(async () => undefined);
    expect(await rememberedSession(db, 'a', always, fresh)).toBeUndefined(); // … the next one does not
    expect(fresh).toHaveBeenCalledTimes(1);
  });

  it('keeps one cache per database handle', async () => {
    const load = vi.fn(async () => ({ id: 7 }));
    await rememberedSession(newHandle(), 'a', always, load);
    await rememberedSession(newHandle(), 'a', always, load);
    expect(load).toHaveBeenCalledTimes(2);
  });
});
