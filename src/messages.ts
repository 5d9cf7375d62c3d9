/**
 * Every message between the page, the popup, the options page and the background, in one typed table.
 * The background answers each with a named async handler (src/background/handlers.ts).
 */
import type { LinkReport, Verdict } from './health/verdict.ts';
import type { CacheStats } from './store/verdict-store.ts';

/** What a page or the popup needs to draw a link: the report minus the confirmation bookkeeping. */
export type LinkVerdict = Pick<LinkReport, 'url' | 'verdict' | 'reason' | 'detail' | 'status' | 'finalUrl' | 'newHome' | 'archive' | 'checkedAt'> & {
  /** The verdict is past its expiry and a recheck is under way. */
  stale: boolean;
};

export interface Requests {
  /** Known verdicts now; unknown or stale links are queued and arrive later as 'verdicts' pushes. */
  lookup: { request: { urls: string[]; force?: boolean }; response: { verdicts: LinkVerdict[] } };
  /** A page's count of dead resource links, for the toolbar badge. */
  pageSummary: { request: { dead: number }; response: { ok: true } };
  cacheStats: { request: Record<string, never>; response: CacheStats };
  cacheClear: { request: Record<string, never>; response: { ok: true } };
  cacheExport: { request: Record<string, never>; response: { verdicts: LinkReport[] } };
}

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

/** Asked of a tab's content script by the popup (browser.tabs.sendMessage); answered by src/page/page-groups.ts. */
export interface TabRequests {
  pageGroups: { request: { type: 'pageGroups' }; response: PageGroupLink[] };
}

export type TabRequest = TabRequests[keyof TabRequests]['request'];

export function isTabRequest(message: unknown): message is TabRequest {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'pageGroups';
}

/** Pushed from the background to a tab. */
export type TabPush =
  | { type: 'verdicts'; verdicts: LinkVerdict[] }
  | { type: 'recheckPage' }
  | { type: 'checkLink'; url: string };

export function isEnvelope(message: unknown): message is Envelope {
  return typeof message === 'object' && message !== null && typeof (message as { type?: unknown }).type === 'string' && 'payload' in message;
}

export function toLinkVerdict(r: LinkReport, stale = false): LinkVerdict {
  return { url: r.url, verdict: r.verdict, reason: r.reason, detail: r.detail, status: r.status, finalUrl: r.finalUrl, newHome: r.newHome, archive: r.archive, checkedAt: r.checkedAt, stale };
}

export const VERDICTS: readonly Verdict[] = ['alive', 'moved', 'dead', 'unverified'];
