/**
 * Before looking at a page's links one by one: could any of them be a mutual-aid resource? Touching each link from
 * the content script costs microseconds apiece (the browser makes a wrapper for every element our code reads), so a
 * page of 2,000 ordinary links is better answered in one piece: no phrase, name or acronym of the cheap spotting
 * test in its text (scripts included) or in its links' titles, labels and image descriptions, and no link to a
 * group's or a helpline's host, means no link on it can be a resource. Anything unclear counts as
 * "could be", and the links are then looked at one by one as usual. Links the page adds later always are.
 */
import { mayBeResourceHost, mayNameResource } from '../directory/spotting.ts';
import { carriedAddress, mayBeWrapperHost, mayCarryAddress, mayCarryInAnyForm } from '../health/carried-address.ts';
import { mayBeServiceBodyAddress, mayNameServiceBody, onServiceBodySite } from '../directory/service-body-site.ts';
import { readHrefOnce } from './link-address.ts';

export interface PageText {
  /** All the page's text (textContent: what a link's words and surroundings are taken from). */
  text: string;
  /** Its links' titles, aria-labels and image descriptions (attributes, not text). */
  labels: string;
  /** Its links' href attributes as written; asked for only when the words alone do not decide. */
  hrefs(): readonly string[];
  /** The address the browser resolves a raw href to (against the page's base address). */
  resolve(raw: string): string;
}

/** `pageHosts`: the hosts relative links resolve to (the page's, and its <base href>'s when it has one). */
export function pageMayHoldResources(page: PageText, pageHosts: readonly string[]): boolean {
  if (pageHosts.some(mayBeResourceHost)) return true; // every relative link is on such a host
  if (pageHosts.some(onServiceBodySite)) return true; // its own meeting list is a resource (service-body-site.ts)
  if (mayNameResource(page.text) || mayNameResource(page.labels)) return true;
  // A page links to few sites, many times over: each address prefix is read once (readHrefOnce), each host
  // looked up once.
  const seenHosts = new Set<string>();
  const hrefs = page.hrefs();
  // A service body's site is known by its address and the words of its name (service-body-site.ts).
  let namesBodies: boolean | undefined;
  const pageHost = pageHosts[0];
  const wrapperHosts = new Map<string, boolean>();
  const mayWrap = (host: string) => {
    let known = wrapperHosts.get(host);
    if (known === undefined) wrapperHosts.set(host, (known = mayBeWrapperHost(host, pageHost)));
    return known;
  };
  for (let i = 0; i < hrefs.length; i++) {
    const raw = hrefs[i]!;
    // A redirect wrapper is judged by the address it carries: that address's host counts, not the wrapper's.
    if (mayCarryAddress(raw) && carriedAddress(page.resolve(raw), pageHost) !== null) return true;
    if (
      mayBeServiceBodyAddress(hrefs[i]!) &&
      (namesBodies ??= mayNameServiceBody(page.text) || mayNameServiceBody(page.labels))
    )
      return true;
    const read = readHrefOnce(hrefs[i]!);
    if (read.kind === 'unclear') return true; // the browser may read it otherwise: look link by link
    const onWrapperHost = read.kind === 'relative' || (read.kind === 'web' && mayWrap(read.host));
    if (onWrapperHost && mayCarryInAnyForm(raw) && carriedAddress(page.resolve(raw), pageHost) !== null) return true;
    if (read.kind !== 'web' || seenHosts.has(read.host)) continue; // relative links are on the page hosts, checked above
    seenHosts.add(read.host);
    if (mayBeResourceHost(read.host)) return true;
  }
  return false;
}

/** The precheck on a live page: its words, labels and hrefs read with a few native calls instead of one per link. */
export function documentMayHoldResources(doc: Document): boolean {
  return pageMayHoldResources(readPage(doc), relativeLinkHosts(doc));
}

/** The page in one piece: its text, its links' labels, and (asked only when needed) its hrefs as written. */
function readPage(doc: Document): PageText {
  const root = doc.body ?? doc.documentElement;
  const labels: string[] = [];
  for (const el of root.querySelectorAll('a[title], a[aria-label], a img[alt]')) {
    labels.push(el.getAttribute('title') ?? '', el.getAttribute('aria-label') ?? '', el.getAttribute('alt') ?? '');
  }
  return {
    text: root.textContent ?? '',
    labels: labels.join('\n'),
    resolve(raw) {
      try {
        return new URL(raw, doc.baseURI).href;
      } catch {
        return raw;
      }
    },
    hrefs() {
      // The attribute as written: the browser's resolved a.href costs several times more per link.
      // Read in one tight loop first: measured faster than reading each as the check goes.
      const links = doc.links;
      const hrefs = new Array<string>(links.length);
      for (let i = 0; i < links.length; i++) hrefs[i] = links[i]!.getAttribute('href') ?? '';
      return hrefs;
    },
  };
}

/** Where the page's relative links lead: its own host, and its <base href>'s when that differs. */
function relativeLinkHosts(doc: Document): string[] {
  const hosts = [doc.location.hostname];
  try {
    const base = new URL(doc.baseURI);
    if (base.hostname !== hosts[0]) hosts.push(base.hostname);
  } catch {
    // no base address to resolve against: relative links go nowhere
  }
  return hosts;
}
