/**
 * The first look reads the live page — its text, its links' labels and their hrefs as written — and sends that to
 * the background, which runs the marker only where a link could be a resource (src/page-marker/first-look.ts,
 * src/background/first-look.ts). Here, in Chromium and Firefox ESR, pages of ordinary links each hide one sign of a
 * resource where a reading could miss it — an <area>, a title, an image's description, a <base href>, words split by
 * markup, an href written with entities — and the marker must run on each; on the same page without it, it must
 * not.
 */
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, startSession, type Session } from './browsers.ts';
import { PAGE_HOST } from './pages.ts';
import { visit } from './harness.ts';

const ordinary = Array.from(
  { length: 40 },
  (_, i) => `<li><a href="https://www.news-${i % 5}.example.com/story-${i}">Story ${i} about the county fair</a></li>`,
).join('');
const page = (head: string, body: string) =>
  `<!doctype html><html><head><title>County fair</title>${head}</head><body><ul>${ordinary}</ul>${body}</body></html>`;

/** One sign each, in a place of its own; the marker must run on every one of these pages. */
const hidden: Record<string, string> = {
  area: page('', '<map name="m"><area href="https://www.dbsalliance.org/" alt="Chapter map"></map>'),
  title: page('', '<p><a href="https://www.county.example/x" title="Alcoholics Anonymous">Tuesday nights</a></p>'),
  'image description': page(
    '',
    '<p><a href="https://www.county.example/y"><img alt="Grupo de apoyo" src="data:,"></a></p>',
  ),
  'base href': page('<base href="https://www.nami.org/local/">', '<p><a href="find-support">Near you</a></p>'),
  'words split by markup': page('', '<p>Ask about <b>Narcotics</b> <i>Anonymous</i> at the front desk.</p>'),
  'entities in an href': page('', '<p><a href="https://www.aa.org/find?a=1&amp;b=&quot;2&quot;">Find one</a></p>'),
};

describe.each(BROWSERS)('in %s, the first look', (kind) => {
  let session: Session;

  beforeAll(async () => {
    const pages: Record<string, string> = { '/ordinary.html': page('', '') };
    for (const [name, html] of Object.entries(hidden)) pages[`/${name.replace(/ /g, '-')}.html`] = html;
    session = await startSession(kind, { [PAGE_HOST]: pages });
  });

  afterAll(async () => {
    await session?.close();
  });

  /** Opens the page and says whether the marker ran there, once the first look has had its answer. */
  async function markerRan(path: string): Promise<boolean> {
    const tab: Page = await session.browser.newPage();
    try {
      await visit(tab, `https://${PAGE_HOST}${path}`);
      // The first look's figure is recorded once its answer is in (and the marker's, where it ran).
      await tab.waitForFunction(() => performance.getEntriesByName('still-there:busy').length > 0, {
        timeout: 15_000,
        polling: 100,
      });
      return await tab.evaluate(() => performance.getEntriesByName('still-there:first-pass').length > 0);
    } finally {
      await tab.close();
    }
  }

  it('leaves the marker out of the same page with no sign of a resource', async () => {
    expect(await markerRan('/ordinary.html')).toBe(false);
  });

  it.each(Object.keys(hidden))('runs the marker on a page whose one sign is in: %s', async (name) => {
    expect(await markerRan(`/${name.replace(/ /g, '-')}.html`)).toBe(true);
  });
});
