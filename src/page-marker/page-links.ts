/**
 * Every http(s) link of the page, for the "Audit this page" report: its address, its words, its place on the page and
 * whether the directory's spotting calls it a mutual-aid resource. Read straight from the DOM, whatever the marking
 * mode, so the report lists all links and not only those the page marks.
 */
import { isPageLinksRequest, type PageLink, type PageLinks } from '../messages.ts';
import { SLICE_MS, yieldToPage } from './main-thread.ts';

/** A page of more links than this is a sitemap or an attack; one message stays a few megabytes at most. */
export const MAX_AUDIT_LINKS = 20_000;
/**
 * The CLI keeps a link's words whole; so does this, up to a length only a whole card wrapped in one link reaches
 * (the words of all links together are at most the page's own text, so the message stays the page's size).
 */
const MAX_TEXT = 2_000;

/** The parts of an anchor this file reads: a real HTMLAnchorElement in the browser, a plain object in unit tests. */
export interface AnchorLike {
  tagName: string;
  href: string;
  textContent: string | null;
  closest(selectors: string): Element | null;
}

/**
 * How the reading shares the page's main thread: `now` to time a slice, `pause` to give the page a turn once a slice
 * has run SLICE_MS (main-thread.ts). Without it the links are read in one go (unit tests).
 */
export interface Slicing {
  now(): number;
  pause(): Promise<void>;
}

/**
 * Positions count the links listed here (every http(s) <a>, in document order), as the CLI's crawl counts a page's
 * outbound links: on a page that links only elsewhere the two agree. Our own inserted links (archived copies,
 * new homes) are not the page's and are left out. Read in slices (`slicing`): on a page of 10,000 links, read in one
 * go, the report held the page's main thread for 120-190 ms (bench/audit-page-task.ts).
 */
export async function collectLinks(
  anchors: ArrayLike<AnchorLike>,
  isResource: (a: AnchorLike) => boolean,
  max = MAX_AUDIT_LINKS,
  slicing: Slicing | null = null,
): Promise<{ links: PageLink[]; truncated: boolean }> {
  const links: PageLink[] = [];
  let sliceStart = slicing?.now() ?? 0;
  for (let i = 0; i < anchors.length; i++) {
    if (slicing && slicing.now() - sliceStart >= SLICE_MS) {
      await slicing.pause();
      sliceStart = slicing.now();
    }
    const a = anchors[i]!;
    if (a.tagName.toUpperCase() !== 'A') continue; // document.links also holds image-map <area>s
    if (!/^https?:/i.test(a.href)) continue;
    if (a.closest(OUR_ELEMENTS)) continue;
    if (links.length >= max) return { links, truncated: true };
    links.push({ href: a.href, text: words(a.textContent), position: links.length + 1, resource: isResource(a) });
  }
  return { links, truncated: false };
}

/** The extras marks.ts and phone-note.ts insert next to links (their isOurs). */
const OUR_ELEMENTS = '[data-link-health-extras], [data-link-health-phone-note]';

function words(text: string | null): string {
  // The crawler's display text: whitespace collapsed and trimmed (linkinator's links.js).
  const collapsed = (text ?? '').replace(/\s+/g, ' ').trim();
  return collapsed.length > MAX_TEXT ? `${collapsed.slice(0, MAX_TEXT - 1)}…` : collapsed;
}

export async function pageLinks(doc: Document, isResource: (a: HTMLAnchorElement) => boolean): Promise<PageLinks> {
  const slicing: Slicing = { now: () => performance.now(), pause: yieldToPage };
  const { links, truncated } = await collectLinks(
    doc.querySelectorAll<HTMLAnchorElement>('a[href]'),
    (a) => isResource(a as HTMLAnchorElement),
    MAX_AUDIT_LINKS,
    slicing,
  );
  const page = doc.location?.href ?? doc.URL;
  return { page: page.replace(/#.*$/s, ''), title: doc.title, links, truncated };
}

/** The content script's answer to 'pageLinks'; undefined leaves every other message to other listeners. */
export function answerPageLinks(
  message: unknown,
  doc: Document,
  isResource: (a: HTMLAnchorElement) => boolean,
): Promise<PageLinks> | undefined {
  return isPageLinksRequest(message) ? pageLinks(doc, isResource) : undefined;
}
