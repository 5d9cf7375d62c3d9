/**
 * The one normal form a link is stored under, and what counts as a web address. The content script needs these on
 * every page; what may be fetched at all is screen.ts's (it brings the Public Suffix List and the special address
 * ranges, which the content script never needs).
 */
import { destinationOf } from './carried-address.ts';

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

/**
 * The key a found link is checked, cached and listed under: the address it leads to (a redirect wrapper's carried
 * address), normalised; an href that is no address at all stays as written. `pageHost`: the host of the page the
 * link was found on, whose own redirect scripts are read in every form (carried-address.ts).
 */
export function addressKey(href: string, pageHost?: string): string {
  try {
    return normaliseUrl(destinationOf(href, pageHost));
  } catch {
    return href;
  }
}
