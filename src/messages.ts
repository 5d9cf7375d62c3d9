/**
 * Every message between the page, the popup, the options page and the background, in one typed table.
 * The background answers each with a named async handler (src/background/handlers.ts).
 */
import type { Verdict } from './health/verdict.ts';
import {
  summaryFromWire,
  summaryOf,
  summaryToWire,
  type LinkHealth,
  type VerdictSummary,
  type WireSummary,
} from './health/link-health.ts';
import type { CacheStats, FeedRecord } from './store/schema.ts';

/** What a page or the popup needs to draw a link: the verdict's summary, and whether a recheck is under way. */
export type LinkVerdict = VerdictSummary & {
  /** The verdict is past its expiry and a recheck is under way. */
  stale: boolean;
  /** Who checked, when the verdict came from a subscribed feed (its publisher); absent for our own checks. */
  checkedBy?: string;
};

/**
 * A verdict as a lookup's answer carries it: the summary's wire form (src/health/link-health.ts), and `stale` and
 * `checkedBy` only when they say something. `fromWire` rebuilds the LinkVerdict.
 */
export type WireVerdict = WireSummary & { stale?: true; checkedBy?: string };

export function toWire(v: LinkVerdict, withDetail: boolean): WireVerdict {
  const w: WireVerdict = summaryToWire(v, withDetail);
  if (v.stale) w.stale = true;
  if (v.checkedBy !== undefined) w.checkedBy = v.checkedBy;
  return w;
}

export function fromWire(w: WireVerdict): LinkVerdict {
  return {
    ...summaryFromWire(w),
    stale: w.stale === true,
    ...(w.checkedBy !== undefined ? { checkedBy: w.checkedBy } : {}),
  };
}

export interface Requests {
  /**
   * Known verdicts now; unknown or stale links are queued and arrive later as 'verdicts' pushes. `details`: carry
   * each verdict's `detail` too.
   */
  lookup: { request: { urls: string[]; force?: boolean; details?: boolean }; response: { verdicts: WireVerdict[] } };
  /** A page's count of dead resource links, for the toolbar badge. */
  pageSummary: { request: { dead: number }; response: { ok: true } };
  cacheStats: { request: Record<string, never>; response: CacheStats };
  cacheClear: { request: Record<string, never>; response: { ok: true } };
  cacheExport: { request: Record<string, never>; response: { verdicts: LinkHealth[] } };
  /** The subscribed verdict feeds as last fetched (the options page). */
  feedStatus: { request: Record<string, never>; response: { feeds: FeedRecord[] } };
  /** Fetches every subscribed feed now, then answers as feedStatus. */
  feedRefresh: { request: Record<string, never>; response: { feeds: FeedRecord[] } };
  /**
   * Fetches a PDF for the report page as the background fetches a link to check (src/background/document-fetch.ts),
   * and leaves its bytes in the DOCUMENT_CACHE under `key` for the page to take. The extension's own pages only.
   */
  fetchDocument: { request: { url: string }; response: DocumentFetch };
  /**
   * A page's first look (src/page-marker/first-look.ts): its markup, or a question, answered with whether the marker
   * now runs there and whether to send the markup (src/background/first-look.ts). Web pages only.
   */
  firstLook: { request: FirstLook; response: LookAnswer };
}

/**
 * What a page's first look sends: the page as it read it (null: links were added, or the page is too big to send
 * whole: look link by link) and the address relative links resolve to; or, after a change of settings, nothing but
 * the question (may it send the page? Its site may be turned off now).
 */
export type FirstLook = Record<string, never> | { page: PageReading | null; base: string };

/**
 * A page as its first look reads it: the text of its body (the whole document's where it has none, as textContent
 * gives it, scripts included), its links' titles and aria-labels and the descriptions of images inside links, one a
 * line, and every link's href as written (document.links: <a> and <area> with one).
 */
export interface PageReading {
  text: string;
  labels: string;
  hrefs: string[];
}

/** The answer a first look gets: whether the marker now runs in its page, and whether to send the page as read. */
export interface LookAnswer {
  marker: boolean;
  send: boolean;
}

/** The background's answer to fetchDocument: where the bytes are, or why there are none. */
export type DocumentFetch =
  | { ok: true; key: string; finalUrl: string }
  | {
      ok: false;
      problem: 'not-web-link' | 'private-address' | 'invalid-url' | 'http' | 'too-large' | 'failed';
      detail: string;
    };

/** The CacheStorage cache a fetched PDF waits in for the report page (both may open it: one origin). */
export const DOCUMENT_CACHE = 'still-there:documents';

export type RequestName = keyof Requests;

export interface Envelope<K extends RequestName = RequestName> {
  type: K;
  payload: Requests[K]['request'];
}

/** One link of the page to a directory group, as the page has marked it: the popup's "Groups on this page". */
export interface PageGroupLink {
  groupId: string;
  /** Normalised as lookups are (src/health/address.ts). */
  url: string;
  verdict: Verdict | 'checking';
  reason: string | null;
}

/** One http(s) link of a page, as the page's "Audit this page" report lists it (src/page-marker/page-links.ts). */
export interface PageLink {
  /** As the browser resolved it (against the page and its <base>), fragment kept: not yet normalised. */
  href: string;
  /** The link's words, whitespace collapsed, as the CLI's crawl reads them ('' for an image link). */
  text: string;
  /** 1-based rank among the page's http(s) links, in document order. */
  position: number;
  /** A mutual-aid resource link by the directory's spotting (src/directory/spotting.ts). */
  resource: boolean;
}

export interface PageLinks {
  /** The page's address, without its fragment. */
  page: string;
  title: string;
  links: PageLink[];
  /** The page had more links than one answer carries; only the first ones are listed. */
  truncated: boolean;
}

/**
 * Asked of a tab's content script by the popup and the audit page (browser.tabs.sendMessage); answered by
 * src/page-marker/page-groups.ts and src/page-marker/page-links.ts.
 */
export interface TabRequests {
  pageGroups: { request: { type: 'pageGroups' }; response: PageGroupLink[] };
  pageLinks: { request: { type: 'pageLinks' }; response: PageLinks };
}

export type TabRequest = TabRequests[keyof TabRequests]['request'];

/** The popup's "Groups on this page" question. */
export function isTabRequest(message: unknown): message is TabRequests['pageGroups']['request'] {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'pageGroups';
}

/** The audit page's "which links are on this page?" question. */
export function isPageLinksRequest(message: unknown): message is TabRequests['pageLinks']['request'] {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'pageLinks';
}

/** Sent from the background to a tab by the context menu (verdicts go over src/verdict-channel.ts). */
export type TabPush = { type: 'recheckPage' } | { type: 'checkLink'; url: string };

export function isEnvelope(message: unknown): message is Envelope {
  return (
    typeof message === 'object' &&
    message !== null &&
    typeof (message as { type?: unknown }).type === 'string' &&
    'payload' in message
  );
}

export function toLinkVerdict(r: VerdictSummary, stale = false, checkedBy?: string): LinkVerdict {
  return checkedBy === undefined ? { ...summaryOf(r), stale } : { ...summaryOf(r), stale, checkedBy };
}
