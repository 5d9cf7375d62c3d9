/**
 * Wires the background: the engine on the browser's network, the IndexedDB store, the work queue, the verdict
 * channel, the message table, the badge and the context menu. Called once per service-worker (or event-page) start.
 */
import { browser } from 'wxt/browser';
import { CONTENT_SCRIPT_FILE, sendToPage } from '../page-messages.ts';
import { createEngine, IN_BROWSER_LIMITS, type Engine } from '../health/engine.ts';
import { openAudit, openPdfReport, PDF_ADDRESS_PATTERNS } from '../open-audit.ts';
import { fetchDocument } from './document-fetch.ts';
import { t, tn } from '../i18n.ts';
import { isEnvelope, type TabPush } from '../messages.ts';
import { readPolicy } from '../policy.ts';
import {
  DEFAULT_SETTINGS,
  effectiveSettings,
  MANAGED_KEY,
  SETTINGS_KEY,
  type ManagedSettings,
  type Settings,
} from '../settings.ts';
import { FeedStore } from '../store/feed-store.ts';
import { VerdictStore } from '../store/verdict-store.ts';
import { FEED_REFRESH_MS, FeedSubscriptions } from './feed-subscriptions.ts';
import { createFeedFetch } from './feed-fetch.ts';
import { reachesInBrowser } from './connectivity.ts';
import { browserEngineConfig } from './engine-config.ts';
import { createFetchTransport } from './fetch-transport.ts';
import { CheckBudget } from './check-budget.ts';
import { askerFrom, createSiteKeys } from './site-keys.ts';
import { createHandlers, knownAndQueued, type HandlerContext, type HandlerTable } from './handlers.ts';
import { NetworkLog, type WebRequestEvents } from './network-log.ts';
import { guardPrivateNetwork, type BlockingRequests, type DnsResolver, type SessionRules } from './private-network.ts';
import { VerdictPushes } from './verdict-pushes.ts';
import { WorkQueue } from './work-queue.ts';
import { VERDICT_CHANNEL } from '../verdict-channel.ts';
import { lookAgainEverywhere, reachesOpenPages, type FrameTarget } from './first-look.ts';
import { pageScriptFile, pageScriptKeeper, type RegistrationApi } from './page-script.ts';
import { keepRepeatingAlarm } from './repeating-alarm.ts';

export function startBackground(): void {
  const log = new NetworkLog(browser.webRequest as unknown as WebRequestEvents | undefined);
  // Our requests stay out of the user's own machine and network, before they are sent (private-network.ts).
  const apis = browser as unknown as { declarativeNetRequest?: SessionRules; dns?: DnsResolver };
  const guard = guardPrivateNetwork({
    extensionId: browser.runtime.id,
    ourOrigin: browser.runtime.getURL('/'),
    rules: apis.declarativeNetRequest,
    dns: apis.dns,
    webRequest: browser.webRequest as unknown as BlockingRequests | undefined,
    refused: (requestId) => log.markRefused(requestId),
  });
  const transport = createFetchTransport(log);
  const store = new VerdictStore();
  let settings: Settings = DEFAULT_SETTINGS;
  let engine: Engine | null = null;

  const makeEngine = (): Engine =>
    (engine ??= createEngine(browserEngineConfig(settings, transport, reachesInBrowser(transport))));

  // The user's settings, with what the organisation's policy sets in their place (src/settings.ts). The policy is
  // mirrored into storage.local for the pages' scripts, which read it with the user's in one call.
  let stored: unknown;
  let managed: ManagedSettings = {};
  const mirrorPolicy = async (mirrored: unknown) => {
    // Written only when it changed: every page's script hears of every write.
    if (JSON.stringify(mirrored ?? {}) !== JSON.stringify(managed))
      await browser.storage.local.set({ [MANAGED_KEY]: managed });
  };
  const settingsLoaded = Promise.all([
    browser.storage.local.get([SETTINGS_KEY, MANAGED_KEY]),
    readPolicy(browser.storage as never),
  ]).then(async ([got, policy]) => {
    stored = got[SETTINGS_KEY];
    managed = policy;
    settings = effectiveSettings(stored, managed);
    await mirrorPolicy(got[MANAGED_KEY]);
    await guard.setAllowPrivate(settings.allowPrivate).catch(() => undefined);
  });

  // The script every page runs, registered with the browser to follow the settings (page-script.ts): checked at each
  // start of the background, in case the browser dropped it (an update) or the settings changed while it slept.
  const keepPageScript = pageScriptKeeper(browser as unknown as RegistrationApi);
  const pageScriptKept = settingsLoaded.then(() => keepPageScript(settings)).catch(() => undefined);

  // Verdict feeds (src/feed/): fetched when the worker starts and every few hours, and at once when the list changes.
  const feedStore = new FeedStore();
  const subscriptions = new FeedSubscriptions({
    store: feedStore,
    fetch: createFeedFetch({ log, fetch: (url, init) => fetch(url, init), allowPrivate: () => settings.allowPrivate }),
  });
  const refreshFeeds = (all = false) =>
    settingsLoaded
      .then(() => subscriptions.refresh(settings.feeds, { all, keys: settings.feedKeys }))
      .catch(() => undefined);
  const feeds = {
    async lookup(urls: readonly string[]) {
      await settingsLoaded;
      return feedStore.lookup(urls, new Set(settings.feeds), settings.feedKeys);
    },
    recheckHours: () => settings.recheckHours,
  };
  const alarms = (browser as { alarms?: typeof browser.alarms }).alarms;
  if (alarms) {
    void keepRepeatingAlarm(alarms, FEED_ALARM, FEED_REFRESH_MS / 60_000).catch(() => undefined);
    alarms.onAlarm.addListener((alarm) => {
      if (alarm.name === FEED_ALARM) void refreshFeeds();
    });
  }
  browser.runtime.onStartup.addListener(() => void refreshFeeds(true));
  void refreshFeeds();

  // The feeds with their pinned keys: a key pinned or changed asks for the feed again, as a new address does.
  const feedList = (s: Settings) => JSON.stringify([s.feeds, s.feedKeys]);
  // Which links are marked, and where: when it changes, the browser's registration follows, and then open pages the
  // first look found quiet look again, and those with nothing of ours get it (first-look.ts).
  const marking = (s: Settings) => JSON.stringify([s.mode, s.offSites]);
  const lookAgainIfMarkingChanged = (before: string) => {
    if (marking(settings) === before) return;
    void keepPageScript(settings)
      .catch(() => undefined)
      .then(() => lookAgainEverywhere(browser as never, settings, pageScriptFile(settings)));
  };
  browser.storage.onChanged.addListener((changes, area) => {
    const before = feedList(settings);
    const markingBefore = marking(settings);
    if (area === 'local' && changes[SETTINGS_KEY]) stored = changes[SETTINGS_KEY].newValue;
    else if (area === 'managed') {
      // IT changed the policy while the browser runs: read it whole again, and tell the pages' scripts.
      void readPolicy(browser.storage as never).then(async (policy) => {
        const mirrored = (await browser.storage.local.get(MANAGED_KEY))[MANAGED_KEY];
        managed = policy;
        settings = effectiveSettings(stored, managed);
        engine = null;
        await guard.setAllowPrivate(settings.allowPrivate).catch(() => undefined);
        await mirrorPolicy(mirrored);
        if (feedList(settings) !== before) void refreshFeeds();
        lookAgainIfMarkingChanged(markingBefore);
      });
      return;
    } else return;
    settings = effectiveSettings(stored, managed);
    engine = null; // archive and private-network choices live in the engine
    void guard.setAllowPrivate(settings.allowPrivate).catch(() => undefined);
    if (feedList(settings) !== before) void refreshFeeds();
    lookAgainIfMarkingChanged(markingBefore);
  });

  const work = new WorkQueue({
    store,
    engine: makeEngine,
    parallel: IN_BROWSER_LIMITS.concurrency,
    onVerdict: (health) => pushes.deliver(health),
    keepAlive: () => void browser.runtime.getPlatformInfo(),
    recheckHours: () => settings.recheckHours,
  });
  const startWork = () => void settingsLoaded.then(() => work.drain()).then(() => store.evictIfNeeded());

  // How much checking each page may ask for (check-budget.ts); a tab that closes or moves on stops waiting.
  const budget = new CheckBudget();
  const siteKey = createSiteKeys(browser.storage.local);
  const dropTab = (tabId: number) => void store.dropTab(tabId).catch(() => undefined);
  browser.tabs.onRemoved.addListener((tabId) => dropTab(tabId));
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.url !== undefined) dropTab(tabId);
  });

  // Verdicts reach the pages, the popup and the audit page over the verdict channel (src/verdict-channel.ts).
  const pushes = new VerdictPushes((request, asker) =>
    knownAndQueued({ store, startWork, budget, siteKey, feeds }, request, asker),
  );
  browser.runtime.onConnect.addListener((port) => {
    if (port.name === VERDICT_CHANNEL) pushes.connect(port, askerOf(port.sender));
  });

  const handlers: HandlerTable = createHandlers({
    // Every page's first look (src/page-marker/first-look.ts): the marker runs where it is needed.
    firstLook: {
      settings: () => settingsLoaded.then(() => settings),
      async runMarker({ tabId, frameId, documentId }: FrameTarget) {
        try {
          // documentIds (Chrome) pins the very page that looked; WXT's types know only frameIds.
          const target =
            documentId !== undefined ? { tabId, documentIds: [documentId] } : { tabId, frameIds: [frameId] };
          await browser.scripting.executeScript({ target: target as { tabId: number }, files: [CONTENT_SCRIPT_FILE] });
          return true;
        } catch {
          return false;
        }
      },
    },
    store,
    startWork,
    budget,
    siteKey,
    feeds,
    feedStatus: () => feedStore.records(),
    fetchDocument: (url) =>
      settingsLoaded.then(() =>
        fetchDocument(url, { log, allowPrivate: () => settings.allowPrivate, caches: globalThis.caches }),
      ),
    async feedRefresh() {
      await settingsLoaded;
      await subscriptions.refresh(settings.feeds, { all: true, keys: settings.feedKeys });
      return feedStore.records();
    },
    async setBadge(tabId, dead) {
      await browser.action.setBadgeBackgroundColor({ tabId, color: '#b3261e' });
      await browser.action.setBadgeText({ tabId, text: dead > 0 ? String(dead) : '' });
      // The number alone says little to a screen reader or a new user: the tooltip says what it counts.
      await browser.action.setTitle({ tabId, title: dead > 0 ? tn('badge_title', dead) : t('action_title') });
    },
  });

  browser.runtime.onMessage.addListener((message: unknown, sender: Sender) => {
    if (!isEnvelope(message) || !Object.hasOwn(handlers, message.type)) return undefined;
    const asker = askerOf(sender);
    // The saved verdicts are the user's: only the extension's own pages (the options page) may list or clear them.
    if (EXTENSION_PAGES_ONLY.has(message.type) && asker.pageUrl !== null) return undefined;
    const handler = handlers[message.type] as (p: unknown, c: HandlerContext) => Promise<unknown>;
    return handler(message.payload, asker);
  });

  // Firefox for Android has no context menus: everything else works without them.
  const menus = (browser as { contextMenus?: typeof browser.contextMenus }).contextMenus;
  if (menus) {
    // Made afresh at every browser start as well as at install, so their titles follow a change of browser language.
    const createMenus = async () => {
      await menus.removeAll();
      menus.create({ id: 'check-link', title: t('menu_check_link'), contexts: ['link'] });
      menus.create({ id: 'recheck-page', title: t('menu_recheck_page'), contexts: ['page'] });
      // Only where our content script runs: not on the browser's or our own pages.
      menus.create({
        id: 'audit-page',
        title: t('audit_menu_item'),
        contexts: ['page'],
        documentUrlPatterns: ['<all_urls>'],
      });
      // A PDF open in the browser's viewer, or a link to one: its links checked in the report page.
      menus.create({
        id: 'check-pdf',
        title: t('pdf_menu_item'),
        contexts: ['page'],
        documentUrlPatterns: PDF_ADDRESS_PATTERNS,
      });
      menus.create({
        id: 'check-pdf-link',
        title: t('pdf_menu_item'),
        contexts: ['link'],
        targetUrlPatterns: PDF_ADDRESS_PATTERNS,
      });
    };
    browser.runtime.onInstalled.addListener(() => void createMenus());
    browser.runtime.onStartup.addListener(() => void createMenus());
    menus.onClicked.addListener((info, tab) => {
      if (!tab?.id) return;
      if (info.menuItemId === 'check-link' && info.linkUrl)
        void sendToTab(tab.id, { type: 'checkLink', url: info.linkUrl });
      if (info.menuItemId === 'recheck-page') void sendToTab(tab.id, { type: 'recheckPage' });
      // The report of every link of the page, in a new tab beside it (src/audit/).
      if (info.menuItemId === 'audit-page') void openAudit(tab.id);
      if (info.menuItemId === 'check-pdf' && tab.url) void openPdfReport(tab.url, tab.id);
      if (info.menuItemId === 'check-pdf-link' && info.linkUrl) void openPdfReport(info.linkUrl, tab.id);
    });
  }

  browser.runtime.onInstalled.addListener((details) => {
    // The pages open at an install or update are looked at as the settings call for, as if just loaded.
    if (reachesOpenPages(details.reason))
      void pageScriptKept.then(() => lookAgainEverywhere(browser as never, settings, pageScriptFile(settings)));
    // On first install the options page introduces still-there and says what each permission is for. Once the pages'
    // script is registered: every page opened after the welcome is looked at.
    if (details.reason === 'install')
      void pageScriptKept.then(() => browser.tabs.create({ url: browser.runtime.getURL('/options.html') }));
  });

  // A worker stopped mid-queue picks up where it was.
  startWork();

  async function sendToTab(tabId: number, message: TabPush): Promise<void> {
    try {
      // A menu's request may find the page not yet listening: it is woken (src/page-messages.ts), or, on a page the
      // first look found quiet, the marker is run there: a person asked about this very page.
      await sendToPage(browser, tabId, message, { frameId: 0, inject: true });
    } catch {
      // The tab closed or navigated away: nothing is waiting any more.
    }
  }
}

const FEED_ALARM = 'still-there:verdict-feeds';

interface Sender {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
  frameId?: number;
  documentId?: string;
}

/** Requests a web page's script may not make, whatever it sends. */
const EXTENSION_PAGES_ONLY = new Set([
  'cacheStats',
  'cacheClear',
  'cacheExport',
  'feedStatus',
  'feedRefresh',
  // A web page must not have the extension fetch addresses for it.
  'fetchDocument',
]);

/**
 * Who asked: the tab (for the badge and the queue), and the page (for its site's verdicts and check budget); null for
 * the extension's own pages alone (the popup, the options, the audit page), which only a person opens (site-keys.ts).
 */
function askerOf(sender: Sender | undefined): HandlerContext {
  return askerFrom(sender, browser.runtime.getURL('/'));
}
