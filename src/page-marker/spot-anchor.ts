/**
 * The DOM side of spotting: reads an anchor's facts lazily (its host from the raw href, its surroundings only when
 * the decision needs them, the resolved address only for links past the cheap test).
 */
import {
  CONTEXT_CHARS,
  EVIDENCE_BOX_SELECTOR,
  linkWords,
  OWN_TEXT_CHARS,
  PAGE_CHROME_SELECTOR,
  surroundingWords,
} from '../directory/link-evidence.ts';
import {
  mayBeServiceBodyAddress,
  mayNameServiceBody,
  onServiceBodySite,
  OWN_SERVICE_CUE,
} from '../directory/service-body-site.ts';
import { judgeResource, mayBeResourceHost, mayNameResource, type LinkFacts } from '../directory/spotting.ts';
import { carriedAddress, mayBeWrapperHost, mayCarryAddress, mayCarryInAnyForm } from '../health/carried-address.ts';
import { webLinkHost } from '../first-look/link-address.ts';
import { rememberedPerKey } from '../remembered.ts';
import { titleAsWritten } from './marks.ts';

/** Where a link's labels are read from (titleAsWritten, anchorText): without these it has none. */
const LABELLED = '[title], [aria-label]';
/** A box this short is looked at whole in one test: it holds the link's own words and its surroundings alike. */
const WHOLE_BOX_CHARS = 1_000;

export function isResourceAnchor(a: HTMLAnchorElement, pageHost: string): boolean {
  return resourceAddress(a, pageHost) !== null;
}

/**
 * The link's resolved address when it is a mutual-aid resource, null otherwise. The browser's `a.href` resolves the
 * address afresh on every read, so the page's controller takes it from here rather than read it a second time.
 */
export function resourceAddress(a: HTMLAnchorElement, pageHost: string, judge?: true): string | null;
/** With `judge` false: undefined for a link that passes the cheap test, which is not judged (marking.ts says why). */
export function resourceAddress(a: HTMLAnchorElement, pageHost: string, judge: boolean): string | null | undefined;
export function resourceAddress(a: HTMLAnchorElement, pageHost: string, judge = true): string | null | undefined {
  const host = webLinkHost(a);
  // Most links stop at the cheap test; only the rest pay for the resolved address and the whole judgement.
  if (host === null || !passesCheapTest(a, host, pageHost)) return null;
  if (!judge) return undefined;
  const href = a.href;
  const fullText = a.textContent ?? '';
  let context: string | undefined;
  const facts: LinkFacts = {
    href,
    host,
    text: anchorText(a, fullText),
    title: titleAsWritten(a),
    pageHost,
    pagePath: a.ownerDocument.location?.pathname,
    context: () => (context ??= surroundings(a, fullText.length)),
    inPageChrome: () => a.closest(PAGE_CHROME_SELECTOR) !== null,
  };
  // A wrapper stands for the address it carries: that is what is checked and marked.
  return judgeResource(facts).resource ? (carriedAddress(href, pageHost) ?? href) : null;
}

/** The cheap test: whether the link could be a resource at all (spotting's mightBeResource, read from the page). */
function passesCheapTest(a: HTMLAnchorElement, host: string, pageHost: string): boolean {
  return (
    resourceHost(host) ||
    mayBeNamedNearby(a) ||
    mayBeServiceBodySite(a) ||
    carriesResource(a, host, pageHost) ||
    (serviceBodyPage(pageHost) && mayBeServiceBodysOwn(a))
  );
}

/**
 * On a service body's own site: its meeting list or temporary contact page by the address, or a neighbour named by
 * its words ("Almost Heaven Area"), as spotting's mightBeResource lets through.
 */
function mayBeServiceBodysOwn(a: HTMLAnchorElement): boolean {
  return (
    OWN_SERVICE_CUE.test(a.getAttribute('href') ?? '') ||
    mayNameServiceBody(anchorText(a, a.textContent ?? '') + ' ' + titleAsWritten(a))
  );
}

/** A service body's site by its address and its own words ("Beaver Valley Area" at beavervalleyna.org). */
function mayBeServiceBodySite(a: HTMLAnchorElement): boolean {
  return (
    mayBeServiceBodyAddress(a.getAttribute('href') ?? '') &&
    mayNameServiceBody(anchorText(a, a.textContent ?? '') + ' ' + titleAsWritten(a))
  );
}

/**
 * A redirect wrapper whose carried address may make it a resource by itself: on a group's or a helpline's host
 * ("redirect.php?url=https://aa.org/", "/out/www.aa.org/"), or a service body's site its words name (an address
 * written in base64 hides its spelling from the raw href).
 */
function carriesResource(a: HTMLAnchorElement, host: string, pageHost: string): boolean {
  const raw = a.getAttribute('href') ?? '';
  if (!mayCarryAddress(raw) && !(wrapperHost(host, pageHost) && mayCarryInAnyForm(raw))) return false;
  const carried = carriedAddress(a.href, pageHost);
  if (carried === null) return false;
  if (resourceHost(new URL(carried).hostname)) return true;
  return (
    mayBeServiceBodyAddress(carried) && mayNameServiceBody(anchorText(a, a.textContent ?? '') + ' ' + titleAsWritten(a))
  );
}

/** Whether a link's host may be a redirect script read in every form: the page's own site or a click-tracker. */
const wrapperHostOnce = rememberedPerKey((hosts: string) => {
  const [host, pageHost] = hosts.split(' ');
  return mayBeWrapperHost(host!, pageHost);
});
const wrapperHost = (host: string, pageHost: string) => wrapperHostOnce(`${host} ${pageHost}`);

/** Whether the page is an A.A. or N.A. service body's own site, whose meeting list is a resource (once per page). */
const serviceBodyPage = rememberedPerKey(onServiceBodySite);

/** Whether a host alone may make a link a resource, remembered per host: a page links to few hosts, many times. */
const resourceHost = rememberedPerKey(mayBeResourceHost);

/**
 * The cheap test's words side (spotting's mightBeResource) read from the page with as few calls as it can: on a
 * page of 10,000 links every call per link costs milliseconds. It never turns away what mightBeResource would let
 * through: the box's text holds the link's own words and their surroundings, and the labels are looked at, alone
 * and joined to the words as mightBeResource joins them, whenever the link has any. tests/e2e/spotting-in-page.test.ts
 * checks it on every labelled link of the real pages.
 */
function mayBeNamedNearby(a: HTMLAnchorElement): boolean {
  const box = a.closest(EVIDENCE_BOX_SELECTOR);
  const words = box ? boxText(box) : (a.textContent ?? '');
  let own: string | undefined;
  const ownWords = () => (own ??= (a.textContent ?? '').slice(0, OWN_TEXT_CHARS));
  if (words.length <= WHOLE_BOX_CHARS) {
    if (mayNameResource(words)) return true;
  } else if (mayNameResource(ownWords()) || mayNameResource(words.slice(0, CONTEXT_CHARS))) return true;
  // No title or label to read, and no image inside to describe it: the words above were all there is. One selector
  // test: reading \`a.attributes\` made the browser build an object per link, about 1 µs each on a page of 10,000.
  if (a.firstElementChild === null && !a.matches(LABELLED)) return false;
  const title = titleAsWritten(a);
  return mayNameResource(anchorText(a, ownWords())) || (title !== '' && mayNameResource(title));
}

/**
 * A box's text, read once however many links it holds (an old table layout may put a whole page in one cell), and
 * only for the task at hand: the page may change it before the next.
 */
let boxTexts = new WeakMap<Element, string>();
let forgetting = false;
function boxText(box: Element): string {
  let text = boxTexts.get(box);
  if (text === undefined) {
    text = box.textContent ?? '';
    boxTexts.set(box, text);
    if (!forgetting) {
      forgetting = true;
      queueMicrotask(() => {
        boxTexts = new WeakMap();
        forgetting = false;
      });
    }
  }
  return text;
}

/**
 * The text of the link's list item, cell or paragraph. When that is only the link's own text (a list of links,
 * the commonest shape on any page), it says nothing the link's words did not: empty.
 */
function surroundings(a: HTMLAnchorElement, ownLength: number): string {
  const box = a.closest(EVIDENCE_BOX_SELECTOR);
  return surroundingWords(box ? boxText(box) : '', ownLength);
}

/** The image's alt text is read only for a link without words of its own (linkWords leaves it out otherwise). */
function anchorText(a: HTMLAnchorElement, text: string): string {
  const alt = text.slice(0, OWN_TEXT_CHARS).trim() ? '' : (a.querySelector('img')?.alt ?? '');
  return linkWords(text, a.getAttribute('aria-label') ?? '', alt);
}
