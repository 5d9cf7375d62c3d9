/**
 * The content script's work on one page: find the links to check, ask the background, draw the verdicts as they
 * arrive, follow the page as it changes, and remove every trace when the user turns the extension off here.
 * Work is sliced into short tasks so a page of 10,000 links never freezes.
 */
import { normaliseUrl } from '../health/address.ts';
import type { LinkVerdict, Requests, RequestName, TabPush } from '../messages.ts';
import { isOffFor, type Settings } from '../settings.ts';
import { applyVerdict, isOurs, markChecking, unmarkAll, type MarkOptions } from './marks.ts';
import { notePhone, removePhoneNotes } from './phone-note.ts';
import { webLinkHost } from './link-address.ts';

export interface PageDeps {
  send<K extends RequestName>(type: K, payload: Requests[K]['request']): Promise<Requests[K]['response']>;
  /**
   * The verdicts the background knows now for these (normalised) addresses; the others are checked and arrive
   * through `onVerdicts` as each check ends (src/verdict-channel.ts).
   */
  want(urls: string[], force: boolean): Promise<LinkVerdict[]>;
  /** Subscribe to verdicts as they arrive; returns the unsubscribe. */
  onVerdicts(listener: (verdicts: LinkVerdict[]) => void): () => void;
  /** Subscribe to the context menu's requests; returns the unsubscribe. */
  onPush(listener: (push: TabPush) => void): () => void;
  /**
   * The anchor's resolved address when it is a web link to a mutual-aid resource (src/directory/spotting.ts), null
   * otherwise: the address comes back with the answer so that it is resolved once per link.
   */
  resourceAddress(a: HTMLAnchorElement): string | null;
  isDirectoryUrl(url: string): boolean;
  /**
   * Whether any link of the page as it stands could be a resource (src/page/page-precheck.ts); when not, the first
   * scan is skipped and only links the page adds later are looked at. Absent: every link is looked at.
   */
  mayHoldResources?(doc: Document): boolean;
  now?: () => number;
}

/** Longest stretch of work before yielding to the page (a "long task" is 50 ms; stay far below it). */
const SLICE_MS = 8;
const LOOKUP_BATCH = 500;
const OBSERVER_DEBOUNCE_MS = 250;
const SUMMARY_DEBOUNCE_MS = 200;

export interface PageMarker {
  /** Apply new settings: may unmark everything, rescan, or redraw. */
  update(settings: Settings): void;
  stop(): void;
  /** Resolves when the first scan has been sent to the background and cached verdicts drawn. */
  readonly firstPass: Promise<void>;
  /** Main-thread milliseconds spent so far. */
  readonly busyMs: number;
  readonly longestSliceMs: number;
}

export function startMarking(doc: Document, initial: Settings, deps: PageDeps): PageMarker {
  let settings = initial;
  const now = deps.now ?? (() => performance.now());
  const tracked = new Map<string, Set<HTMLAnchorElement>>();
  const verdicts = new Map<string, LinkVerdict>();
  let urlOf = new WeakMap<HTMLAnchorElement, string>();
  let stopped = false;
  let observer: MutationObserver | null = null;
  let summaryTimer: ReturnType<typeof setTimeout> | null = null;
  let lastSummary = -1;
  /** Milliseconds our code held the main thread: the budget figure the e2e run prints. */
  let busyMs = 0;
  /** Longest single stretch of our work, to compare with the 50 ms long-task limit. */
  let longestSliceMs = 0;
  const spent = (ms: number) => {
    busyMs += ms;
    longestSliceMs = Math.max(longestSliceMs, ms);
  };

  const markOptions = (): MarkOptions => ({ archiveSuggestions: settings.archiveSuggestions, showUnverified: settings.showUnverified, isDirectoryUrl: deps.isDirectoryUrl });
  const active = () => !stopped && !isOffFor(settings, doc.location?.hostname ?? '');

  const unsubscribePush = deps.onPush((push) => {
    if (!active()) return;
    if (push.type === 'recheckPage') void ask([...tracked.keys()], true);
    else if (push.type === 'checkLink') checkOne(push.url);
  });
  const unsubscribeVerdicts = deps.onVerdicts((list) => {
    if (active()) void drawSliced(list);
  });

  /** The anchor's resolved address when it is to be checked, null otherwise. */
  function wanted(a: HTMLAnchorElement): string | null {
    // document.links also holds image-map <area>s. Not tagName: an XHTML page's reads "a", not "A".
    if (!(a instanceof HTMLAnchorElement)) return null;
    if (settings.mode === 'all') return webLinkHost(a) !== null ? a.href : null;
    return deps.resourceAddress(a);
  }

  /** `href`: the anchor's address as the browser resolved it. */
  function track(a: HTMLAnchorElement, href: string): string | null {
    let url: string;
    try {
      url = normaliseUrl(href);
    } catch {
      return null;
    }
    const previous = urlOf.get(a);
    if (previous === url) return null;
    if (previous) tracked.get(previous)?.delete(a);
    urlOf.set(a, url);
    let set = tracked.get(url);
    const isNew = !set;
    if (!set) tracked.set(url, (set = new Set()));
    set.add(a);
    notePhone(a, url);
    const known = verdicts.get(url);
    if (known) applyVerdict(a, known, markOptions());
    else markChecking(a);
    return isNew ? url : null;
  }

  /** Scans anchors in slices, asking the background for each batch of new links as soon as it is ready. */
  async function scan(anchors: ArrayLike<HTMLAnchorElement>): Promise<void> {
    let fresh: string[] = [];
    const asks: Array<Promise<void>> = [];
    let sliceStart = now();
    for (let i = 0; i < anchors.length; i++) {
      if ((i & 63) === 0 && !active()) return;
      const a = anchors[i]!;
      const href = wanted(a);
      if (href !== null) {
        const url = track(a, href);
        if (url) fresh.push(url);
        if (fresh.length >= LOOKUP_BATCH) {
          asks.push(ask(fresh));
          fresh = [];
        }
      }
      if ((i & 63) === 63 && now() - sliceStart > SLICE_MS) {
        // Ask for what this slice found before yielding: the background answers while we scan on.
        if (fresh.length) {
          asks.push(ask(fresh));
          fresh = [];
        }
        spent(now() - sliceStart);
        await yieldToPage();
        sliceStart = now();
      }
    }
    if (fresh.length) asks.push(ask(fresh));
    spent(now() - sliceStart);
    await Promise.all(asks);
  }

  /** Asks for these addresses and draws what is known now; the others arrive through onVerdicts. */
  async function ask(urls: string[], force = false): Promise<void> {
    for (let i = 0; i < urls.length; i += LOOKUP_BATCH) {
      try {
        await drawSliced(await deps.want(urls.slice(i, i + LOOKUP_BATCH), force));
      } catch {
        // The background is restarting (the channel asks again when it is back) or the extension was updated (the
        // page stops): the marks stay "checking" meanwhile, nothing breaks.
      }
    }
  }

  function draw(list: LinkVerdict[]): void {
    const options = markOptions();
    for (const v of list) {
      verdicts.set(v.url, v);
      for (const a of tracked.get(v.url) ?? []) if (a.isConnected) applyVerdict(a, v, options);
    }
    scheduleSummary();
  }

  async function drawSliced(list: LinkVerdict[]): Promise<void> {
    let start = now();
    for (let i = 0; i < list.length; i += 50) {
      if (!active()) break;
      draw(list.slice(i, i + 50));
      if (now() - start > SLICE_MS) {
        spent(now() - start);
        await yieldToPage();
        start = now();
      }
    }
    spent(now() - start);
  }

  function checkOne(href: string): void {
    let url: string;
    try {
      url = normaliseUrl(href);
    } catch {
      return;
    }
    for (const a of doc.querySelectorAll<HTMLAnchorElement>('a[href]')) {
      try {
        const href = a.href;
        if (normaliseUrl(href) === url) track(a, href);
      } catch {
        /* not a URL */
      }
    }
    void ask([url], true);
  }

  function scheduleSummary(): void {
    summaryTimer ??= setTimeout(() => {
      summaryTimer = null;
      let dead = 0;
      for (const [url, set] of tracked) if (verdicts.get(url)?.verdict === 'dead') for (const a of set) if (a.isConnected) dead++;
      if (dead !== lastSummary) {
        lastSummary = dead;
        void deps.send('pageSummary', { dead }).catch(() => undefined);
      }
    }, SUMMARY_DEBOUNCE_MS);
  }

  function observe(): void {
    let pending: Node[] = [];
    let timer: ReturnType<typeof setTimeout> | null = null;
    observer = new MutationObserver((records) => {
      for (const r of records) {
        if (r.type === 'attributes') pending.push(r.target);
        else for (const n of r.addedNodes) if (n.nodeType === 1 && !isOurs(n)) pending.push(n);
      }
      if (pending.length && !timer) {
        timer = setTimeout(() => {
          timer = null;
          const nodes = pending;
          pending = [];
          const anchors: HTMLAnchorElement[] = [];
          for (const n of nodes) {
            if (!(n as Element).isConnected) continue;
            if (n instanceof HTMLAnchorElement) anchors.push(n);
            for (const a of (n as Element).querySelectorAll?.<HTMLAnchorElement>('a[href]') ?? []) anchors.push(a);
          }
          void scan(anchors);
        }, OBSERVER_DEBOUNCE_MS);
      }
    });
    observer.observe(doc.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['href'] });
  }

  function teardown(): void {
    observer?.disconnect();
    observer = null;
    unmarkAll(doc);
    removePhoneNotes(doc);
    tracked.clear();
    urlOf = new WeakMap(); // turned on again, every link is marked afresh
    if (lastSummary !== 0) void deps.send('pageSummary', { dead: 0 }).catch(() => undefined);
    lastSummary = 0;
  }

  async function begin(): Promise<void> {
    if (!active()) return;
    observe();
    if (settings.mode !== 'all' && deps.mayHoldResources) {
      const start = now();
      const worthScanning = deps.mayHoldResources(doc);
      spent(now() - start);
      if (!worthScanning) return;
    }
    await scan(doc.links as unknown as ArrayLike<HTMLAnchorElement>);
  }

  const firstPass = begin();

  return {
    firstPass,
    get busyMs() {
      return busyMs;
    },
    get longestSliceMs() {
      return longestSliceMs;
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
      draw([...verdicts.values()]);
    },
    stop() {
      stopped = true;
      unsubscribePush();
      unsubscribeVerdicts();
      teardown();
    },
  };
}

/** Gives the page's own work a turn. scheduler.yield keeps our place in line where the browser has it. */
function yieldToPage(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return s?.yield ? s.yield() : new Promise((r) => setTimeout(r, 0));
}

