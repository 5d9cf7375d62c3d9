/**
 * In a browser, a failed fetch only says "TypeError: Failed to fetch" — the same for a lapsed domain, a refused
 * connection and a bad certificate — and redirect: 'manual' hides every hop (an opaque redirect: status 0, no
 * Location). The observational
 * webRequest API still sees the extension's own requests: their hops with status codes, and the network error by
 * name. This log collects those events so the fetch transport can tell the failures apart.
 */
import type { FailureKind, Hop } from '../health/transport.ts';

export interface RequestEvents {
  hops: Hop[];
  /** The browser's name for the failure: net::ERR_NAME_NOT_RESOLVED, NS_ERROR_UNKNOWN_HOST, … */
  error: string | null;
  completed: boolean;
  /** The server addresses the browser connected to, hop by hop, where it says (webRequest's `ip`). */
  addresses: string[];
  /** Our guard cancelled the request before it was sent: it led into a private network (private-network.ts). */
  refusedPrivate: boolean;
  /**
   * Where a redirect answer pointed, absolute, when the request did not follow it (redirect: 'manual'): Firefox
   * reports such an answer only by its headers, Chromium also as a hop.
   */
  pointedTo: string | null;
}

interface Pending {
  events: RequestEvents;
  /** The browser announced the request (onBeforeRequest): its ending event will come. */
  seen: boolean;
  settle: () => void;
  settled: Promise<void>;
}

/**
 * How long to wait for the ending event of a request the browser announced. Chromium rejects a failed fetch a few
 * milliseconds before it reports the error's name (3–6 ms, measured on four hosts at once); on a busy machine,
 * much later. The name decides
 * between "no such domain" and "failed without a reason", so it is waited for rather than raced.
 */
const ANNOUNCED_PATIENCE_MS = 5_000;

/** The address as the browser reports it in webRequest events: serialised, without a fragment. */
function requestKey(url: string): string {
  try {
    const u = new URL(url);
    u.hash = '';
    return u.href;
  } catch {
    return url;
  }
}

/** The part of browser.webRequest we use, so tests and both browsers fit. */
export interface WebRequestEvents {
  onBeforeRequest: {
    addListener(cb: (d: { requestId: string; url: string; tabId: number }) => void, filter: { urls: string[] }): void;
  };
  onBeforeRedirect: {
    addListener(cb: (d: RedirectDetails) => void, filter: { urls: string[] }, extra?: string[]): void;
  };
  onResponseStarted: {
    addListener(cb: (d: { requestId: string; ip?: string }) => void, filter: { urls: string[] }): void;
  };
  onCompleted: { addListener(cb: (d: { requestId: string; ip?: string }) => void, filter: { urls: string[] }): void };
  onHeadersReceived?: {
    addListener(cb: (d: HeadersDetails) => void, filter: { urls: string[]; tabId?: number }, extra: string[]): void;
  };
  onErrorOccurred: {
    addListener(cb: (d: { requestId: string; error: string; ip?: string }) => void, filter: { urls: string[] }): void;
  };
}

interface HeadersDetails {
  requestId: string;
  url: string;
  statusCode: number;
  responseHeaders?: Array<{ name: string; value?: string }>;
}

interface RedirectDetails {
  requestId: string;
  url: string;
  statusCode: number;
  redirectUrl: string;
  ip?: string;
  responseHeaders?: Array<{ name: string; value?: string }>;
}

export class NetworkLog {
  /** Requests we are about to make, by URL, oldest first. */
  readonly #waiting = new Map<string, Pending[]>();
  readonly #byId = new Map<string, Pending>();
  readonly #refusedEarly = new Set<string>();
  readonly available: boolean;

  constructor(webRequest: WebRequestEvents | undefined) {
    this.available = Boolean(webRequest);
    if (!webRequest) return;
    const all = { urls: ['<all_urls>'] };
    webRequest.onBeforeRequest.addListener((d) => {
      if (d.tabId !== -1) return; // only the extension's own requests
      const key = requestKey(d.url);
      const queue = this.#waiting.get(key);
      const pending = queue?.shift();
      if (!pending) return;
      if (queue && queue.length === 0) this.#waiting.delete(key);
      pending.seen = true;
      if (this.#refusedEarly.delete(d.requestId)) pending.events.refusedPrivate = true;
      this.#byId.set(d.requestId, pending);
    }, all);
    const onRedirect = (d: RedirectDetails) => {
      const p = this.#byId.get(d.requestId);
      if (!p) return;
      this.#noteAddress(p, d.ip);
      const setsCookie = (d.responseHeaders ?? []).some((h) => h.name.toLowerCase() === 'set-cookie');
      p.events.hops.push({ url: d.url, status: d.statusCode, location: d.redirectUrl, setsCookie });
    };
    try {
      // Chromium hides Set-Cookie unless asked with 'extraHeaders'; Firefox rejects that word.
      webRequest.onBeforeRedirect.addListener(onRedirect, all, ['responseHeaders', 'extraHeaders']);
    } catch {
      webRequest.onBeforeRedirect.addListener(onRedirect, all, ['responseHeaders']);
    }
    webRequest.onResponseStarted.addListener((d) => this.#noteAddress(this.#byId.get(d.requestId), d.ip), all);
    // Only for our own requests (tabId -1): the user's pages' headers are none of ours.
    webRequest.onHeadersReceived?.addListener(
      (d) => {
        const p = this.#byId.get(d.requestId);
        if (!p || d.statusCode < 300 || d.statusCode >= 400) return;
        const location = d.responseHeaders?.find((h) => h.name.toLowerCase() === 'location')?.value;
        if (location === undefined) return;
        try {
          p.events.pointedTo = new URL(location, d.url).href;
        } catch {
          p.events.pointedTo = null;
        }
      },
      { urls: ['<all_urls>'], tabId: -1 },
      ['responseHeaders'],
    );
    webRequest.onCompleted.addListener((d) => this.#finish(d.requestId, null, d.ip), all);
    webRequest.onErrorOccurred.addListener((d) => this.#finish(d.requestId, d.error, d.ip), all);
  }

  /**
   * Call just before fetching url; await `done(ms)` after the fetch settles to read what the browser saw. `ms` is how
   * long to wait for a request the browser has not announced; an announced one is waited for until it ends.
   */
  watch(url: string): { events: RequestEvents; done(waitMs: number): Promise<RequestEvents> } {
    let settle!: () => void;
    const settled = new Promise<void>((r) => (settle = r));
    const pending: Pending = {
      events: { hops: [], error: null, completed: false, addresses: [], refusedPrivate: false, pointedTo: null },
      seen: false,
      settle,
      settled,
    };
    const key = requestKey(url);
    if (this.available) {
      const queue = this.#waiting.get(key) ?? [];
      queue.push(pending);
      this.#waiting.set(key, queue);
    }
    const wait = (ms: number) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      return Promise.race([settled, new Promise<void>((r) => (timer = setTimeout(r, ms)))]).finally(() =>
        clearTimeout(timer),
      );
    };
    return {
      events: pending.events,
      done: async (waitMs) => {
        // The webRequest event may arrive a moment after fetch() settles.
        if (this.available && !pending.events.completed) {
          await wait(waitMs);
          if (pending.seen && !pending.events.completed) await wait(ANNOUNCED_PATIENCE_MS);
        }
        const queue = this.#waiting.get(key);
        if (queue) {
          const i = queue.indexOf(pending);
          if (i >= 0) queue.splice(i, 1);
          if (queue.length === 0) this.#waiting.delete(key);
        }
        return pending.events;
      },
    };
  }

  /** The private-network guard cancelled this request before it was sent (private-network.ts). */
  markRefused(requestId: string): void {
    const p = this.#byId.get(requestId);
    if (p) p.events.refusedPrivate = true;
    // Heard of before the request's own announcement (listeners' order is the browser's): kept until it comes.
    else if (this.#refusedEarly.add(requestId).size > 100)
      this.#refusedEarly.delete(this.#refusedEarly.values().next().value!);
  }

  #noteAddress(p: Pending | undefined, ip: string | undefined): void {
    if (p && ip && !p.events.addresses.includes(ip)) p.events.addresses.push(ip);
  }

  #finish(requestId: string, error: string | null, ip: string | undefined): void {
    const p = this.#byId.get(requestId);
    if (!p) return;
    this.#noteAddress(p, ip);
    this.#byId.delete(requestId);
    p.events.error = error;
    p.events.completed = true;
    p.settle();
  }
}

/** Chromium's net::ERR_* and Firefox's NS_* / certificate sentences, in the engine's words. */
export function failureFromBrowserError(error: string | null): FailureKind | null {
  if (!error) return null;
  const e = error.toUpperCase();
  if (/NAME_NOT_RESOLVED|UNKNOWN_HOST/.test(e)) return 'no-such-domain';
  if (/NAME_RESOLUTION_FAILED|DNS_/.test(e)) return 'dns-error';
  if (/INTERNET_DISCONNECTED|NS_ERROR_OFFLINE/.test(e)) return 'offline';
  if (/ADDRESS_UNREACHABLE|NETWORK_ACCESS_DENIED|NET_UNREACHABLE|NETWORK_CHANGED/.test(e)) return 'unreachable';
  if (/CONNECTION_REFUSED/.test(e)) return 'refused';
  if (/CONNECTION_RESET|CONNECTION_CLOSED|EMPTY_RESPONSE|NET_RESET|NET_INTERRUPT|PARTIAL_CONTENT/.test(e))
    return 'reset';
  if (/TIMED_OUT|NET_TIMEOUT/.test(e)) return 'timeout';
  if (/TOO_MANY_REDIRECTS|REDIRECT_LOOP/.test(e)) return 'redirect-loop';
  if (/CERT|SSL|SEC_ERROR|CERTIFICATE/.test(e)) return 'tls-error';
  if (/ABORTED/.test(e)) return 'timeout';
  return null;
}
