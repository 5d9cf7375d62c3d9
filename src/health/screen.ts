/**
 * Which addresses may be fetched at all. Runs before any network traffic — a link that fails here is never
 * requested — and again on every address a check meets after that: each redirect's target and each server address
 * a name resolved to (both transports), so a public-looking link cannot lead a check into the user's own machine or
 * network (a page could otherwise read its routers' and intranet's answers from our marks).
 *
 * Private, unless the user allows private checks:
 *   - IP addresses outside the public unicast ranges, as ipaddr.js classifies them (loopback, private, link-local,
 *     carrier-grade NAT, multicast, the reserved and benchmarking blocks such as 198.18.0.0/15 and 192.0.0.0/24, the
 *     deprecated site-local fec0::/10), and IPv6 addresses that carry an IPv4 one (IPv4-mapped and -compatible,
 *     NAT64 64:ff9b::/96, 6to4 2002::/16, Teredo) judged by the address they carry;
 *   - host names with no ICANN public suffix ("intranet", "printer.lan", "router.home.arpa", "test.example"): they
 *     only mean something on a local network, by the Public Suffix List (tldts).
 */
import ipaddr from 'ipaddr.js';
import { parse as parseHost } from 'tldts';

export type Screening =
  { ok: true; url: URL } | { ok: false; reason: 'not-web-link' | 'private-address' | 'invalid-url'; detail: string };

/** Names set aside for local networks, some inside public suffixes (home.arpa is under ICANN's arpa). */
const LOCAL_SUFFIXES = ['.local', '.internal', '.home.arpa', '.localhost', '.lan', '.intranet', '.corp'];

/** Longest address we accept; browsers cap around 2 MB but nothing legitimate in a resource list is near this. */
export const MAX_URL_LENGTH = 8_192;

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

/** Names and IP literals that point into the user's own machine or network (see the top of this file). */
export function isPrivateHost(hostname: string): boolean {
  const host = hostname
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
  if (host === '' || host === 'localhost' || LOCAL_SUFFIXES.some((s) => host.endsWith(s))) return true;
  if (ipaddr.isValid(host)) return isPrivateAddress(host);
  // Not an address the URL parser would write, but one some resolvers still accept ("0x7f.1", "2130706433").
  if (/^[\d.x]+$/i.test(host)) return true;
  return !parseHost(host, { allowPrivateDomains: false }).isIcann;
}

/** Whether an IP address (a literal, or a resolver's answer) is outside the public unicast ranges. */
export function isPrivateAddress(address: string): boolean {
  let ip: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    ip = ipaddr.parse(address.replace(/^\[|\]$/g, '').replace(/%.*$/, ''));
  } catch {
    return true; // not an address we can vouch for
  }
  if (ip.kind() === 'ipv4') return ip.range() !== 'unicast';
  const v6 = ip as ipaddr.IPv6;
  const carried = carriedIPv4(v6);
  if (carried) return carried.range() !== 'unicast';
  return v6.range() !== 'unicast';
}

/** The IPv4 address an IPv6 one carries, for the forms that carry one (the range names are ipaddr.js's). */
function carriedIPv4(ip: ipaddr.IPv6): ipaddr.IPv4 | null {
  const p = ip.parts;
  const fromWords = (hi: number, lo: number) => new ipaddr.IPv4([hi >> 8, hi & 255, lo >> 8, lo & 255]);
  switch (ip.range()) {
    case 'ipv4Mapped':
      return ip.toIPv4Address();
    case 'rfc6052': // NAT64, 64:ff9b::/96
    case 'rfc6145':
      return fromWords(p[6]!, p[7]!);
    case '6to4': // 2002:AABB:CCDD::/48
      return fromWords(p[1]!, p[2]!);
    case 'teredo': // the client's address, inverted, in the last 32 bits
      return fromWords(p[6]! ^ 0xffff, p[7]! ^ 0xffff);
    default:
      // IPv4-compatible, ::a.b.c.d (deprecated; the URL parser writes ::7f00:1): every word but the last two is zero.
      if (p.slice(0, 6).every((w) => w === 0) && (p[6] !== 0 || p[7]! > 1)) return fromWords(p[6]!, p[7]!);
      return null;
  }
}
