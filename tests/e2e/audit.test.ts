/**
 * "Audit this page" in the real built extension (Chromium) against the simulated web: a county page with live,
 * dead and moved resource links, an ordinary link and a link to its own site. The popup's button opens the report
 * for the page's tab; its rows fill in from the background (links the page never marked are checked then), filters
 * and sorting work from the mouse and the keyboard, and the JSON export is what `still-there audit --all --format
 * json` writes for the same page.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CSV_COLUMNS } from '../../src/report/csv.ts';
import { stillThere } from '../fixtures/sealed/cli.ts';
import { SCENARIOS, U } from '../fixtures/simweb/catalogue.ts';
import { open, startWorld, type World } from './setup.ts';

const HOST = 'www.audit-tests.org';
const LINKS = `https://${HOST}/links.html`;
const ABOUT = `https://${HOST}/about.html`;
/** An ordinary link to another site: not a resource, so the page itself never marks or checks it. */
const NEWS_HOST = 'www.county-news.org';
const ARTICLE = `https://${NEWS_HOST}/fair.html`;

/** Resource links first (their positions are the same for the CLI, which counts only links to other sites), the site's own last. */
const linksPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>County support groups</title></head><body>
<h1>Support groups near you</h1>
<ul>
<li>Family support: <a href="https://www.nami.org/">NAMI</a></li>
<li>Meetings: <a href="${U.bigBookChapter}">Big Book, chapter 4</a></li>
<li>OCD support groups: <a href="${U.movedOcf}">OC Foundation</a></li>
<li>Anxiety self-help: <a href="${U.noSuchDomain}">Recovery, Inc.</a></li>
</ul>
<p>Also this week: <a href="${ARTICLE}">the county fair</a>.</p>
<p><a href="https://www.nami.org/#family">More from  NAMI</a></p>
<footer><a href="/about.html">About this county</a></footer>
</body></html>`;
const aboutPage =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>About</title></head><body><p>About us.</p></body></html>';

/** What each address should come to, from the simulated web's own catalogue; our own two pages are simply served. */
function expected(url: string): { verdict: string; reason: string } {
  if (url === ABOUT || url === ARTICLE) return { verdict: 'alive', reason: 'ok' };
  const scenario = SCENARIOS.find((s) => s.url === url);
  if (!scenario) throw new Error(`no scenario for ${url}`);
  return { verdict: scenario.expect.verdict, reason: scenario.expect.reason ?? '' };
}
const ADDRESSES = ['https://www.nami.org/', U.bigBookChapter, U.movedOcf, U.noSuchDomain, ARTICLE, ABOUT];

let world: World;
let scratch: string;
let tabId: number;
let audit: Page;
/** The addresses the page itself marks (it marks resource links only): what the report must call resources. */
let markedOnPage: string[];
const figures: string[] = [];

interface Row {
  url: string;
  status: string;
  reason: string;
  resource: string;
  hidden: boolean;
  words: string[];
  places: string[];
  replacement: string[];
}

function rows(page: Page): Promise<Row[]> {
  return page.$$eval('#links tbody tr', (trs) =>
    trs.map((tr) => {
      const el = tr as HTMLTableRowElement;
      return {
        url: el.dataset.url ?? '',
        status: el.dataset.status ?? '',
        reason: el.dataset.reason ?? '',
        resource: el.dataset.resource ?? '',
        hidden: el.hidden === true,
        words: [...el.querySelectorAll('td.words li')].map((li) => li.textContent ?? ''),
        places: [...el.querySelectorAll('td.position li [aria-hidden]')].map((s) => s.textContent ?? ''),
        replacement: [...el.querySelectorAll('td.replacement a')].map((a) => (a as HTMLAnchorElement).href),
      };
    }),
  );
}
const visible = async (page: Page) => (await rows(page)).filter((r) => !r.hidden);

/** `still-there audit PAGE --all --format json` in the same simulated web, through the same resolver. */
async function cliAudit(out: string): Promise<number | null> {
  return (await stillThere(world.sim, ['audit', LINKS, '--all', '--format', 'json', '--out', out])).code;
}

/** Clicks an export button and reads the file the browser saved, once the browser says it is complete. */
async function download(page: Page, button: string): Promise<{ name: string; text: string }> {
  const dir = mkdtempSync(path.join(scratch, 'download-'));
  const session = await world.browser.target().createCDPSession();
  await session.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: dir, eventsEnabled: true });
  const named = new Promise<string>((resolve) =>
    session.on('Browser.downloadWillBegin', (e) => resolve(e.suggestedFilename)),
  );
  const completed = new Promise<void>((resolve, reject) =>
    session.on('Browser.downloadProgress', (e) => {
      if (e.state === 'completed') resolve();
      if (e.state === 'canceled') reject(new Error(`download from ${button} canceled`));
    }),
  );
  await page.click(button);
  const [name] = await Promise.all([named, completed]);
  await session.detach();
  expect(readdirSync(dir)).toEqual([name]);
  return { name, text: readFileSync(path.join(dir, name), 'utf8') };
}

beforeAll(async () => {
  scratch = mkdtempSync(path.join(tmpdir(), 'still-there-audit-page-'));
  world = await startWorld({
    [HOST]: { '/links.html': linksPage, '/about.html': aboutPage },
    [NEWS_HOST]: { '/fair.html': aboutPage },
  });
  const page = await open(world, LINKS);
  // The content script's first pass over the page is done: every resource link it will mark is marked.
  await page.waitForFunction(() => performance.getEntriesByName('still-there:first-pass').length > 0, {
    timeout: 20_000,
  });
  markedOnPage = await page.$$eval('a[data-link-health]', (as) => [
    ...new Set(
      as.map((a) => {
        const u = new URL((a as HTMLAnchorElement).href);
        u.hash = '';
        return u.href;
      }),
    ),
  ]);
  const popup = await world.browser.newPage();
  await popup.goto(`chrome-extension://${world.extensionId}/popup.html`, { waitUntil: 'load' });
  tabId = (await popup.evaluate(async (url: string) => (await chrome.tabs.query({ url }))[0]?.id, LINKS)) as number;
  await popup.close();
  expect(tabId).toBeTypeOf('number');
});

afterAll(async () => {
  if (figures.length)
    console.log(`\nAudit page (Chromium, this machine):\n${figures.map((f) => `  ${f}`).join('\n')}\n`);
  await world?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('opening the audit from the popup', () => {
  it('has an "Audit this page" button that opens the report for the page’s tab', async () => {
    // The page never marked its ordinary links: nothing has asked about them yet.
    expect(world.sim.requests.some((r) => r.host === NEWS_HOST)).toBe(false);
    const popup = await world.browser.newPage();
    await popup.goto(`chrome-extension://${world.extensionId}/popup.html?tab=${tabId}`, { waitUntil: 'load' });
    const button = await popup.waitForSelector('#audit-page', { timeout: 10_000 });
    expect(await button!.evaluate((b) => b.textContent)).toBe('Audit this page');
    // "Groups on this page" appears when the page's script answers, which can be after the button is drawn: it must
    // not move the button from under the reader's pointer (a click once landed where the button had been).
    await popup.waitForSelector('#on-page:not([hidden])', { timeout: 10_000 });
    const top = () => button!.evaluate((b) => b.getBoundingClientRect().top);
    const withSection = await top();
    await popup.evaluate(() => document.querySelector<HTMLElement>('#on-page')!.setAttribute('hidden', ''));
    expect(await top()).toBe(withSection);
    await popup.evaluate(() => document.querySelector<HTMLElement>('#on-page')!.removeAttribute('hidden'));
    const auditUrl = `chrome-extension://${world.extensionId}/audit.html?tab=${tabId}`;
    const opened = world.browser.waitForTarget((t) => t.url() === auditUrl, { timeout: 10_000 });
    const t0 = performance.now();
    await button!.click();
    audit = (await (await opened).page())!;
    await audit.waitForSelector('#links tbody tr');
    const listedMs = performance.now() - t0;
    await audit.waitForSelector('#audit[data-state="complete"]', { timeout: 60_000 });
    figures.push(
      `listed ${(await rows(audit)).length} addresses ${listedMs.toFixed(0)} ms after the click; every verdict in after ${(performance.now() - t0).toFixed(0)} ms`,
    );
    await popup.close();
  });

  it('lists every web link of the page once, with its verdict, places, words and whether it is a resource', async () => {
    const all = await rows(audit);
    expect(all.map((r) => r.url).sort()).toEqual([...ADDRESSES].sort());
    for (const r of all)
      expect({ url: r.url, status: r.status, reason: r.reason }).toEqual({
        url: r.url,
        status: expected(r.url).verdict,
        reason: expected(r.url).reason,
      });
    const by = new Map(all.map((r) => [r.url, r]));
    // Resources by the same spotting as the page's marks: every directory address is one, the county's own links are not.
    expect(
      all
        .filter((r) => r.resource === 'true')
        .map((r) => r.url)
        .sort(),
    ).toEqual([...markedOnPage].sort());
    expect(markedOnPage).toEqual(expect.arrayContaining(['https://www.nami.org/', U.bigBookChapter, U.movedOcf]));
    expect(markedOnPage).not.toContain(ARTICLE);
    expect(markedOnPage).not.toContain(ABOUT);
    expect(by.get('https://www.nami.org/')).toMatchObject({
      resource: 'true',
      places: ['#1', '#6'],
      words: ['“NAMI”', '“More from NAMI”'],
    });
    expect(by.get(ARTICLE)).toMatchObject({ resource: 'false', places: ['#5'], words: ['“the county fair”'] });
    expect(by.get(ABOUT)).toMatchObject({ resource: 'false', places: ['#7'] });
    expect(by.get(U.movedOcf)!.resource).toBe('true');
    expect(by.get(U.bigBookChapter)!.replacement).toContain(
      `https://web.archive.org/web/20080513062455/${U.bigBookChapter}`,
    );
    // Worst first, as the CLI's worklist.
    const order = ['dead', 'moved', 'unverified', 'alive'];
    const ranks = all.map((r) => order.indexOf(r.status));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    // The links the page itself never asked about were checked for the report.
    expect(world.sim.requests.some((r) => r.host === NEWS_HOST)).toBe(true);
    const summary = await audit.$eval('#summary', (e) => e.textContent);
    const count = (v: string) => all.filter((r) => r.status === v).length;
    expect(summary).toBe(
      `6 links: ${count('dead')} dead, ${count('moved')} moved, ${count('unverified')} unverified, ${count('alive')} alive`,
    );
    expect(await audit.title()).toBe('Link audit: County support groups');
  });
});

/** Every filter back to "all", as a reader would leave them. */
async function resetFilters(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const id of ['filter-verdict', 'filter-reason', 'filter-text'])
      (document.getElementById(id) as HTMLInputElement).value = '';
    (document.getElementById('filter-resource') as HTMLInputElement).checked = false;
    document.getElementById('filter-text')!.dispatchEvent(new Event('input'));
  });
}

describe('filters and sorting', () => {
  beforeEach(() => resetFilters(audit));
  it('shows only dead rows when filtered by verdict "dead"', async () => {
    const dead = ADDRESSES.filter((u) => expected(u).verdict === 'dead');
    expect(dead.length).toBeGreaterThan(0);
    await audit.select('#filter-verdict', 'dead');
    const shown = await visible(audit);
    expect(shown.map((r) => r.status)).toEqual(dead.map(() => 'dead'));
    expect(shown.map((r) => r.url).sort()).toEqual([...dead].sort());
    expect(await audit.$eval('#shown', (e) => e.textContent)).toBe(`${dead.length} of 6 links shown`);
    await audit.select('#filter-verdict', '');
    expect(await visible(audit)).toHaveLength(6);
  });

  it('filters by reason, by resource and by words', async () => {
    await audit.select('#filter-reason', 'moved');
    expect((await visible(audit)).map((r) => r.url)).toEqual([U.movedOcf]);
    await audit.select('#filter-reason', '');
    await audit.click('#filter-resource');
    expect(await audit.$eval('#filter-resource', (e) => (e as HTMLInputElement).checked)).toBe(true);
    expect((await visible(audit)).map((r) => r.url).sort()).toEqual([...markedOnPage].sort());
    await audit.click('#filter-resource');
    await audit.type('#filter-text', 'FAIR');
    expect((await visible(audit)).map((r) => r.url)).toEqual([ARTICLE]);
    await audit.$eval('#filter-text', (e) => {
      (e as HTMLInputElement).value = '';
      e.dispatchEvent(new Event('input'));
    });
    expect(await visible(audit)).toHaveLength(6);
  });

  it('sorts by a column both ways, says so, and works from the keyboard', async () => {
    const urls = (await rows(audit)).map((r) => r.url);
    const ascending = [...urls].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()));
    await audit.click('th[data-key="url"] button');
    expect((await rows(audit)).map((r) => r.url)).toEqual(ascending);
    expect(await audit.$eval('th[data-key="url"]', (th) => th.getAttribute('aria-sort'))).toBe('ascending');
    // Keyboard: the same button again, by Enter.
    await audit.focus('th[data-key="url"] button');
    await audit.keyboard.press('Enter');
    expect((await rows(audit)).map((r) => r.url)).toEqual([...ascending].reverse());
    expect(await audit.$eval('th[data-key="url"]', (th) => th.getAttribute('aria-sort'))).toBe('descending');
    // Page order.
    await audit.click('th[data-key="position"] button');
    expect((await rows(audit)).map((r) => r.places[0])).toEqual(['#1', '#2', '#3', '#4', '#5', '#7']);
    // Tab from the top of the page reaches the first filter, which is labelled.
    await audit.click('h1'); // where sequential focus starts
    await audit.keyboard.press('Tab');
    expect(
      await audit.evaluate(() => [
        document.activeElement?.id,
        document.activeElement?.closest('label')?.textContent?.startsWith('Verdict'),
      ]),
    ).toEqual(['filter-verdict', true]);
    await audit.click('th[data-key="verdict"] button');
  });
});

describe('export', () => {
  beforeEach(() => resetFilters(audit));
  it('downloads JSON that is what `still-there audit --all --format json` writes for the same page', async () => {
    const file = await download(audit, '#export-json');
    expect(file.name).toMatch(/^still-there-audit-www\.audit-tests\.org-\d{4}-\d{2}-\d{2}\.json$/);
    const ours = JSON.parse(file.text) as {
      version: number;
      site: string;
      scope: string;
      pages: string[];
      links: Array<{ url: string; verdict: string; checkedAt: string }>;
      summary: { links: number };
    };
    const shown = await rows(audit);
    // Every row, with the verdict the page shows.
    expect(ours.links.map((l) => `${l.url} ${l.verdict}`).sort()).toEqual(
      shown.map((r) => `${r.url} ${r.status}`).sort(),
    );
    expect({
      version: ours.version,
      site: ours.site,
      scope: ours.scope,
      pages: ours.pages,
      links: ours.summary.links,
    }).toEqual({ version: 1, site: LINKS, scope: 'all', pages: [LINKS], links: 6 });

    const out = path.join(scratch, 'cli.json');
    const t0 = performance.now();
    expect(await cliAudit(out)).toBe(1); // dead links: exit 1
    figures.push(`the CLI's audit of the same page took ${(performance.now() - t0).toFixed(0)} ms`);
    const cli = JSON.parse(readFileSync(out, 'utf8')) as typeof ours;
    // The CLI lists links to other sites only; checked at other moments; otherwise the same document.
    const comparable = (doc: typeof ours) =>
      doc.links.filter((l) => new URL(l.url).host !== HOST).map((l) => ({ ...l, checkedAt: 'T' }));
    expect(comparable(ours)).toEqual(comparable(cli));
    // The CLI's report also names the command that made it; the audit page has none to name.
    const { command, ...cliDocument } = cli as typeof cli & { command?: string };
    expect(command).toMatch(/^still-there audit /);
    expect(Object.keys(ours)).toEqual(Object.keys(cliDocument));
    expect({ ...cliDocument, generatedAt: 'T', links: [], summary: null }).toEqual({
      ...ours,
      generatedAt: 'T',
      links: [],
      summary: null,
    });
  });

  it('downloads CSV with the CLI’s columns, resources only when that filter is on', async () => {
    await audit.click('#filter-resource');
    expect(await audit.$eval('#export-hint', (e) => e.textContent)).toMatch(
      new RegExp(`^Exports ${markedOnPage.length} checked links to mutual-aid resources`),
    );
    const file = await download(audit, '#export-csv');
    await audit.click('#filter-resource');
    const lines = file.text.split('\r\n').filter(Boolean);
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    // One line per place of each resource (NAMI's two included).
    expect(lines).toHaveLength(1 + markedOnPage.length + 1);
    expect(lines.filter((l) => l.startsWith('https://www.nami.org/,'))).toHaveLength(2);
    expect(lines.slice(1).every((l) => !l.includes(ARTICLE) && !l.includes(ABOUT))).toBe(true);
  });
});

describe('the page itself', () => {
  it('reads in light and dark', async () => {
    await audit.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
    const light = await audit.evaluate(() => [
      getComputedStyle(document.body).backgroundColor,
      getComputedStyle(document.body).color,
    ]);
    await audit.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
    const dark = await audit.evaluate(() => [
      getComputedStyle(document.body).backgroundColor,
      getComputedStyle(document.body).color,
    ]);
    expect(light).toEqual(['rgb(255, 255, 255)', 'rgb(27, 27, 31)']);
    expect(dark[0]).not.toBe(light[0]);
    expect(dark[1]).not.toBe(light[1]);
    await audit.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
  });

  it('says so, without an error, for a tab it cannot audit', async () => {
    const blank = await world.browser.newPage();
    await blank.goto(`chrome-extension://${world.extensionId}/popup.html`, { waitUntil: 'load' });
    const chromeTab = await blank.evaluate(
      async () => (await chrome.tabs.create({ url: 'chrome://version/', active: false })).id,
    );
    const errors: string[] = [];
    const page = await world.browser.newPage();
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`chrome-extension://${world.extensionId}/audit.html?tab=${chromeTab}`, { waitUntil: 'load' });
    await page.waitForSelector('#audit[data-state="problem"]');
    expect(await page.$eval('#problem', (e) => [(e as HTMLElement).hidden, e.textContent])).toEqual([
      false,
      expect.stringMatching(/^This page cannot be audited/),
    ]);
    expect(await page.$$eval('#links tbody tr', (trs) => trs.length)).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
    await blank.close();
  });
});
