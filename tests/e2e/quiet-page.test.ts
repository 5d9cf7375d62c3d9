/**
 * A page with no link that could be a resource, under the usual settings: the first look only watches it
 * (src/page-marker/first-look.ts; the background runs the marker there later, when needed, to spend as little as it
 * can on the pages most people open). Everything a person can still ask of such a page is answered as on any other, in Chromium and Firefox ESR: a
 * resource link the page adds later is checked, "Check this link" checks a link the precheck let pass, choosing to
 * check every link checks them, and a site turned off leaves alone what the page adds until it is turned on again.
 */
import type { Page } from 'puppeteer';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, extensionApi, startSession, type Session } from './browsers.ts';
import { PAGE_HOST, resourceList } from './pages.ts';
import { visit } from './harness.ts';

const QUIET = `https://${PAGE_HOST}/quiet.html`;
/** A link of the page's own site, which the simulated web answers: alive once checked. */
const GUIDE = `https://${PAGE_HOST}/guide.html`;
/** No mutual-aid word, name or address: the precheck says no link here could be a resource. */
const quietPage = `<!doctype html><title>County fair</title><p>The <a id="guide" href="/guide.html">county guide</a> and
the <a href="https://www.county-news.example/fair.html">fair's program</a>.</p><ul id="list"></ul>`;
/** A group's page the simulated web answers with 200 (tests/fixtures/simweb/catalogue.ts). */
const RESOURCE = 'https://www.nami.org/';

describe.each(BROWSERS)('in %s, a page with no resource link', (kind) => {
  let session: Session;
  let extension: Page;

  beforeAll(async () => {
    session = await startSession(kind, { [PAGE_HOST]: { '/quiet.html': quietPage, '/guide.html': resourceList() } });
    extension = await session.extensionPage();
  });

  afterEach(async () => {
    await extensionApi(extension).setSettings({});
  });

  afterAll(async () => {
    await session?.close();
  });

  /** The quiet page in a tab of its own, once the script has looked at it (its budget figure is there). */
  async function openQuiet(): Promise<Page> {
    const page = await session.browser.newPage();
    await visit(page, QUIET);
    await page.waitForFunction(() => performance.getEntriesByName('still-there:busy').length > 0, {
      timeout: 15_000,
      polling: 100,
    });
    expect(await page.$$eval('[data-link-health]', (a) => a.length)).toBe(0);
    return page;
  }

  async function addResourceLink(page: Page): Promise<void> {
    await page.evaluate((href: string) => {
      const li = document.createElement('li');
      li.textContent = 'Peer support group: ';
      const a = document.createElement('a');
      a.id = 'added';
      a.href = href;
      a.textContent = 'NAMI';
      li.append(a);
      document.querySelector('#list')!.append(li);
    }, RESOURCE);
  }

  const marked = (page: Page, selector: string, health: string) =>
    page.waitForFunction(
      (s: string, h: string) => document.querySelector(s)?.getAttribute('data-link-health') === h,
      { timeout: 30_000, polling: 100 },
      selector,
      health,
    );

  it('checks a resource link the page adds later', async () => {
    const page = await openQuiet();
    await addResourceLink(page);
    await marked(page, '#added', 'alive');
    await page.close();
  });

  it('checks a link of it when the context menu asks ("Check this link")', async () => {
    const page = await openQuiet();
    // As the background's menu does (src/page-messages.ts's sendToPage with `inject`): a quiet page has no marker to
    // wake, so the marker is run there, woken, and asked.
    const answer = await extension.evaluate(
      async (pageUrl: string, linkUrl: string) => {
        const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
        const [tab] = await api.tabs.query({ url: pageUrl });
        const target = { tabId: tab!.id!, frameIds: [0] };
        const wake = async () =>
          (
            await api.scripting.executeScript({
              target,
              func: (name: string) => (globalThis as unknown as Record<string, () => boolean>)[name]?.() === true,
              args: ['stillThereWake'],
            })
          )[0]?.result === true;
        if (await wake()) return 'a marker was already there';
        await api.scripting.executeScript({ target, files: ['/page-marker.js'] });
        if (!(await wake())) return 'not woken';
        await api.tabs.sendMessage(tab!.id!, { type: 'checkLink', url: linkUrl }, { frameId: 0 });
        return 'sent';
      },
      QUIET,
      GUIDE,
    );
    expect(answer).toBe('sent');
    await marked(page, '#guide', 'alive');
    await page.close();
  });

  it('checks its links when the user chooses to check every link', async () => {
    const page = await openQuiet();
    await extensionApi(extension).setSettings({ mode: 'all' });
    await marked(page, '#guide', 'alive');
    await page.close();
  });

  it('leaves alone what it adds while turned off for the site, and checks it once turned on again', async () => {
    const page = await openQuiet();
    await extensionApi(extension).setSettings({ offSites: [PAGE_HOST] });
    // Time for the change to reach the page's script (were it late, the link would be unmarked again when it came).
    await new Promise((r) => setTimeout(r, 500));
    await addResourceLink(page);
    // Longer than the script waits to gather a burst of changes (src/page-marker/page-changes.ts): it would have
    // marked the link "checking" by now.
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await page.$$eval('[data-link-health]', (a) => a.length)).toBe(0);
    await extensionApi(extension).setSettings({});
    await marked(page, '#added', 'alive');
    await page.close();
  });
});
