/**
 * Which group an address belongs to, and where that group lives now. Used by spotting (is this a resource
 * link?), by the checker (a dead link's new home) and by the page (which new homes may become links).
 */
import { hostWithin } from '../health/host.ts';
import type { Group } from './group.ts';
import { allGroups } from './groups.ts';
import { QUICK_CUES } from './quick-cues.generated.ts';

interface Claim {
  group: Group;
  /** The address is on a place the group has left, so its current website is news to the reader. */
  former: boolean;
}

/** A website with a path (SAMHSA's helpline page) claims that page and below, not the whole host. */
interface Home {
  group: Group;
  host: string;
  path: string | null;
}

/** Built on first use: a page with no link near a group's domain never needs it. */
let homesCache: readonly Home[] | null = null;
function homes(): readonly Home[] {
  return (homesCache ??= allGroups().flatMap((group): Home[] => {
    const homes: Home[] = group.otherDomains.map((host) => ({ group, host, path: null }));
    if (group.website) {
      const w = new URL(group.website);
      homes.unshift({
        group,
        host: withoutWww(w.hostname),
        path: w.pathname === '/' ? null : `${withoutWww(w.hostname)}${w.pathname}`.toLowerCase(),
      });
    }
    return homes;
  }));
}

/**
 * The group an address belongs to: its current site, another current domain, a former domain or an old URL
 * prefix. Unconfirmed former domains are never matched. Null for anything else, and for non-web addresses.
 */
export function groupForUrl(url: string | URL): Group | null {
  return claimFor(url)?.group ?? null;
}

/** The group's current website when the address is somewhere the group has left; null otherwise. */
export function newHomeFor(url: string): string | null {
  const claim = claimFor(url);
  return claim?.former ? claim.group.website : null;
}

/**
 * True for https addresses on a group's current website. The page only turns a new home into a link when it
 * passes this, so a verdict can never make us link somewhere the directory does not vouch for.
 */
export function isDirectoryUrl(url: string): boolean {
  const parsed = parseWeb(url);
  if (!parsed || parsed.protocol !== 'https:' || parsed.username || parsed.password || parsed.port) return false;
  const claim = claimFor(url);
  return claim !== null && !claim.former;
}

/**
 * Every domain any claim can start from (website hosts, other and former domains, hosts of old prefixes), so a
 * link on an unrelated site is rejected with a few Set look-ups: this runs for every link on every page. Computed
 * by claimedDomains(); the content script reads the copy kept in quick-cues.generated.ts rather than parse every
 * group's addresses on every page (tests/unit/quick-cues.test.ts keeps the two equal).
 */
export function claimedDomains(): string[] {
  const all = [
    ...homes().map((h) => h.host),
    ...allGroups()
      .flatMap((g) => [...g.formerDomains, ...g.formerUrlPrefixes.map((p) => withoutWww(p.split('/')[0]!))])
      .map((d) => d.toLowerCase()),
  ];
  return [...new Set(all)].sort();
}
const CLAIMED_DOMAINS: ReadonlySet<string> = new Set(QUICK_CUES.claimedDomains);

/**
 * Whether any group could claim an address on this host: a necessary condition for groupForUrl, answered with a
 * few Set look-ups and no URL parsing, so spotting can pass over an ordinary link cheaply.
 */
export function mayBelongToGroup(hostname: string): boolean {
  return mayBeClaimed(withoutWww(hostname.replace(/\.$/, '')));
}

function mayBeClaimed(host: string): boolean {
  let dot = -1;
  do {
    if (CLAIMED_DOMAINS.has(host.slice(dot + 1))) return true;
    dot = host.indexOf('.', dot + 1);
  } while (dot !== -1);
  return false;
}

/** `raw`: an address, or one already parsed (spotting has one: no second parse). */
function claimFor(raw: string | URL): Claim | null {
  const url = typeof raw === 'string' ? parseWeb(raw) : webOnly(raw);
  if (!url) return null;
  const host = withoutWww(url.hostname.replace(/\.$/, ''));
  if (!mayBeClaimed(host)) return null;
  const key = `${host}${url.pathname}${url.search}`.toLowerCase();
  // Old prefixes first: an old section on a current domain (aa.org/assets/en_US/) is a move the reader should hear about.
  for (const group of allGroups()) {
    if (group.formerUrlPrefixes.some((prefix) => underPrefix(key, prefix.toLowerCase())))
      return { group, former: true };
  }
  for (const home of homes()) {
    if (home.path ? underPrefix(key, home.path) : hostWithin(host, home.host))
      return { group: home.group, former: false };
  }
  for (const group of allGroups()) {
    if (group.formerDomains.some((domain) => hostWithin(host, domain))) return { group, former: true };
  }
  return null;
}

/** Prefix match that stops at a boundary: "nsfoundation.org/sa/" covers "…/sa" and "…/sa/x", not "…/sales". */
function underPrefix(key: string, prefix: string): boolean {
  const stem = prefix.endsWith('/') ? prefix.slice(0, -1) : prefix;
  if (!key.startsWith(stem)) return false;
  const next = key.charAt(stem.length);
  return next === '' || next === '/' || next === '?' || next === '&';
}

function parseWeb(raw: string): URL | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  return webOnly(url);
}

function webOnly(url: URL): URL | null {
  return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
}

function withoutWww(host: string): string {
  const h = host.toLowerCase();
  return h.startsWith('www.') ? h.slice(4) : h;
}
