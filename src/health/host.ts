/** Host-name comparisons that need no Public Suffix List (so the content script can use them without tldts). */

/** True when host equals domain or is a subdomain of it ("www.aa.org" is within "aa.org", "panaa.org" is not). */
export function hostWithin(host: string, domain: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  const d = domain.toLowerCase();
  return h === d || h.endsWith(`.${d}`);
}

/** The host name of an address, or '' when it is not one. */
export function hostnameOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}
