/**
 * Launches the real browser with the built extension against the simulated web, the way a user's browser meets the
 * real one: started inside the simulation's sealed network (tests/fixtures/sealed/), where Chromium's own resolver
 * asks the world's DNS server through /etc/resolv.conf, with no resolver flag; the simulation's certificate
 * authority trusted in the profile's own NSS database ($HOME/.pki/nssdb), as an organisation's would be.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, lstatSync, mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser, type Page, type WebWorker } from 'puppeteer';
import type { Condition } from '../fixtures/sealed/world.ts';
import type { SimWeb } from '../fixtures/simweb/server.ts';

export const CHROME_EXTENSION = path.resolve('.output/chrome-mv3');

export function chromiumPath(): string {
  const candidates = [
    process.env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ].filter((p): p is string => Boolean(p));
  const found = candidates.find((p) => existsSync(p));
  if (!found)
    throw new Error(
      `No Chromium found (tried ${candidates.join(', ')}); install Debian's chromium or set CHROMIUM_PATH`,
    );
  return found;
}

/** A certificate database trusting the simulation's CA, in `dir` (made once; certutil is Debian's libnss3-tools). */
export function trustSimulation(dir: string, caFile: string): void {
  if (existsSync(path.join(dir, 'cert9.db'))) return;
  mkdirSync(dir, { recursive: true });
  execFileSync('certutil', ['-N', '-d', `sql:${dir}`, '--empty-password']);
  execFileSync('certutil', ['-A', '-n', 'still-there test CA', '-t', 'C,,', '-i', caFile, '-d', `sql:${dir}`]);
}

export interface Launched {
  browser: Browser;
  extensionId: string;
  userDataDir: string;
}

export interface ChromiumOptions {
  userDataDir: string;
  headless?: boolean;
  lang?: string;
  /** The network the browser finds itself on (default: the world's, online). */
  condition?: Condition;
  /**
   * An organisation's policy for still-there, as IT deploys it: a file in /etc/chromium/policies/managed/, here a
   * folder of the test's mounted over /etc/chromium for this browser alone (chromiumPolicyFolder).
   */
  policy?: Record<string, unknown>;
  /** Run once the browser is up and on the network, before the extension is installed (pages already open then). */
  beforeInstall?: (browser: Browser) => Promise<void>;
}

/** The id Chromium gives the unpacked extension in `dir`: the first 128 bits of SHA-256 of its path, as letters a–p. */
export function unpackedExtensionId(dir: string): string {
  const hex = createHash('sha256').update(dir).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

/**
 * A copy of /etc/chromium with a managed policy for still-there added, [folder, '/etc/chromium'] for the world's
 * launcher to mount: the policy file a Debian administrator writes, seen by this browser alone.
 */
function chromiumPolicyFolder(userDataDir: string, policy: Record<string, unknown>): [string, string] {
  const [etc, place] = privateCopy(CHROMIUM_POLICY_FOLDER, path.join(userDataDir, 'etc-chromium'));
  mkdirSync(path.join(etc, 'policies', 'managed'), { recursive: true });
  writeFileSync(
    path.join(etc, 'policies', 'managed', 'still-there.json'),
    JSON.stringify({ '3rdparty': { extensions: { [unpackedExtensionId(CHROME_EXTENSION)]: policy } } }),
  );
  return [etc, place];
}

/** Where Debian's Chromium reads the machine's policies (policies/managed/*.json). */
export const CHROMIUM_POLICY_FOLDER = '/etc/chromium';

/**
 * A copy of one of the machine's folders (/etc/chromium, Firefox's distribution folder), made to be written in and
 * mounted over the original for one browser: [the copy, the original's real place]. Debian's
 * /usr/lib/firefox-esr/distribution is a symbolic link, and copying a link copies the link: a policy written into
 * that "copy" once landed in the machine's own folder and reached every Firefox started afterwards. So the copy
 * is made from the folder the link names, and refused unless it is a folder of its own.
 */
export function privateCopy(folder: string, copy: string): [string, string] {
  const place = existsSync(folder) ? realpathSync(folder) : folder;
  if (existsSync(place)) cpSync(place, copy, { recursive: true, dereference: true });
  mkdirSync(copy, { recursive: true });
  if (lstatSync(copy).isSymbolicLink() || realpathSync(copy) === place)
    throw new Error(`the copy of ${folder} at ${copy} is not a folder of its own`);
  return [copy, place];
}

/**
 * `lang` sets the browser's UI language ("es"), which picks the extension's messages: Chromium on Linux reads it
 * from --lang and LANGUAGE. (Without its locale files, Debian's chromium still reports "en-US" as the UI
 * language while serving the extension's Spanish messages.)
 */
export async function launchChromium(sim: SimWeb, options: ChromiumOptions): Promise<Launched> {
  const home = path.join(options.userDataDir, 'home');
  trustSimulation(path.join(home, '.pki', 'nssdb'), sim.caFile);
  const browser = await puppeteer.launch({
    executablePath: sim.world.launcher(
      chromiumPath(),
      options.condition,
      [],
      options.policy ? [chromiumPolicyFolder(options.userDataDir, options.policy)] : [],
    ),
    headless: options.headless ?? true,
    pipe: true,
    enableExtensions: true,
    userDataDir: options.userDataDir,
    env: { ...process.env, HOME: home, ...(options.lang ? { LANGUAGE: options.lang } : {}) },
    args: [
      ...(options.lang ? [`--lang=${options.lang}`] : []),
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-features=HttpsUpgrades,HttpsFirstBalancedModeAutoEnable',
    ],
  });
  const online = options.condition !== 'offline';
  if (options.beforeInstall) {
    if (online) await networkSettled(browser, sim);
    await options.beforeInstall(browser);
  }
  const extensionId = await browser.installExtension(CHROME_EXTENSION);
  if (options.policy && extensionId !== unpackedExtensionId(CHROME_EXTENSION))
    throw new Error(`the policy named ${unpackedExtensionId(CHROME_EXTENSION)}, but the extension is ${extensionId}`);
  if (online && !options.beforeInstall) await networkSettled(browser, sim);
  return { browser, extensionId, userDataDir: options.userDataDir };
}

/**
 * Waits for the options page the extension opens on its first install. It opens when the service worker gets to it,
 * which on a busy machine can be after a test has opened its own pages: a tab opened then takes the foreground from
 * the test's page, and puppeteer's clicks in a background tab never land (issue 28: the popup's "Audit this page"
 * click timed out one run in two). A test's pages open after this, so they stay in front.
 */
export async function welcomed(browser: Browser, extensionId: string): Promise<void> {
  await browser.waitForTarget((t) => t.url() === `chrome-extension://${extensionId}/options.html`, {
    timeout: 30_000,
  });
}

/**
 * Chromium notices a network change once, shortly after it starts (its view of the interfaces and the DNS
 * configuration settles), and fails the requests under way with ERR_NETWORK_CHANGED — a user's first page after
 * starting the browser may meet the same. A test's first page waits until one page has loaded.
 */
async function networkSettled(browser: Browser, sim: SimWeb): Promise<void> {
  const page = await browser.newPage();
  try {
    // By address: no host of the simulation is asked, and its short "not served here" page holds no link to check.
    await visit(page, `http://${sim.world.webAddress}/`);
  } finally {
    await page.close();
  }
}

/**
 * Opens `url` in `page` as a person would, reloading when the browser's own start-up notice of a network change
 * (ERR_NETWORK_CHANGED) fails the navigation, as a person would too. The notice can come after the warm-up page
 * above has loaded: a fresh-clone run once met it on the first page asked by name (real-path, 1 run in 10). Any
 * other failure is the test's to see.
 */
export async function visit(page: Page, url: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await page.goto(url, { waitUntil: 'load' });
      return;
    } catch (err) {
      if (attempt >= 5 || !String(err).includes('ERR_NETWORK_CHANGED')) throw err;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

export async function serviceWorker(browser: Browser, extensionId: string): Promise<WebWorker> {
  const target = await browser.waitForTarget(
    (t) => t.type() === 'service_worker' && t.url().startsWith(`chrome-extension://${extensionId}/`),
    { timeout: 20_000 },
  );
  const worker = await target.worker();
  if (!worker) throw new Error('no service worker');
  return worker;
}

/** Waits until no link on the page is still being checked (or the timeout passes). */
export async function settled(page: Page, timeoutMs = 30_000): Promise<void> {
  await page.waitForFunction(
    () =>
      document.querySelectorAll('a[data-link-health]').length > 0 &&
      document.querySelectorAll('a[data-link-health="checking"]').length === 0,
    { timeout: timeoutMs, polling: 100 },
  );
}

export interface Mark {
  href: string;
  text: string;
  health: string | null;
  reason: string | null;
  title: string | null;
  struck: boolean;
  archive: string | null;
  newHome: string | null;
  /** The words of the new-home mark ("now at iocdf.org", "Recovery, Inc. is now Recovery International: …"). */
  newHomeText: string | null;
  newHomeIsLink: boolean;
  movedTo: string | null;
  description: string | null;
}

/** Everything the marking contract promises about each link, read from the page. */
export function readMarks(page: Page): Promise<Mark[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLAnchorElement>('a[href]')]
      .filter((a) => !a.closest('[data-link-health-extras]'))
      .map((a) => {
        const extras = a.nextElementSibling?.hasAttribute('data-link-health-extras') ? a.nextElementSibling : null;
        const described =
          a
            .getAttribute('aria-describedby')
            ?.split(' ')
            .map((id) => document.getElementById(id)?.textContent ?? '')
            .join(' ') ?? null;
        const newHome = extras?.querySelector('[data-link-health-new-home]') ?? null;
        return {
          href: a.getAttribute('href') ?? '',
          text: a.textContent ?? '',
          health: a.getAttribute('data-link-health'),
          reason: a.getAttribute('data-link-health-reason'),
          title: a.getAttribute('title'),
          struck: getComputedStyle(a).textDecorationLine.includes('line-through'),
          archive: extras?.querySelector<HTMLAnchorElement>('a[data-link-health-archive]')?.href ?? null,
          newHome: newHome ? (newHome instanceof HTMLAnchorElement ? newHome.href : newHome.textContent) : null,
          newHomeText: newHome?.textContent ?? null,
          newHomeIsLink: newHome instanceof HTMLAnchorElement,
          movedTo: extras?.querySelector('[data-link-health-moved-to]')?.textContent ?? null,
          description: described,
        };
      }),
  );
}

/**
 * A new page, not yet navigated, whose request for `url` the browser answers itself with `html` (request
 * interception), every other request going out as usual: for pages too big to keep in the simulation's catalogue
 * (the budgets' 10,000-link page). The page's scripts and ours see an ordinary https page at `url`.
 */
export async function pageServing(browser: Browser, url: string, html: string): Promise<Page> {
  const page = await browser.newPage();
  await page.setRequestInterception(true);
  page.on('request', (r) =>
    r.url() === url ? void r.respond({ status: 200, contentType: 'text/html', body: html }) : void r.continue(),
  );
  return page;
}
