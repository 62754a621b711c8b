import { describe, expect, it } from 'vitest';
import { coalescedPasses } from './post-commit.ts';

/** A pass the test ends by hand, so the order of events is the test's, not the machine's. */
function manualPasses() {
  const ends: (() => void)[] = [];
  let started = 0;
  const passes = coalescedPasses(() => new Promise<void>((end) => { started += 1; ends.push(end); }));
  const endPass = async () => { ends.shift()!(); await new Promise((resolve) => setImmediate(resolve)); };
  return { passes, endPass, started: () => started };
}

const settled = async (promise: Promise<void>) => {
  let done = false;
  void promise.then(() => { done = true; });
  await new Promise((resolve) => setImmediate(resolve));
  return done;
};

describe('coalesced after-commit passes', () => {
  it('answers a kick after the first pass that started after it, while later kicks keep the loop going', async () => {
    const { passes, endPass, started } = manualPasses();
    const first = passes.kick(); // starts pass 1
    const second = passes.kick(); // pass 1 may have read before this commit: waits for pass 2
    expect(started()).toBe(1);
    await endPass();
    expect(await settled(first)).toBe(true);
    expect(await settled(second)).toBe(false);
    const third = passes.kick(); // arrives during pass 2: waits for pass 3
    await endPass();
    expect(await settled(second)).toBe(true);
    expect(await settled(third)).toBe(false);
    await endPass();
    expect(await settled(third)).toBe(true);
    expect(started()).toBe(3);
    expect(passes.running()).toBeNull();
  });

  it('serves kicks that arrive together with one more pass, not one each', async () => {
    const { passes, endPass, started } = manualPasses();
    expect(passes.running()).toBeNull();
    // The first starts pass 1 at once; the others came after it started, so pass 2 answers both.
    const together = [passes.kick(), passes.kick(), passes.kick()];
    await endPass();
    expect(await Promise.all(together.map(settled))).toEqual([true, false, false]);
    await endPass();
    expect(await Promise.all(together.map(settled))).toEqual([true, true, true]);
    expect(started()).toBe(2);
    expect(passes.running()).toBeNull();
  });

  it('answers its kicks when a pass fails, and goes on', async () => {
    let calls = 0;
    const passes = coalescedPasses(async () => { calls += 1; if (calls === 1) throw new Error('linker failed'); });
    await passes.kick();
    await passes.kick();
    expect(calls).toBe(2);
  });
});
