/**
 * The background's message table: one named async handler per request in src/messages.ts.
 * Lookups answer at once from the cache (stale verdicts included: a page marks instantly) and queue whatever
 * is missing, stale or forced; the verdicts then stream to the asking tab as they arrive.
 */
import { normaliseUrl } from '../health/address.ts';
import {
  toLinkVerdict,
  toWire,
  type DocumentFetch,
  type Requests,
  type RequestName,
  type WireVerdict,
} from '../messages.ts';
import { feedWord } from '../feed/prefer.ts';
import type { SharedVerdict } from '../store/feed-store.ts';
import type { FeedRecord } from '../store/schema.ts';
import type { VerdictStore } from '../store/verdict-store.ts';
import type { CheckBudget } from './check-budget.ts';
import { answerFirstLook, type FirstLookDeps } from './first-look.ts';

export interface HandlerContext {
  tabId: number | null;
  /** The page that asked (a content script's frame); null for the extension's own pages. */
  pageUrl: string | null;
  /** The frame that asked, and Chrome's id of its very document (site-keys.ts, askerFrom). */
  frameId?: number;
  documentId?: string;
}

export type Handler<K extends RequestName> = (
  payload: Requests[K]['request'],
  ctx: HandlerContext,
) => Promise<Requests[K]['response']>;
export type HandlerTable = { [K in RequestName]: Handler<K> };

/** One page can hold thousands of links; more than this in one message is a bug or an attack. */
export const MAX_URLS_PER_LOOKUP = 5_000;

export interface HandlerDeps {
  store: VerdictStore;
  budget: CheckBudget;
  /**
   * The keyed hash of the page's site (site-keys.ts: file: pages are a site too); null for the extension's own pages
   * alone, which see every verdict.
   */
  siteKey(pageUrl: string | null): Promise<string | null>;
  startWork(): void;
  setBadge(tabId: number, dead: number): Promise<void>;
  /** The subscribed feeds' verdicts (src/store/feed-store.ts); absent or empty when there are none. */
  feeds?: FeedVerdicts;
  /** The feeds' states for the options page, and a fetch of every one on request. */
  feedStatus?(): Promise<FeedRecord[]>;
  feedRefresh?(): Promise<FeedRecord[]>;
  /** A PDF for the report page, fetched as a link to check is (document-fetch.ts). */
  fetchDocument?(url: unknown): Promise<DocumentFetch>;
  /** The settings and the running of the marker, for pages' first looks (first-look.ts). */
  firstLook?: FirstLookDeps;
}

export interface FeedVerdicts {
  lookup(urls: readonly string[]): Promise<Map<string, SharedVerdict>>;
  /** The user's "recheck working links after N hours": a feed's alive verdict is trusted no longer than our own. */
  recheckHours(): number;
}

/**
 * What the background knows now for these addresses, and which it queued for a check (missing, stale or forced):
 * the answer to a lookup and to a reader's request on the verdict channel (src/verdict-channel.ts) alike.
 */
export async function knownAndQueued(
  deps: Pick<HandlerDeps, 'store' | 'startWork' | 'budget' | 'siteKey' | 'feeds'>,
  request: Requests['lookup']['request'],
  asker: { tabId: number | null; pageUrl: string | null },
): Promise<{ verdicts: WireVerdict[]; queued: string[] }> {
  const { urls, force, details } = (request ?? {}) as Partial<Requests['lookup']['request']>;
  // An address the store holds is normalised already (normalising is idempotent: tests/unit/address.test.ts),
  // which spares a page's thousand cached links a thousand URL parses.
  const normalised = (u: unknown) => (typeof u === 'string' && deps.store.holds(u) ? u : safeNormalise(u));
  const wanted = [
    ...new Set(
      (Array.isArray(urls) ? urls : [])
        .slice(0, MAX_URLS_PER_LOOKUP)
        .map(normalised)
        .filter((u): u is string => u !== null),
    ),
  ];
  const now = Date.now();
  const [known, site, shared] = await Promise.all([
    deps.store.lookup(wanted, now),
    deps.siteKey(asker.pageUrl),
    deps.feeds?.lookup(wanted),
  ]);
  const verdicts: WireVerdict[] = [];
  const toCheck: string[] = [];
  for (const url of wanted) {
    const stored = known.get(url);
    // A verdict checked only for other sites is not this page's to see: it gets a check of its own, so that what
    // it can read (marks, dates, how soon they come) says nothing of the user's visits elsewhere.
    const v = stored && (site === null || stored.shownTo?.includes(site)) ? stored : undefined;
    // The organisation's feed answers for a link it checked more recently than we did (src/feed/prefer.ts), unless
    // asked for a check of our own. It was checked for everyone, so every page may see it. "Than we did" means only
    // what this page may see: a verdict of ours checked for another site must not change this page's answer, or
    // whether a feed's link is answered at once would tell the page the user met that link elsewhere.
    const fromFeed = shared?.get(url);
    const word = force ? 'none' : feedWord(v, fromFeed, now, deps.feeds?.recheckHours());
    // Our own checks run on their schedule whatever a feed says, and at once when an unsigned feed says "dead": its
    // word alone strikes nothing, our own check's does. Whichever verdict is newer is the one shown.
    const stale = !v || v.expiresAt <= now;
    const check = stale || Boolean(force) || word === 'check-first';
    if (word === 'stands-in')
      verdicts.push(toWire(toLinkVerdict({ ...fromFeed!, detail: '' }, false, fromFeed!.publisher), details === true));
    else if (v) verdicts.push(toWire(toLinkVerdict(v, check), details === true));
    if (check) toCheck.push(url);
  }
  // What the page may ask of us (check-budget.ts); the rest is neither known nor queued, and the page says so.
  const queued = toCheck.length
    ? toCheck.slice(0, deps.budget.take(asker.pageUrl, toCheck.length, await deps.store.queuedCount(), now))
    : toCheck;
  await deps.store.enqueueMany(queued, asker.tabId, Boolean(force), now, site);
  if (queued.length) deps.startWork();
  return { verdicts, queued };
}

export function createHandlers(deps: HandlerDeps): HandlerTable {
  return {
    async lookup(request, { tabId, pageUrl }) {
      return { verdicts: (await knownAndQueued(deps, request, { tabId, pageUrl })).verdicts };
    },
    async pageSummary(request, { tabId }) {
      // A page's script could send anything here: only a count, from a tab, sets that tab's badge.
      const dead = (request as { dead?: unknown } | null)?.dead;
      if (tabId !== null && typeof dead === 'number' && Number.isFinite(dead))
        await deps.setBadge(tabId, Math.min(99_999, Math.max(0, Math.floor(dead))));
      return { ok: true };
    },
    async cacheStats() {
      return deps.store.stats();
    },
    async cacheClear() {
      await deps.store.clear();
      return { ok: true };
    },
    async feedStatus() {
      return { feeds: (await deps.feedStatus?.()) ?? [] };
    },
    async feedRefresh() {
      return { feeds: (await deps.feedRefresh?.()) ?? [] };
    },
    async fetchDocument(request) {
      const url = (request as { url?: unknown } | null)?.url;
      return (
        (await deps.fetchDocument?.(url)) ?? { ok: false, problem: 'failed', detail: 'no fetching of documents here' }
      );
    },
    async firstLook(request, asker) {
      if (!deps.firstLook) return { marker: false, send: false };
      return answerFirstLook(deps.firstLook, request, asker);
    },
    async cacheExport() {
      const all = await deps.store.all();
      // Export each link's health as the engine made it, without the store's bookkeeping.
      return { verdicts: all.map(({ expiresAt: _e, lastSeenAt: _l, shownTo: _s, ...health }) => health) };
    },
  };
}

function safeNormalise(url: unknown): string | null {
  try {
    return typeof url === 'string' && /^https?:/i.test(url) ? normaliseUrl(url) : null;
  } catch {
    return null;
  }
}
