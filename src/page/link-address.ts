/**
 * An anchor's host, read from its raw `href` attribute. The browser's own getters (`a.href`, `a.protocol`,
 * `a.hostname`) resolve the address afresh on every read, several microseconds each: on a page of 2,000 links
 * they were most of the content script's cost. The attribute is a plain string, and the common shapes —
 * "https://host/…", "//host/…", "/path", "page.html" — are read from it directly. Anything unusual (spaces,
 * user info, percent-escapes, non-ASCII hosts, "http:path") is left to the browser, so the answer is the browser's.
 */

/**
 * A plain ASCII host after an http(s) scheme or "//", ending where the URL parser would end it. Its last label
 * starts with a letter, so the parser would not read it as an IPv4 number ("0x7f.1" is 127.0.0.1); a colon
 * must start a port, not a password ("https://user:pw@host").
 */
const ABSOLUTE = /^(?:(https?):)?\/\/((?:[a-z0-9-]+\.)*[a-z][a-z0-9-]*\.?)(?=[/?#]|$|:\d*(?:[/?#]|$))/i;
/** Any scheme at all ("mailto:", "javascript:", "HTTP:"). */
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
/** "/path", "page.html", "?q", "#part" or nothing: resolved against the base address, so on the base's host. */
const RELATIVE = /^(?:$|\/(?![/\\])|[^\s/\\])/;

/** The host a web (http or https) link points to, lower-cased; null for any other kind of link. */
export function webLinkHost(a: HTMLAnchorElement): string | null {
  const raw = a.getAttribute('href');
  if (raw === null) return null;
  const absolute = ABSOLUTE.exec(raw);
  if (absolute && !absolute[2]!.toLowerCase().includes('xn--')) { // punycode: the browser checks it
    // "//host/…" takes the scheme of the page's base address.
    if (absolute[1] === undefined && baseOf(a) === null) return null;
    return absolute[2]!.toLowerCase();
  }
  if (SCHEME.test(raw)) return /^https?:/i.test(raw) ? browserHost(a) : null; // mailto:, javascript:, tel: … are not web links
  if (RELATIVE.test(raw)) return baseOf(a);
  return browserHost(a);
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
