/**
 * The engine's network inside the extension: fetch() from the background, with no cookies, credentials or
 * referrer, reading only the first part of a body, and the webRequest log for redirect hops and error names.
 */
import { isPrivateAddress, isPrivateHost } from '../health/screen.ts';
import { decodeBody, firstBytes } from '../health/body.ts';
import { hostnameOf } from '../health/host.ts';
import {
  failedExchange,
  isTextual,
  lastWebAddress,
  type Exchange,
  type FetchOptions,
  type Hop,
  type Transport,
} from '../health/transport.ts';
import { failureFromBrowserError, type NetworkLog, type RequestEvents } from './network-log.ts';
import { refusedAsPrivate } from './private-network.ts';

export function createFetchTransport(log: NetworkLog, isOnline: () => boolean = () => navigator.onLine): Transport {
  async function attempt(url: string, fo: FetchOptions): Promise<Exchange> {
    const started = Date.now();
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, fo.timeoutMs);
    const watch = log.watch(url);
    try {
      const res = await fetch(url, {
        method: 'GET',
        credentials: 'omit', // with host permission, the default ('same-origin' for the extension) would send the site's cookies
        referrerPolicy: 'no-referrer',
        cache: 'no-store',
        redirect: 'follow',
        signal: controller.signal,
        headers: { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' },
        ...publicOnly(fo.allowPrivate),
      });
      const headers: Record<string, string> = {};
      res.headers.forEach((value, name) => (headers[name.toLowerCase()] = value));
      const { body, truncated } = isTextual(headers['content-type'])
        ? await readCapped(res, fo.maxBodyBytes, headers['content-type'])
        : (void res.body?.cancel(), { body: '', truncated: false });
      const events = await watch.done(200);
      if (reachedPrivate(events, fo, { answered: true })) return privateExchange(url, started);
      const hops: Hop[] = [...events.hops];
      hops.push({ url: res.url || url, status: res.status, location: null, setsCookie: false });
      return {
        requestedUrl: url,
        hops: log.available
          ? hops
          : res.redirected
            ? [{ url, status: 0, location: res.url, setsCookie: false }, hops[hops.length - 1]!]
            : hops,
        finalUrl: res.url || url,
        status: res.status,
        headers,
        body,
        bodyTruncated: truncated,
        failure: null,
        failureDetail: '',
        redirectsKnown: log.available,
        elapsedMs: Date.now() - started,
      };
    } catch (err) {
      const events = await watch.done(500);
      if (reachedPrivate(events, fo)) return privateExchange(url, started);
      const named = failureFromBrowserError(events.error);
      const failure = timedOut ? 'timeout' : (named ?? (isOnline() ? 'unknown' : 'offline'));
      return {
        requestedUrl: url,
        hops: events.hops,
        finalUrl: lastWebAddress(events.hops, url),
        status: null,
        headers: {},
        body: '',
        bodyTruncated: false,
        failure,
        failureDetail: events.error ?? String((err as Error)?.message ?? err),
        redirectsKnown: log.available,
        elapsedMs: Date.now() - started,
      };
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    async fetch(url: string, fo: FetchOptions): Promise<Exchange> {
      const first = await attempt(url, fo);
      // Chromium cancels the requests under way when its view of the network changes (a new resolv.conf, an
      // interface coming up, often just after the browser starts): the request said nothing about the link.
      return first.failureDetail.includes('NETWORK_CHANGED') ? attempt(url, fo) : first;
    },
  };
}

/**
 * A public-looking name whose answer, or a redirect whose target, was a private address (the user's own machine,
 * router or intranet), whether the guard refused it before it was sent (private-network.ts) or the browser's report
 * of the connection shows it afterwards: nothing of the answer is kept — no status, no redirect, no timing — and the
 * page that asked learns only that the link was not checked.
 *
 * Once the site has answered, the browser's error name is about the body, never the connection: Local Network Access
 * refuses before any answer, and a body we stop reading at our size cap ends in Chromium as "net::ERR_FAILED", the
 * very name its refusal uses. Read as a refusal, it turned a live 5 MiB page "unverified, private address".
 */
export function reachedPrivate(
  events: RequestEvents,
  fo: Pick<FetchOptions, 'allowPrivate'>,
  { answered = false }: { answered?: boolean } = {},
): boolean {
  if (fo.allowPrivate) return false;
  return (
    events.refusedPrivate ||
    (!answered && refusedAsPrivate(events.error, true)) ||
    events.addresses.some((a) => isPrivateAddress(a)) ||
    events.hops.some((h) => h.location !== null && isPrivateHost(hostnameOf(h.location)))
  );
}

/**
 * Local Network Access (Chromium 142+): a request declared public fails when its connection lands in a more private
 * address space, redirect hops included (private-network.ts). Other browsers ignore the member.
 */
export function publicOnly(allowPrivate: boolean): RequestInit {
  return allowPrivate ? {} : ({ targetAddressSpace: 'public' } as RequestInit);
}

/** Says what happened and nothing of where: the page that asked must not learn the private address either. */
function privateExchange(url: string, started: number): Exchange {
  return failedExchange(
    url,
    'private-address',
    'the link led into a private network; it was not checked',
    [],
    Date.now() - started,
  );
}

/** Reads at most maxBytes, then cancels the stream: never downloads a whole body of many MiB. */
async function readCapped(
  res: Response,
  maxBytes: number,
  contentType: string | undefined,
): Promise<{ body: string; truncated: boolean }> {
  if (!res.body) return { body: '', truncated: false };
  const reader = res.body.getReader();
  const chunks = async function* () {
    for (;;) {
      const { done, value } = await reader.read();
      if (done || !value) return;
      yield value;
    }
  };
  const { bytes, truncated } = await firstBytes(chunks(), maxBytes);
  if (truncated) await reader.cancel().catch(() => undefined);
  return { body: decodeBody(bytes, contentType), truncated };
}
