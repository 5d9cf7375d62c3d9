/**
 * One launcher for both browsers the extension ships to, so the same test body runs against each, both started
 * inside the simulation's sealed network (tests/fixtures/sealed/) and finding its hosts through their own resolvers
 * and /etc/resolv.conf, with no resolver flag or proxy, and the simulation's CA in the profile's certificate database:
 *   Chromium — the MV3 build (harness.ts);
 *   Firefox ESR — the MV3 build as a temporary add-on over WebDriver BiDi.
 * E2E_BROWSERS=chromium (or firefox) runs one of them.
 */
import { existsSync, mkdtempSync, readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer';
import { bridgeOutside } from '../fixtures/sealed/bridge.ts';
import type { Condition } from '../fixtures/sealed/world.ts';
import { freePort, startSimWeb, type SimWeb, type SimWebOptions } from '../fixtures/simweb/server.ts';
import { CHROME_EXTENSION, launchChromium, privateCopy, trustSimulation } from './harness.ts';

export type BrowserKind = 'chromium' | 'firefox';

export const FIREFOX_EXTENSION = path.resolve('.output/firefox-mv3');
const FIREFOX_ID = 'still-there@still-there.org';
/** Fixed, so the extension's pages have a known origin and its IndexedDB survives a restart. */
const FIREFOX_UUID = '5b1f7c2e-0d4e-4c1a-9a57-57111e7e7e7e';

export function firefoxPath(): string | null {
  const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'].filter((p): p is string =>
    Boolean(p),
  );
  return candidates.find((p) => existsSync(p)) ?? null;
}

export const BROWSERS: BrowserKind[] = (process.env.E2E_BROWSERS ?? 'chromium,firefox')
  .split(',')
  .map((b) => b.trim())
  .filter((b): b is BrowserKind => b === 'chromium' || b === 'firefox');

export interface Session {
  kind: BrowserKind;
  sim: SimWeb;
  browser: Browser;
  /** chrome-extension://<id> or moz-extension://<uuid>, without a trailing slash. */
  origin: string;
  restart(): Promise<void>;
  /**
   * Installs the same build again, as the browser installs an update: the background starts afresh (onInstalled says
   * "update") and the pages already open keep the old copy of our scripts. Extension pages close at an update, so
   * in Firefox extensionPage() has no welcome page to open others from afterwards.
   */
  update(): Promise<void>;
  /**
   * An extension page to call extension APIs from, the same way in both browsers. WebDriver BiDi may not navigate
   * to moz-extension:// addresses, so pages are opened from the extension's own welcome page (options, opened on
   * install) with tabs.create. The options page itself is that welcome page: do not close it.
   */
  extensionPage(path?: string): Promise<Page>;
  /** An open page, found by the address its document reports (an extension page another page opened, say). */
  pageAt(url: string): Promise<Page>;
  close(): Promise<void>;
}

/**
 * The Spanish language pack Firefox needs to run in Spanish (intl.locale.requested alone does nothing without
 * one): Debian's firefox-esr-l10n-es-* packages install it beside the browser. Null when there is none.
 */
export function firefoxLangpack(lang: string): string | null {
  const executable = firefoxPath();
  if (!executable) return null;
  const dir = path.join(path.dirname(realpathSync(executable)), 'browser', 'extensions');
  const primary = lang.split('-')[0]!.toLowerCase();
  const found = existsSync(dir)
    ? readdirSync(dir).find(
        (f) =>
          f.toLowerCase().startsWith(`langpack-${lang.toLowerCase()}@`) ||
          f.toLowerCase().startsWith(`langpack-${primary}`),
      )
    : undefined;
  return found ? path.join(dir, found) : null;
}

/** Where this Firefox installation reads the machine's policies.json (its distribution folder). */
export function firefoxDistributionFolder(executable: string): string {
  return path.join(path.dirname(realpathSync(executable)), 'distribution');
}

/**
 * Firefox's enterprise policies with a "3rdparty" section for still-there (what storage.managed reads), in a copy of
 * the installation's distribution folder, [folder, its place] for the world's launcher to mount for this browser alone.
 */
function firefoxPolicyFolder(executable: string, profile: string, policy: Record<string, unknown>): [string, string] {
  const [copy, place] = privateCopy(firefoxDistributionFolder(executable), path.join(profile, 'distribution'));
  writeFileSync(
    path.join(copy, 'policies.json'),
    JSON.stringify({ policies: { '3rdparty': { Extensions: { [FIREFOX_ID]: policy } } } }),
  );
  return [copy, place];
}

async function launchFirefox(
  sim: SimWeb,
  profile: string,
  lang?: string,
  condition?: Condition,
  policy?: Record<string, unknown>,
  beforeInstall?: (browser: Browser) => Promise<void>,
): Promise<Browser> {
  const executable = firefoxPath();
  if (!executable) throw new Error("No Firefox found; install Debian's firefox-esr or set FIREFOX_PATH");
  trustSimulation(profile, sim.caFile);
  const binds = policy ? [firefoxPolicyFolder(executable, profile, policy)] : [];
  // Puppeteer reaches Firefox over a WebDriver BiDi socket on loopback, never a pipe: off the network, Firefox's
  // loopback is its own, so that one port is carried across by a Unix socket (sealed/bridge.ts).
  const offline = condition === 'offline';
  const debuggingPort = offline ? await freePort() : null;
  const socket = path.join(profile, 'bidi.sock');
  const bridge = debuggingPort ? await bridgeOutside(socket, debuggingPort) : null;
  const alongside = debuggingPort
    ? [process.execPath, path.resolve('tests/fixtures/sealed/bridge.ts'), 'listen-unix', socket, String(debuggingPort)]
    : [];
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: sim.world.launcher(executable, condition, alongside, binds),
    ...(debuggingPort ? { debuggingPort } : {}),
    headless: true,
    enableExtensions: true,
    userDataDir: profile,
    extraPrefsFirefox: {
      // The system resolver, as most users have it: no DNS over HTTPS (Firefox's default outside a few regions).
      'network.trr.mode': 5,
      'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_ID]: FIREFOX_UUID }),
      'extensions.webextensions.keepUuidOnUninstall': true,
      'extensions.webextensions.keepStorageOnUninstall': true,
      // The UI language (needs its language pack: firefoxLangpack).
      ...(lang ? { 'intl.locale.requested': lang } : {}),
    },
  });
  if (bridge) browser.once('disconnected', () => bridge.close());
  await beforeInstall?.(browser);
  await browser.installExtension(FIREFOX_EXTENSION);
  return browser;
}

/**
 * `browserOptions.lang`: the browser's UI language (default: the machine's, English here); `condition`: the network
 * the browser is on (default online, in the simulation's sealed network).
 */
export async function startSession(
  kind: BrowserKind,
  pages: Record<string, Record<string, string>>,
  simOptions: SimWebOptions = {},
  browserOptions: {
    lang?: string;
    condition?: Condition;
    policy?: Record<string, unknown>;
    /** Run before the extension is installed, the browser already up: pages a user had open when installing it. */
    beforeInstall?: (browser: Browser) => Promise<void>;
  } = {},
): Promise<Session> {
  const sim = await startSimWeb({ ...simOptions, pages });
  const profile = mkdtempSync(path.join(tmpdir(), `still-there-${kind}-`));
  let browser: Browser;
  let origin: string;
  // Pages to open before the install belong to the first start alone, not to a restart.
  const launch = async (first: boolean) => {
    const beforeInstall = first ? browserOptions.beforeInstall : undefined;
    if (kind === 'chromium') {
      const launched = await launchChromium(sim, { userDataDir: profile, ...browserOptions, beforeInstall });
      browser = launched.browser;
      origin = `chrome-extension://${launched.extensionId}`;
    } else {
      browser = await launchFirefox(
        sim,
        profile,
        browserOptions.lang,
        browserOptions.condition,
        browserOptions.policy,
        beforeInstall,
      );
      origin = `moz-extension://${FIREFOX_UUID}`;
    }
  };
  await launch(true);
  /**
   * Finds an open page by the address its document reports: over BiDi, Firefox lists extension pages as
   * about:blank, so the target's own URL cannot be trusted.
   */
  const pageAt = async (url: string, accept: (p: Page) => boolean = () => true): Promise<Page> => {
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      for (const p of await browser.pages()) {
        if (!accept(p)) continue;
        const href = await p.evaluate(() => location.href).catch(() => '');
        if (href === url) return p;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`no page at ${url}`);
  };
  /** The options page the extension opens on install: kept open as the door to the extension's other pages. */
  const welcomePage = () => pageAt(`${origin}/options.html`);
  // The welcome page opens when the extension's background gets to it: wait for it before the test opens its own
  // pages, or it may open in front of one of them (tests/e2e/harness.ts, welcomed).
  await welcomePage();
  const session: Session = {
    kind,
    sim,
    get browser() {
      return browser;
    },
    get origin() {
      return origin;
    },
    async restart() {
      await browser.close();
      await launch(false);
      // Each launch installs the extension anew (Chromium's --load-extension, Firefox's temporary add-on), so the
      // browser starts without the script our background registers for pages, and the background registers it again
      // before it opens the welcome page (src/background/start.ts). A page opened before that would run nothing of
      // ours: in Chromium the registration came 145-200 ms after the launch, and a test's page once beat it.
      await welcomePage();
    },
    async update() {
      await browser.installExtension(kind === 'chromium' ? CHROME_EXTENSION : FIREFOX_EXTENSION);
    },
    async extensionPage(pagePath = '/options.html') {
      const welcome = await welcomePage();
      const url = `${origin}${pagePath}`;
      if (pagePath === '/options.html') return welcome;
      const before = new Set(await browser.pages());
      // tabs.create, not window.open: Firefox blocks pop-ups opened without a user gesture.
      await welcome.evaluate(
        (u: string) =>
          void ((globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome).tabs.create({ url: u }),
        url,
      );
      const page = await pageAt(url, (p) => !before.has(p));
      await page.waitForFunction(() => document.readyState === 'complete');
      return page;
    },
    pageAt: (url) => pageAt(url),
    async close() {
      await browser?.close().catch(() => undefined);
      await sim.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
  return session;
}

/** Calls the extension API from one of its pages: `browser` in Firefox, `chrome` (or its `browser`) in Chromium. */
export function extensionApi(page: Page) {
  return {
    setSettings: (settings: object) =>
      page.evaluate(
        async (s: object) =>
          ((globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome).storage.local.set({ settings: s }),
        settings,
      ),
    /** What the background has registered to run in pages (src/background/page-script.ts). */
    registeredScripts: () =>
      page.evaluate(async () =>
        (
          await (
            (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome
          ).scripting.getRegisteredContentScripts()
        ).map((s) => ({ id: s.id, js: s.js ?? [], excludeMatches: s.excludeMatches ?? [] })),
      ),
    badgeFor: (url: string) =>
      page.evaluate(async (u: string) => {
        const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
        const [tab] = await api.tabs.query({ url: u });
        return api.action.getBadgeText({ tabId: tab!.id! });
      }, url),
  };
}
