/**
 * Which anchors of the page stand for which address, and the verdict known for each address: the page's side of the
 * verdicts. An anchor is tracked under its normalised address (the key the background stores verdicts under), so
 * the same link written three ways is asked about once and drawn three times.
 */
import { normaliseUrl } from '../health/address.ts';
import { destinationOf } from '../health/carried-address.ts';
import type { LinkVerdict } from '../messages.ts';
import { applyVerdict, markChecking, unmark, type MarkOptions } from './marks.ts';
import { notePhone } from './phone-note.ts';

export class MarkedLinks {
  /** The page's host: its own redirect scripts are read in every form (src/health/carried-address.ts). */
  readonly #pageHost: string | undefined;
  readonly #anchors = new Map<string, Set<HTMLAnchorElement>>();
  readonly #verdicts = new Map<string, LinkVerdict>();
  #addressOf = new WeakMap<HTMLAnchorElement, string>();

  constructor(pageHost?: string) {
    this.#pageHost = pageHost;
  }

  /**
   * Marks the anchor with its address's verdict, or "checking" when none is known yet. Returns the address when it
   * is new to the page (to be asked about), null otherwise. `href`: the anchor's address as the browser resolved it.
   */
  track(a: HTMLAnchorElement, href: string, options: MarkOptions): string | null {
    let url: string;
    try {
      // A redirect wrapper is tracked under the address it carries: the verdict is that address's.
      url = normaliseUrl(destinationOf(href, this.#pageHost));
    } catch {
      return null;
    }
    const previous = this.#addressOf.get(a);
    if (previous === url) return null;
    if (previous) this.#anchors.get(previous)?.delete(a);
    this.#addressOf.set(a, url);
    let set = this.#anchors.get(url);
    const isNew = !set;
    if (!set) this.#anchors.set(url, (set = new Set()));
    set.add(a);
    notePhone(a, url);
    const known = this.#verdicts.get(url);
    if (known) applyVerdict(a, known, options);
    else markChecking(a);
    return isNew ? url : null;
  }

  /** Draws verdicts on every anchor of their address still on the page. */
  draw(list: readonly LinkVerdict[], options: MarkOptions): void {
    for (const v of list) {
      this.#verdicts.set(v.url, v);
      for (const a of this.#anchors.get(v.url) ?? []) if (a.isConnected) applyVerdict(a, v, options);
    }
  }

  /**
   * An address the background will not check for this page (more than a page may ask for at once): its anchors are
   * left as the page wrote them, and it is not asked about again until the page changes them.
   */
  leaveUnchecked(url: string): void {
    if (this.#verdicts.has(url)) return;
    for (const a of this.#anchors.get(url) ?? []) if (a.getAttribute('data-link-health') === 'checking') unmark(a);
  }

  /** Every verdict known, to draw again under new settings. */
  known(): LinkVerdict[] {
    return [...this.#verdicts.values()];
  }

  addresses(): string[] {
    return [...this.#anchors.keys()];
  }

  /** Dead links on the page now, each anchor counted: the toolbar badge's number. */
  deadOnPage(): number {
    let dead = 0;
    for (const [url, set] of this.#anchors)
      if (this.#verdicts.get(url)?.verdict === 'dead') for (const a of set) if (a.isConnected) dead++;
    return dead;
  }

  /** Forgets the anchors (their marks are the caller's to remove); turned on again, every link is marked afresh. */
  forgetAnchors(): void {
    this.#anchors.clear();
    this.#addressOf = new WeakMap();
  }
}
