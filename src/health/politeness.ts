/**
 * Politeness: the sites checked most are small nonprofits' servers. At most `perHost` requests in flight to one
 * host (2 by default), a global cap across hosts (p-limit), and a host that asked us to wait (429 Retry-After)
 * is paused for everyone, not just the request that heard it.
 */
import pLimit, { type LimitFunction } from 'p-limit';

export interface PolitenessOptions {
  perHost: number;
  global: number;
}

interface HostLane {
  active: number;
  waiting: Array<() => void>;
  pausedUntil: number;
}

export class HostQueue {
  readonly #perHost: number;
  readonly #global: LimitFunction;
  readonly #lanes = new Map<string, HostLane>();
  /** Highest number of requests seen in flight to any one host: the benchmark prints it. */
  peakPerHost = 0;

  constructor(options: PolitenessOptions) {
    this.#perHost = Math.max(1, options.perHost);
    this.#global = pLimit(Math.max(1, options.global));
  }

  /** Run fn as one request to host, waiting for a free lane and any pause the host asked for. */
  async run<T>(host: string, fn: () => Promise<T>): Promise<T> {
    const lane = this.#lane(host);
    // Host slot first, then a global slot: a request waiting on a busy host never holds a global slot.
    await this.#acquire(lane);
    try {
      const wait = lane.pausedUntil - Date.now();
      if (wait > 0) await sleep(wait);
      return await this.#global(fn);
    } finally {
      this.#release(host, lane);
    }
  }

  /** The host asked us to wait (Retry-After): nobody sends to it before then. */
  pause(host: string, ms: number): void {
    const lane = this.#lane(host);
    lane.pausedUntil = Math.max(lane.pausedUntil, Date.now() + ms);
  }

  inFlight(host: string): number {
    return this.#lanes.get(host)?.active ?? 0;
  }

  #lane(host: string): HostLane {
    let lane = this.#lanes.get(host);
    if (!lane) {
      lane = { active: 0, waiting: [], pausedUntil: 0 };
      this.#lanes.set(host, lane);
    }
    return lane;
  }

  #acquire(lane: HostLane): Promise<void> {
    if (lane.active < this.#perHost) {
      lane.active++;
      this.peakPerHost = Math.max(this.peakPerHost, lane.active);
      return Promise.resolve();
    }
    return new Promise((resolve) =>
      lane.waiting.push(() => {
        lane.active++;
        this.peakPerHost = Math.max(this.peakPerHost, lane.active);
        resolve();
      }),
    );
  }

  #release(host: string, lane: HostLane): void {
    lane.active--;
    const next = lane.waiting.shift();
    if (next) next();
    else if (lane.active === 0 && lane.pausedUntil < Date.now()) this.#lanes.delete(host);
  }
}

/**
 * A transport whose every request waits its turn in the queue under its own host: for the archive's API calls,
 * which would otherwise reach web.archive.org as fast as links die.
 */
export function politely<T extends { fetch(url: string, options: O): Promise<E> }, O, E>(
  transport: T,
  queue: HostQueue,
): { fetch(url: string, options: O): Promise<E> } {
  return { fetch: (url, options) => queue.run(new URL(url).host, () => transport.fetch(url, options)) };
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const t = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(t);
        resolve();
      },
      { once: true },
    );
  });
}
