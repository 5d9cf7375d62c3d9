/**
 * Verdict feeds in the real built extension, in Chromium and Firefox ESR. The editor makes a signing key
 * (`still-there keygen`); this browser checks the county directory's links itself; the CLI then audits the directory
 * and publishes a signed feed (`--feed … --sign-with …`); the options page subscribes to it with the public key pinned
 * beside its address:
 *   - a signed feed marks at once, saying who checked, newer than this browser's own verdicts; a link this browser
 *     checked itself after the feed keeps its own verdict; links whose own verdicts are fresh are not asked again;
 *   - on another site's page the signed feed marks at once and this browser's own checks run all the same (its own
 *     verdicts are not that site's to see), and their newer verdicts replace the feed's;
 *   - the same feed with one verdict altered is refused with a plain reason, and strikes nothing;
 *   - an unsigned feed's "dead" for a live link never strikes it: the browser checks it itself first;
 *   - a feed whose redirect chain passes through http: is refused before that step is asked; a malformed, an
 *     oversized and a hostile feed are refused with a clear message, and nothing of them reaches a page.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupForUrl } from '../../src/directory/lookup.ts';
import { readKeyFile } from '../../src/feed/signature.ts';
import { SITE_HOST, SITE_URL, sitePages } from '../fixtures/directory-site/site.ts';
import { stillThere } from '../fixtures/sealed/cli.ts';
import { BROWSERS, startSession, type Session } from './browsers.ts';
import { readMarks, settled, visit, type Mark } from './harness.ts';

const FEED_HOST = 'feeds.county-bh.org';
const FEED_URL = `https://${FEED_HOST}/verdicts.json`;
const PUBLISHER = 'Champaign County Behavioral Health';
/** A link the CLI found working, checked again by the browser itself after the feed was made. */
const OWN_CHECKED = 'https://www.nami.org/';
/** Pages of other sites, which may not see this browser's own verdicts checked for the directory's pages. */
const SECOND_SITE = 'www.second-guide.org';
const THIRD_SITE = 'www.third-guide.org';
const FOURTH_SITE = 'www.fourth-guide.org';
/** A feed address whose redirect chain passes through http: and ends on the real feed, over https. */
const VIA_HTTP = `https://${FEED_HOST}/moved.json`;
const THROUGH_HTTP = {
  [VIA_HTTP]: `http://${FEED_HOST}/step.json`,
  [`http://${FEED_HOST}/step.json`]: FEED_URL,
};

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

/** The marks drawn when the page's first pass is over: every verdict it may see at once is drawn by then. */
async function marksAtFirstPass(page: Page): Promise<Map<string, Mark>> {
  await page.waitForFunction(() => performance.getEntriesByName('still-there:first-pass').length > 0, {
    timeout: 30_000,
    polling: 50,
  });
  return new Map((await readMarks(page)).map((m) => [m.href, m]));
}

/** A feed's text with its signature taken off (the signed text less its first member). */
const unsigned = (signed: string) => signed.replace(/^\{"signature":"[^"]*",/, '{');

describe.each(BROWSERS)('in %s', (kind) => {
  let session: Session;
  let scratch: string;
  const site = sitePages()[SITE_HOST]!;
  const feeds: Record<string, string> = {};
  const others: Record<string, Record<string, string>> = { [SECOND_SITE]: {}, [THIRD_SITE]: {}, [FOURTH_SITE]: {} };
  let feed: { publisher: string; links: FeedLink[] };
  /** The feed as the audit signed it. */
  let signed: string;
  let publicKey: string;
  let words: Map<string, string>;
  let options: Page;

  const subscribe = async (lines: string[]) => {
    await options.evaluate(() => document.querySelector<HTMLTextAreaElement>('textarea[name="feeds"]')!.focus());
    await options.$eval('textarea[name="feeds"]', (el) => ((el as HTMLTextAreaElement).value = ''));
    await options.type('textarea[name="feeds"]', lines.join('\n'));
    await options.click('button[type="submit"]');
  };
  const feedStatus = () => options.$$eval('#feed-status li', (lis) => lis.map((li) => li.textContent ?? ''));
  const waitForStatus = (part: string, words: string) =>
    options.waitForFunction(
      (p: string, w: string) =>
        [...document.querySelectorAll('#feed-status li')].some(
          (li) => li.textContent?.includes(p) && li.textContent.includes(w),
        ),
      { timeout: 60_000, polling: 200 },
      part,
      words,
    );
  const siteRequests = () =>
    session.sim.requests.filter((r) => r.host !== SITE_HOST && r.host !== FEED_HOST).map((r) => `${r.host}${r.path}`);
  const linkPage = (urls: string[]) => listPage(urls.map((url) => ({ url, text: words.get(url) ?? url })));

  beforeAll(async () => {
    scratch = mkdtempSync(path.join(tmpdir(), 'still-there-feeds-'));
    session = await startSession(
      kind,
      { [SITE_HOST]: site, [FEED_HOST]: feeds, ...others },
      { redirects: THROUGH_HTTP },
    );
    // The editor's signing key, made once and kept.
    const keyFile = path.join(scratch, 'feed-key.json');
    const keygen = await stillThere(session.sim, ['keygen', '--out', keyFile]);
    expect(keygen.code, keygen.stderr).toBe(0);
    publicKey = keygen.stdout.trim();

    // What the directory links to (an audit without a feed), and this browser's own checks of all of it but NAMI.
    const survey = await stillThere(session.sim, ['audit', SITE_URL, '--recurse', '--format', 'json']);
    const report = JSON.parse(survey.stdout) as { links: Array<{ url: string; foundOn: Array<{ text: string }> }> };
    words = new Map(report.links.map((l) => [l.url, l.foundOn[0]?.text || l.url]));
    const linked = report.links.map((l) => l.url);
    expect(linked).toContain(OWN_CHECKED);
    site['/own-visit.html'] = linkPage(linked.filter((u) => u !== OWN_CHECKED));
    const own = await session.browser.newPage();
    await visit(own, `${SITE_URL}own-visit.html`);
    await settled(own, 90_000);
    await own.close();

    // The night's audit, after this browser's checks: its feed, signed with the editor's key, is newer than them.
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
      '--sign-with',
      keyFile,
    ]);
    expect(run.code, run.stderr).toBe(1);
    signed = readFileSync(file, 'utf8');
    expect(signed.startsWith('{"signature":"')).toBe(true);
    feed = JSON.parse(signed);
    site['/every-group.html'] = linkPage(feed.links.map((l) => l.url));
    site['/nami.html'] = listPage([{ url: OWN_CHECKED, text: 'NAMI' }]);

    // This browser checks NAMI itself, after the audit: its verdict is newer than the feed's.
    const page = await session.browser.newPage();
    await visit(page, `${SITE_URL}nami.html`);
    await settled(page, 60_000);
    expect((await readMarks(page))[0]!.health).toBe('alive');
    await page.close();

    // The editor publishes the feed, signed — with NAMI claimed dead as of the audit (older than the browser's check).
    const signer = await readKeyFile(readFileSync(keyFile, 'utf8'));
    const claimed = unsigned(signed).replace(
      new RegExp(`\\{"url":"${OWN_CHECKED.replace(/[.]/g, '\\.')}".*\\}(?=,?\\n)`),
      (line) => {
        const l = JSON.parse(line) as FeedLink;
        return JSON.stringify({
          ...l,
          verdict: 'dead',
          reason: 'not-found',
          status: 404,
          history: [{ at: l.checkedAt, outcome: 'dead', reason: 'not-found' }],
          firstFailedAt: l.checkedAt,
          lastAliveAt: null,
        });
      },
    );
    expect(claimed).not.toBe(unsigned(signed));
    feeds['/verdicts.json'] = await signer.sign(claimed);
    options = await session.extensionPage();
    await subscribe([`${FEED_URL} ${publicKey}`]);
    await waitForStatus(FEED_URL, `${PUBLISHER}: `);
  }, 300_000);

  afterAll(async () => {
    await session?.close();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it('the options page names the feed, its publisher, how many links it covers, and that it is signed', async () => {
    const [status] = await feedStatus();
    expect(status).toContain(FEED_URL);
    expect(status).toMatch(new RegExp(`${PUBLISHER}: ${feed.links.length} links, published `));
    expect(status).toContain('Signed: its signature verifies against the pinned key');
    // The key stays beside the address in the box.
    expect(await options.$eval('textarea[name="feeds"]', (t) => (t as HTMLTextAreaElement).value)).toBe(
      `${FEED_URL} ${publicKey}`,
    );
  });

  describe("a page listing the directory's links", () => {
    let marks: Map<string, Mark>;
    let page: Page;
    let asked: string[];
    const EVERY = `${SITE_URL}every-group.html`;
    beforeAll(async () => {
      session.sim.reset();
      page = await session.browser.newPage();
      await visit(page, EVERY);
      marks = await marksAtFirstPass(page);
      await settled(page, 30_000);
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

    it("is marked at once with the signed feed's verdicts, each saying who checked", () => {
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
      const dead = feed.links.filter((l) => l.verdict === 'dead' && l.url !== OWN_CHECKED);
      expect(dead.length).toBeGreaterThan(0);
      for (const l of dead) expect(marks.get(l.url)!.struck, l.url).toBe(true);
    });

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

    it('asks nothing of links this browser checked itself and whose verdicts are still fresh (their schedule)', () => {
      expect(asked).toEqual([]);
    });

    it("keeps this browser's own newer verdict over the signed feed's", () => {
      const nami = marks.get(OWN_CHECKED)!;
      expect(nami.health).toBe('alive');
      expect(nami.struck).toBe(false);
      expect(nami.description ?? '').not.toContain(PUBLISHER);
    });
  });

  it("on another site's page: marked at once from the signed feed, then checked by this browser all the same, whose newer verdicts win", async () => {
    const chosen = [
      ...feed.links.filter((l) => l.verdict === 'dead' && ['not-found', 'gone'].includes(l.reason)).slice(0, 2),
      ...feed.links.filter((l) => l.verdict === 'alive' && l.url !== OWN_CHECKED).slice(0, 1),
    ];
    expect(chosen).toHaveLength(3);
    others[SECOND_SITE]!['/guide.html'] = linkPage(chosen.map((l) => l.url));
    session.sim.reset();
    const page = await session.browser.newPage();
    await visit(page, `https://${SECOND_SITE}/guide.html`);
    const first = await marksAtFirstPass(page);
    for (const l of chosen) expect([l.url, first.get(l.url)?.health], l.url).toEqual([l.url, l.verdict]);
    // This browser's own checks, for this site: the links' hosts are asked, and the newer verdicts replace the feed's.
    await page.waitForFunction(
      (p: string) =>
        [...document.querySelectorAll('a[data-link-health]')].every(
          (a) =>
            !(a.getAttribute('aria-describedby') ?? '')
              .split(' ')
              .some((id) => document.getElementById(id)?.textContent?.includes(p)),
        ),
      { timeout: 60_000, polling: 200 },
      PUBLISHER,
    );
    const hosts = new Set(session.sim.requests.map((r) => r.host));
    for (const l of chosen) expect(hosts.has(new URL(l.url).hostname), l.url).toBe(true);
    const after = new Map((await readMarks(page)).map((m) => [m.href, m]));
    for (const l of chosen) expect(after.get(l.url)?.health, l.url).toBe(l.verdict);
    await page.close();
  });

  it('the same feed with one verdict altered is refused, and strikes nothing', async () => {
    const alive = feed.links.find((l) => l.verdict === 'alive' && l.url !== OWN_CHECKED)!;
    const line = signed.split('\n').find((l) => l.startsWith(`{"url":${JSON.stringify(alive.url)}`))!;
    const altered = line
      .replace('"verdict":"alive","reason":"ok"', '"verdict":"dead","reason":"not-found"')
      .replace('"outcome":"ok","reason":"ok"', '"outcome":"dead","reason":"not-found"');
    expect(altered).not.toBe(line);
    feeds['/altered.json'] = signed.replace(line, altered);
    await subscribe([`https://${FEED_HOST}/altered.json ${publicKey}`]);
    await waitForStatus('/altered.json', 'Not used');
    expect((await feedStatus())[0]).toMatch(
      /Not used: refused: its signature does not verify against the pinned key: it was changed after it was signed/,
    );
    others[THIRD_SITE]!['/guide.html'] = linkPage([alive.url]);
    const page = await session.browser.newPage();
    await visit(page, `https://${THIRD_SITE}/guide.html`);
    expect((await marksAtFirstPass(page)).get(alive.url)?.health).not.toBe('dead');
    await settled(page, 60_000);
    expect((await readMarks(page))[0]).toMatchObject({ health: 'alive', struck: false });
    await page.close();
  });

  it('an unsigned feed\'s "dead" for a live link never strikes it: this browser checks the link itself first', async () => {
    const alive = feed.links.find((l) => l.verdict === 'alive' && l.url !== OWN_CHECKED)!;
    const line = signed.split('\n').find((l) => l.startsWith(`{"url":${JSON.stringify(alive.url)}`))!;
    const claimed = line
      .replace('"verdict":"alive","reason":"ok","status":200', '"verdict":"dead","reason":"not-found","status":404')
      .replace('"outcome":"ok","reason":"ok"', '"outcome":"dead","reason":"not-found"')
      .replace(/"lastAliveAt":"[^"]*"/, '"lastAliveAt":null')
      .replace(/"firstFailedAt":null/, `"firstFailedAt":"${alive.checkedAt}"`);
    expect(claimed).not.toBe(line);
    feeds['/unsigned.json'] = unsigned(signed).replace(line, claimed);
    await subscribe([`https://${FEED_HOST}/unsigned.json`]);
    await waitForStatus('/unsigned.json', `${PUBLISHER}: `);
    expect((await feedStatus())[0]).toContain('Not signed by a pinned key');
    others[FOURTH_SITE]!['/guide.html'] = linkPage([alive.url]);
    session.sim.reset();
    const page = await session.browser.newPage();
    await visit(page, `https://${FOURTH_SITE}/guide.html`);
    const first = (await marksAtFirstPass(page)).get(alive.url)!;
    expect([first.health, first.struck]).toEqual(['checking', false]);
    await settled(page, 60_000);
    const mark = (await readMarks(page))[0]!;
    expect([mark.health, mark.struck]).toEqual(['alive', false]);
    expect(session.sim.requests.some((r) => r.host === new URL(alive.url).hostname)).toBe(true);
    await page.close();
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
      await visit(page, `${SITE_URL}every-group.html`);
      await settled(page, 90_000);
      const marks = await readMarks(page);
      expect(marks.some((m) => m.description?.includes('Evil Corp') || m.description?.includes(PUBLISHER))).toBe(false);
      expect(marks.some((m) => m.archive?.includes('evil.example'))).toBe(false);
      await page.close();
    });
  });
});
