/** "Same site" decisions use the Public Suffix List (tldts): nami.org and www.nami.org are one site, a.github.io and b.github.io are not. */
import { getDomain } from 'tldts';

/** The registrable domain of a URL or host name, or the host itself (IP literals, single labels). */
export function siteOf(urlOrHost: string | URL): string {
  const host = typeof urlOrHost === 'string' && !urlOrHost.includes('/') ? urlOrHost : new URL(urlOrHost).hostname;
  return getDomain(host, { allowPrivateDomains: true }) ?? host.toLowerCase();
}

export function sameSite(a: string | URL, b: string | URL): boolean {
  return siteOf(a) === siteOf(b);
}
