/**
 * The popup's verdicts for the sites it shows. The background pushes fresh verdicts only to tabs, never to the
 * popup, so the popup asks again (the same `lookup`, which also queues the check) until each verdict is in.
 */
import { normaliseUrl } from '../health/address.ts';
import type { LinkVerdict } from '../messages.ts';

export interface WatchOptions {
  lookup(urls: string[]): Promise<LinkVerdict[]>;
  /** Called after new verdicts arrive, and when the watch gives up on some. */
  onChange(): void;
  /** Half a second: a cached answer shows at once, a fresh check (usually 1–3 s) soon after. */
  intervalMs?: number;
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
  #timer: ReturnType<typeof setTimeout> | null = null;
  #asking = false;
  /** Addresses arrived while a lookup was on its way: ask again as soon as it is back. */
  #again = false;
  #stopped = false;

  constructor(options: WatchOptions) {
    this.#o = { intervalMs: 500, patienceMs: 20_000, now: () => Date.now(), ...options };
  }

  /** Start watching these addresses (already watched ones are kept as they are). */
  want(urls: Iterable<string>): void {
    let added = false;
    for (const raw of urls) {
      const url = key(raw);
      if (url && !this.#since.has(url)) {
        this.#since.set(url, this.#o.now());
        added = true;
      }
    }
    if (!added) return;
    if (this.#asking) this.#again = true;
    else void this.#ask();
  }

  stateOf(raw: string): WatchState {
    const url = key(raw);
    const verdict = url ? this.#verdicts.get(url) : undefined;
    if (verdict) return { state: 'known', verdict, rechecking: verdict.stale && !this.#givenUp(url!) };
    if (!url || this.#givenUp(url)) return { state: 'not-yet' };
    return { state: 'checking' };
  }

  stop(): void {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }

  #givenUp(url: string): boolean {
    return this.#o.now() - (this.#since.get(url) ?? 0) >= this.#o.patienceMs;
  }

  /** Missing, or stale and being rechecked, and not yet past our patience. */
  #pending(): string[] {
    return [...this.#since.keys()].filter((url) => {
      const v = this.#verdicts.get(url);
      return (!v || v.stale) && !this.#givenUp(url);
    });
  }

  async #ask(): Promise<void> {
    if (this.#stopped) return;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    const pending = this.#pending();
    if (pending.length === 0) {
      this.#o.onChange(); // some may just have run out of patience
      return;
    }
    this.#asking = true;
    try {
      const answer = await this.#o.lookup(pending);
      for (const v of answer) this.#verdicts.set(v.url, v);
    } catch {
      // The background is starting up: the next round asks again.
    } finally {
      this.#asking = false;
    }
    if (this.#stopped) return;
    this.#o.onChange();
    const again = this.#again;
    this.#again = false;
    this.#timer = setTimeout(() => void this.#ask(), again ? 0 : this.#o.intervalMs);
  }
}

function key(raw: string): string | null {
  try {
    return normaliseUrl(raw);
  } catch {
    return null;
  }
}
