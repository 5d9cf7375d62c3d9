/**
 * What the engine needs from a network: one request, its redirects followed, the first part of its body.
 * Node (src/cli/http-transport.ts) and the extension's background (src/background/fetch-transport.ts) each
 * provide one; the engine never touches the network any other way.
 */

/** Network failures, named for what they tell us about the link. */
export type FailureKind =
  | 'no-such-domain' // the resolver says the name does not exist
  | 'dns-error' // the resolver could not answer (temporary)
  | 'refused'
  | 'reset'
  | 'timeout'
  | 'tls-error'
  | 'unreachable' // no route: this machine's network, not the link
  | 'offline' // the platform itself says it is offline (Chromium's ERR_INTERNET_DISCONNECTED)
  | 'redirect-loop'
  | 'too-many-redirects'
  | 'private-address' // a redirect or a DNS answer pointed into a private network
  | 'bad-response'
  | 'unknown'; // a browser fetch that failed without saying why: never evidence of death on its own

export interface Hop {
  url: string;
  status: number;
  /** The next address, absolute; null when the hop is the last. */
  location: string | null;
  /** The server tried to set a cookie on this hop (cookie-check redirect loops). */
  setsCookie: boolean;
}

export interface Exchange {
  requestedUrl: string;
  /** Every response seen, in order; the last is the final one. Empty on a failure before any answer. */
  hops: Hop[];
  finalUrl: string;
  /** Final status; null when no answer came. */
  status: number | null;
  /** Final response headers, names lower-case. */
  headers: Record<string, string>;
  /** Decoded text of the first maxBodyBytes of a textual body (isTextual); '' for other content types. */
  body: string;
  bodyTruncated: boolean;
  failure: FailureKind | null;
  /** The platform's own words for a failure, kept as evidence ("getaddrinfo ENOTFOUND", "net::ERR_…"). */
  failureDetail: string;
  /** How many hops the transport could see (a browser without webRequest only knows "redirected"). */
  redirectsKnown: boolean;
  /** Milliseconds until the failure or the final response: an instant status-0 failure is suspect. */
  elapsedMs: number;
}

export interface FetchOptions {
  timeoutMs: number;
  maxBodyBytes: number;
  maxRedirects: number;
  allowPrivate: boolean;
  userAgent?: string;
  signal?: AbortSignal;
}

export interface Transport {
  fetch(url: string, options: FetchOptions): Promise<Exchange>;
}

export function isHtmlLike(contentType: string | undefined): boolean {
  if (!contentType) return true; // servers that omit it almost always send HTML
  const t = contentType.toLowerCase();
  return t.includes('html') || t.includes('text/plain');
}

/** Bodies worth reading at all: pages, and the archive's JSON. A PDF or an image is judged by its status alone. */
export function isTextual(contentType: string | undefined): boolean {
  if (!contentType) return true;
  const t = contentType.toLowerCase();
  return t.startsWith('text/') || t.includes('html') || t.includes('json') || t.includes('xml');
}

/** A failed exchange, for transports to build. */
export function failedExchange(
  requestedUrl: string,
  failure: FailureKind,
  failureDetail: string,
  hops: Hop[] = [],
  elapsedMs = 0,
): Exchange {
  return {
    requestedUrl,
    hops,
    finalUrl: lastWebAddress(hops, requestedUrl),
    status: null,
    headers: {},
    body: '',
    bodyTruncated: false,
    failure,
    failureDetail,
    redirectsKnown: true,
    elapsedMs,
  };
}

/**
 * Where a failed exchange got to: the last redirect's target, or the last address answered — a web address only (a
 * `Location: javascript:…` is never reported as where a link leads).
 */
export function lastWebAddress(hops: Hop[], requestedUrl: string): string {
  const last = hops[hops.length - 1];
  if (!last) return requestedUrl;
  return last.location && /^https?:/i.test(last.location) ? last.location : last.url;
}
