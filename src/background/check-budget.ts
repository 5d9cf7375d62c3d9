/**
 * How much checking one page may ask of the extension, so that a hostile page cannot flood the user's machine or
 * flush the user's saved verdicts: a page with 100,000 resource-looking links once queued 99,984 checks that went
 * on after the tab closed, and could evict the 20,000 verdicts the store keeps.
 *   - Each site's pages may queue at most PER_SITE_PER_HOUR new checks an hour (reloading does not refill it), so
 *     one site can replace at most a twentieth of the saved verdicts in an hour; the verdicts a person keeps seeing
 *     are the most recently seen and are evicted last.
 *   - The queue holds at most MAX_QUEUED checks in all.
 *   - A tab that closes or goes elsewhere drops the checks only it waited for (VerdictStore.dropTab).
 * The site is the page's (site-keys.ts: the registrable domain on the web, every file: page one site), kept in memory
 * only, for the hour: no page or site is ever written down.
 */
import { pageSite } from './site-keys.ts';

export const PER_SITE_PER_HOUR = 1_000;
export const MAX_QUEUED = 5_000;
const HOUR = 3_600_000;

export class CheckBudget {
  readonly #bySite = new Map<string, { since: number; used: number }>();

  /**
   * How many of `wanted` new checks the page at `pageUrl` (null: the extension's own pages, which a person opened)
   * may queue now, given `queued` checks already waiting; the count is taken from the site's hour.
   */
  take(pageUrl: string | null, wanted: number, queued: number, now = Date.now()): number {
    let allowed = Math.max(0, Math.min(wanted, MAX_QUEUED - queued));
    const site = pageUrl === null ? null : pageSite(pageUrl);
    if (site !== null) {
      let spent = this.#bySite.get(site);
      if (!spent || now - spent.since >= HOUR) this.#bySite.set(site, (spent = { since: now, used: 0 }));
      allowed = Math.min(allowed, PER_SITE_PER_HOUR - spent.used);
      spent.used += allowed;
    }
    for (const [key, s] of this.#bySite) if (now - s.since >= HOUR) this.#bySite.delete(key);
    return allowed;
  }
}
