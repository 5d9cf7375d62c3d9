/**
 * Before looking at a page's links one by one: could any of them be a mutual-aid resource? Touching each link from
 * the content script costs microseconds apiece (the browser makes a wrapper for every element our code reads), so a
 * page of 2,000 ordinary links is better answered in one piece: no phrase, name or acronym of the cheap spotting
 * test in its text (scripts included) or in its links' titles, labels and image descriptions, and no link to a
 * group's or a helpline's host, means no link on it can be a resource. Anything unclear counts as
 * "could be", and the links are then looked at one by one as usual. Links the page adds later always are.
 */
import { mayBelongToGroup } from '../directory/lookup.ts';
import { isHelplineHost, mayNameResource } from '../directory/spotting.ts';

/** An absolute web address or a "//host" one: its host, after any user info. */
const ABSOLUTE = /^(?:https?:)?\/\/(?:[^/?#@]*@)?([^/?#:]*)/i;
/** A plain host, as the browser would keep it: anything else (escapes, non-ASCII, backslashes) is left to the browser. */
const PLAIN_HOST = /^[a-z0-9.-]+$/i;
const OTHER_SCHEME = /^(?!https?:)[a-z][a-z0-9+.-]*:/i;
/** "/path", "page.html", "?q", "#part": on the base's host. */
const RELATIVE = /^(?:$|\/(?![/\\])|[^\s/\\:]+(?:[/?#]|$))/;

export interface PageText {
  /** All the page's text (textContent: what a link's words and surroundings are taken from). */
  text: string;
  /** Its links' titles, aria-labels and image descriptions (attributes, not text). */
  labels: string;
  /** Its links' href attributes as written; asked for only when the words alone do not decide. */
  hrefs(): readonly string[];
}

/** `pageHosts`: the hosts relative links resolve to (the page's, and its <base href>'s when it has one). */
export function pageMayHoldResources(page: PageText, pageHosts: readonly string[]): boolean {
  if (pageHosts.some(mayBeResourceHost)) return true; // every relative link is on such a host
  if (mayNameResource(page.text) || mayNameResource(page.labels)) return true;
  const seen = new Set<string>(); // a page links to few hosts, many times over
  const hrefs = page.hrefs();
  for (let i = 0; i < hrefs.length; i++) {
    const raw = hrefs[i]!.trim();
    const absolute = ABSOLUTE.exec(raw);
    if (absolute) {
      const host = absolute[1]!;
      if (seen.has(host)) continue;
      seen.add(host);
      if (!PLAIN_HOST.test(host) || mayBeResourceHost(host)) return true;
    } else if (!OTHER_SCHEME.test(raw) && !RELATIVE.test(raw)) {
      return true; // a shape the browser may read differently ("https:\\host", " //host"): look link by link
    }
  }
  return false;
}

function mayBeResourceHost(host: string): boolean {
  const h = host.toLowerCase();
  return mayBelongToGroup(h) || isHelplineHost(h);
}
