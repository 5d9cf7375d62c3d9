/**
 * "Check the links in this PDF" in Chromium and Firefox ESR: a county's PDF guide open in the browser's own viewer
 * (where no script of ours runs), the check started from the popup, and the report page (audit.html?pdf=<address>)
 * listing each link by its page with its verdict, the archived copy and the new home, and the phone numbers to update;
 * then a PDF the browser downloaded, chosen with the report's file picker. The PDFs are tests/fixtures/pdf's.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allGroups } from '../../src/directory/groups.ts';
import { formatDay } from '../../src/words/describe.ts';
import { U } from '../fixtures/simweb/catalogue.ts';
import { BROWSERS, startSession, type Session } from './browsers.ts';

/** The day the directory's facts for a group were checked, as the report says it in English. */
const checked = (id: string) => formatDay(allGroups().find((g) => g.id === id)!.verified, 'en-GB');

const PDFS = path.resolve('tests/fixtures/pdf');
const HOST = 'www.county-handouts.org';
const GUIDE = `https://${HOST}/handouts/harbor-county-guide.pdf`;
const handouts = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Handouts</title></head>
<body><h1>Handouts</h1><p><a href="${GUIDE}">Where to find support (PDF)</a></p></body></html>`;

interface Row {
  url: string;
  status: string;
  pages: string[];
  replacement: string;
}

async function rowsOf(report: Page): Promise<Map<string, Row>> {
  const rows = await report.$$eval('#links tbody tr', (trs) =>
    trs.map((tr) => ({
      url: (tr as HTMLElement).dataset.url ?? '',
      status: (tr as HTMLElement).dataset.status ?? '',
      pages: Array.from(tr.querySelectorAll('td.position li [aria-hidden]')).map((s) => s.textContent ?? ''),
      replacement: tr.querySelector('td.replacement')?.textContent ?? '',
    })),
  );
  return new Map(rows.map((r) => [r.url, r]));
}

const numbersOf = (report: Page) => report.$$eval('#numbers li', (lis) => lis.map((li) => li.textContent ?? ''));

describe.each(BROWSERS)('in %s', (kind) => {
  let session: Session;

  beforeAll(async () => {
    session = await startSession(
      kind,
      { [HOST]: { '/': handouts } },
      {
        files: {
          [HOST]: {
            '/handouts/harbor-county-guide.pdf': {
              type: 'application/pdf',
              body: readFileSync(path.join(PDFS, 'harbor-county-guide.pdf')),
            },
          },
        },
      },
    );
  });

  afterAll(async () => {
    await session?.close();
  });

  it('checks a PDF open in the browser’s viewer from the popup, and lists its links by page', async () => {
    const viewer = await session.browser.newPage();
    await viewer.goto(GUIDE, { waitUntil: 'load' }).catch(() => undefined);
    const welcome = await session.extensionPage();
    const tabId = await welcome.evaluate(
      async (url: string) =>
        (await ((globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome).tabs.query({ url }))[0]?.id,
      GUIDE,
    );
    expect(tabId).toBeTypeOf('number');
    const popup = await session.extensionPage(`/popup.html?tab=${tabId}`);
    const button = await popup.waitForSelector('#check-pdf', { timeout: 20_000 });
    expect(await button!.evaluate((b) => b.textContent)).toBe('Check the links in this PDF');
    await popup.bringToFront();
    await button!.click();

    const report = await session.pageAt(`${session.origin}/audit.html?pdf=${encodeURIComponent(GUIDE)}`);
    await report.waitForSelector('#audit[data-state="complete"]', { timeout: 90_000 });
    const rows = await rowsOf(report);
    expect(rows.size).toBe(18);
    expect(rows.get(U.bigBookChapter)).toMatchObject({ status: 'dead', pages: ['page 2'] });
    expect(rows.get(U.bigBookChapter)!.replacement).toMatch(/web\.archive\.org\/web\/20080513062455\//);
    expect(rows.get(U.movedOcf)).toMatchObject({ status: 'moved', pages: ['page 2'] });
    expect(rows.get(U.movedOcf)!.replacement).toContain('https://iocdf.org/');
    expect(rows.get('http://www.suicidepreventionlifeline.org/')).toMatchObject({ status: 'moved', pages: ['page 1'] });
    expect(rows.get('https://www.na.org/meetingsearch/')).toMatchObject({ status: 'alive', pages: ['page 2'] });
    expect(rows.get(U.noSuchDomain)).toMatchObject({ status: 'dead' });
    expect(await numbersOf(report)).toEqual([
      'Page 1 lists 1-800-273-TALK (8255) for 988 Suicide & Crisis Lifeline; the current number is 988.',
      `Page 1 lists 1-800-273-8255 for Veterans Crisis Line; the directory lists 988, then press 1, checked ${checked('veterans-crisis-line')}.`,
    ]);
    // The PDF was fetched as a link to check is: no cookie, no referrer.
    const fetched = session.sim.requests.filter((r) => r.path === '/handouts/harbor-county-guide.pdf');
    expect(fetched.length).toBeGreaterThan(1); // the viewer's, and ours
    expect(fetched.every((r) => !r.referer)).toBe(true);
  });

  it('reads a downloaded PDF chosen with the file picker, by its printed page numbers', async () => {
    const report = await session.extensionPage('/audit.html?pdf=');
    const picker = await report.waitForSelector('input#pdf-file');
    await picker!.uploadFile(path.join(PDFS, 'riverside-family-supports.pdf'));
    await report.waitForSelector('#audit[data-state="complete"]', { timeout: 90_000 });
    const rows = await rowsOf(report);
    expect(rows.get('https://al-anon.org/')).toMatchObject({ status: 'alive', pages: ['page 1'] });
    expect(rows.get('http://www.ocfoundation.org/EO_Hoarding.aspx')).toMatchObject({
      status: 'dead',
      pages: ['page 2'],
    });
    expect(await report.$eval('.page-address', (p) => p.textContent)).toBe(
      'riverside-family-supports.pdf (a file on this computer)',
    );
    expect(await numbersOf(report)).toEqual([
      `Page 1 lists 1-800-662-4357 for NAMI; the directory lists 1-800-950-6264, checked ${checked('nami')}.`,
    ]);
  });

  it("refuses a PDF on the user's private network, as a check would, without fetching it", async () => {
    const address = 'http://192.168.1.20/handouts/guide.pdf';
    const report = await session.extensionPage(`/audit.html?pdf=${encodeURIComponent(address)}`);
    await report.waitForSelector('#audit[data-state="problem"]', { timeout: 30_000 });
    expect(await report.$eval('#problem', (p) => p.textContent)).toMatch(/^This PDF is on a private network/);
  });

  it('says why a PDF cannot be read', async () => {
    const report = await session.extensionPage('/audit.html?pdf=');
    const picker = await report.waitForSelector('input#pdf-file');
    await picker!.uploadFile(path.join(PDFS, 'harbor-county-guide-locked.pdf'));
    await report.waitForSelector('#audit[data-state="problem"]', { timeout: 60_000 });
    expect(await report.$eval('#problem', (p) => p.textContent)).toMatch(/^This PDF is locked with a password/);
  });
});
