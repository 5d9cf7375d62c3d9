/**
 * Before looking at a page's links one by one: could any of them be a mutual-aid resource? No phrase, name or acronym
 * of the cheap spotting test in its text (scripts included) or in its links' titles, labels and image descriptions,
 * and no link to a group's or a helpline's host, means no link on it can be a resource. Anything unclear counts as
 * "could be", and the links are then looked at one by one. The background asks this of the page as the content
 * script's first look reads and sends it (page-reading.ts), so that the page pays for none of these patterns
 * (src/page-marker/first-look.ts says why).
 */
import { mayBeResourceHost, mayNameResource } from '../directory/spotting.ts';
import {
  ANY_FORM_CUE,
  CARRY_CUE,
  carriedAddress,
  mayBeWrapperHost,
  wrapperHostPattern,
  mayCarryAddress,
  mayCarryInAnyForm,
} from '../health/carried-address.ts';
import { mayBeServiceBodyAddress, mayNameServiceBody, onServiceBodySite } from '../directory/service-body-site.ts';
import { readHrefOnce } from './link-address.ts';
import { mayBelongToGroup } from '../directory/lookup.ts';

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
  const hrefs = page.hrefs();
  // All the addresses in one string, each after a NUL (SEPARATOR), read by small patterns in one pass each, and each
  // distinct host looked up once: a pattern's pass over one string runs in the engine, not in our code. (Written when
  // this ran in every page, where scripts start cold; in the background it keeps the first look's answer quick.)
  const all = SEPARATOR + hrefs.join(SEPARATOR);
  // An address the browser may read otherwise, or one that may carry another: look at each as below.
  if (UNUSUAL_OR_CARRYING.test(all) || RELATIVE_WRAPPER.test(all)) return hrefByHref(page, hrefs, pageHosts);
  // Each distinct "scheme://host" once (a page links to few sites, many times over), all of them in one string.
  const authorities = [...new Set(all.match(AUTHORITY))];
  const hosts = authorities.join('');
  // A host the browser may read otherwise (user info, escapes, non-ASCII, punycode, a number): look at each below.
  if (UNCLEAR_HOST.test(hosts)) return hrefByHref(page, hrefs, pageHosts);
  // A group's or a helpline's host (spotting's mayBeResourceHost, the helpline part as one pattern).
  if (HELPLINE_HOST.test(hosts)) return true;
  for (const authority of authorities) {
    if (mayBelongToGroup(authority.slice(authority.indexOf('//') + 2).replace(/:\d*$/, ''))) return true;
  }
  // Addresses on the page's own site or a click-tracker that may carry another in any form.
  if (pageHosts[0] !== undefined) {
    const wrapperHosts = hosts.match(wrapperAuthorities(pageHosts[0]));
    if (wrapperHosts && wrappersOn(wrapperHosts).test(all)) return hrefByHref(page, hrefs, pageHosts);
  }
  // A service body's site is known by its address and the words of its name (service-body-site.ts).
  return mayBeServiceBodyAddress(all) && (mayNameServiceBody(page.text) || mayNameServiceBody(page.labels));
}

/**
 * Between two addresses: NUL, which no address keeps (the URL parser refuses it in a host and strips it from the
 * start), so every address starts just after one. Tabs and line breaks, which the parser drops wherever they are,
 * could not have served.
 */
const SEPARATOR = '\0';
/**
 * In one pass: what link-address.ts's readHref would leave to the browser at an address's start (a tab or line
 * break anywhere, a control character or space first, a backslash start, "http:" without "//"; an unusual host is
 * readHref's to judge, on each distinct host below), or a known wrapper (carried-address.ts's mayCarryAddress).
 */
const UNUSUAL_OR_CARRYING = new RegExp(String.raw`[\t\n\r]|\0(?:[\x01-\x20\\]|\/\\|https?:(?!\/\/))|${CARRY_CUE}`, 'i');
/** Each address's "scheme://host" (with a port or user info if any), its NUL first. */
const AUTHORITY = /\0(?:https?:)?\/\/[^/?#\0]*/gi;
/** The cheap test of the general wrapper forms (carried-address.ts) on an address without a scheme: the page's own. */
const RELATIVE_WRAPPER = new RegExp(String.raw`\0(?![a-z][a-z0-9+.-]*:|//)[^\0]*?(?:${ANY_FORM_CUE})`, 'i');

/** A plain ASCII host and an optional port, ending where the URL parser ends it (link-address.ts's ABSOLUTE). */
const PLAIN_HOST = String.raw`(?:[a-z0-9-]+\.)*[a-z][a-z0-9-]*\.?(?::\d*)?(?=[/?#\0]|$)`;
/** What readHref leaves to the browser among hosts: one that is not plain, or punycode. */
const UNCLEAR_HOST = new RegExp(String.raw`\0(?:https?:)?//(?!${PLAIN_HOST})|xn--`, 'i');
/** A host whose own name says it is a helpline (spotting's HELPLINE_HOST), among "\0scheme://host"s. */
const HELPLINE_HOST = /\0(?:https?:)?\/\/[^\0]*?(?:help|hot|crisis|warm)line/i;

/** The "\0scheme://host"s on the page's own site or a click-tracker (carried-address.ts's mayBeWrapperHost). */
function wrapperAuthorities(pageHost: string): RegExp {
  return new RegExp(
    String.raw`\0(?:https?:)?//(?:[^/?#\0.]+\.)*?(?:${wrapperHostPattern(pageHost)})\.?(?::\d*)?(?=\0|$)`,
    'gi',
  );
}

/** Addresses on these hosts ("\0https://host" as AUTHORITY found them) that pass the general wrapper forms' cheap test. */
function wrappersOn(authorities: readonly string[]): RegExp {
  const escaped = authorities.map((a) => a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`(?:${escaped.join('|')})(?=[/?#:\\0]|$)[^\\0]*?(?:${ANY_FORM_CUE})`, 'i');
}

/** The careful reading, address by address, when the one-pass reading above cannot decide. */
function hrefByHref(page: PageText, hrefs: readonly string[], pageHosts: readonly string[]): boolean {
  // A page links to few sites, many times over: each address prefix is read once (readHrefOnce), each host
  // looked up once.
  const seenHosts = new Set<string>();
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
      mayBeServiceBodyAddress(raw) &&
      (namesBodies ??= mayNameServiceBody(page.text) || mayNameServiceBody(page.labels))
    )
      return true;
    const read = readHrefOnce(raw);
    if (read.kind === 'unclear') return true; // the browser may read it otherwise: look link by link
    const onWrapperHost = read.kind === 'relative' || (read.kind === 'web' && mayWrap(read.host));
    if (onWrapperHost && mayCarryInAnyForm(raw) && carriedAddress(page.resolve(raw), pageHost) !== null) return true;
    if (read.kind !== 'web' || seenHosts.has(read.host)) continue; // relative links are on the page hosts, checked above
    seenHosts.add(read.host);
    if (mayBeResourceHost(read.host)) return true;
  }
  return false;
}
