/**
 * Our share of the page's main thread (src/page-marker/main-thread.ts): steps prepared ahead of the first judgement
 * run in slices of their own, each ending within about a step of half the slice budget, and none stops the rest.
 */
import { describe, expect, it } from 'vitest';
import { inSlices, MainThreadShare, SLICE_MS } from '../../src/page-marker/main-thread.ts';

/** A clock the steps move on, and a record of what ran and where the page got its turns. */
function clocked() {
  let now = 0;
  const thread = new MainThreadShare(() => now);
  const ran: string[] = [];
  const step = (name: string, ms: number) => () => {
    ran.push(name);
    now += ms;
  };
  const failing = (name: string) => () => {
    ran.push(name);
    throw new Error(`${name} failed`);
  };
  return { thread, ran, step, failing };
}

describe('steps run in slices of their own', () => {
  it('starts only after the page has had a turn: the slice that asked has ended', async () => {
    const { thread, ran, step } = clocked();
    const done = inSlices([step('names', 1)], thread);
    expect(ran).toEqual([]);
    await done;
    expect(ran).toEqual(['names']);
  });

  it('yields once a slice has run half the budget, and counts every step', async () => {
    const { thread, ran, step } = clocked();
    const third = SLICE_MS / 3;
    // Each step a third of the budget: after one the slice is under half of it, after two it is over, and it ends.
    await inSlices(
      ['a', 'b', 'c', 'd', 'e'].map((name) => step(name, third)),
      thread,
    );
    expect(ran).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(thread.busyMs).toBeCloseTo(5 * third);
    // Slices a+b, c+d, e: all in one slice, they would have held the page for 5 thirds of the budget.
    expect(thread.longestSliceMs).toBeCloseTo(2 * third);
  });

  it('a step that fails is passed over, and the rest still run', async () => {
    const { thread, ran, step, failing } = clocked();
    await expect(inSlices([step('groups', 1), failing('patterns'), step('names', 1)], thread)).resolves.toBeUndefined();
    expect(ran).toEqual(['groups', 'patterns', 'names']);
  });
});
