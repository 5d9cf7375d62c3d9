/**
 * `still-there audit` and "Audit this page" list the same resource links for the same page: spotting is given the
 * same evidence whether a crawl or the live page found the link (src/directory/link-evidence.ts) — its title, its
 * surroundings, and whether it sits in the page's own navigation — not only its address and words.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stillThere } from '../fixtures/sealed/cli.ts';
import { open, startWorld, type World } from './setup.ts';

/** A group's own site, so that a link in its navigation to its other host is its own menu, not a resource. */
const HOST = 'www.nami.org';
const PAGE = `https://${HOST}/local-resources.html`;
const BY_TITLE = 'https://www.eastside-circle.org/weekly';
const BY_SURROUNDINGS = 'https://www.ea-eastside.org/';
const IN_NAVIGATION = 'https://nami.org/Support-Education';
const BY_WORDS = 'https://www.westside-peers.org/';
const ORDINARY = 'https://www.county-news.org/fair.html';

const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Local resources</title></head><body>
<nav><a href="${IN_NAVIGATION}">Support &amp; Education</a> <a href="/about">About</a></nav>
<h1>Local resources</h1>
<ul>
<li>This week: <a href="${BY_TITLE}" title="Peer support group meetings">weekly</a></li>
<li>Emotions Anonymous, a twelve-step fellowship for emotional health: <a href="${BY_SURROUNDINGS}">their website</a></li>
<li><a href="${BY_WORDS}">Westside peer support group</a></li>
<li><a href="${ORDINARY}">The county fair</a></li>
</ul>
</body></html>`;

let world: World;
beforeAll(async () => {
  world = await startWorld({ [HOST]: { '/local-resources.html': page } });
});
afterAll(async () => {
  await world?.close();
});

describe('the same resource links from the page and from the crawl', () => {
  it('"Audit this page" and `still-there audit` agree, and the title, the surroundings and the navigation count', async () => {
    const tab = await open(world, PAGE);
    const extension = await world.browser.newPage();
    await extension.goto(`chrome-extension://${world.extensionId}/options.html`);
    const tabId = await extension.evaluate(async (url: string) => (await chrome.tabs.query({ url }))[0]!.id!, PAGE);
    const audit = await world.browser.newPage();
    await audit.goto(`chrome-extension://${world.extensionId}/audit.html?tab=${tabId}`);
    await audit.waitForFunction(() => document.querySelectorAll('#links tbody tr').length >= 5, {
      timeout: 30_000,
      polling: 100,
    });
    const fromPage = await audit.$$eval('#links tbody tr[data-resource="true"]', (trs) =>
      trs.map((tr) => (tr as HTMLElement).dataset.url!).sort(),
    );

    const run = await stillThere(world.sim, ['audit', PAGE, '--format', 'json']);
    const fromCrawl = (JSON.parse(run.stdout) as { links: Array<{ url: string }> }).links.map((l) => l.url).sort();

    expect(fromPage).toEqual([BY_SURROUNDINGS, BY_TITLE, BY_WORDS].sort());
    expect(fromCrawl).toEqual(fromPage);
    await Promise.all([tab.close(), extension.close(), audit.close()]);
  });
});
