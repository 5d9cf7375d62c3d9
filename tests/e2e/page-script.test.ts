/**
 * Which script the browser runs in pages follows the settings (src/background/page-script.ts registers it), in
 * Chromium and Firefox ESR: the first look everywhere but the sites turned off, the marker itself when every link is
 * marked, and nothing at all when marking is off. A page opened while nothing of ours ran there is looked at once
 * marking is turned on again (src/background/first-look.ts, lookAgainEverywhere).
 */
import type { Page } from 'puppeteer';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, extensionApi, startSession, type Session } from './browsers.ts';
import { PAGE_HOST } from './pages.ts';
import { visit } from './harness.ts';

const QUIET = `https://${PAGE_HOST}/quiet.html`;
/** No mutual-aid word, name or address: under the usual settings, no link here is marked. */
const quietPage = `<!doctype html><title>County fair</title><p>The <a id="guide" href="/guide.html">county guide</a>.</p>`;

describe.each(BROWSERS)('in %s, the script pages run', (kind) => {
  let session: Session;
  let extension: Page;

  beforeAll(async () => {
    session = await startSession(kind, { [PAGE_HOST]: { '/quiet.html': quietPage, '/guide.html': quietPage } });
    extension = await session.extensionPage();
  });

  afterEach(async () => {
    await extensionApi(extension).setSettings({});
  });

  afterAll(async () => {
    await session?.close();
  });

  /** Sets the settings, and waits until the background has registered what they call for (it hears of them later). */
  async function settle(settings: object, registered: (scripts: Registered[]) => boolean): Promise<Registered[]> {
    await extensionApi(extension).setSettings(settings);
    let scripts: Registered[] = [];
    for (let tries = 0; tries < 100; tries++) {
      scripts = await extensionApi(extension).registeredScripts();
      if (registered(scripts)) return scripts;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`never registered as expected for ${JSON.stringify(settings)}: ${JSON.stringify(scripts)}`);
  }
  type Registered = { id: string; js: string[]; excludeMatches: string[] };
  const runs = (file: string) => (scripts: Registered[]) =>
    scripts.length === 1 && scripts[0]!.js.some((js) => js.endsWith(file));

  const started = (page: Page) => page.evaluate(() => performance.getEntriesByName('still-there:start').length > 0);

  it('registers the first look everywhere but the sites turned off, the marker when every link is marked, and nothing when marking is off', async () => {
    const usual = await settle({}, runs('page-look.js'));
    expect(usual[0]!.excludeMatches).toEqual([]);
    const off = await settle(
      { offSites: [PAGE_HOST] },
      (s) => runs('page-look.js')(s) && s[0]!.excludeMatches.length > 0,
    );
    expect([...off[0]!.excludeMatches].sort()).toEqual([`*://*.${PAGE_HOST}/*`, `*://${PAGE_HOST}/*`]);
    await settle({ mode: 'all' }, runs('page-marker.js'));
    await settle({ mode: 'off' }, (s) => s.length === 0);
  });

  it('marks a page opened while every link is marked at once, its ordinary links too', async () => {
    await settle({ mode: 'all' }, runs('page-marker.js'));
    const page = await session.browser.newPage();
    await visit(page, QUIET);
    await page.waitForFunction(() => document.querySelector('#guide')?.getAttribute('data-link-health') === 'alive', {
      timeout: 30_000,
      polling: 100,
    });
    await page.close();
  });

  it('runs nothing in a page opened while marking is off, and looks at it once marking is turned on', async () => {
    await settle({ mode: 'off' }, (s) => s.length === 0);
    const page = await session.browser.newPage();
    await visit(page, QUIET);
    // Under the usual settings the first look has started well within this (its busy figure is there in under 1 s).
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await started(page)).toBe(false);
    await settle({}, runs('page-look.js'));
    await page.waitForFunction(() => performance.getEntriesByName('still-there:busy').length > 0, {
      timeout: 15_000,
      polling: 100,
    });
    await page.close();
  });

  it('leaves a page of a site turned off alone, and looks at it once the site is turned on again', async () => {
    await settle({ offSites: [PAGE_HOST] }, (s) => runs('page-look.js')(s) && s[0]!.excludeMatches.length > 0);
    const page = await session.browser.newPage();
    await visit(page, QUIET);
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await started(page)).toBe(false);
    await settle({}, (s) => runs('page-look.js')(s) && s[0]!.excludeMatches.length === 0);
    await page.waitForFunction(() => performance.getEntriesByName('still-there:busy').length > 0, {
      timeout: 15_000,
      polling: 100,
    });
    await page.close();
  });
});
