/**
 * The pages a clinician already has open when still-there is installed or updated, in Chromium and Firefox ESR.
 * Browsers run an extension's registered scripts only in pages loaded afterwards, and at an update the pages keep the
 * old copy of the marker with nothing of the extension behind it: before, a list open at the install stayed unmarked
 * until reloaded, and after an update the marks froze and then vanished at the page's next change
 * (tests/e2e/extension-gone.test.ts, where the extension does not come back). The background now looks at the open
 * pages at both moments (src/background/first-look.ts), and the old copy hands the page over to the new one
 * (src/page-marker/hand-over.ts).
 */
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { U } from '../fixtures/simweb/catalogue.ts';
import { BROWSERS, startSession, type Session } from './browsers.ts';
import { readMarks, settled, visit } from './harness.ts';
import { PAGE_HOST, resourceList } from './pages.ts';

const HOST = 'www.open-before.org';
const LINKS = `https://${HOST}/links.html`;
const GUIDE = `https://${PAGE_HOST}/guide.html`;
const QUIET = `https://${HOST}/quiet.html`;
const quietPage =
  '<!doctype html><title>County fair</title><ul><li><a href="https://www.county-news.example/fair.html">The fair</a></li></ul>';
const linksPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Groups we refer to</title></head>
<body><h1>Groups we refer to</h1><ul>
<li>Family support: <a href="https://www.nami.org/">NAMI</a></li>
<li>Meetings: <a href="${U.bigBookChapter}">Big Book, chapter 4</a></li>
</ul></body></html>`;
/** A link the guide adds after the update: only a copy of ours that is still there can mark it. */
const ADDED = 'https://www.nami.org/after-the-update';
/** An ordinary link, which an older version is made to have marked (see the test). */
const STALE = 'https://www.county-news.example/fair.html';

describe.each(BROWSERS)('in %s, pages open at an install or an update', (kind) => {
  let session: Session;
  let before: Page;

  beforeAll(async () => {
    session = await startSession(
      kind,
      {
        [HOST]: { '/links.html': linksPage, '/quiet.html': quietPage },
        [PAGE_HOST]: { '/guide.html': resourceList() },
      },
      {},
      {
        beforeInstall: async (browser) => {
          before = await browser.newPage();
          await visit(before, LINKS);
        },
      },
    );
  });

  afterAll(async () => {
    await session?.close();
  });

  it('marks a list that was open before the install, without a reload', async () => {
    await before.waitForSelector(`a[href="${U.bigBookChapter}"][data-link-health="dead"]`, { timeout: 60_000 });
    await settled(before, 30_000);
    const marks = await readMarks(before);
    expect(marks.map((m) => [m.href, m.health])).toEqual([
      ['https://www.nami.org/', 'alive'],
      [U.bigBookChapter, 'dead'],
    ]);
    expect(marks[1]!.struck).toBe(true);
    expect(await before.$$('[data-link-health-archive]')).toHaveLength(1);
  });

  it("looks once at a page that the browser's script and the install's both come to (one loading at the install)", async () => {
    const page = await session.browser.newPage();
    await visit(page, QUIET);
    await page.waitForFunction(() => performance.getEntriesByName('still-there:busy').length > 0, {
      timeout: 30_000,
      polling: 100,
    });
    // The install's script comes second, as it does to a page that was still loading at the install.
    const welcome = await session.extensionPage();
    await welcome.evaluate(async (url: string) => {
      const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
      const [tab] = await api.tabs.query({ url });
      await api.scripting.executeScript({ target: { tabId: tab!.id! }, files: ['/page-look.js'] });
    }, QUIET);
    // A second look would start, and send the page, again: each look marks its start in the page's timeline.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await page.evaluate(() => performance.getEntriesByName('still-there:start').length)).toBe(1);
    await page.close();
  });

  it('after an update, marks an open page again with the new copy, each mark once, and follows the page from then on', async () => {
    const guide = await session.browser.newPage();
    await visit(guide, GUIDE);
    await settled(guide, 90_000);
    const drawn = await readMarks(guide);
    const extras = () => guide.$$eval('[data-link-health-extras]', (e) => e.length);
    const extrasBefore = await extras();
    expect(drawn.filter((m) => m.health === 'dead').length).toBeGreaterThan(0);

    // And a mark as an older version drew it on a link this one does not mark (its directory was different): the old
    // copy leaves its marks to the new one, which must clear them, not only draw its own over them.
    await guide.evaluate((href: string) => {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = href;
      a.textContent = 'The county fair';
      a.setAttribute('data-link-health', 'dead');
      const extras = document.createElement('span');
      extras.setAttribute('data-link-health-extras', '');
      extras.textContent = 'archived 2019';
      li.append(a, extras);
      document.querySelector('ul')!.append(li);
    }, STALE);

    await session.update();
    // The new copy of the marker has run its first pass here (each copy marks it once in the page's timeline).
    await guide.waitForFunction(() => performance.getEntriesByName('still-there:first-pass').length === 2, {
      timeout: 60_000,
      polling: 100,
    });
    await settled(guide, 60_000);
    // The old marks were cleared and drawn afresh from the saved verdicts: the same, and none twice.
    const redrawn = await readMarks(guide);
    expect(redrawn.filter((m) => m.href !== STALE)).toEqual(drawn);
    expect(redrawn.find((m) => m.href === STALE)?.health).toBeNull();
    expect(await extras()).toBe(extrasBefore);

    // The page adds a resource link. The old copy would take every mark away at this change, finding its extension
    // gone; it left at the hand-over, and the new copy marks the new link.
    await guide.evaluate((href: string) => {
      const li = document.createElement('li');
      li.textContent = 'Family support group: ';
      const a = document.createElement('a');
      a.href = href;
      a.textContent = 'NAMI, after the update';
      li.append(a);
      document.querySelector('ul')!.append(li);
    }, ADDED);
    await guide.waitForSelector(`a[href="${ADDED}"][data-link-health]:not([data-link-health="checking"])`, {
      timeout: 60_000,
    });
    const after = await readMarks(guide);
    expect(after.filter((m) => m.href !== ADDED && m.href !== STALE)).toEqual(drawn);
    expect(after.find((m) => m.href === ADDED)?.health).toMatch(/^(alive|dead|unverified|moved)$/);
  });
});
