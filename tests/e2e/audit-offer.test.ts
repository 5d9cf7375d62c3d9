/**
 * "Audit this page" for a page that was open before still-there was installed (issue 28), in Chromium and Firefox ESR.
 * Browsers run an extension's scripts only in pages loaded afterwards; the background now runs them in such pages at
 * the install (tests/e2e/open-pages.test.ts), but the popup may be opened before they have answered. It offers the
 * audit for any web page all the same, the report runs the script in the tab where none answers yet, and lists the
 * page's links with their verdicts; the page ends up marked once, whichever script came first.
 */
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { U } from '../fixtures/simweb/catalogue.ts';
import { BROWSERS, startSession, type Session } from './browsers.ts';
import { visit } from './harness.ts';

const HOST = 'www.before-install.org';
const LINKS = `https://${HOST}/links.html`;
const linksPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Groups we refer to</title></head>
<body><h1>Groups we refer to</h1><ul>
<li>Family support: <a href="https://www.nami.org/">NAMI</a></li>
<li>Meetings: <a href="${U.bigBookChapter}">Big Book, chapter 4</a></li>
</ul></body></html>`;

describe.each(BROWSERS)('in %s', (kind) => {
  let session: Session;
  let before: Page;

  beforeAll(async () => {
    session = await startSession(
      kind,
      { [HOST]: { '/links.html': linksPage } },
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

  it('offers "Audit this page" for a tab open before the install, and the report lists its links', async () => {
    const welcome = await session.extensionPage();
    const tabId = await welcome.evaluate(
      async (url: string) =>
        (await ((globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome).tabs.query({ url }))[0]?.id,
      LINKS,
    );
    expect(tabId).toBeTypeOf('number');
    const popup = await session.extensionPage(`/popup.html?tab=${tabId}`);
    const button = await popup.waitForSelector('#audit-page', { timeout: 20_000 });
    expect(await button!.evaluate((b) => b.textContent)).toBe('Audit this page');
    await popup.bringToFront();
    await button!.click();
    const audit = await session.pageAt(`${session.origin}/audit.html?tab=${tabId}`);
    await audit.waitForSelector('#audit[data-state="complete"]', { timeout: 60_000 });
    const rows = await audit.$$eval('#links tbody tr', (trs) =>
      trs.map((tr) => [(tr as HTMLElement).dataset.url, (tr as HTMLElement).dataset.status]),
    );
    expect(rows.sort()).toEqual(
      [
        ['https://www.nami.org/', 'alive'],
        [U.bigBookChapter, 'dead'],
      ].sort(),
    );
    // Marked as a freshly loaded page would be marked, once: the install's script and the report's are one marker.
    await before.waitForSelector(`a[href="${U.bigBookChapter}"][data-link-health="dead"]`, { timeout: 30_000 });
    expect(await before.$$('a[data-link-health]')).toHaveLength(2);
    expect(await before.$$('[data-link-health-archive]')).toHaveLength(1);
  });
});
