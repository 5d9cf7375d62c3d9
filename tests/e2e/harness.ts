/**
 * Launches the real browser with the built extension against the simulated web: real-looking host names mapped
 * to loopback by the browser's own resolver rules, every other name failing like a lapsed domain, and the
 * simulation's certificate trusted by its public-key hash (nothing is installed in a system trust store).
 */
import { X509Certificate, createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser, type Page, type WebWorker } from 'puppeteer';
import type { SimWeb } from '../fixtures/simweb/server.ts';

export const CHROME_EXTENSION = path.resolve('.output/chrome-mv3');

export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter((p): p is string => Boolean(p));
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`No Chromium found (tried ${candidates.join(', ')}); install Debian's chromium or set CHROMIUM_PATH`);
  return found;
}

/** base64(sha256(SubjectPublicKeyInfo)) of the simulation's leaf: what --ignore-certificate-errors-spki-list wants. */
export function spkiHash(certPem: string): string {
  const der = new X509Certificate(certPem).publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('base64');
}

export interface Launched {
  browser: Browser;
  extensionId: string;
  userDataDir: string;
}

/**
 * `lang` sets the browser's UI language ("es"), which picks the extension's messages: Chromium on Linux reads it
 * from --lang and LANGUAGE. (Without its locale files, Debian's chromium still reports "en-US" as the UI
 * language while serving the extension's Spanish messages.)
 */
export async function launchChromium(sim: SimWeb, leafPem: string, options: { userDataDir: string; headless?: boolean; lang?: string }): Promise<Launched> {
  const browser = await puppeteer.launch({
    executablePath: chromiumPath(),
    headless: options.headless ?? true,
    pipe: true,
    enableExtensions: true,
    userDataDir: options.userDataDir,
    ...(options.lang ? { env: { ...process.env, LANGUAGE: options.lang } } : {}),
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
      `--host-resolver-rules=${sim.resolverRules()}`,
      `--ignore-certificate-errors-spki-list=${spkiHash(leafPem)}`,
    ],
  });
  const extensionId = await browser.installExtension(CHROME_EXTENSION);
  return { browser, extensionId, userDataDir: options.userDataDir };
}

export async function serviceWorker(browser: Browser, extensionId: string): Promise<WebWorker> {
  const target = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith(`chrome-extension://${extensionId}/`), { timeout: 20_000 });
  const worker = await target.worker();
  if (!worker) throw new Error('no service worker');
  return worker;
}

/** Waits until no link on the page is still being checked (or the timeout passes). */
export async function settled(page: Page, timeoutMs = 30_000): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll('a[data-link-health]').length > 0 && document.querySelectorAll('a[data-link-health="checking"]').length === 0, { timeout: timeoutMs, polling: 100 });
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
        const described = a.getAttribute('aria-describedby')?.split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ') ?? null;
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
          newHomeIsLink: newHome instanceof HTMLAnchorElement,
          movedTo: extras?.querySelector('[data-link-health-moved-to]')?.textContent ?? null,
          description: described,
        };
      }),
  );
}
