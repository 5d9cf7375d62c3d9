/**
 * Wires the background: the engine on the browser's network, the IndexedDB store, the work queue, the message
 * table, the badge and the context menu. Called once per service-worker (or event-page) start.
 */
import { browser } from 'wxt/browser';
import { sendToPage } from '../page-messages.ts';
import { createEngine, IN_BROWSER_LIMITS, type Engine } from '../health/engine.ts';
import type { LinkReport } from '../health/verdict.ts';
import { openAuditPage } from '../audit-page/open.ts';
import { t, tn } from '../i18n.ts';
import { isEnvelope, toLinkVerdict, type LinkVerdict, type TabPush } from '../messages.ts';
import { DEFAULT_SETTINGS, readSettings, SETTINGS_KEY, type Settings } from '../settings.ts';
import { VerdictStore } from '../store/verdict-store.ts';
import { reachesInBrowser } from './connectivity.ts';
import { browserEngineConfig } from './engine-config.ts';
import { createFetchTransport } from './fetch-transport.ts';
import { createHandlers, type HandlerTable } from './handlers.ts';
import { NetworkLog, type WebRequestEvents } from './network-log.ts';
import { WorkQueue } from './work-queue.ts';

const PUSH_BATCH_MS = 50;

export function startBackground(): void {
  const log = new NetworkLog(browser.webRequest as unknown as WebRequestEvents | undefined);
  const transport = createFetchTransport(log);
  const store = new VerdictStore();
  let settings: Settings = DEFAULT_SETTINGS;
  let engine: Engine | null = null;

  const makeEngine = (): Engine => (engine ??= createEngine(browserEngineConfig(settings, transport, reachesInBrowser(transport))));

  const settingsLoaded = browser.storage.local.get(SETTINGS_KEY).then((got) => {
    settings = readSettings(got[SETTINGS_KEY]);
  });
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local' || !changes[SETTINGS_KEY]) return;
    settings = readSettings(changes[SETTINGS_KEY].newValue);
    engine = null; // archive and private-network choices live in the engine
  });

  // Verdicts stream to each tab in small batches rather than one message per link.
  const outbox = new Map<number, LinkVerdict[]>();
  let flushTimer: ReturnType<typeof setTimeout> | null = null;
  const push = (report: LinkReport, tabIds: number[]) => {
    for (const tabId of tabIds) outbox.set(tabId, [...(outbox.get(tabId) ?? []), toLinkVerdict(report)]);
    flushTimer ??= setTimeout(() => {
      flushTimer = null;
      for (const [tabId, verdicts] of outbox) void sendToTab(tabId, { type: 'verdicts', verdicts });
      outbox.clear();
    }, PUSH_BATCH_MS);
  };

  const work = new WorkQueue({
    store,
    engine: makeEngine,
    parallel: IN_BROWSER_LIMITS.concurrency,
    onVerdict: push,
    keepAlive: () => void browser.runtime.getPlatformInfo(),
    recheckHours: () => settings.recheckHours,
  });
  const startWork = () => void settingsLoaded.then(() => work.drain()).then(() => store.evictIfNeeded());

  const handlers: HandlerTable = createHandlers({
    store,
    startWork,
    async setBadge(tabId, dead) {
      await browser.action.setBadgeBackgroundColor({ tabId, color: '#b3261e' });
      await browser.action.setBadgeText({ tabId, text: dead > 0 ? String(dead) : '' });
      // The number alone says little to a screen reader or a new user: the tooltip says what it counts.
      await browser.action.setTitle({ tabId, title: dead > 0 ? tn('badge_title', dead) : t('action_title') });
    },
  });

  browser.runtime.onMessage.addListener((message: unknown, sender: { tab?: { id?: number } }) => {
    if (!isEnvelope(message) || !(message.type in handlers)) return undefined;
    const handler = handlers[message.type] as (p: unknown, c: { tabId: number | null }) => Promise<unknown>;
    return handler(message.payload, { tabId: sender.tab?.id ?? null });
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
      menus.create({ id: 'audit-page', title: t('audit_menu_item'), contexts: ['page'], documentUrlPatterns: ['<all_urls>'] });
    };
    browser.runtime.onInstalled.addListener(() => void createMenus());
    browser.runtime.onStartup.addListener(() => void createMenus());
    menus.onClicked.addListener((info, tab) => {
      if (!tab?.id) return;
      if (info.menuItemId === 'check-link' && info.linkUrl) void sendToTab(tab.id, { type: 'checkLink', url: info.linkUrl });
      if (info.menuItemId === 'recheck-page') void sendToTab(tab.id, { type: 'recheckPage' });
      // The report of every link of the page, in a new tab beside it (src/audit-page/).
      if (info.menuItemId === 'audit-page') void openAuditPage(tab.id);
    });
  }

  // On first install the options page introduces still-there and says what each permission is for.
  browser.runtime.onInstalled.addListener((details) => {
    if (details.reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/options.html') });
  });

  // A worker stopped mid-queue picks up where it was.
  startWork();

  async function sendToTab(tabId: number, message: TabPush): Promise<void> {
    try {
      // Verdicts go to a page that asked, so is listening; a menu's request may find it not yet listening (woken).
      await (message.type === 'verdicts' ? browser.tabs.sendMessage(tabId, message) : sendToPage(browser, tabId, message, { frameId: 0 }));
    } catch {
      // The tab closed or navigated away: nothing is waiting any more.
    }
  }
}
