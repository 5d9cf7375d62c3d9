/**
 * The HTML report's layout in Chromium, with the long addresses real directories hold: nothing overflows its cell or
 * the window at a desktop, a tablet and a phone width; an address wraps only after a slash, dot, ?, &, =, _ or -
 * (never mid-word); and printed, rows are compact (the test prints rows per page) and never cut across a page.
 * Screenshots of each width go to test-results/ for a person to look at.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/report/html.ts';
import { auditRow, buildReport, type AuditRow } from '../../src/report/model.ts';
import { chromiumPath } from './harness.ts';

const SITE = 'https://www.northeastern-regional-behavioral-health-clearinghouse.org/';
const PRINTED_ROWS = 80;

/** Addresses as long as the ones editors meet: deep paths, query strings, long host names. */
function longAddress(i: number): string {
  return `https://www.regional-self-help-clearinghouse-${i}.org/resources/support-groups/by-county/north-eastern-region/meeting-lists/archive/${2000 + (i % 20)}/index.html?session=${i}&county=essex&lang=en`;
}

function row(
  url: string,
  verdict: 'dead' | 'moved' | 'alive',
  newHome: string,
  foundOn: AuditRow['foundOn'],
): AuditRow {
  return auditRow(
    {
      url,
      verdict,
      reason: verdict === 'alive' ? 'ok' : verdict === 'moved' ? 'moved' : 'not-found',
      detail: verdict === 'dead' ? 'the server says Not Found (404)' : '',
      status: verdict === 'dead' ? 404 : 200,
      finalUrl: url,
      newHome: verdict === 'moved' ? newHome : null,
      archive:
        verdict === 'dead'
          ? { url: `https://web.archive.org/web/20190513062455/${url}`, timestamp: '20190513062455' }
          : null,
      checkedAt: '2026-12-03T09:00:00.000Z',
    },
    foundOn,
  );
}

const verdictFor = (i: number) => (i >= PRINTED_ROWS ? 'alive' : i % 3 === 0 ? 'moved' : 'dead');
const listing = (i: number) => `${SITE}directory/support-groups/alphabetical-listing/page-${i % 7}.html`;

/** Every address long: for overflow and wrapping. */
function longRows(): AuditRow[] {
  return Array.from({ length: PRINTED_ROWS + 6 }, (_, i) =>
    row(longAddress(i), verdictFor(i), `https://www.new-home-of-regional-self-help-group-${i}.org/meetings/`, [
      { page: listing(i), text: `Regional self-help group number ${i} (meetings and contacts)`, position: 1 + (i % 5) },
    ]),
  );
}

/** Addresses of the lengths a county directory holds (30 to 90 characters), found on one or two pages: for print. */
function typicalRows(): AuditRow[] {
  const hosts = [
    'www.aa.org',
    'na.org',
    'al-anon.org',
    'www.nami.org',
    'www.dbsalliance.org',
    'www.smartrecovery.org',
    'www.emotionsanonymous.org',
    'recoveryinternational.org',
    'www.mhanational.org',
    'iocdf.org',
  ];
  const paths = [
    '',
    'meetings/',
    'find-a-meeting',
    'support-groups/in-your-area/',
    'local-chapters/new-jersey/essex-county.html',
    'resources/self-help-groups?state=nj',
  ];
  return Array.from({ length: PRINTED_ROWS + 6 }, (_, i) => {
    const url = `https://${hosts[i % hosts.length]}/${paths[i % paths.length]}${i}`;
    const pages = [
      { page: `${SITE}resources/support-groups-${i % 7}.html`, text: `Group ${i} meetings`, position: 1 + (i % 5) },
    ];
    if (i % 4 === 0) pages.push({ page: `${SITE}directory/families.html`, text: 'meetings near you', position: 2 });
    return row(url, verdictFor(i), `https://${hosts[(i + 3) % hosts.length]}/`, pages);
  });
}

async function writeReport(name: string, rows: AuditRow[]): Promise<string> {
  const report = buildReport({
    site: SITE,
    scope: 'resources',
    generatedAt: '2026-12-03T09:00:00.000Z',
    pages: Array.from({ length: 7 }, (_, i) => listing(i)),
    rows,
    siteProblems: [
      {
        url: `${SITE}directory/support-groups/grief-and-bereavement-support-groups-for-families.html`,
        status: 404,
        detail: 'the server answered 404',
        linkedFrom: [listing(3)],
      },
    ],
    command: `still-there audit ${SITE} --recurse --format html --out /home/editor/reports/northeastern-clearinghouse-audit.html`,
  });
  const file = path.join(scratch, name);
  writeFileSync(file, renderHtml(report));
  return pathToFileURL(file).href;
}

let browser: Browser;
let scratch: string;
let longReport: string;
let typicalReport: string;

beforeAll(async () => {
  scratch = mkdtempSync(path.join(tmpdir(), 'still-there-report-layout-'));
  longReport = await writeReport('long.html', longRows());
  typicalReport = await writeReport('typical.html', typicalRows());
  browser = await puppeteer.launch({
    executablePath: chromiumPath(),
    headless: true,
    pipe: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
});
afterAll(async () => {
  await browser?.close().catch(() => undefined);
  if (scratch && !process.env.KEEP) rmSync(scratch, { recursive: true, force: true });
});

async function open(width: number): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewport({ width, height: 900 });
  await page.goto(longReport, { waitUntil: 'load' });
  // Every row on screen, alive ones too: the widest content is what the test is for.
  await page.click('#show-alive');
  return page;
}

/** Everything that sticks out: the page wider than the window, or a cell whose content is wider than the cell. */
function overflows(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth)
      out.push(`the page is ${root.scrollWidth}px wide in a ${root.clientWidth}px window`);
    for (const cell of Array.from(document.querySelectorAll('td, th, dd'))) {
      if (cell.scrollWidth > cell.clientWidth + 1)
        out.push(
          `${cell.tagName.toLowerCase()} "${(cell.textContent ?? '').slice(0, 60)}" needs ${cell.scrollWidth}px in ${cell.clientWidth}px`,
        );
    }
    return out;
  });
}

/** For each address shown in a link cell: the character before each place its text went onto a new line. */
function wrapPoints(page: Page): Promise<Array<{ text: string; before: string }>> {
  return page.evaluate(() => {
    const out: Array<{ text: string; before: string }> = [];
    for (const link of Array.from(document.querySelectorAll('#links td.link > a, #links td.found-on a'))) {
      const text = link.textContent ?? '';
      const walker = document.createTreeWalker(link, NodeFilter.SHOW_TEXT);
      const chars: Array<{ node: Text; offset: number }> = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode())
        for (let i = 0; i < (n as Text).length; i++) chars.push({ node: n as Text, offset: i });
      let lastTop: number | null = null;
      chars.forEach(({ node, offset }, index) => {
        const range = document.createRange();
        range.setStart(node, offset);
        range.setEnd(node, offset + 1);
        const top = range.getBoundingClientRect().top;
        if (lastTop !== null && top > lastTop + 2) out.push({ text, before: text[index - 1] ?? '' });
        lastTop = top;
      });
    }
    return out;
  });
}

describe('the HTML report with long addresses', () => {
  for (const width of [1280, 768, 390]) {
    it(`fits a ${width}px window: nothing overflows, and a screenshot is kept`, async () => {
      const page = await open(width);
      expect(await overflows(page)).toEqual([]);
      mkdirSync('test-results', { recursive: true });
      await page.screenshot({ path: `test-results/report-${width}px.png`, fullPage: false });
      await page.close();
    });
  }

  for (const width of [1280, 768]) {
    it(`at ${width}px, wraps addresses only after / . ? & = _ or -`, async () => {
      const page = await open(width);
      const points = await wrapPoints(page);
      // The test sees wrapping at all: the addresses are long enough to need it.
      expect(points.length).toBeGreaterThan(PRINTED_ROWS);
      expect(points.filter((p) => !'/.?&=_-'.includes(p.before))).toEqual([]);
      await page.close();
    });
  }

  it('prints compact rows, never cut across a page, alive ones left out and said so', async () => {
    const page = await browser.newPage();
    // Letter paper less the report's 12 mm margins, in CSS pixels (96 per inch): the box the rows are laid out in.
    const paper = {
      width: Math.floor(8.5 * 96 - (2 * 12 * 96) / 25.4),
      height: Math.floor(11 * 96 - (2 * 12 * 96) / 25.4),
    };
    await page.setViewport(paper);
    await page.goto(typicalReport, { waitUntil: 'load' });
    await page.emulateMediaType('print');
    const laid = await page.$$eval('#links tbody tr:not([hidden])', (trs) =>
      trs.map((tr) => ({ breakInside: getComputedStyle(tr).breakInside, height: tr.getBoundingClientRect().height })),
    );
    expect(laid).toHaveLength(PRINTED_ROWS);
    expect(new Set(laid.map((r) => r.breakInside))).toEqual(new Set(['avoid']));
    expect(await page.$eval('#alive-not-printed', (p) => getComputedStyle(p).display)).toBe('block');
    expect(await page.$eval('.controls', (c) => getComputedStyle(c).display)).toBe('none');
    // A full page holds the repeated column headings and as many whole rows as fit (no row is cut).
    const heading = await page.$eval('#links thead', (t) => t.getBoundingClientRect().height);
    const typical = laid.reduce((sum, r) => sum + r.height, 0) / laid.length;
    const perPage = Math.floor((paper.height - heading) / typical);
    const pdf = Buffer.from(await page.pdf({ format: 'letter' }));
    // Chromium writes one "/Type /Page" object per page (the tree's root is "/Type /Pages").
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g) ?? []).length;
    console.log(
      `report printed on letter paper: ${PRINTED_ROWS} rows of a typical directory on ${pages} pages; a full page holds ${perPage} rows (rows ${typical.toFixed(1)} px on average, page ${paper.height} px)`,
    );
    expect(perPage).toBeGreaterThanOrEqual(36);
    // The printed file agrees with the layout: the header, then the rows at that density (and one page to spare).
    expect(pages).toBeLessThanOrEqual(Math.ceil(PRINTED_ROWS / perPage) + 1);
    await page.close();
  });
});
