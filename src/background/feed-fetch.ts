/**
 * Fetching a verdict feed one redirect at a time, each hop screened before it is sent, as a check's are: https only
 * (a feed whose chain passes through http: could be rewritten by anyone on that hop's path, even when the chain
 * ends on https), no private or local address by its host (src/health/screen.ts), and none by the address the
 * connection reached (webRequest's `ip`) or the private-network guard refused (private-network.ts). Browsers follow
 * redirects out of sight, so each hop is asked with redirect: 'manual' — the answer is opaque, but the browser's
 * webRequest report names where it pointed (network-log.ts) — and the next hop is screened before it is asked.
 */
import { screenUrl } from '../health/screen.ts';
import type { NetworkLog } from './network-log.ts';
import { publicOnly, reachedPrivate } from './fetch-transport.ts';

/** As many redirects as a check follows (src/health/engine.ts's limits): a feed's address needs fewer. */
export const MAX_FEED_REDIRECTS = 5;

/** A hop of the feed's chain was refused before it was asked; the message says why, in the options page's words. */
export class FeedHopRefused extends Error {}

export interface FeedFetchOptions {
  log: NetworkLog;
  /** The browser's fetch (a test's in unit tests). */
  fetch: (url: string, init: RequestInit) => Promise<Response>;
  /** The user's "check private-network links", as for the checks. */
  allowPrivate: () => boolean;
}

export function createFeedFetch(options: FeedFetchOptions): (url: string, init: RequestInit) => Promise<Response> {
  return async (url, init) => {
    const allowPrivate = options.allowPrivate();
    let address = url;
    for (let hop = 0; hop <= MAX_FEED_REDIRECTS; hop++) {
      const screened = screenUrl(address, allowPrivate);
      if (!screened.ok && screened.reason === 'private-address') throw intoPrivateNetwork();
      if (!screened.ok || screened.url.protocol !== 'https:')
        throw new FeedHopRefused(
          hop === 0 ? 'its address is not https' : 'it was redirected to an address that is not https',
        );
      const watch = options.log.watch(address);
      let response: Response;
      try {
        response = await options.fetch(address, { ...init, redirect: 'manual', ...publicOnly(allowPrivate) });
      } catch (err) {
        if (reachedPrivate(await watch.done(500), { allowPrivate })) throw intoPrivateNetwork();
        throw err;
      }
      const events = await watch.done(200);
      if (reachedPrivate(events, { allowPrivate })) throw intoPrivateNetwork();
      if (
        response.type !== 'opaqueredirect' &&
        !(response.status >= 300 && response.status < 400 && response.status !== 304)
      )
        return response;
      const next = events.hops.find((h) => h.location !== null)?.location ?? events.pointedTo;
      if (!next) throw new FeedHopRefused('it was redirected, and the browser did not say where');
      address = next;
    }
    throw new FeedHopRefused(`it was redirected more than ${MAX_FEED_REDIRECTS} times`);
  };
}

/** One reason whatever the cause, as for a check: what lies inside the network is nobody's business. */
function intoPrivateNetwork(): FeedHopRefused {
  return new FeedHopRefused('its address, or one it was redirected to, is in a private network');
}
