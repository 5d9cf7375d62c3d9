/**
 * Our share of the page's main thread: work is done in slices of a few milliseconds, yielding to the page between
 * them, and what each slice cost is counted for the budget figures the end-to-end run prints.
 */

/** Longest stretch of work before yielding to the page (a "long task" is 50 ms; stay far below it). */
export const SLICE_MS = 8;

export class MainThreadShare {
  /** Milliseconds our code held the main thread. */
  busyMs = 0;
  /** Longest single stretch of our work, to compare with the 50 ms long-task limit. */
  longestSliceMs = 0;
  readonly now: () => number;

  constructor(now: () => number = () => performance.now()) {
    this.now = now;
  }

  spent(ms: number): void {
    this.busyMs += ms;
    this.longestSliceMs = Math.max(this.longestSliceMs, ms);
  }
}

/** Gives the page's own work a turn. scheduler.yield keeps our place in line where the browser has it. */
export function yieldToPage(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return s?.yield ? s.yield() : new Promise((r) => setTimeout(r, 0));
}

/**
 * Runs steps in turn in slices of their own, the first after a yield (the caller's slice has ended), yielding to
 * the page again once a slice has run half of SLICE_MS, so that a slice ends within about a step of it; counts what
 * they cost. A step that fails is passed over: what it would have prepared is then built when first used.
 */
export async function inSlices(steps: ReadonlyArray<() => unknown>, thread: MainThreadShare): Promise<void> {
  await yieldToPage();
  let start = thread.now();
  for (const step of steps) {
    try {
      step();
    } catch {
      // Preparing is never the reason a page goes unmarked.
    }
    if (thread.now() - start < SLICE_MS / 2) continue;
    thread.spent(thread.now() - start);
    await yieldToPage();
    start = thread.now();
  }
  thread.spent(thread.now() - start);
}
