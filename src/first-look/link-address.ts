/**
 * An anchor's host, read from its raw `href` attribute. The browser's own getters (`a.href`, `a.protocol`,
 * `a.hostname`) resolve the address afresh on every read, several microseconds each: on a page of 2,000 links
 * they were most of the content script's cost. The attribute is a plain string, and the common shapes —
 * "https://host/…", "//host/…", "/path", "page.html" — are read from it directly. Anything unusual (spaces, tabs,
 * control characters, user info, percent-escapes, non-ASCII hosts, "http:path") is left to the browser, so the
 * answer is the browser's.
 */

/**
 * A plain ASCII host after an http(s) scheme or "//", ending where the URL parser would end it. Its last label
 * starts with a letter, so the parser would not read it as an IPv4 number ("0x7f.1" is 127.0.0.1); a colon
 * must start a port, not a password ("https://user:pw@host").
 */
const ABSOLUTE = /^(?:(https?):)?\/\/((?:[a-z0-9-]+\.)*[a-z][a-z0-9-]*\.?)(?=[/?#]|$|:\d*(?:[/?#]|$))/i;
/** Any scheme at all ("mailto:", "javascript:", "HTTP:"). */
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
/**
 * What the URL parser drops before reading an address: tabs and line breaks anywhere, control characters and spaces
 * at the start. "ht<tab>tps://host/" and "<U+0001>https://host/" are links to that host, not relative paths.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this looks for
const DROPPED_BY_PARSER = /[\t\n\r]|^[\u0000-\u0020]/;
/** "/path", "page.html", "?q", "#part" or nothing: resolved against the base address, so on the base's host. */
const RELATIVE = /^(?:$|\/(?![/\\])|[^\s/\\])/;

/** What a raw href says by itself, before any browser resolution. */
export type RawHref =
  /** A plain web address ("https://host/…", or "//host/…" on the base's scheme): its host, lower-cased. */
  | { kind: 'web'; host: string; schemeRelative: boolean }
  /** "/path", "page.html", "?q", "#part" or nothing: on the base address's host. */
  | { kind: 'relative' }
  /** mailto:, javascript:, tel: … : not a web link. */
  | { kind: 'not-web' }
  /** Anything the browser may read otherwise (spaces, user info, escapes, punycode, "http:path"): ask the browser. */
  | { kind: 'unclear' };

const RELATIVE_HREF: RawHref = { kind: 'relative' };
const NOT_WEB: RawHref = { kind: 'not-web' };
const UNCLEAR: RawHref = { kind: 'unclear' };

/** Reads a raw href string: shared by the per-link path below and the page precheck (src/first-look/page-precheck.ts). */
export function readHref(raw: string): RawHref {
  // Only the prefix decides (hrefPrefix): a tab further on, in the path, moves no host.
  if (DROPPED_BY_PARSER.test(hrefPrefix(raw))) return UNCLEAR;
  const absolute = ABSOLUTE.exec(raw);
  if (absolute) {
    const host = absolute[2]!.toLowerCase();
    return host.includes('xn--') ? UNCLEAR : { kind: 'web', host, schemeRelative: absolute[1] === undefined };
  }
  if (SCHEME.test(raw)) return /^https?:/i.test(raw) ? UNCLEAR : NOT_WEB;
  return RELATIVE.test(raw) ? RELATIVE_HREF : UNCLEAR;
}

/**
 * The part of a raw href that decides what readHref says: everything up to the first "/" at or after its ninth
 * character ("https://" is eight), or all of it. The host ends at the first "/", "?" or "#", so hrefs that share
 * this prefix share their kind and host, and nothing after it counts.
 */
export function hrefPrefix(raw: string): string {
  const cut = raw.indexOf('/', 8);
  return cut === -1 ? raw : raw.slice(0, cut + 1);
}

const readByPrefix = new Map<string, RawHref>();

/** readHref, worked out once per prefix: a page links to few sites, many times over. */
export function readHrefOnce(raw: string): RawHref {
  const prefix = hrefPrefix(raw);
  let read = readByPrefix.get(prefix);
  if (read === undefined) {
    read = readHref(prefix);
    readByPrefix.set(prefix, read);
  }
  return read;
}

/** The host a web (http or https) link points to, lower-cased; null for any other kind of link. */
export function webLinkHost(a: HTMLAnchorElement): string | null {
  const raw = a.getAttribute('href');
  if (raw === null) return null;
  const read = readHrefOnce(raw);
  switch (read.kind) {
    case 'web':
      // "//host/…" takes the scheme of the page's base address.
      return read.schemeRelative && baseOf(a) === null ? null : read.host;
    case 'relative':
      return baseOf(a);
    case 'not-web':
      return null;
    case 'unclear':
      return browserHost(a);
  }
}

function browserHost(a: HTMLAnchorElement): string | null {
  const protocol = a.protocol;
  return protocol === 'http:' || protocol === 'https:' ? a.hostname : null;
}

let lastBase = '';
let lastBaseHost: string | null = null;

/** Host of the document's base address when it is a web address (one parse per distinct base, not per link). */
function baseOf(a: HTMLAnchorElement): string | null {
  const base = a.baseURI;
  if (base !== lastBase) {
    lastBase = base;
    try {
      const url = new URL(base);
      lastBaseHost = url.protocol === 'http:' || url.protocol === 'https:' ? url.hostname : null;
    } catch {
      lastBaseHost = null;
    }
  }
  return lastBaseHost;
}
