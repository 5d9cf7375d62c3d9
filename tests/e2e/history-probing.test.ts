/**
 * A page on one site cannot tell, from our marks' content or timing, that a link was checked on another site the
 * user visited — for links to addiction and mental-health groups, that is sensitive history. In both browsers: after
 * site A's page is checked, site B's page holding the same link and a new one sees both arrive the same way: neither
 * drawn from the cache at once, both checked for B (the simulated web sees the request), both dated today. And a
 * subscribed feed's verdicts reach a third site's page the same way for a link met on site A and a link never met:
 * both at once, from the feed. (file: pages are a site of their own too, tests/unit/history-probing.test.ts: neither
 * browser runs an extension's script on them here unless the user allows it, a switch no launch option sets.)
 */
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFeed, renderFeed } from '../../src/feed/feed.ts';
import type { LinkHealth } from '../../src/health/link-health.ts';
import { U } from '../fixtures/simweb/catalogue.ts';
import { BROWSERS, startSession, type Session } from './browsers.ts';
import { readMarks, settled, visit } from './harness.ts';

const SITE_A = 'www.recovery-forum.org';
const SITE_B = 'www.county-resources.org';
const SITE_C = 'www.clinic-handouts.org';
const FEED_HOST = 'feeds.county-bh.org';
const SEEN_ON_A = U.bigBookChapter;
const NEW_ON_B = U.namiConnection;
const NEVER_MET = U.mhaPageNotFound;
const item = (url: string, words: string) => `<li>Support group resource: <a href="${url}">${words}</a></li>`;
const pageA = `<!doctype html><title>Forum</title><ul>${item(SEEN_ON_A, 'Big Book, chapter 4')}</ul>`;
const pageB = `<!doctype html><title>County</title><ul>${item(SEEN_ON_A, 'Big Book, chapter 4')}${item(NEW_ON_B, 'NAMI Connection')}</ul>`;
const pageC = `<!doctype html><title>Handouts</title><ul>${item(SEEN_ON_A, 'Big Book, chapter 4')}${item(NEVER_MET, 'MHA factsheets')}</ul>`;

/** The marks drawn when the first pass over the page is over: every verdict the page may see at once is drawn by then. */
async function atFirstPass(page: Page): Promise<Array<string | null>> {
  await page.waitForFunction(() => performance.getEntriesByName('still-there:first-pass').length > 0, {
    timeout: 30_000,
    polling: 50,
  });
  return page.$$eval('a[data-link-health]', (as) => as.map((a) => a.getAttribute('data-link-health')));
}

/** An editor's feed saying both links worked an hour ago (the simulated web says otherwise: the feed is what shows). */
function feedOf(urls: string[]): string {
  const checkedAt = new Date(Date.now() - 3_600_000).toISOString();
  const report = (url: string): [string, LinkHealth] => [
    url,
    {
      url,
      verdict: 'alive',
      reason: 'ok',
      detail: '',
      status: 200,
      finalUrl: url,
      redirects: 0,
      newHome: null,
      archive: null,
      checkedAt,
      history: [{ at: checkedAt, outcome: 'ok', reason: 'ok' }],
      firstFailedAt: null,
      lastAliveAt: checkedAt,
    },
  ];
  return renderFeed(
    buildFeed({
      publisher: 'County Behavioral Health',
      site: 'county',
      generatedAt: checkedAt,
      checks: urls.map(report),
    }),
  );
}
describe.each(BROWSERS)('in %s', (kind) => {
  let session: Session;
  beforeAll(async () => {
    // Every answer of the simulated web takes a second: a verdict drawn from the cache would show at once.
    session = await startSession(
      kind,
      {
        [SITE_A]: { '/thread.html': pageA },
        [SITE_B]: { '/guide.html': pageB },
        [SITE_C]: { '/handouts.html': pageC },
        [FEED_HOST]: { '/verdicts.json': feedOf([SEEN_ON_A, NEVER_MET]) },
      },
      { delayMs: 1_000 },
    );
  });
  afterAll(async () => {
    await session?.close();
  });

  it('shows site B nothing of what was checked for site A', async () => {
    const a = await session.browser.newPage();
    await visit(a, `https://${SITE_A}/thread.html`);
    await settled(a, 60_000);
    expect((await readMarks(a)).map((m) => m.health)).toEqual(['dead']);
    await a.close();

    session.sim.reset();
    const b = await session.browser.newPage();
    await visit(b, `https://${SITE_B}/guide.html`);
    // When the first pass is over, every cached verdict the page may see is drawn: here, none.
    expect(await atFirstPass(b)).toEqual(['checking', 'checking']);
    await settled(b, 60_000);
    const marks = await readMarks(b);
    expect(marks.map((m) => [m.health, m.reason])).toEqual([
      ['dead', 'not-found'],
      ['dead', 'gone'],
    ]);
    // Each was checked for B: the simulated web was asked for both.
    const asked = new Set(session.sim.requests.map((r) => `https://${r.host}${r.path}`));
    expect(asked.has(SEEN_ON_A) && asked.has(NEW_ON_B)).toBe(true);
    // And dated alike: the same day's words in both descriptions.
    const dates = marks.map((m) => /checked on ([^.:]+)/i.exec(m.description ?? '')?.[1] ?? m.description);
    expect(dates[0]).toBe(dates[1]);
    await b.close();
  });

  it("gives a third site a feed's verdicts alike for a link met on site A and one never met", async () => {
    const options = await session.extensionPage();
    await options.evaluate(() => document.querySelector<HTMLTextAreaElement>('textarea[name="feeds"]')!.focus());
    await options.type('textarea[name="feeds"]', `https://${FEED_HOST}/verdicts.json`);
    await options.click('button[type="submit"]');
    await options.waitForFunction(
      () => [...document.querySelectorAll('#feed-status li')].some((li) => li.textContent?.includes('2 links')),
      { timeout: 30_000, polling: 200 },
    );
    const c = await session.browser.newPage();
    await visit(c, `https://${SITE_C}/handouts.html`);
    // Site A's own check of the first link is newer than the feed, but site C may not see it: the feed answers both.
    expect(await atFirstPass(c)).toEqual(['alive', 'alive']);
    await c.close();
  });
});
