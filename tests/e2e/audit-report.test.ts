/**
 * The audit's HTML report in a real browser: written by `still-there audit --format html` for the county directory
 * site, opened from disk with the network cut off. Its rows are there, its own script runs under its strict
 * Content-Security-Policy, filters and sorts work, and link words that look like markup stay words.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SITE_URL, sitePages } from '../fixtures/directory-site/site.ts';
import { stillThere } from '../fixtures/sealed/cli.ts';
import { U } from '../fixtures/simweb/catalogue.ts';
import { startSimWeb, type SimWeb } from '../fixtures/simweb/server.ts';
import { chromiumPath } from './harness.ts';

let sim: SimWeb;
let browser: Browser;
let scratch: string;
let reportFile: string;

async function auditToFile(out: string): Promise<number | null> {
  return (await stillThere(sim, ['audit', SITE_URL, '--recurse', '--format', 'html', '--out', out])).code;
}

beforeAll(async () => {
  sim = await startSimWeb({ pages: sitePages() });
  scratch = mkdtempSync(path.join(tmpdir(), 'still-there-audit-report-'));
  reportFile = path.join(scratch, 'audit.html');
  expect(await auditToFile(reportFile)).toBe(1);
  await sim.close();
  browser = await puppeteer.launch({
    executablePath: chromiumPath(),
    headless: true,
    pipe: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
});
afterAll(async () => {
  await browser?.close().catch(() => undefined);
  await sim?.close().catch(() => undefined);
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

interface Opened {
  page: Page;
  requests: string[];
  problems: string[];
}

async function openReport(): Promise<Opened> {
  const page = await browser.newPage();
  const requests: string[] = [];
  const problems: string[] = [];
  await page.setRequestInterception(true);
  page.on('request', (r) => {
    requests.push(r.url());
    // Offline: only the report file itself may load.
    if (r.url().startsWith('file:')) void r.continue();
    else void r.abort();
  });
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  await page.goto(pathToFileURL(reportFile).href, { waitUntil: 'load' });
  return { page, requests, problems };
}

/** The visible rows, in order: url, verdict, reason. */
function visibleRows(page: Page): Promise<Array<{ url: string; verdict: string; reason: string }>> {
  return page.$$eval('#links tbody tr', (rows) =>
    rows
      .filter((r) => !(r as HTMLElement).hidden)
      .map((r) => ({
        url: (r as HTMLElement).dataset.url ?? '',
        verdict: (r as HTMLElement).dataset.verdict ?? '',
        reason: (r as HTMLElement).dataset.reason ?? '',
      })),
  );
}

describe('the HTML audit report', () => {
  let opened: Opened;
  beforeAll(async () => {
    opened = await openReport();
  });

  it('shows every link, worst first, with the suggested replacement, and loads nothing from anywhere', async () => {
    const { page, requests, problems } = opened;
    // The worklist first: alive links are folded away until asked for.
    expect((await visibleRows(page)).map((r) => r.verdict)).toEqual([
      'dead',
      'dead',
      'dead',
      'dead',
      'dead',
      'moved',
      'unverified',
    ]);
    expect(await page.$eval('#shown', (e) => e.textContent)).toBe('7 of 13 links shown');
    expect(await page.$eval('#show-alive', (e) => [e.textContent, e.getAttribute('aria-pressed')])).toEqual([
      'Show the 6 alive links',
      'false',
    ]);
    await page.click('#show-alive');
    expect(await page.$eval('#show-alive', (e) => [e.textContent, e.getAttribute('aria-pressed')])).toEqual([
      'Hide the 6 alive links',
      'true',
    ]);
    const rows = await visibleRows(page);
    expect(rows.map((r) => r.verdict)).toEqual([
      'dead',
      'dead',
      'dead',
      'dead',
      'dead',
      'moved',
      'unverified',
      'alive',
      'alive',
      'alive',
      'alive',
      'alive',
      'alive',
    ]);
    expect(await page.$eval('#shown', (e) => e.textContent)).toBe('13 of 13 links shown');
    // The header: the site, when, the counts and the command that made the report.
    const header = await page.$$eval('.run dt', (dts) =>
      dts.map((dt) => [dt.textContent, dt.nextElementSibling?.textContent?.trim()]),
    );
    expect(header.map(([term]) => term)).toEqual(['Site', 'Run', 'Found', 'Command']);
    expect(header[0]![1]).toBe(SITE_URL);
    expect(header[1]![1]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d UTC$/);
    expect(header[2]![1]).toMatch(
      /^13 links on 9 pages: 5 dead, 1 moved, 1 unverified, 6 alive; 1 of the site's own pages could not be read/,
    );
    expect(header[3]![1]).toMatch(
      new RegExp(`^still-there audit ${SITE_URL} --recurse --format html --out \\S+audit\\.html`),
    );
    // The site's own broken page, with a link to the page that links to it.
    expect(
      await page.$$eval('#site-problems tbody tr', (trs) =>
        trs.map((tr) => [
          tr.getAttribute('data-url'),
          Array.from(tr.querySelectorAll('.found-on a')).map((a) => (a as HTMLAnchorElement).href),
        ]),
      ),
    ).toEqual([[`${SITE_URL}groups/grief.html`, [`${SITE_URL}groups/peer.html`]]]);
    const bigBook = await page.$eval(`#links tr[data-url="${U.bigBookChapter}"]`, (tr) => ({
      replacements: Array.from(tr.querySelectorAll('.replacement a')).map((a) => (a as HTMLAnchorElement).href),
      pages: Array.from(tr.querySelectorAll('.found-on li')).map((li) => li.textContent?.replace(/\s+/g, ' ').trim()),
      pageLinks: Array.from(tr.querySelectorAll('.found-on a')).map((a) => (a as HTMLAnchorElement).href),
    }));
    // Each page it is found on is a link to that page.
    expect(bigBook.pageLinks).toEqual([
      SITE_URL,
      `${SITE_URL}resources/helplines.html`,
      `${SITE_URL}services/family.html`,
    ]);
    expect(bigBook.replacements).toEqual([
      'https://aa.org/',
      `https://web.archive.org/web/20080513062455/${U.bigBookChapter}`,
    ]);
    expect(bigBook.pages).toEqual([
      // Named by their paths on the site the header names; each a link to the whole address.
      '/ link #1 “Big Book, chapter 4 (PDF)”',
      '/resources/helplines.html link #2 “Big Book, chapter 4”',
      '/services/family.html link #1 “=Big Book <img src=x onerror=alert(1)> chapter 4”',
    ]);
    expect(await page.$eval(`#links tr[data-url="${U.movedOcf}"] .replacement`, (td) => td.textContent)).toBe(
      'now at: https://iocdf.org/',
    );
    // Words that look like markup stayed words; nothing ran; nothing was fetched.
    expect(await page.$$eval('img', (imgs) => imgs.length)).toBe(0);
    expect(problems).toEqual([]);
    expect(requests).toEqual([pathToFileURL(reportFile).href]);
  });

  it('filters by verdict, reason, page and words', async () => {
    const { page } = opened;
    await page.select('#filter-verdict', 'moved');
    expect(await visibleRows(page)).toEqual([{ url: U.movedOcf, verdict: 'moved', reason: 'moved' }]);
    expect(await page.$eval('#shown', (e) => e.textContent)).toBe('1 of 13 links shown');

    await page.select('#filter-verdict', '');
    await page.select('#filter-reason', 'soft-404');
    expect((await visibleRows(page)).map((r) => r.url)).toEqual([U.smartLocalToHome]);

    await page.select('#filter-reason', '');
    const family = await page.$$eval(
      '#filter-page option',
      (os) => os.find((o) => o.textContent?.endsWith('/services/family.html'))?.getAttribute('value') ?? '',
    );
    await page.select('#filter-page', family);
    expect((await visibleRows(page)).map((r) => r.url).sort()).toEqual(
      [U.bigBookChapter, U.movedOcf, 'https://coda.org/meetings'].sort(),
    );

    // Filters combine.
    await page.select('#filter-verdict', 'dead');
    expect((await visibleRows(page)).map((r) => r.url)).toEqual([U.bigBookChapter]);

    await page.select('#filter-verdict', '');
    await page.select('#filter-page', '');
    await page.type('#filter-text', 'lifering');
    expect((await visibleRows(page)).map((r) => r.url)).toEqual(['https://www.lifering.org/meeting-schedule']);
    await page.$eval('#filter-text', (e) => {
      (e as HTMLInputElement).value = '';
      e.dispatchEvent(new Event('input'));
    });
    expect(await visibleRows(page)).toHaveLength(13);
  });

  it('sorts by a column, both ways, and says so', async () => {
    const { page } = opened;
    const urls = (await visibleRows(page)).map((r) => r.url);
    const ascending = [...urls].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()));
    await page.click('th[data-key="url"] button');
    expect((await visibleRows(page)).map((r) => r.url)).toEqual(ascending);
    expect(await page.$eval('th[data-key="url"]', (th) => th.getAttribute('aria-sort'))).toBe('ascending');
    await page.click('th[data-key="url"] button');
    expect((await visibleRows(page)).map((r) => r.url)).toEqual([...ascending].reverse());
    expect(await page.$eval('th[data-key="url"]', (th) => th.getAttribute('aria-sort'))).toBe('descending');

    // Most places to edit first, after a second click on "Found on".
    await page.click('th[data-key="pages"] button');
    await page.click('th[data-key="pages"] button');
    const first = (await visibleRows(page))[0]!;
    expect(first.url).toBe(U.bigBookChapter);
    expect(await page.$eval('th[data-key="url"]', (th) => th.getAttribute('aria-sort'))).toBe('none');

    // Back to worst first.
    await page.click('th[data-key="verdict"] button');
    expect((await visibleRows(page)).map((r) => r.verdict).slice(0, 6)).toEqual([
      'dead',
      'dead',
      'dead',
      'dead',
      'dead',
      'moved',
    ]);
  });
});
