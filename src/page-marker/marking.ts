/**
 * The content script's work on one page, in named steps: find the links to check (scan), ask the background (ask),
 * draw the verdicts as they arrive (draw), follow the page as it changes (watchForNewLinks), keep the toolbar badge's
 * count (badgeCount), and remove every trace when the user turns the extension off here (teardown). Work is
 * sliced into short tasks (main-thread.ts) so a page of 10,000 links never freezes.
 */
import { normaliseUrl } from '../health/address.ts';
import { destinationOf } from '../health/carried-address.ts';
import type { LinkVerdict, Requests, RequestName, TabPush } from '../messages.ts';
import type { ChannelAnswer } from '../verdict-channel.ts';
import { isOffFor, type Settings } from '../settings.ts';
import { webLinkHost } from '../first-look/link-address.ts';
import { inSlices, MainThreadShare, SLICE_MS, yieldToPage } from './main-thread.ts';
import { MarkedLinks } from './marked-links.ts';
import { isOurs, unmarkAll, type MarkOptions } from './marks.ts';
import { watchForNewLinks } from './page-changes.ts';
import { removePhoneNotes } from './phone-note.ts';

export interface PageDeps {
  send<K extends RequestName>(type: K, payload: Requests[K]['request']): Promise<Requests[K]['response']>;
  /**
   * The verdicts the background knows now for these (normalised) addresses; the others are checked and arrive
   * through `onVerdicts` as each check ends (src/verdict-channel.ts).
   */
  want(urls: string[], force: boolean): Promise<ChannelAnswer>;
  /** Subscribe to verdicts as they arrive; returns the unsubscribe. */
  onVerdicts(listener: (verdicts: LinkVerdict[]) => void): () => void;
  /** Subscribe to the context menu's requests; returns the unsubscribe. */
  onPush(listener: (push: TabPush) => void): () => void;
  /**
   * The anchor's resolved address when it is a web link to a mutual-aid resource (src/directory/spotting.ts), null
   * otherwise: the address comes back with the answer so that it is resolved once per link. With `judge` false, a
   * link that passes the cheap test is not judged yet: undefined (the judgement's first use is prepared first).
   */
  resourceAddress(a: HTMLAnchorElement, judge?: boolean): string | null | undefined;
  isDirectoryUrl(url: string): boolean;
  /** The group a dead link's own words name, when the directory cannot place its address (marks.ts). */
  namedGroupHome?: MarkOptions['namedGroupHome'];
  /**
   * What the first judgement of a link builds (the directory's names, its compiled patterns), in steps: they run one
   * slice at a time before the first link that passes the cheap test is judged, rather than all in that link's task
   * (src/directory/spotting.ts, JUDGEMENT_STEPS).
   */
  judgementSteps?: ReadonlyArray<() => unknown>;
  now?: () => number;
}

const LOOKUP_BATCH = 500;
const DRAW_BATCH = 50;
const SUMMARY_DEBOUNCE_MS = 200;

export interface PageMarker {
  /** Apply new settings: may unmark everything, rescan, or redraw. */
  update(settings: Settings): void;
  /** Stops, and takes every mark away (the site was turned off; the extension is gone). */
  stop(): void;
  /** Stops, and leaves the marks as they are: a newer copy of the marker clears them and marks afresh (hand-over.ts). */
  leave(): void;
  /** Resolves when the first scan has been sent to the background and cached verdicts drawn. */
  readonly firstPass: Promise<void>;
  /** Main-thread milliseconds spent so far. */
  readonly busyMs: number;
  readonly longestSliceMs: number;
}

/**
 * Marks the page's links under `initial` and follows the page and the settings from then on. The background runs the
 * marker only where its first look found a link that could be a resource, or where a person asked for it
 * (src/page-marker/first-look.ts), so every link is looked at.
 */
export function startMarking(doc: Document, initial: Settings, deps: PageDeps): PageMarker {
  let settings = initial;
  let stopped = false;
  const pageHost = doc.location?.hostname;
  const links = new MarkedLinks(pageHost);
  const thread = new MainThreadShare(deps.now);
  const markOptions = (): MarkOptions => ({
    archiveSuggestions: settings.archiveSuggestions,
    showUnverified: settings.showUnverified,
    isDirectoryUrl: deps.isDirectoryUrl,
    ...(deps.namedGroupHome ? { namedGroupHome: deps.namedGroupHome } : {}),
  });
  const active = () => !stopped && !isOffFor(settings, doc.location?.hostname ?? '');
  const badge = badgeCount(
    () => links.deadOnPage(),
    (dead) => void deps.send('pageSummary', { dead }).catch(() => undefined),
  );
  let stopWatching: (() => void) | null = null;

  const unsubscribePush = deps.onPush((push) => {
    if (!active()) return;
    if (push.type === 'recheckPage') void ask(links.addresses(), true);
    else if (push.type === 'checkLink') checkOne(push.url);
  });
  const unsubscribeVerdicts = deps.onVerdicts((list) => {
    if (active()) void draw(list);
  });

  /**
   * The anchor's resolved address when it is to be checked, null otherwise; undefined when it passed the cheap test
   * and `judge` is false (PageDeps.resourceAddress).
   */
  function wanted(a: HTMLAnchorElement, judge = true): string | null | undefined {
    // document.links also holds image-map <area>s. Not tagName: an XHTML page's reads "a", not "A".
    if (!(a instanceof HTMLAnchorElement)) return null;
    if (settings.mode === 'all') return webLinkHost(a) !== null ? a.href : null;
    return deps.resourceAddress(a, judge);
  }

  /**
   * The whole judgement's preparation (PageDeps.judgementSteps): begun by the first link that passes the cheap test,
   * awaited by every scan that meets one before it ends.
   */
  let preparing: Promise<void> | null = null;
  let prepared = deps.judgementSteps === undefined;
  const prepare = () =>
    (preparing ??= inSlices(deps.judgementSteps ?? [], thread).then(() => {
      prepared = true;
    }));

  /** Looks at anchors in slices, asking the background for each batch of new addresses as soon as it is ready. */
  async function scan(anchors: ArrayLike<HTMLAnchorElement>): Promise<void> {
    let fresh: string[] = [];
    const asks: Array<Promise<void>> = [];
    const options = markOptions();
    let sliceStart = thread.now();
    for (let i = 0; i < anchors.length; i++) {
      if ((i & 63) === 0 && !active()) return;
      const a = anchors[i]!;
      let href = wanted(a, prepared);
      if (href === undefined) {
        // The first link to judge: the judgement is prepared in slices of its own first.
        thread.spent(thread.now() - sliceStart);
        await prepare();
        sliceStart = thread.now();
        if (!active()) return;
        href = wanted(a, true) ?? null;
      }
      if (href !== null) {
        const url = links.track(a, href, options);
        if (url) fresh.push(url);
        if (fresh.length >= LOOKUP_BATCH) {
          asks.push(ask(fresh));
          fresh = [];
        }
      }
      if ((i & 63) === 63 && thread.now() - sliceStart > SLICE_MS) {
        // Ask for what this slice found before yielding: the background answers while we scan on.
        if (fresh.length) {
          asks.push(ask(fresh));
          fresh = [];
        }
        thread.spent(thread.now() - sliceStart);
        await yieldToPage();
        sliceStart = thread.now();
      }
    }
    if (fresh.length) asks.push(ask(fresh));
    thread.spent(thread.now() - sliceStart);
    await Promise.all(asks);
  }

  /**
   * Asks for these addresses and draws what is known now; the queued ones arrive through onVerdicts, and the rest
   * (beyond what one page may ask for) are left unmarked.
   */
  async function ask(urls: string[], force = false): Promise<void> {
    for (let i = 0; i < urls.length; i += LOOKUP_BATCH) {
      const batch = urls.slice(i, i + LOOKUP_BATCH);
      try {
        const { verdicts, queued } = await deps.want(batch, force);
        await draw(verdicts);
        const answered = new Set([...queued, ...verdicts.map((v) => v.url)]);
        for (const url of batch) if (!answered.has(url)) links.leaveUnchecked(url);
      } catch {
        // The background is restarting (the channel asks again when it is back) or the extension was updated (the
        // page stops): the marks stay "checking" meanwhile, nothing breaks.
      }
    }
  }

  /** Draws verdicts in slices, yielding to the page between them. */
  async function draw(list: LinkVerdict[]): Promise<void> {
    let start = thread.now();
    for (let i = 0; i < list.length; i += DRAW_BATCH) {
      if (!active()) break;
      links.draw(list.slice(i, i + DRAW_BATCH), markOptions());
      badge.changed();
      if (thread.now() - start > SLICE_MS) {
        thread.spent(thread.now() - start);
        await yieldToPage();
        start = thread.now();
      }
    }
    thread.spent(thread.now() - start);
  }

  /** The context menu's "Check this link": every anchor to that address, checked again now. */
  function checkOne(href: string): void {
    let url: string;
    try {
      url = normaliseUrl(destinationOf(href, pageHost));
    } catch {
      return;
    }
    const options = markOptions();
    for (const a of doc.querySelectorAll<HTMLAnchorElement>('a[href]')) {
      try {
        const own = a.href;
        if (normaliseUrl(destinationOf(own, pageHost)) === url) links.track(a, own, options);
      } catch {
        /* not a URL */
      }
    }
    void ask([url], true);
  }

  function teardown(): void {
    stopWatching?.();
    stopWatching = null;
    unmarkAll(doc);
    removePhoneNotes(doc);
    links.forgetAnchors();
    badge.clear();
  }

  async function begin(): Promise<void> {
    if (!active()) return;
    stopWatching = watchForNewLinks(doc, (anchors) => void scan(anchors), isOurs);
    await scan(doc.links as unknown as ArrayLike<HTMLAnchorElement>);
  }

  const firstPass = begin();

  return {
    firstPass,
    get busyMs() {
      return thread.busyMs;
    },
    get longestSliceMs() {
      return thread.longestSliceMs;
    },
    update(next: Settings) {
      const wasActive = active();
      const modeChanged = next.mode !== settings.mode;
      settings = next;
      if (!active()) {
        if (wasActive) teardown();
        return;
      }
      if (!wasActive || modeChanged) {
        teardown();
        void begin();
        return;
      }
      links.draw(links.known(), markOptions());
      badge.changed();
    },
    stop() {
      if (stopped) return;
      stopped = true;
      unsubscribePush();
      unsubscribeVerdicts();
      teardown();
    },
    leave() {
      if (stopped) return;
      stopped = true;
      unsubscribePush();
      unsubscribeVerdicts();
      stopWatching?.();
      stopWatching = null;
      badge.cancel(); // the badge is the new copy's to keep, and there is no extension left to tell
    },
  };
}

/**
 * The toolbar badge's count of dead links on the page, sent when it changes and at most every 200 ms; `clear` says 0
 * at once (the marks are gone).
 */
function badgeCount(
  count: () => number,
  send: (dead: number) => void,
): { changed(): void; clear(): void; cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let last = -1;
  return {
    changed() {
      timer ??= setTimeout(() => {
        timer = null;
        const dead = count();
        if (dead !== last) {
          last = dead;
          send(dead);
        }
      }, SUMMARY_DEBOUNCE_MS);
    },
    clear() {
      if (timer) clearTimeout(timer);
      timer = null;
      if (last !== 0) send(0);
      last = 0;
    },
    cancel() {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
