/**
 * Which addresses may be fetched at all, and the one normal form a link is stored under.
 * Runs before any network traffic: a link that fails here is never requested.
 */

export type Screening =
  | { ok: true; url: URL }
  | { ok: false; reason: 'not-web-link' | 'private-address' | 'invalid-url'; detail: string };

/** Longest address we accept; browsers cap around 2 MB but nothing legitimate in a resource list is near this. */
export const MAX_URL_LENGTH = 8_192;

const PRIVATE_SUFFIXES = ['.local', '.internal', '.home.arpa', '.localhost', '.lan', '.intranet', '.corp'];

export function screenUrl(raw: string, allowPrivate = false): Screening {
  const text = raw.trim();
  if (text.length === 0) return { ok: false, reason: 'invalid-url', detail: 'empty address' };
  if (text.length > MAX_URL_LENGTH) {
    return { ok: false, reason: 'invalid-url', detail: `address longer than ${MAX_URL_LENGTH} characters` };
  }
  // Control characters mean binary or pasted garbage, not an address.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000e-\u001f\u007f]/.test(text)) {
    return { ok: false, reason: 'invalid-url', detail: 'contains control characters (binary input?)' };
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, reason: 'invalid-url', detail: 'not a web address' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, reason: 'not-web-link', detail: `${url.protocol} links are never fetched` };
  }
  if (!url.hostname) return { ok: false, reason: 'invalid-url', detail: 'no host name' };
  if (!allowPrivate && isPrivateHost(url.hostname)) {
    return { ok: false, reason: 'private-address', detail: `${url.hostname} is a private or local address` };
  }
  return { ok: true, url };
}

/**
 * The form a link is stored and compared under: no fragment, no credentials, lower-case host, default port dropped
 * (the URL parser does the last two). The query is kept: on many directory sites it is the page.
 */
export function normaliseUrl(url: URL | string): string {
  const u = new URL(url.toString());
  u.hash = '';
  u.username = '';
  u.password = '';
  return u.toString();
}

/** An http(s) address: the only kind a report turns into a link. */
export function isWebAddress(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Names and IP literals that point into the user's own machine or network. */
export function isPrivateHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
  if (host === 'localhost' || PRIVATE_SUFFIXES.some((s) => host.endsWith(s))) return true;
  const v4 = parseIPv4(host);
  if (v4) return isPrivateIPv4(v4);
  if (host.includes(':')) return isPrivateIPv6(host);
  return false;
}

function parseIPv4(host: string): number[] | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (!m) return null;
  const parts = m.slice(1).map(Number);
  return parts.every((p) => p <= 255) ? parts : null;
}

export function isPrivateIPv4([a, b]: number[]): boolean {
  if (a === undefined || b === undefined) return false;
  return (
    a === 0 || // "this network"
    a === 10 ||
    a === 127 ||
    (a === 100 && b >= 64 && b <= 127) || // carrier-grade NAT
    (a === 169 && b === 254) || // link-local, cloud metadata
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    a >= 224 // multicast and reserved
  );
}

export function isPrivateIPv6(host: string): boolean {
  const h = host.toLowerCase();
  if (h === '::1' || h === '::') return true;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(h);
  if (mapped?.[1]) {
    const v4 = parseIPv4(mapped[1]);
    return v4 ? isPrivateIPv4(v4) : true;
  }
  // The URL parser writes IPv4-mapped addresses in hex (::ffff:7f00:1).
  const mappedHex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(h);
  if (mappedHex?.[1] && mappedHex[2]) {
    const hi = parseInt(mappedHex[1], 16);
    const lo = parseInt(mappedHex[2], 16);
    return isPrivateIPv4([hi >> 8, hi & 255, lo >> 8, lo & 255]);
  }
  return /^f[cd]/.test(h) || /^fe[89ab]/.test(h) || h.startsWith('ff');
}

/** Whether an IP address (as a resolver returns it) is private: used to refuse DNS answers pointing inward. */
export function isPrivateAddress(address: string): boolean {
  const v4 = parseIPv4(address);
  if (v4) return isPrivateIPv4(v4);
  return isPrivateIPv6(address);
}
