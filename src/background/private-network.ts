/**
 * Keeping the extension's own requests out of the user's machine and network before they are sent, not only
 * discarding their answers afterwards (a hostile page's links once made the browser fetch 127.0.0.1 and throw the
 * answer away). Each browser offers a different door, so this is the one place that knows both:
 *
 *   Chromium — declarativeNetRequest session rules block our requests to IP-literal hosts outside the public ranges
 *   and to one-word and local-suffix names, redirect hops included, before any connection (0 connections measured).
 *   A public-looking name whose DNS answer is private cannot be seen by a rule; for it every fetch is declared
 *   `targetAddressSpace: 'public'` (Local Network Access, Chromium 142+), and Chromium fails a request whose
 *   connection lands in a more private address space, redirect hops included. Measured on Chromium 156: it checks
 *   when the connection is made, so the TCP handshake (and for https the TLS handshake) reaches the address, with no
 *   HTTP request; a refused port fails as "refused" with no address to tell it from a public server's refusal. The
 *   limit is upstream: Chromium gives extensions no DNS API (chrome.dns is not in stable) and Local Network Access
 *   checks the address space on the connection obtained, as its specification does.
 *
 *   Firefox — a blocking webRequest listener sees each of our requests, every redirect hop included, before it is
 *   sent: the host is screened (src/health/screen.ts), resolved with browser.dns, and the request cancelled when an
 *   answer is private (0 connections measured). The fetch resolves again, so the address the connection really used
 *   (webRequest's `ip`) is screened afterwards as well (fetch-transport.ts), and its answer refused.
 *
 * Every refusal reads the same to the page that asked: "private-address", nothing of the cause.
 */
import { isPrivateAddress, isPrivateHost } from '../health/screen.ts';

/** The RE2 pattern of the host part of a URL (userinfo allowed before it, a port after it). */
const urlWithHost = (host: string) => `^https?://(?:[^/?#@]*@)?${host}(?::[0-9]+)?(?:[/?#]|$)`;

/** Decimal numbers lo..hi (0–255, no leading zeros) as a regular expression. */
export function numberRange(lo: number, hi: number): string {
  const parts: string[] = [];
  let n = lo;
  while (n <= hi) {
    // The widest block starting at n that keeps all but its last digits, or all but its last two, fixed.
    if (n % 100 === 0 && n + 99 <= hi && n >= 100) {
      parts.push(`${n / 100}[0-9][0-9]`);
      n += 100;
    } else if (n % 10 === 0 && n + 9 <= hi) {
      parts.push(n === 0 ? '[0-9]' : `${n / 10}[0-9]`);
      n += 10;
    } else {
      const end = Math.min(hi, n - (n % 10) + 9);
      const prefix = n >= 10 ? String(Math.floor(n / 10)) : '';
      parts.push(end === n ? String(n) : `${prefix}[${n % 10}-${end % 10}]`);
      n = end + 1;
    }
  }
  return parts.length === 1 ? parts[0]! : `(?:${parts.join('|')})`;
}

/** An IPv4 block (a.b.c.d/n) as the host pattern of the dotted addresses in it. */
export function ipv4Block(cidr: string): string {
  const [address, bits] = cidr.split('/');
  const octets = address!.split('.').map(Number);
  const prefix = Number(bits);
  const out: string[] = [];
  for (let i = 0; i < 4; i++) {
    const fixedBits = Math.max(0, Math.min(8, prefix - i * 8));
    const span = 2 ** (8 - fixedBits);
    const lo = octets[i]! & ~(span - 1) & 255;
    out.push(span === 1 ? String(lo) : span === 256 ? '[0-9]{1,3}' : numberRange(lo, lo + span - 1));
  }
  return out.join('\\.');
}

/** Every IPv4 block outside the public unicast ranges, as screen.ts (ipaddr.js) draws them. */
export const PRIVATE_IPV4_BLOCKS = [
  '0.0.0.0/8',
  '10.0.0.0/8',
  '100.64.0.0/10',
  '127.0.0.0/8',
  '169.254.0.0/16',
  '172.16.0.0/12',
  '192.0.0.0/24',
  '192.0.2.0/24',
  '192.31.196.0/24',
  '192.52.193.0/24',
  '192.88.99.0/24',
  '192.168.0.0/16',
  '192.175.48.0/24',
  '198.18.0.0/15',
  '198.51.100.0/24',
  '203.0.113.0/24',
  '224.0.0.0/3', // multicast 224/4 and reserved 240/4, the limited broadcast address among them
];

/**
 * IPv6 literals as the URL parser writes them (lower case, compressed, no leading zeros), outside the plainly global
 * unicast ranges: everything outside 2000::/3 (loopback, link-local, unique-local, multicast, IPv4-mapped and
 * -compatible, NAT64, discard, segment routing), the special blocks 2001::/23 (Teredo and the IETF assignments),
 * documentation 2001:db8::/32 and 3fff::/20, AS112 2620:4f:8000::/48, and 6to4 2002::/16. A rule cannot read the IPv4
 * address a 6to4 or Teredo address carries, so those are refused whole: a public site at such a literal is
 * "unverified", never wrongly dead.
 */
export const PRIVATE_IPV6_HOSTS = [
  '\\[(?::|[0-9a-f]{1,3}:|[014-9a-f][0-9a-f]{3}:)',
  '\\[2001:(?::|[0-9a-f]{1,2}:|1[0-9a-f]{2}:)',
  '\\[2001:db8:',
  '\\[2002:',
  '\\[2620:4f:8000:',
  '\\[3fff:(?::|[0-9a-f]{1,3}:)',
];

/** One-word hosts ("intranet", "localhost") and the suffixes set aside for local networks (screen.ts's list). */
export const LOCAL_NAME_HOSTS = [
  '[^/?#@.:\\[\\]]+\\.?',
  '[^/?#@:\\[\\]]*\\.(?:local|internal|home\\.arpa|localhost|lan|intranet|corp)\\.?',
];

/** The regexFilters of the rules: each an address pattern for the whole URL. */
export function privateUrlFilters(): string[] {
  return [
    ...PRIVATE_IPV4_BLOCKS.map((b) => urlWithHost(ipv4Block(b))),
    ...PRIVATE_IPV6_HOSTS.map((h) => urlWithHost(`${h}[^\\]]*\\]`)),
    ...LOCAL_NAME_HOSTS.map(urlWithHost),
  ];
}

/** Our rules' ids: 1… in order; every update removes them all first. */
const FIRST_RULE_ID = 1;

export interface SessionRule {
  id: number;
  priority: number;
  action: { type: 'block' };
  condition: { regexFilter: string; initiatorDomains: string[] };
}

/** The rules blocking our own requests (initiated by this extension, redirect hops included) into private networks. */
export function privateNetworkRules(extensionId: string): SessionRule[] {
  return privateUrlFilters().map((regexFilter, i) => ({
    id: FIRST_RULE_ID + i,
    priority: 1,
    action: { type: 'block' },
    // Our requests only: the user's own browsing, and a site's own service worker, are none of our business.
    condition: { regexFilter, initiatorDomains: [extensionId] },
  }));
}

/** The part of chrome.declarativeNetRequest we use. */
export interface SessionRules {
  updateSessionRules(update: { removeRuleIds?: number[]; addRules?: SessionRule[] }): Promise<void>;
}

/** The part of Firefox's browser.dns and webRequest we use. */
export interface DnsResolver {
  resolve(hostname: string): Promise<{ addresses: string[] }>;
}
export interface BlockingRequests {
  onBeforeRequest: {
    addListener(
      cb: (d: { requestId: string; url: string; tabId: number; originUrl?: string }) => Promise<{ cancel?: boolean }>,
      filter: { urls: string[] },
      extra: string[],
    ): void;
  };
}

export interface PrivateNetworkGuard {
  /** The user's (or the policy's) "check private-network links": when on, nothing is blocked. */
  setAllowPrivate(allow: boolean): Promise<void>;
}

/**
 * Installs the guard this browser supports: Firefox's when it has browser.dns and blocking webRequest, else
 * Chromium's rules. `refused(requestId)` hears of each request Firefox's guard cancelled (the network log marks it).
 */
export function guardPrivateNetwork(options: {
  extensionId: string;
  ourOrigin: string;
  rules?: SessionRules;
  dns?: DnsResolver;
  webRequest?: BlockingRequests;
  refused(requestId: string): void;
}): PrivateNetworkGuard {
  let allowPrivate = false;
  const { dns, webRequest, rules } = options;
  if (dns && webRequest) {
    webRequest.onBeforeRequest.addListener(
      async (d) => {
        if (allowPrivate || d.tabId !== -1 || !d.originUrl?.startsWith(options.ourOrigin)) return {};
        if (await leadsIntoPrivateNetwork(d.url, dns)) {
          options.refused(d.requestId);
          return { cancel: true };
        }
        return {};
      },
      { urls: ['<all_urls>'] },
      ['blocking'],
    );
  }
  let applied: Promise<void> = Promise.resolve();
  const apply = async (allow: boolean) => {
    if (!rules || (dns && webRequest)) return;
    const ours = privateNetworkRules(options.extensionId);
    await rules.updateSessionRules({
      removeRuleIds: ours.map((r) => r.id),
      addRules: allow ? [] : ours,
    });
  };
  // Blocked from the start, before the settings are read: a request never waits for them to be let through.
  applied = apply(false);
  return {
    async setAllowPrivate(allow) {
      allowPrivate = allow;
      applied = applied.catch(() => undefined).then(() => apply(allow));
      await applied;
    },
  };
}

/** Whether a request to `url` would reach a private address: by its host, or by what the host's name resolves to. */
export async function leadsIntoPrivateNetwork(url: string, dns: DnsResolver): Promise<boolean> {
  let hostname: string;
  try {
    hostname = new URL(url).hostname.replace(/^\[|\]$/g, '');
  } catch {
    return true;
  }
  if (isPrivateHost(hostname)) return true;
  try {
    const answer = await dns.resolve(hostname);
    return answer.addresses.some((a) => isPrivateAddress(a));
  } catch {
    // No answer (a lapsed domain, a resolver behind a proxy): the request finds out for itself, and fails if the name
    // does not exist; whatever it connects to is screened again by its address.
    return false;
  }
}

/**
 * Whether the browser's error names one of the refusals above: a rule's block (Chromium's ERR_BLOCKED_BY_CLIENT:
 * no other extension's rules apply to our requests), or a fetch declared public whose connection was not
 * (Chromium 156 says only ERR_FAILED for it; nothing else an extension's fetch meets fails that way).
 */
export function refusedAsPrivate(browserError: string | null, declaredPublic: boolean): boolean {
  if (!browserError || !declaredPublic) return false;
  return (
    /ERR_BLOCKED_BY_CLIENT|LOCAL_NETWORK_ACCESS|PRIVATE_NETWORK_ACCESS/.test(browserError) ||
    browserError === 'net::ERR_FAILED'
  );
}
