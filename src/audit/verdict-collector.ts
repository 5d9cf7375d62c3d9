/**
 * Verdicts for every link of the audited page, as they come: asked once over the verdict channel
 * (src/verdict-channel.ts), in batches the background accepts, which answers with what it knows and pushes the rest
 * as their checks end behind the per-host politeness queue. A page of hundreds of links on one slow host waits in
 * line for minutes: after the collector's patience, what never came reads "not checked yet" (and still shows if it comes).
 * Pure: the channel and the clock come in.
 */
import type { LinkVerdict } from '../messages.ts';
import type { ChannelAnswer } from '../verdict-channel.ts';

export interface CollectorOptions {
  /** The verdicts known now and the addresses queued; the queued ones arrive through `receive` (the channel's pushes). */
  want(urls: string[]): Promise<ChannelAnswer>;
  /** New or changed verdicts, by normalised address. */
  onVerdicts(verdicts: LinkVerdict[]): void;
  /** Addresses no verdict came for within `patienceMs`. */
  onGiveUp(urls: string[]): void;
  patienceMs?: number;
  /** The background takes at most 5,000 addresses a request (src/background/handlers.ts); smaller asks answer sooner. */
  batch?: number;
}

export class VerdictCollector {
  readonly #o: Required<CollectorOptions>;
  readonly #wanted = new Set<string>();
  readonly #known = new Map<string, LinkVerdict>();
  #patience: ReturnType<typeof setTimeout> | null = null;
  #stopped = false;

  constructor(options: CollectorOptions) {
    this.#o = { patienceMs: 10 * 60_000, batch: 500, ...options };
  }

  /** Starts asking about these (already normalised) addresses. */
  want(urls: Iterable<string>): void {
    const added = [...urls].filter((url) => !this.#wanted.has(url));
    for (const url of added) this.#wanted.add(url);
    if (added.length === 0 || this.#stopped) return;
    for (let i = 0; i < added.length; i += this.#o.batch) {
      const batch = added.slice(i, i + this.#o.batch);
      this.#o.want(batch).then(
        ({ verdicts, queued }) => {
          this.receive(verdicts);
          // Not queued (the background has more to do than it takes at once): "not checked yet", now.
          const coming = new Set([...queued, ...verdicts.map((v) => v.url)]);
          const left = batch.filter((url) => !coming.has(url));
          if (left.length && !this.#stopped) this.#o.onGiveUp(left);
        },
        () => undefined, // the background is restarting: the channel asks again when it is back
      );
    }
    if (this.#patience) clearTimeout(this.#patience);
    this.#patience = setTimeout(() => this.#giveUp(), this.#o.patienceMs);
  }

  /** An answer or a push: only addresses we asked about are taken, and a stale verdict never replaces a fresh one. */
  receive(verdicts: readonly LinkVerdict[]): boolean {
    const fresh: LinkVerdict[] = [];
    for (const v of verdicts) {
      if (!this.#wanted.has(v.url)) continue;
      const before = this.#known.get(v.url);
      if (before && before.checkedAt === v.checkedAt && before.stale === v.stale && before.verdict === v.verdict)
        continue;
      // A push can overtake the answer it follows.
      if (before && !before.stale && v.stale && before.checkedAt >= v.checkedAt) continue;
      this.#known.set(v.url, v);
      fresh.push(v);
    }
    if (fresh.length && !this.#stopped) this.#o.onVerdicts(fresh);
    return fresh.length > 0;
  }

  /** Missing, or stale and being rechecked. */
  pending(): string[] {
    return [...this.#wanted].filter((url) => this.#known.get(url)?.stale ?? true);
  }

  stop(): void {
    this.#stopped = true;
    if (this.#patience) clearTimeout(this.#patience);
    this.#patience = null;
  }

  #giveUp(): void {
    this.#patience = null;
    if (this.#stopped) return;
    const missing = this.pending().filter((url) => !this.#known.has(url));
    if (missing.length) this.#o.onGiveUp(missing);
  }
}
