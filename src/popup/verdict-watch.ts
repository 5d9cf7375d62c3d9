/**
 * The popup's verdicts for the sites it shows: asked once over the verdict channel (src/verdict-channel.ts), which
 * answers with what is known and pushes the rest as their checks end. A check that waits long in the per-host queue
 * is shown as "not checked yet" once the popup's patience runs out; a verdict arriving after that still shows.
 */
import { normaliseUrl } from '../health/address.ts';
import type { LinkVerdict } from '../messages.ts';
import type { ChannelAnswer } from '../verdict-channel.ts';

export interface WatchOptions {
  /** The verdicts known now and the addresses queued; the queued ones arrive through `receive` (the channel's pushes). */
  want(urls: string[]): Promise<ChannelAnswer>;
  /** Called after new verdicts arrive, and when the watch's patience runs out for some. */
  onChange(): void;
  /** A check can wait in the per-host queue and retry; after this the popup says "not checked yet". */
  patienceMs?: number;
  now?: () => number;
}

export type WatchState =
  | { state: 'checking' }
  /** `rechecking`: the verdict is past its expiry and a fresh one is on its way. */
  | { state: 'known'; verdict: LinkVerdict; rechecking: boolean }
  | { state: 'not-yet' };

export class VerdictWatch {
  readonly #o: Required<WatchOptions>;
  readonly #verdicts = new Map<string, LinkVerdict>();
  /** When each address was first asked about. */
  readonly #since = new Map<string, number>();
  readonly #timers = new Set<ReturnType<typeof setTimeout>>();
  /** Addresses the background did not queue (it has more to do than it takes at once): "not checked yet" now. */
  readonly #notQueued = new Set<string>();
  #stopped = false;

  constructor(options: WatchOptions) {
    this.#o = { patienceMs: 20_000, now: () => Date.now(), ...options };
  }

  /** Start watching these addresses (already watched ones are kept as they are). */
  want(urls: Iterable<string>): void {
    const added: string[] = [];
    for (const raw of urls) {
      const url = key(raw);
      if (url && !this.#since.has(url)) {
        this.#since.set(url, this.#o.now());
        added.push(url);
      }
    }
    if (added.length === 0 || this.#stopped) return;
    this.#o.want(added).then(
      ({ verdicts, queued }) => {
        const coming = new Set([...queued, ...verdicts.map((v) => v.url)]);
        for (const url of added) if (!coming.has(url)) this.#notQueued.add(url);
        this.receive(verdicts);
        if (verdicts.length === 0 && this.#notQueued.size) this.#o.onChange();
      },
      () => undefined, // the background is starting up: the channel asks again when it is back
    );
    // One look when the patience runs out: whatever has not arrived by then reads "not checked yet".
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      if (!this.#stopped) this.#o.onChange();
    }, this.#o.patienceMs);
    this.#timers.add(timer);
  }

  /** Verdicts from the channel: an answer or a push. */
  receive(verdicts: readonly LinkVerdict[]): void {
    if (this.#stopped || verdicts.length === 0) return;
    for (const v of verdicts) if (this.#since.has(v.url)) this.#verdicts.set(v.url, v);
    this.#o.onChange();
  }

  stateOf(raw: string): WatchState {
    const url = key(raw);
    const verdict = url ? this.#verdicts.get(url) : undefined;
    if (verdict) return { state: 'known', verdict, rechecking: verdict.stale && !this.#givenUp(url!) };
    if (!url || this.#givenUp(url) || this.#notQueued.has(url)) return { state: 'not-yet' };
    return { state: 'checking' };
  }

  stop(): void {
    this.#stopped = true;
    for (const t of this.#timers) clearTimeout(t);
    this.#timers.clear();
  }

  #givenUp(url: string): boolean {
    return this.#o.now() - (this.#since.get(url) ?? 0) >= this.#o.patienceMs;
  }
}

function key(raw: string): string | null {
  try {
    return normaliseUrl(raw);
  } catch {
    return null;
  }
}
