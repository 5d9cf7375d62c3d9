/**
 * `still-there audit` as an editor runs it: a child process crawling the county directory site
 * (tests/fixtures/directory-site) on the simulated web — or from its folder — with the right worklist in every
 * format, exit codes by --fail-on, and --cache carrying the confirmation rule across (pretended) days.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SITE_HOST, SITE_URL, sitePages } from '../fixtures/directory-site/site.ts';
import { stillThere, type CliRun } from '../fixtures/sealed/cli.ts';
import { HUGE_PAGE_BYTES } from '../fixtures/simweb/sites.ts';
import { U } from '../fixtures/simweb/catalogue.ts';
import { readFeed } from '../../src/feed/read-feed.ts';
import { startSimWeb, type SimWeb } from '../fixtures/simweb/server.ts';

/**
 * A page whose outbound links all go through redirect wrappers: its own exit script (one with a destination written
 * without its scheme, under a name of the site's own), and a mail scanner's.
 */
const EXITS_HOST = 'www.county-exits.org';
const EXITS_PAGE = `<!doctype html><title>Links</title><ul>
<li><a href="/exit.php?url=${encodeURIComponent(U.bigBookChapter)}">Click here</a> for chapter 4</li>
<li><a href="https://urldefense.com/v3/__https://www.nami.org/__;!!x$">NAMI</a></li>
<li><a href="/exit.php?url=${encodeURIComponent(U.bigBookChapter)}#again">chapter 4 again</a></li>
<li><a href="/exit.php?url=${encodeURIComponent('https://www.example.com/')}">Bus timetable</a></li>
<li><a href="/links/redirect.php?goto_site=www.na.org/meetingsearch/">Find a meeting</a></li></ul>`;

let sim: SimWeb;
let scratch: string;
beforeAll(async () => {
  sim = await startSimWeb({ pages: { ...sitePages(), [EXITS_HOST]: { '/': EXITS_PAGE } } });
  scratch = mkdtempSync(path.join(tmpdir(), 'still-there-audit-'));
});
afterAll(async () => {
  await sim?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

function audit(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return stillThere(sim, ['audit', ...args], { env });
}

const page = (p: string) => `${SITE_URL}${p}`;
const DBSA = 'https://www.dbsalliance.org/chapters/search.cfm';
const OCF_HOARDING = 'http://www.ocfoundation.org/EO_Hoarding.aspx';
const HOSTILE_TEXT = '=Big Book <img src=x onerror=alert(1)> chapter 4';

interface JsonLink {
  url: string;
  verdict: string;
  reason: string;
  detail: string;
  checkedAt: string;
  status: number | null;
  newHome: string | null;
  archive: { url: string; timestamp: string } | null;
  foundOn: Array<{ page: string; text: string; position: number }>;
}

function byUrl(links: JsonLink[]): Map<string, JsonLink> {
  return new Map(links.map((l) => [l.url, l]));
}

/** RFC 4180, enough for the test: quoted fields with doubled quotes and line breaks, CRLF records. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      field = '';
      record = [];
      i++;
    } else field += c;
  }
  return records;
}

describe('the worklist for the whole site (--recurse), in every format', () => {
  let json: CliRun;
  beforeAll(async () => {
    sim.reset();
    json = await audit([SITE_URL, '--recurse', '--format', 'json']);
  });

  it('json: every resource link once, with its verdict, replacement and every place it appears', () => {
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout);
    expect(report).toMatchObject({ version: 1, site: SITE_URL, scope: 'resources' });
    expect(report.summary).toEqual({
      pages: 9,
      brokenSitePages: 1,
      links: 13,
      occurrences: 19,
      verdicts: { dead: 5, moved: 1, unverified: 1, alive: 6 },
    });
    // The site's own page that answers 404 is a row of its own, with the page that links to it; it is no audited page.
    expect(report.siteProblems).toEqual([
      {
        url: page('groups/grief.html'),
        status: 404,
        detail: 'the server answered 404',
        linkedFrom: [page('groups/peer.html')],
      },
    ]);
    expect(report.pages).not.toContain(page('groups/grief.html'));
    expect(report.command).toMatch(
      new RegExp(`^still-there audit ${SITE_URL} --recurse --format json --ca /\\S+ --timeout 3000$`),
    );
    for (const l of report.links)
      expect(Object.keys(l)).toEqual([
        'url',
        'verdict',
        'reason',
        'detail',
        'status',
        'finalUrl',
        'newHome',
        'archive',
        'checkedAt',
        'foundOn',
      ]);
    // Worst first.
    expect(report.links.map((l: JsonLink) => l.verdict)).toEqual([
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
    const links = byUrl(report.links);

    // The same resource on three pages (one of them malformed): one check, three places to edit.
    expect(links.get(U.bigBookChapter)).toMatchObject({
      verdict: 'dead',
      reason: 'not-found',
      status: 404,
      newHome: 'https://aa.org/',
      archive: { timestamp: '20080513062455' },
    });
    expect(links.get(U.bigBookChapter)!.archive!.url).toBe(
      `https://web.archive.org/web/20080513062455/${U.bigBookChapter}`,
    );
    expect(links.get(U.bigBookChapter)!.foundOn).toEqual([
      { page: SITE_URL, text: 'Big Book, chapter 4 (PDF)', position: 1 },
      { page: page('resources/helplines.html'), text: 'Big Book, chapter 4', position: 2 },
      { page: page('services/family.html'), text: HOSTILE_TEXT, position: 1 },
    ]);
    expect(links.get(OCF_HOARDING)).toMatchObject({
      verdict: 'dead',
      reason: 'not-found',
      newHome: 'https://iocdf.org/',
    });
    expect(links.get(U.noSuchDomain)).toMatchObject({ verdict: 'dead', reason: 'no-such-domain', status: null });
    expect(links.get(U.noSuchDomain)!.foundOn.map((f) => f.page)).toEqual([SITE_URL, page('services/')]);
    expect(links.get('https://www.lifering.org/meeting-schedule')).toMatchObject({
      verdict: 'dead',
      reason: 'redirect-loop',
    });
    // Reached through <base href="/resources/"> on groups/peer.html: the page is found and crawled.
    expect(links.get(U.smartLocalToHome)).toMatchObject({
      verdict: 'dead',
      reason: 'soft-404',
      archive: { timestamp: '20160704153012' },
    });
    expect(links.get(U.smartLocalToHome)!.foundOn).toEqual([
      { page: page('resources/helplines.html'), text: 'SMART Recovery local meetings', position: 1 },
    ]);
    expect(links.get(U.movedOcf)).toMatchObject({ verdict: 'moved', reason: 'moved', newHome: 'https://iocdf.org/' });
    expect(links.get(U.movedOcf)!.foundOn.map((f) => [f.page, f.position])).toEqual([
      [SITE_URL, 5],
      [page('services/family.html'), 2],
    ]);
    expect(links.get(DBSA)).toMatchObject({ verdict: 'unverified', reason: 'server-error', status: 500 });
    expect(links.get(DBSA)!.detail).toMatch(/1 of 3 failed checks/);

    // A fragment is the same resource; a protocol-relative link takes the page's scheme.
    expect(links.get('https://www.nami.org/')!.foundOn.map((f) => [f.text, f.position])).toEqual([
      ['NAMI — National Alliance on Mental Illness', 3],
      ['NAMI home (skip to content)', 4],
    ]);
    expect(links.get('https://www.nami.org/Support-Education/Support-Groups')!.foundOn).toEqual([
      { page: page('groups/peer.html'), text: 'NAMI support groups', position: 1 },
    ]);
    // Behind the meta-refresh page: meetings.html is crawled.
    expect(links.get('https://www.aa.org/find-aa')).toMatchObject({
      verdict: 'alive',
      foundOn: [{ page: page('meetings.html'), text: 'Find an A.A. meeting', position: 1 }],
    });
    expect(links.get('https://coda.org/meetings')!.foundOn.map((f) => f.page)).toEqual([
      page('meetings.html'),
      page('services/family.html'),
    ]);
    // Not resources: a share button, a short link to a flyer, a therapist finder, images.
    for (const other of [
      'https://www.facebook.com/',
      'https://bit.ly/',
      'https://www.psychologytoday.com/',
      'https://www.nami.org/images/',
    ]) {
      expect(report.links.some((l: JsonLink) => l.url.startsWith(other))).toBe(false);
    }
    expect(report.pages).toEqual(
      expect.arrayContaining([
        SITE_URL,
        page('about.html'),
        page('groups/peer.html'),
        page('resources/helplines.html'),
        page('old-meetings.html'),
        page('meetings.html'),
        page('services/'),
        page('services/family.html'),
      ]),
    );
    // "/" and "/index.html" are one page to the editor.
    expect(report.pages).not.toContain(page('index.html'));
  });

  it('linkinator only read the site: every outbound request came from the engine, each address once', () => {
    const outbound = sim.requests.filter((r) => r.host !== SITE_HOST);
    expect(outbound.length).toBeGreaterThan(0);
    expect(outbound.filter((r) => r.userAgent === 'node')).toEqual([]);
    expect(sim.requests.filter((r) => r.host === SITE_HOST && r.userAgent !== 'node')).toEqual([]);
    expect(
      sim.requests.filter((r) => r.host === 'www.aa.org' && r.path === new URL(U.bigBookChapter).pathname),
    ).toHaveLength(1);
    // Links that are not resources are never requested without --all.
    expect(sim.requests.filter((r) => ['www.psychologytoday.com', 'bit.ly'].includes(r.host))).toEqual([]);
  });

  it('table (the default): one block per page, worst first, with words, position and replacement', async () => {
    const run = await audit([SITE_URL, '--recurse']);
    expect(run.code).toBe(1);
    const blocks = run.stdout.split('\n\n');
    const home = blocks.find((b) => b.startsWith(`${SITE_URL}\n`))!;
    expect(home).toMatch(
      /^ {2}dead {7}not-found {7}#1 {3}https:\/\/www\.aa\.org\/assets\/en_US\/en_bigbook_chapt4\.pdf$/m,
    );
    expect(home).toMatch(/"Big Book, chapter 4 \(PDF\)" · the server says Not Found \(404\)/);
    expect(home).toMatch(/→ the group's new home: https:\/\/aa\.org\//);
    expect(home).toMatch(/→ archived copy from 2008-05-13: https:\/\/web\.archive\.org\/web\/20080513062455\//);
    expect(home).toMatch(
      /moved {6}moved {11}#5 {3}http:\/\/www\.ocfoundation\.org\/\n.*\n\s+→ now at: https:\/\/iocdf\.org\//,
    );
    expect(home.indexOf('dead')).toBeLessThan(home.indexOf('moved'));
    expect(home.indexOf('moved')).toBeLessThan(home.indexOf('alive'));
    const peer = blocks.find((b) => b.startsWith(`${page('groups/peer.html')}\n`))!;
    expect(peer).toMatch(/dead\s+redirect-loop\s+#5\s+https:\/\/www\.lifering\.org\/meeting-schedule/);
    expect(blocks.find((b) => b.startsWith("The site's own pages that could not be read\n"))).toBe(
      `The site's own pages that could not be read\n  broken     http-404        ${page('groups/grief.html')}\n${' '.repeat(30)}the server answered 404\n${' '.repeat(30)}linked from ${page('groups/peer.html')}`,
    );
    // The summary says what was not checked, and why.
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe(
      "13 links on 9 pages: 5 dead, 1 moved, 1 unverified, 6 alive; 1 of the site's own pages could not be read; 5 links not checked: not recognised as resources (--all checks them); 2 links not checked: not web addresses (mailto:, tel: …)",
    );
    // Said once, in the report: no longer a note on standard error as well.
    expect(run.stderr).not.toMatch(/grief/);
  });

  it('csv: one row per link and page, RFC 4180 quoting, formula cells defused', async () => {
    const run = await audit([SITE_URL, '--recurse', '--format', 'csv']);
    expect(run.code).toBe(1);
    expect(run.stdout.endsWith('\r\n')).toBe(true);
    const [header, ...rows] = parseCsv(run.stdout);
    expect(header).toEqual([
      'url',
      'verdict',
      'reason',
      'detail',
      'status',
      'final_url',
      'new_home',
      'archive_url',
      'archive_timestamp',
      'checked_at',
      'page',
      'link_text',
      'position',
      'since_last_run',
    ]);
    expect(rows).toHaveLength(20);
    for (const r of rows) expect(r).toHaveLength(14);
    const col = (name: string) => header!.indexOf(name);
    // The site's own broken page comes last, with the page that links to it.
    expect([
      rows.at(-1)![col('url')],
      rows.at(-1)![col('verdict')],
      rows.at(-1)![col('reason')],
      rows.at(-1)![col('status')],
      rows.at(-1)![col('page')],
    ]).toEqual([page('groups/grief.html'), 'site-page-broken', 'http-404', '404', page('groups/peer.html')]);
    const bigBook = rows.filter((r) => r[col('url')] === U.bigBookChapter);
    expect(bigBook.map((r) => r[col('page')])).toEqual([
      SITE_URL,
      page('resources/helplines.html'),
      page('services/family.html'),
    ]);
    expect(bigBook[2]![col('link_text')]).toBe(`'${HOSTILE_TEXT}`);
    expect(bigBook[0]).toEqual(
      expect.arrayContaining([
        'dead',
        'not-found',
        '404',
        'https://aa.org/',
        `https://web.archive.org/web/20080513062455/${U.bigBookChapter}`,
        '20080513062455',
        '1',
      ]),
    );
    // The comma in the words forced quotes, and the parse got them back whole.
    expect(run.stdout).toContain(',"Recovery, Inc. self-help meetings",2,\r\n');
    expect(rows.filter((r) => r[col('url')] === U.noSuchDomain).map((r) => r[col('link_text')])).toEqual([
      'Recovery, Inc. self-help meetings',
      'Recovery, Inc. self-help meetings',
    ]);
    // No cell starts a formula.
    for (const r of rows) for (const cell of r) expect(cell).not.toMatch(/^[=+\-@]/);
  });

  it('md: a worklist of dead and moved links with replacements and the pages to edit', async () => {
    const run = await audit([SITE_URL, '--recurse', '--format', 'md']);
    expect(run.code).toBe(1);
    const md = run.stdout;
    expect(md).toMatch(/^# Link audit of <https:\/\/www\.county-bh-directory\.org\/>$/m);
    expect(md).toMatch(/13 links on 9 pages: 5 dead, 1 moved, 1 unverified, 6 alive/);
    expect(md).toMatch(/^## Dead links \(5\)$/m);
    expect(md).toMatch(/^## Moved links \(1\)$/m);
    expect(md.match(/^- \[ \] /gm)).toHaveLength(7);
    expect(md).toContain(
      `## The site's own pages that could not be read (1)\n\n- [ ] <${page('groups/grief.html')}> — **http-404**: the server answered 404\n  - Mend or remove the link on: <${page('groups/peer.html')}>`,
    );
    expect(md).toContain(`Made by \`still-there audit ${SITE_URL} --recurse --format md --ca `);
    const bigBook = md.slice(md.indexOf(`- [ ] <${U.bigBookChapter}>`)).split('\n- ')[0]!;
    expect(bigBook).toContain('**not-found**');
    expect(bigBook).toContain(
      `Replace with: the group's new home <https://aa.org/>, or archived copy from 2008-05-13 <https://web.archive.org/web/20080513062455/${U.bigBookChapter}>`,
    );
    expect(bigBook).toContain('Edit 3 pages:');
    expect(bigBook).toContain(`<${page('services/family.html')}> (1st link, \`${HOSTILE_TEXT}\`)`);
    const moved = md.slice(md.indexOf(`- [ ] <${U.movedOcf}>`)).split('\n- ')[0]!;
    expect(moved).toContain('Replace with: now at <https://iocdf.org/>');
    // Unverified links are listed to check by hand, not as tasks.
    expect(md).toMatch(
      new RegExp(
        `^## Could not be verified.*\\n\\n- <${DBSA.replace(/[.?]/g, '\\$&')}> — \\*\\*server-error\\*\\*`,
        'm',
      ),
    );
    // Page words never become markup or issue references outside a code span.
    expect(md.replace(/`[^`]*`/g, '')).not.toMatch(/<img|#\d/);
  });

  it('html: one self-contained file, every value escaped, nothing fetched from anywhere', async () => {
    const out = path.join(scratch, 'report.html');
    const run = await audit([SITE_URL, '--recurse', '--format', 'html', '--out', out]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/13 links on 9 pages/);
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;;/);
    expect(html.match(/<tr data-verdict=/g)).toHaveLength(13);
    expect(html).not.toContain('<img');
    expect(html).toContain('=Big Book &#60;img src=x onerror=alert(1)&#62; chapter 4');
    // No subresource at all: one inline style, one inline script, no element that loads anything.
    expect(html.match(/<style>/g)).toHaveLength(1);
    expect(html.match(/<script/g)).toEqual(['<script']);
    expect(html).toContain('<script>(function auditReportScript()');
    expect(html).not.toMatch(/<(img|link|iframe|object|embed|audio|video|source|base)\b|@import|url\(/i);
    expect(html).toContain(`href="https://web.archive.org/web/20080513062455/${U.bigBookChapter}"`);
    expect(html).toMatch(
      new RegExp(`<table id="site-problems">[\\s\\S]*data-url="${page('groups/grief.html')}"[\\s\\S]*http-404`),
    );
  });
});

describe('links behind redirect wrappers', () => {
  it('are judged and listed by the address they carry; the wrappers are never fetched', async () => {
    const run = await audit([`https://${EXITS_HOST}/`, '--format', 'json']);
    expect(run.code).toBe(1);
    const links = byUrl(JSON.parse(run.stdout).links);
    expect([...links.keys()].sort()).toEqual(
      [U.bigBookChapter, 'http://www.na.org/meetingsearch/', 'https://www.nami.org/'].sort(),
    );
    expect(links.get(U.bigBookChapter)).toMatchObject({ verdict: 'dead', archive: { timestamp: '20080513062455' } });
    expect(links.get(U.bigBookChapter)!.foundOn.map((f) => f.text)).toEqual(['Click here', 'chapter 4 again']);
    expect(links.get('https://www.nami.org/')).toMatchObject({ verdict: 'alive' });
    expect(links.get('http://www.na.org/meetingsearch/')).toMatchObject({ verdict: 'alive' });
    expect(
      sim.requests.filter(
        (r) => r.path.startsWith('/exit.php') || r.path.startsWith('/links/') || r.host === 'urldefense.com',
      ),
    ).toEqual([]);
  });
});

describe('--all: every outbound link', () => {
  it('adds the share button, the flyer, the therapist finder and each srcset candidate', async () => {
    const run = await audit([SITE_URL, '--recurse', '--all', '--format', 'json']);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.scope).toBe('all');
    expect(report.summary).toMatchObject({ links: 18, verdicts: { dead: 8, moved: 1, unverified: 2, alive: 7 } });
    const links = byUrl(report.links);
    expect(
      links.get('https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fwww.county-bh-directory.org%2F'),
    ).toMatchObject({
      verdict: 'dead',
      reason: 'no-such-domain',
      foundOn: [{ page: SITE_URL, text: 'Share on Facebook', position: 7 }],
    });
    expect(links.get('https://bit.ly/na-meeting-search')).toMatchObject({
      verdict: 'alive',
      foundOn: [{ page: page('about.html'), text: 'our flyer', position: 1 }],
    });
    expect(links.get('https://www.psychologytoday.com/us/groups/new-jersey')).toMatchObject({
      verdict: 'unverified',
      reason: 'bot-wall',
    });
    // <img src> and its srcset: the same image twice on one page, words: none.
    expect(links.get('https://www.nami.org/images/logo.png')).toMatchObject({
      verdict: 'dead',
      reason: 'not-found',
      foundOn: [
        { page: page('groups/peer.html'), text: '', position: 2 },
        { page: page('groups/peer.html'), text: '', position: 3 },
      ],
    });
    expect(links.get('https://www.nami.org/images/logo@2x.png')!.foundOn).toEqual([
      { page: page('groups/peer.html'), text: '', position: 4 },
    ]);
  });
});

describe('a local folder or file, served by linkinator itself', () => {
  it("names pages by their files, follows the server's redirect for a folder, and finds the same worklist", async () => {
    const run = await audit(['tests/fixtures/directory-site', '--recurse', '--format', 'json']);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    const file = (p: string) => path.join('tests/fixtures/directory-site', p);
    expect(report.summary).toMatchObject({ links: 13, verdicts: { dead: 5, moved: 1, unverified: 1, alive: 6 } });
    // The removed page is named by the file that is not there, linked from the file that names it.
    expect(report.siteProblems).toMatchObject([
      { url: file('groups/grief.html'), status: 404, linkedFrom: [file('groups/peer.html')] },
    ]);
    expect([...report.pages].sort()).toEqual(
      [
        'about.html',
        'groups/peer.html',
        'index.html',
        'meetings.html',
        'old-meetings.html',
        'resources/helplines.html',
        'services/family.html',
        'services/index.html',
      ]
        .map(file)
        .sort(),
    );
    const links = byUrl(report.links);
    expect(links.get(U.bigBookChapter)!.foundOn.map((f) => [f.page, f.position])).toEqual([
      [file('index.html'), 1],
      [file('resources/helplines.html'), 2],
      [file('services/family.html'), 1],
    ]);
    expect(links.get(DBSA)!.foundOn).toEqual([
      { page: file('services/index.html'), text: 'DBSA chapter search', position: 1 },
    ]);
  });

  it('--recurse from a file or from /index.html covers the whole folder, not just the page', async () => {
    for (const start of ['tests/fixtures/directory-site/index.html', page('index.html')]) {
      const run = await audit([start, '--recurse', '--format', 'json']);
      expect(JSON.parse(run.stdout).summary).toMatchObject({ links: 13, occurrences: 19 });
    }
  });

  it('audits a single file, and exits 0 when nothing is dead', async () => {
    const run = await audit(['tests/fixtures/directory-site/meetings.html', '--format', 'json']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.pages).toEqual([path.join('tests/fixtures/directory-site', 'meetings.html')]);
    expect(report.summary).toMatchObject({ pages: 1, links: 3, verdicts: { alive: 3 } });
  });
});

describe('exit status by --fail-on', () => {
  it.each([
    ['meetings.html', [], 0],
    ['meetings.html', ['--fail-on', 'dead,moved,unverified'], 0],
    ['', [], 1],
    ['', ['--fail-on', 'moved'], 1],
    // --fail-on adds to the default: the home page's dead links still fail the run.
    ['', ['--fail-on', 'unverified'], 1],
    // none resets it: the home page has dead and moved links but none unverified.
    ['', ['--fail-on', 'none,unverified'], 0],
    ['', ['--fail-on', 'none'], 0],
    ['services/', ['--fail-on', 'none,unverified'], 1],
  ])('%s %j exits %i', async (p, flags, code) => {
    const run = await audit([page(p as string), ...(flags as string[]), '--format', 'json']);
    expect(run.code).toBe(code);
  });
});

describe('--cache: verdicts across runs', () => {
  const services = page('services/');
  const day = (d: number, hour = 10) =>
    `2026-11-${String(26 + d).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00Z`;
  const dbsaOf = (run: CliRun) => byUrl(JSON.parse(run.stdout).links).get(DBSA)!;

  it('a link failing with a passing error becomes dead only after three failures on separate days', async () => {
    const cache = path.join(scratch, 'nightly.json');
    const first = await audit([services, '--cache', cache, '--format', 'json'], { STILL_THERE_NOW: day(1) });
    expect(first.code).toBe(1);
    expect(dbsaOf(first)).toMatchObject({ verdict: 'unverified', reason: 'server-error' });
    expect(dbsaOf(first).detail).toMatch(/1 of 3 failed checks/);
    const stored = JSON.parse(readFileSync(cache, 'utf8'));
    expect(stored.version).toBe(1);
    expect(stored.links[DBSA]).toMatchObject({
      verdict: 'unverified',
      checkedAt: expect.stringMatching(/^2026-11-27T10:00/),
    });
    expect(stored.links[DBSA].history.map((o: { outcome: string }) => o.outcome)).toEqual(['failed']);

    // An hour later the same night: checked again (never served from the cache), but not a second counted failure.
    const again = await audit([services, '--cache', cache, '--format', 'json'], { STILL_THERE_NOW: day(1, 11) });
    expect(dbsaOf(again).detail).toMatch(/1 of 3 failed checks/);
    // A dead verdict from an hour ago stands; the next day it is looked at again.
    expect(byUrl(JSON.parse(again.stdout).links).get(OCF_HOARDING)!.checkedAt).toMatch(/^2026-11-27T10:00/);
    expect(existsSync(`${cache}.bak`)).toBe(true);

    const second = await audit([services, '--cache', cache, '--format', 'json'], { STILL_THERE_NOW: day(2) });
    expect(dbsaOf(second)).toMatchObject({ verdict: 'unverified' });
    expect(dbsaOf(second).detail).toMatch(/2 of 3 failed checks/);
    expect(byUrl(JSON.parse(second.stdout).links).get(OCF_HOARDING)!.checkedAt).toMatch(/^2026-11-28T10:00/);

    const third = await audit([services, '--cache', cache, '--format', 'json'], { STILL_THERE_NOW: day(3) });
    expect(third.code).toBe(1);
    expect(dbsaOf(third)).toMatchObject({ verdict: 'dead', reason: 'server-error' });
    expect(dbsaOf(third).detail).toMatch(/failed 3 checks since 2026-11-27/);

    // The same day again: dead and the other verdicts are fresh, so nothing is requested at all.
    sim.reset();
    const fourth = await audit([services, '--cache', cache, '--format', 'json'], { STILL_THERE_NOW: day(3, 18) });
    expect(dbsaOf(fourth)).toMatchObject({ verdict: 'dead', checkedAt: expect.stringMatching(/^2026-11-29T10:00/) });
    expect(sim.requests.filter((r) => r.host !== SITE_HOST).map((r) => `${r.host}${r.path}`)).toEqual([]);
  });

  it('a damaged cache is reported (exit 2) and left exactly as it was', async () => {
    for (const damaged of [
      '{"version":1,"links":{"https://x.org/":',
      '{"version":1,"links":{"https://x.org/":{"url":"https://x.org/","verdict":"gone"}}}',
      '[]',
    ]) {
      const cache = path.join(scratch, 'damaged.json');
      writeFileSync(cache, damaged);
      const run = await audit([page('meetings.html'), '--cache', cache]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/the cache .*damaged\.json is damaged: .*left untouched/);
      expect(readFileSync(cache, 'utf8')).toBe(damaged);
    }
  });
});

describe("--feed: the verdicts published for the organisation's browsers", () => {
  it("holds every checked link with the report's verdicts, reads back strictly, and names who checked", async () => {
    sim.reset();
    const feedFile = path.join(scratch, 'verdicts.feed.json');
    const run = await audit([
      SITE_URL,
      '--recurse',
      '--format',
      'json',
      '--feed',
      feedFile,
      '--publisher',
      'Champaign County Behavioral Health',
    ]);
    expect(run.code).toBe(1);
    const report = byUrl(JSON.parse(run.stdout).links);
    const feed = readFeed(readFileSync(feedFile, 'utf8'), { now: Date.now() });
    expect(feed).toMatchObject({ publisher: 'Champaign County Behavioral Health', site: SITE_URL });
    expect(feed.links.map((l) => l.url).sort()).toEqual([...report.keys()].sort());
    for (const entry of feed.links) {
      const row = report.get(entry.url)!;
      expect(
        { verdict: entry.verdict, reason: entry.reason, archive: entry.archive, checkedAt: entry.checkedAt },
        entry.url,
      ).toEqual({ verdict: row.verdict, reason: row.reason, archive: row.archive, checkedAt: row.checkedAt });
      // A new home the link's own words name ("Recovery, Inc.") belongs to the page it was found on: each reader's
      // page finds it from its own words. The feed carries the one the address alone gives.
      if (entry.url !== 'http://www.recovery-inc.org/') expect(entry.newHome, entry.url).toBe(row.newHome);
    }
    expect(report.get('http://www.recovery-inc.org/')?.newHome).toBe('https://recoveryinternational.org/');
    expect(feed.links.find((l) => l.url === 'http://www.recovery-inc.org/')?.newHome).toBeNull();
    // The dead ones carry the checks that made them dead.
    for (const dead of feed.links.filter((l) => l.verdict === 'dead'))
      expect(dead.history.at(-1)?.outcome, dead.url).toMatch(/dead|failed/);
  });

  it("names the site's host when no publisher is given; a folder needs one", async () => {
    const feedFile = path.join(scratch, 'host.feed.json');
    await audit([page('meetings.html'), '--feed', feedFile]);
    expect(JSON.parse(readFileSync(feedFile, 'utf8')).publisher).toBe(SITE_HOST);
    const folder = await audit(['tests/fixtures/directory-site', '--feed', path.join(scratch, 'folder.feed.json')]);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toMatch(/--publisher/);
    expect(existsSync(path.join(scratch, 'folder.feed.json'))).toBe(false);
  });
});

describe('bad usage and unreadable sites exit 2 with a clear message', () => {
  it.each([
    [[], {}, /give the site to audit/],
    [['tests/fixtures/no-such-folder'], {}, /no such folder or file/],
    [['www.county-bh-directory.org'], {}, /give its address: https:\/\/www\.county-bh-directory\.org/],
    [['ftp://www.county-bh-directory.org/'], {}, /not ftp: addresses/],
    [[SITE_URL, '--format', 'pdf'], {}, /--format wants one of table, json, csv, md, html/],
    [[SITE_URL, '--fail-on', 'alive'], {}, /--fail-on wants dead, moved, unverified, new-dead or none/],
    [[SITE_URL, '--fail-on', 'new-dead'], {}, /--fail-on new-dead needs --cache FILE/],
    [[SITE_URL, '--out', '/no/such/folder/report.html'], {}, /--out: the folder \/no\/such\/folder does not exist/],
    [[SITE_URL, '--feed', '/no/such/folder/feed.json'], {}, /--feed: the folder \/no\/such\/folder does not exist/],
    [[SITE_URL, '--publisher', 'Clinic'], {}, /give --feed FILE too/],
    [
      [SITE_URL, '--feed', 'feed.json', '--publisher', 'Clinic\u202Eexe'],
      {},
      /--publisher: the publisher name holds control or direction characters/,
    ],
    [[SITE_URL], { STILL_THERE_NOW: 'last tuesday' }, /STILL_THERE_NOW wants an ISO 8601 time/],
    [
      ['https://www.recovery-inc.org/'],
      {},
      /could not read https:\/\/www\.recovery-inc\.org\/: no such domain: the name does not exist \[ENOTFOUND\]/,
    ],
    [[page('no-such-page.html')], {}, /could not read .*no-such-page\.html: the server answered 404/],
    // A server that trickles a byte every half second: ended in time, never a crash (it once exited 1, no report).
    [
      ['https://www.trickling-directory.org/'],
      {},
      /could not read https:\/\/www\.trickling-directory\.org\/: it was still arriving after \d+ s/,
    ],
  ])('%j', async (args, env, message) => {
    const run = await audit(args as string[], env as Record<string, string>);
    expect(run.stderr).toMatch(message);
    expect(run.code).toBe(2);
  });
});

describe('a page far larger than any directory page', () => {
  it('is read up to its first 5 MiB, and the audit goes on', async () => {
    // Time enough that the size limit, not the clock, ends the page: the page is paced (64 KiB every 10 ms), and on
    // a busy machine 5 MiB of it outlasted the tests' usual 3 s timeout.
    const run = await stillThere(
      sim,
      ['audit', U.hugePage, '--format', 'json', '--ca', sim.caFile, '--timeout', '30000'],
      { exact: true },
    );
    const report = JSON.parse(run.stdout);
    expect(report.pages).toEqual([U.hugePage]);
    // Its links are all its own: nothing was checked, and a run that checked nothing never passes.
    expect(report.notices).toEqual([
      { kind: 'nothing-to-check', text: 'No link was checked on 1 page: it has no outbound link.' },
    ]);
    expect(run.code).toBe(2);
    // It hung up after its 5 MiB: what was sent is that, and what the sockets held, never the 20 MiB page whole.
    expect(sim.bytesSentByHost(new URL(U.hugePage).hostname)).toBeLessThan(HUGE_PAGE_BYTES * 0.75);
  });
});
