/**
 * Verdict feeds in the real built extension, in Chromium and Firefox ESR: the CLI audits the simulated county
 * directory and publishes a feed (`--feed`); the options page subscribes to it; a page listing the directory's links
 * is then marked with the feed's verdicts, saying who checked, and no request of ours goes to those links' hosts
 * (counted by the test server). A link this browser checked itself after the feed was made keeps its own verdict.
 * A malformed, an oversized and a hostile feed are refused with a clear message, and nothing of them reaches a page;
 * so is a feed whose redirect chain passes through http:, before that step is asked.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupForUrl } from '../../src/directory/lookup.ts';
import { SITE_HOST, SITE_URL, sitePages } from '../fixtures/directory-site/site.ts';
import { stillThere } from '../fixtures/sealed/cli.ts';
import { BROWSERS, startSession, type Session } from './browsers.ts';
import { readMarks, settled, type Mark } from './harness.ts';

const FEED_HOST = 'feeds.county-bh.org';
const FEED_URL = `https://${FEED_HOST}/verdicts.json`;
const PUBLISHER = 'Champaign County Behavioral Health';
/** A feed address whose redirect chain passes through http: and ends on the real feed, over https. */
const VIA_HTTP = `https://${FEED_HOST}/moved.json`;
const THROUGH_HTTP = {
  [VIA_HTTP]: `http://${FEED_HOST}/step.json`,
  [`http://${FEED_HOST}/step.json`]: FEED_URL,
};
/** A link the CLI found working, checked again by the browser itself after the feed was made. */
const OWN_CHECKED = 'https://www.nami.org/';

interface FeedLink {
  url: string;
  verdict: string;
  reason: string;
  checkedAt: string;
  history: Array<{ at: string; outcome: string; reason: string }>;
  archive: unknown;
  newHome: unknown;
  status: number | null;
  finalUrl: string | null;
  firstFailedAt: string | null;
  lastAliveAt: string | null;
}

/** Links the popup lists under "Groups on this page": those to a directory group's own sites. */
const popupLists = (url: string) => groupForUrl(url) !== null;
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
const listPage = (links: Array<{ url: string; text: string }>) =>
  `<!doctype html><html lang="en"><title>Every group we list</title><h1>Every group we list</h1><ul>${links.map((l) => `<li><a href="${escape(l.url)}">${escape(l.text)}</a></li>`).join('\n')}</ul></html>`;

describe.each(BROWSERS)('in %s', (kind) => {
  let session: Session;
  let scratch: string;
  const site = sitePages()[SITE_HOST]!;
  const feeds: Record<string, string> = {};
  let feed: { publisher: string; links: FeedLink[] };
  let words: Map<string, string>;
  let options: Page;

  const subscribe = async (urls: string[]) => {
    await options.evaluate(() => document.querySelector<HTMLTextAreaElement>('textarea[name="feeds"]')!.focus());
    await options.$eval('textarea[name="feeds"]', (el) => ((el as HTMLTextAreaElement).value = ''));
    await options.type('textarea[name="feeds"]', urls.join('\n'));
    await options.click('button[type="submit"]');
  };
  const feedStatus = () => options.$$eval('#feed-status li', (lis) => lis.map((li) => li.textContent ?? ''));
  const siteRequests = () =>
    session.sim.requests.filter((r) => r.host !== SITE_HOST && r.host !== FEED_HOST).map((r) => `${r.host}${r.path}`);

  beforeAll(async () => {
    scratch = mkdtempSync(path.join(tmpdir(), 'still-there-feeds-'));
    session = await startSession(kind, { [SITE_HOST]: site, [FEED_HOST]: feeds }, { redirects: THROUGH_HTTP });
    // The editor's nightly audit, published as a feed.
    const file = path.join(scratch, 'verdicts.json');
    const run = await stillThere(session.sim, [
      'audit',
      SITE_URL,
      '--recurse',
      '--format',
      'json',
      '--feed',
      file,
      '--publisher',
      PUBLISHER,
    ]);
    expect(run.code, run.stderr).toBe(1);
    const report = JSON.parse(run.stdout) as { links: Array<{ url: string; foundOn: Array<{ text: string }> }> };
    words = new Map(report.links.map((l) => [l.url, l.foundOn[0]?.text || l.url]));
    feed = JSON.parse(readFileSync(file, 'utf8'));
    expect(feed.links.map((l) => l.url)).toContain(OWN_CHECKED);
    site['/every-group.html'] = listPage(feed.links.map((l) => ({ url: l.url, text: words.get(l.url)! })));
    site['/nami.html'] = listPage([{ url: OWN_CHECKED, text: 'NAMI' }]);

    // This browser checks NAMI itself, after the audit: its verdict is newer than the feed's.
    const page = await session.browser.newPage();
    await page.goto(`${SITE_URL}nami.html`);
    await settled(page, 60_000);
    expect((await readMarks(page))[0]!.health).toBe('alive');
    await page.close();

    // The published feed, with NAMI claimed dead as of the audit (older than the browser's own check).
    const tampered = feed.links.map((l) =>
      l.url === OWN_CHECKED
        ? {
            ...l,
            verdict: 'dead',
            reason: 'not-found',
            status: 404,
            history: [{ at: l.checkedAt, outcome: 'dead', reason: 'not-found' }],
            firstFailedAt: l.checkedAt,
            lastAliveAt: null,
          }
        : l,
    );
    feeds['/verdicts.json'] = JSON.stringify({ ...feed, links: tampered });
    options = await session.extensionPage();
    await subscribe([FEED_URL]);
    await options.waitForFunction(
      (p: string) => [...document.querySelectorAll('#feed-status li')].some((li) => li.textContent?.includes(`${p}: `)),
      { timeout: 30_000, polling: 200 },
      PUBLISHER,
    );
  }, 180_000);

  afterAll(async () => {
    await session?.close();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it('the options page names the feed, its publisher and how many links it covers', async () => {
    const [status] = await feedStatus();
    expect(status).toContain(FEED_URL);
    expect(status).toMatch(new RegExp(`${PUBLISHER}: ${feed.links.length} links, published `));
  });

  describe("a page listing the directory's links", () => {
    let marks: Map<string, Mark>;
    let page: Page;
    let asked: string[];
    const EVERY = `${SITE_URL}every-group.html`;
    beforeAll(async () => {
      session.sim.reset();
      page = await session.browser.newPage();
      await page.goto(EVERY);
      await settled(page, 30_000);
      marks = new Map((await readMarks(page)).map((m) => [m.href, m]));
      // Counted before the popup opens: it checks each group's own website, which is not the page's doing.
      asked = siteRequests();
    });
    afterAll(async () => {
      await page?.close();
    });
    const tabOf = (url: string) =>
      options.evaluate(
        async (u: string) =>
          (await ((globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome).tabs.query({ url: u }))[0]!
            .id!,
        url,
      );

    it("the popup's groups on the page and the audit page say who checked", async () => {
      const tabId = await tabOf(EVERY);
      const popup = await session.extensionPage(`/popup.html?tab=${tabId}`);
      const dead = feed.links.find((l) => l.verdict === 'dead' && l.url !== OWN_CHECKED && popupLists(l.url))!;
      await popup.waitForFunction(
        (u: string) =>
          [...document.querySelectorAll('[data-page-link]')].some(
            (li) => li.getAttribute('data-page-link') === u && li.textContent?.includes('checked by'),
          ),
        { timeout: 20_000, polling: 200 },
        dead.url,
      );
      const line = await popup.$$eval(
        '[data-page-link]',
        (lis, u) => lis.find((li) => li.getAttribute('data-page-link') === u)?.textContent ?? '',
        dead.url,
      );
      expect(line).toContain(`when checked by ${PUBLISHER} on `);
      await popup.close();

      const audit = await session.extensionPage(`/audit.html?tab=${tabId}`);
      await audit.waitForFunction(
        (n: number) => document.querySelectorAll('#links tbody tr .meta').length >= n,
        { timeout: 30_000, polling: 200 },
        feed.links.length,
      );
      const metas = await audit.$$eval('#links tbody tr .meta', (els) => els.map((e) => e.textContent ?? ''));
      expect(metas.filter((m) => m.includes(`checked by ${PUBLISHER} `)).length).toBe(feed.links.length - 1);
      await audit.close();
    });

    it("is marked with the feed's verdicts, each saying who checked", () => {
      const wrong = feed.links
        .filter((l) => l.url !== OWN_CHECKED)
        .map((l) => ({
          url: l.url,
          want: `${l.verdict}/${l.reason}`,
          got: `${marks.get(l.url)?.health}/${marks.get(l.url)?.reason}`,
        }))
        .filter((r) => r.want !== r.got);
      expect(wrong).toEqual([]);
      // Dead and moved links carry a description (working ones none): it names who checked.
      const described = feed.links.filter(
        (l) => l.url !== OWN_CHECKED && (l.verdict === 'dead' || l.verdict === 'moved'),
      );
      expect(described.length).toBeGreaterThan(0);
      for (const l of described) expect(marks.get(l.url)!.description, l.url).toContain(`checked by ${PUBLISHER} on `);
      const dead = feed.links.filter((l) => l.verdict === 'dead');
      expect(dead.length).toBeGreaterThan(0);
      for (const l of dead) expect(marks.get(l.url)!.struck, l.url).toBe(true);
    });

    it("sends no request of ours to those links' hosts, nor to the archive", () => {
      expect(asked).toEqual([]);
    });

    it("keeps this browser's own newer verdict over the feed's", () => {
      const nami = marks.get(OWN_CHECKED)!;
      expect(nami.health).toBe('alive');
      expect(nami.description ?? '').not.toContain(PUBLISHER);
    });
  });

  describe('a feed reached through an http: step', () => {
    it('is refused before the http: step is asked, though the chain ends on the real feed', async () => {
      session.sim.reset();
      await subscribe([VIA_HTTP]);
      await options.waitForFunction(
        () => [...document.querySelectorAll('#feed-status li')].some((li) => li.textContent?.includes('Not used')),
        { timeout: 60_000, polling: 200 },
      );
      expect((await feedStatus())[0]).toMatch(/Not used: refused: it was redirected to an address that is not https/);
      const asked = session.sim.requests.filter((r) => r.host === FEED_HOST).map((r) => `${r.scheme} ${r.path}`);
      expect(asked).toEqual(['https /moved.json']);
    });
  });

  describe('a feed that is not fit to use', () => {
    const hostile = () => {
      const dead = feed.links.find((l) => l.verdict === 'dead')!;
      return JSON.stringify({
        ...feed,
        publisher: 'Evil Corp',
        links: [
          { ...dead, archive: { url: 'https://evil.example/web/20100101000000/x', timestamp: '20100101000000' } },
        ],
      });
    };
    it.each([
      [
        'malformed',
        '/malformed.json',
        () => '{"format":"still-there-verdict-feed","version":1,',
        /Not used: refused: it is not JSON/,
      ],
      [
        'oversized',
        '/huge.json',
        () => `{"format":"still-there-verdict-feed","pad":"${'x'.repeat(64 * 1024 * 1024)}"}`,
        /Not used: refused: it is larger than 64 MiB/,
      ],
      ['hostile', '/hostile.json', hostile, /Not used: refused: .*not a Wayback Machine capture of the link/],
    ])('%s: refused with a clear message, and nothing of it reaches a page', async (_what, feedPath, body, message) => {
      feeds[feedPath] = body();
      await subscribe([`https://${FEED_HOST}${feedPath}`]);
      await options.waitForFunction(
        (p: string) =>
          [...document.querySelectorAll('#feed-status li')].some(
            (li) => li.textContent?.includes(p) && li.textContent.includes('Not used'),
          ),
        { timeout: 60_000, polling: 200 },
        feedPath,
      );
      expect((await feedStatus())[0]).toMatch(message);
      delete feeds[feedPath];
      const page = await session.browser.newPage();
      await page.goto(`${SITE_URL}every-group.html`);
      await settled(page, 90_000);
      const marks = await readMarks(page);
      expect(marks.some((m) => m.description?.includes('Evil Corp') || m.description?.includes(PUBLISHER))).toBe(false);
      expect(marks.some((m) => m.archive?.includes('evil.example'))).toBe(false);
      await page.close();
    });
  });
});
