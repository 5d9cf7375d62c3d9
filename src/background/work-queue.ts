/**
 * The background's queue of links to check. It lives in IndexedDB, so a service worker stopped after 30 s idle
 * (Chrome does) resumes where it was; while it works it touches an extension API every 20 s, which keeps the
 * worker alive (Chrome stops a worker idle for 30 s; any extension API call resets that), and each request is
 * bounded well under 30 s by the engine's timeout.
 */
import type { Engine } from '../health/engine.ts';
import type { LinkHealth } from '../health/link-health.ts';
import type { VerdictStore } from '../store/verdict-store.ts';

export interface WorkQueueOptions {
  store: VerdictStore;
  engine: () => Engine;
  /** Links checked at once; the engine still keeps ≤ 2 per host. */
  parallel: number;
  /** A check ended (its verdict is stored): the verdict channel pushes it to whoever waits for it. */
  onVerdict(report: LinkHealth): void;
  keepAlive(): void;
  recheckHours: () => number;
}

export class WorkQueue {
  readonly #o: WorkQueueOptions;
  readonly #inFlight = new Set<string>();
  #running: Promise<void> | null = null;

  constructor(options: WorkQueueOptions) {
    this.#o = options;
  }

  /** Start draining if not already; resolves when the queue is empty. */
  drain(): Promise<void> {
    this.#running ??= this.#run().finally(() => (this.#running = null));
    return this.#running;
  }

  get busy(): boolean {
    return this.#running !== null;
  }

  async #run(): Promise<void> {
    const ping = setInterval(() => this.#o.keepAlive(), 20_000);
    const active = new Set<Promise<void>>();
    try {
      for (;;) {
        const room = this.#o.parallel - active.size;
        const next =
          room > 0
            ? (await this.#o.store.nextQueued(room + this.#inFlight.size))
                .filter((q) => !this.#inFlight.has(q.url))
                .slice(0, room)
            : [];
        for (const item of next) {
          this.#inFlight.add(item.url);
          const job = this.#checkOne(item.url).finally(() => {
            this.#inFlight.delete(item.url);
            active.delete(job);
          });
          active.add(job);
        }
        if (active.size === 0) return;
        await Promise.race(active);
      }
    } finally {
      clearInterval(ping);
    }
  }

  async #checkOne(url: string): Promise<void> {
    const previous = await this.#o.store.get(url);
    const report = await this.#o.engine().check(url, previous);
    // Read after the check: sites that began to wait while it ran are shown its verdict too.
    const waiting = await this.#o.store.queuedCheck(url);
    await this.#o.store.save(report, Date.now(), this.#o.recheckHours(), waiting?.forSites ?? []);
    await this.#o.store.dequeue(url);
    this.#o.onVerdict(report);
  }
}
