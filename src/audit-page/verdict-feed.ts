/**
 * Verdicts for every link of the audited page, as they come. The background's `lookup` answers at once from its
 * cache and queues the rest behind the per-host politeness queue; as with the popup (src/popup/verdict-watch.ts),
 * extension pages are not sure to receive the background's pushes, so the page asks again for what is still missing
 * (and takes any push that does arrive). Asking again also wakes a service worker stopped mid-queue.
 * Pure: the lookup and the clock come in.
 */
import type { LinkVerdict } from '../messages.ts';

export interface FeedOptions {
  lookup(urls: string[]): Promise<LinkVerdict[]>;
  /** New or changed verdicts, by normalised address. */
  onVerdicts(verdicts: LinkVerdict[]): void;
  /** Addresses no verdict came for within `patienceMs`. */
  onGiveUp(urls: string[]): void;
  /** First wait between rounds; it doubles while nothing new comes, up to `maxIntervalMs`. */
  intervalMs?: number;
  maxIntervalMs?: number;
  /** A page of hundreds of links on one slow host waits in line for minutes; after this it says "not checked yet". */
  patienceMs?: number;
  /** The background takes at most 5,000 addresses a lookup (src/background/handlers.ts); smaller asks answer sooner. */
  batch?: number;
  now?: () => number;
}

export class VerdictFeed {
  readonly #o: Required<FeedOptions>;
  readonly #wanted = new Set<string>();
  readonly #known = new Map<string, LinkVerdict>();
  readonly #gaveUp = new Set<string>();
  #startedAt = 0;
  #interval: number;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #stopped = false;

  constructor(options: FeedOptions) {
    this.#o = { intervalMs: 500, maxIntervalMs: 5_000, patienceMs: 10 * 60_000, batch: 500, now: () => Date.now(), ...options };
    this.#interval = this.#o.intervalMs;
  }

  /** Starts asking about these (already normalised) addresses. */
  want(urls: Iterable<string>): void {
    for (const url of urls) this.#wanted.add(url);
    this.#startedAt = this.#o.now();
    void this.#round();
  }

  /** A push from the background (or any answer): only addresses we asked about are taken. */
  receive(verdicts: readonly LinkVerdict[]): boolean {
    const fresh: LinkVerdict[] = [];
    for (const v of verdicts) {
      if (!this.#wanted.has(v.url)) continue;
      const before = this.#known.get(v.url);
      if (before && before.checkedAt === v.checkedAt && before.stale === v.stale && before.verdict === v.verdict) continue;
      // A stale answer never replaces a fresh one that arrived first (a push can overtake a lookup's reply).
      if (before && !before.stale && v.stale && before.checkedAt >= v.checkedAt) continue;
      this.#known.set(v.url, v);
      this.#gaveUp.delete(v.url);
      fresh.push(v);
    }
    if (fresh.length) this.#o.onVerdicts(fresh);
    return fresh.length > 0;
  }

  /** Missing, or stale and being rechecked, and not given up on. */
  pending(): string[] {
    return [...this.#wanted].filter((url) => !this.#gaveUp.has(url) && (this.#known.get(url)?.stale ?? true));
  }

  stop(): void {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }

  async #round(): Promise<void> {
    if (this.#stopped) return;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    let pending = this.pending();
    if (pending.length === 0) return;
    let learned = false;
    for (let i = 0; i < pending.length && !this.#stopped; i += this.#o.batch) {
      try {
        learned = this.receive(await this.#o.lookup(pending.slice(i, i + this.#o.batch))) || learned;
      } catch {
        // The background is starting up or was updated: the next round asks again.
      }
    }
    if (this.#stopped) return;
    pending = this.pending();
    if (this.#o.now() - this.#startedAt >= this.#o.patienceMs) {
      const missing = pending.filter((url) => !this.#known.has(url));
      for (const url of pending) this.#gaveUp.add(url);
      if (missing.length) this.#o.onGiveUp(missing);
      return;
    }
    if (pending.length === 0) return;
    this.#interval = learned ? this.#o.intervalMs : Math.min(this.#interval * 2, this.#o.maxIntervalMs);
    this.#timer = setTimeout(() => void this.#round(), this.#interval);
  }
}
