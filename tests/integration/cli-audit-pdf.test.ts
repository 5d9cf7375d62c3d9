/**
 * `still-there audit` on PDF handouts as an editor runs it, a child process in the sealed network: a local file, an
 * address, and the PDFs a site links to (--recurse). Every link is found with its page, judged as on web pages
 * (dead, moved, with the archive and the new home), the numbers a handout prints for a group that are not its number
 * now are rows of their own, every format gives the page, and a PDF that cannot be read ends the run (exit 2) with
 * its message.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SITE_HOST, sitePages } from '../fixtures/directory-site/site.ts';
import { stillThere, type CliRun } from '../fixtures/sealed/cli.ts';
import { U } from '../fixtures/simweb/catalogue.ts';
import { allGroups } from '../../src/directory/groups.ts';

/** The day the directory's facts for a group were checked, as the findings quote it. */
const checked = (id: string) => allGroups().find((g) => g.id === id)!.verified;
import { startSimWeb, type SimWeb } from '../fixtures/simweb/server.ts';

const PDFS = path.resolve(import.meta.dirname, '../fixtures/pdf');
const GUIDE = path.join(PDFS, 'harbor-county-guide.pdf');
const pdf = (name: string) => ({ type: 'application/pdf', body: readFileSync(path.join(PDFS, name)) });
const GUIDE_URL = `https://${SITE_HOST}/handouts/harbor-county-guide.pdf`;
/** A page of the county's site that links to its handouts: one readable, one locked with a password. */
const HANDOUTS_PAGE = `<!doctype html><title>Handouts</title><h1>Handouts for clients</h1><ul>
<li><a href="/handouts/harbor-county-guide.pdf">Where to find support (PDF)</a></li>
<li><a href="/handouts/staff-only.pdf">Staff contact sheet (PDF)</a></li>
<li><a href="https://www.nami.org/">NAMI</a></li></ul>`;

let sim: SimWeb;
let scratch: string;
let cache: string;
beforeAll(async () => {
  const pages = sitePages();
  pages[SITE_HOST]!['/handouts/'] = HANDOUTS_PAGE;
  sim = await startSimWeb({
    pages,
    files: {
      [SITE_HOST]: {
        '/handouts/harbor-county-guide.pdf': pdf('harbor-county-guide.pdf'),
        '/handouts/staff-only.pdf': pdf('harbor-county-guide-locked.pdf'),
      },
    },
  });
  scratch = mkdtempSync(path.join(tmpdir(), 'still-there-audit-pdf-'));
  // Verdicts carried from run to run, as an editor's --cache does: the formats after the first need no new checks.
  cache = path.join(scratch, 'verdicts.json');
});
afterAll(async () => {
  await sim?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

function audit(args: string[]): Promise<CliRun> {
  return stillThere(sim, ['audit', ...args]);
}

interface Place {
  page: number;
  label: string | null;
  line: number;
}
interface JsonLink {
  url: string;
  verdict: string;
  reason: string;
  newHome: string | null;
  archive: { url: string; timestamp: string } | null;
  foundOn: Array<{ page: string; text: string; position: number; place?: Place }>;
}
interface JsonReport {
  pages: string[];
  links: JsonLink[];
  numbers?: Array<{ page: string; place: Place; printed: string; kind: string; current: string; message: string }>;
  siteProblems: Array<{ url: string; detail: string; linkedFrom: string[] }>;
  summary: { pages: number; links: number; numbers?: number };
}

const parse = (run: CliRun) => JSON.parse(run.stdout) as JsonReport;
const byUrl = (r: JsonReport) => new Map(r.links.map((l) => [l.url, l]));

describe('audit guide.pdf', () => {
  let run: CliRun;
  let report: JsonReport;
  beforeAll(async () => {
    run = await audit([GUIDE, '--format', 'json', '--cache', cache]);
    report = parse(run);
  }, 120_000);

  it('lists every resource link of the handout with its page, and judges it as on a web page', () => {
    expect(run.code).toBe(1); // dead links: the default --fail-on
    expect(report.pages).toEqual([GUIDE]);
    const links = byUrl(report);
    expect(links.size).toBe(18);
    for (const link of links.values())
      for (const at of link.foundOn) expect(at.place?.page, link.url).toBeGreaterThan(0);
    expect(links.get(U.bigBookChapter)).toMatchObject({
      verdict: 'dead',
      reason: 'not-found',
      archive: { timestamp: '20080513062455' },
      foundOn: [{ page: GUIDE, text: 'Read chapter 4 (PDF)', place: { page: 2 } }],
    });
    expect(links.get(U.namiConnection)).toMatchObject({ verdict: 'dead', reason: 'gone' });
    expect(links.get(U.movedOcf)).toMatchObject({ verdict: 'moved', newHome: 'https://iocdf.org/' });
    expect(links.get('http://www.suicidepreventionlifeline.org/')).toMatchObject({
      verdict: 'moved',
      newHome: 'https://988lifeline.org/',
      foundOn: [{ place: { page: 1 } }],
    });
    expect(links.get(U.noSuchDomain)).toMatchObject({ verdict: 'dead', reason: 'no-such-domain' });
    expect(links.get(U.smartLocalToHome)).toMatchObject({ verdict: 'dead', reason: 'soft-404' });
    // Printed, not linked: the address the table's cell wrapped, read whole.
    expect(links.get('https://www.na.org/meetingsearch/')).toMatchObject({
      verdict: 'alive',
      foundOn: [{ text: 'https://www.na.org/meetingsearch/', place: { page: 2 } }],
    });
    expect(links.get('http://www.nmha.org/go/find-an-affiliate')).toMatchObject({
      verdict: 'moved',
      newHome: 'https://mhanational.org/find-affiliate',
    });
  });

  it("reports the numbers to update as rows of their own: the 988 Lifeline's old number, page 1", () => {
    expect(report.numbers?.map((n) => [n.place.page, n.printed, n.kind, n.current])).toEqual([
      [1, '1-800-273-TALK (8255)', 'former', '988'],
      [1, '1-800-273-8255', 'differs', '988, then press 1'],
    ]);
    expect(report.numbers?.[0]?.message).toBe(
      'page 1 lists 1-800-273-TALK (8255) for 988 Suicide & Crisis Lifeline (printed as "National Suicide Prevention Lifeline"); the current number is 988',
    );
    expect(report.summary).toMatchObject({ pages: 1, links: 18, numbers: 2 });
  });

  it('gives the page in every format', async () => {
    const table = await audit([GUIDE, '--cache', cache]);
    expect(table.stdout).toMatch(
      /dead\s+not-found\s+page 2\s+https:\/\/www\.aa\.org\/assets\/en_US\/en_bigbook_chapt4\.pdf/,
    );
    expect(table.stdout).toContain('Phone numbers to update');
    expect(table.stdout).toMatch(/number\s+former-number\s+page 1\s+1-800-273-TALK \(8255\)/);

    const csv = (await audit([GUIDE, '--format', 'csv', '--cache', cache])).stdout.split('\r\n');
    expect(csv.find((l) => l.startsWith('url,'))).toMatch(/,position,since_last_run,place$/);
    expect(csv.find((l) => l.startsWith(`${U.bigBookChapter},dead,`))).toMatch(/,page 2$/);
    expect(csv.find((l) => l.startsWith('1-800-273-TALK (8255),phone-number,former-number,'))).toMatch(/,page 1$/);

    const md = (await audit([GUIDE, '--format', 'md', '--cache', cache])).stdout;
    expect(md).toContain('(page 2, `Read chapter 4 (PDF)`)');
    expect(md).toContain('## Phone numbers to update (2)');

    const html = (await audit([GUIDE, '--format', 'html', '--cache', cache])).stdout;
    expect(html).toMatch(/<span class="where">page 2<span class="words"> “Read chapter 4 \(PDF\)”<\/span><\/span>/);
    expect(html).toContain('<h2 id="numbers-title">Phone numbers to update (2)</h2>');
  }, 120_000);
});

describe('audit https://…/guide.pdf', () => {
  it('reads the handout from the web and names it by its address', async () => {
    const run = await audit([GUIDE_URL, '--format', 'json', '--cache', cache]);
    const report = parse(run);
    expect(run.code).toBe(1);
    expect(report.pages).toEqual([GUIDE_URL]);
    expect(byUrl(report).get(U.bigBookChapter)?.foundOn).toEqual([
      expect.objectContaining({ page: GUIDE_URL, place: expect.objectContaining({ page: 2 }) }),
    ]);
    expect(report.numbers).toHaveLength(2);
    // Fetched as a check is: no cookie, no referrer.
    const fetched = sim.requests.filter((r) => r.path === '/handouts/harbor-county-guide.pdf');
    expect(fetched.length).toBeGreaterThan(0);
    expect(fetched.every((r) => !r.cookie && !r.referer)).toBe(true);
  }, 120_000);
});

describe("a word processor's handout with page labels", () => {
  it('says the page as the handout numbers it', async () => {
    const run = await audit([path.join(PDFS, 'riverside-family-supports.pdf'), '--cache', cache]);
    expect(run.stdout).toMatch(/alive\s+ok\s+page 1\s+https:\/\/al-anon\.org\//);
    expect(run.stdout).toMatch(/dead\s+not-found\s+page 2\s+http:\/\/www\.ocfoundation\.org\/EO_Hoarding\.aspx/);
    expect(run.stdout).toContain(
      `page 1 lists 1-800-662-4357 for NAMI; the directory lists 1-800-950-6264 (checked ${checked('nami')})`,
    );
  }, 120_000);
});

describe('PDFs that cannot be read', () => {
  it.each([
    ['harbor-county-guide-locked.pdf', 'is locked with a password'],
    ['harbor-county-guide-scanned.pdf', 'has no text to read: its pages are pictures'],
    ['harbor-county-guide-cut-off.pdf', 'is damaged and cannot be read'],
    ['guide-404.pdf', 'is not a PDF: it is a web page'],
  ])('%s: exit 2 with its message, in the report too', async (name, words) => {
    const run = await audit([path.join(PDFS, name)]);
    expect(run.code).toBe(2);
    // A run that could not read its start still reports (issue 27), saying why at the top, and nothing else.
    expect(run.stdout).toContain(`The audit could not run: ${name} ${words}`);
    expect(run.stdout).toContain('Nothing was checked.');
    expect(run.stderr).toContain(`${name} ${words}`);
  });

  it('a handout address that answers 404', async () => {
    const missing = `https://${SITE_HOST}/handouts/2019-guide.pdf`;
    const run = await audit([missing]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`could not read ${missing}: the server answered 404`);
  });
});

describe('audit SITE --recurse', () => {
  it("reads the site's own PDFs as pages of their own, and lists the one it cannot read", async () => {
    const site = `https://${SITE_HOST}/handouts/`;
    const run = await audit([site, '--recurse', '--format', 'json', '--cache', cache]);
    const report = parse(run);
    expect(report.pages).toEqual([site, GUIDE_URL]);
    expect(byUrl(report).get(U.bigBookChapter)?.foundOn).toEqual([
      expect.objectContaining({ page: GUIDE_URL, place: expect.objectContaining({ page: 2 }) }),
    ]);
    expect(byUrl(report).get('https://www.nami.org/')?.foundOn).toEqual([{ page: site, text: 'NAMI', position: 1 }]);
    expect(report.numbers?.map((n) => n.page)).toEqual([GUIDE_URL, GUIDE_URL]);
    expect(report.siteProblems).toEqual([
      expect.objectContaining({
        url: `https://${SITE_HOST}/handouts/staff-only.pdf`,
        linkedFrom: [site],
        detail: expect.stringContaining('it could not be read as a PDF: ') as unknown as string,
      }),
    ]);
    expect(report.siteProblems[0]!.detail).toContain('is locked with a password');
    const table = await audit([site, '--recurse', '--cache', cache]);
    expect(table.stdout).toMatch(
      /broken\s+unreadable-pdf\s+https:\/\/www\.county-bh-directory\.org\/handouts\/staff-only\.pdf/,
    );
  }, 120_000);
});
