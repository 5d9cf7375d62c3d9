/**
 * The audit page's data: rows from the content script's list of links, filters and sorting, and the export, which
 * must be byte for byte what the CLI's audit writes for the same links (its model and renderers, fed as
 * src/cli/audit-command.ts feeds them, from full engine reports).
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LinkHealth } from '../../src/health/link-health.ts';
import type { LinkVerdict, PageLinks } from '../../src/messages.ts';
import { CSV_COLUMNS } from '../../src/report/csv.ts';
import { auditRow, buildReport, type FoundOn } from '../../src/report/model.ts';
import { render } from '../../src/report/render.ts';
import { exportFile } from '../../src/audit/export.ts';
import {
  DEFAULT_SORT,
  NO_FILTERS,
  matches,
  nextSort,
  reasonsPresent,
  visibleRows,
  type Filters,
} from '../../src/audit/filter.ts';
import { auditReportOf, entriesFrom, statusOf, tally, type AuditEntry } from '../../src/audit/rows.ts';
import { collectLinks, MAX_AUDIT_LINKS, type AnchorLike } from '../../src/page-marker/page-links.ts';
import { SLICE_MS } from '../../src/page-marker/main-thread.ts';
import { auditPath, tabFromSearch } from '../../src/open-audit.ts';
import { reasonText } from '../../src/words/describe.ts';
import { resetMessages, useMessages } from './i18n-helper.ts';

const PAGE = 'https://www.county.example/help';
const AT = '2026-11-28T10:00:00.000Z';

/** What the engine says, in full, as the CLI keeps it. */
function engineReport(url: string, over: Partial<LinkHealth> = {}): LinkHealth {
  return {
    url,
    verdict: 'alive',
    reason: 'ok',
    detail: '',
    status: 200,
    finalUrl: url,
    redirects: 0,
    newHome: null,
    archive: null,
    checkedAt: AT,
    history: [{ at: AT, outcome: 'ok', reason: 'ok' }],
    firstFailedAt: null,
    lastAliveAt: AT,
    ...over,
  };
}

/** What the background hands a page: the report minus the bookkeeping. */
function asVerdict(r: LinkHealth, stale = false): LinkVerdict {
  return {
    url: r.url,
    verdict: r.verdict,
    reason: r.reason,
    detail: r.detail,
    status: r.status,
    finalUrl: r.finalUrl,
    newHome: r.newHome,
    archive: r.archive,
    checkedAt: r.checkedAt,
    stale,
  };
}

const REPORTS = {
  nami: engineReport('https://www.nami.org/'),
  bigBook: engineReport('https://www.aa.org/assets/en_US/en_bigbook_chapt4.pdf', {
    verdict: 'dead',
    reason: 'not-found',
    detail: 'the server says the page is not there (404)',
    status: 404,
    finalUrl: null,
    archive: {
      url: 'https://web.archive.org/web/20080513062455/https://www.aa.org/assets/en_US/en_bigbook_chapt4.pdf',
      timestamp: '20080513062455',
    },
    firstFailedAt: AT,
    redirects: 1,
  }),
  ocf: engineReport('http://www.ocfoundation.org/', {
    verdict: 'moved',
    reason: 'moved',
    detail: 'now served from iocdf.org',
    finalUrl: 'https://iocdf.org/',
    newHome: 'https://iocdf.org/',
    redirects: 1,
  }),
  news: engineReport('https://news.example/story', {
    verdict: 'unverified',
    reason: 'bot-wall',
    detail: 'a bot challenge',
    status: 403,
  }),
};

const FOUND: PageLinks = {
  page: PAGE,
  title: 'Help',
  truncated: false,
  links: [
    { href: 'https://www.nami.org/', text: 'NAMI', position: 1, resource: true },
    { href: REPORTS.bigBook.url, text: '=Big Book, chapter "4"', position: 2, resource: true },
    { href: 'http://www.ocfoundation.org/', text: 'OC Foundation', position: 3, resource: true },
    { href: 'https://news.example/story', text: 'County news', position: 4, resource: false },
    // The same address again, by a fragment and with other words: one row, two places.
    { href: 'https://www.nami.org/#family', text: 'Family support', position: 5, resource: false },
    { href: 'https://www.county.example/about', text: 'About', position: 6, resource: false },
  ],
};

function withVerdicts(entries: AuditEntry[], reports: LinkHealth[]): AuditEntry[] {
  for (const r of reports) entries.find((e) => e.url === r.url)!.verdict = asVerdict(r);
  return entries;
}

function foundOnOf(url: string): FoundOn[] {
  return FOUND.links
    .filter((l) => new URL(l.href).href.replace(/#.*$/, '') === url)
    .map((l) => ({ page: PAGE, text: l.text, position: l.position }));
}

describe('rows from the page', () => {
  it('makes one row per address, with every place it appears, a resource if any place is', () => {
    const entries = entriesFrom(FOUND);
    expect(entries.map((e) => e.url)).toEqual([
      'https://www.nami.org/',
      REPORTS.bigBook.url,
      'http://www.ocfoundation.org/',
      'https://news.example/story',
      'https://www.county.example/about',
    ]);
    const nami = entries[0]!;
    expect(nami.foundOn).toEqual([
      { page: PAGE, text: 'NAMI', position: 1 },
      { page: PAGE, text: 'Family support', position: 5 },
    ]);
    expect(nami.resource).toBe(true);
    expect(entries.map((e) => e.resource)).toEqual([true, true, true, false, false]);
    expect(entries.map(statusOf)).toEqual(['checking', 'checking', 'checking', 'checking', 'checking']);
  });

  it('counts verdicts as they arrive', () => {
    const entries = withVerdicts(entriesFrom(FOUND), [REPORTS.bigBook, REPORTS.nami]);
    entries[4]!.gaveUp = true;
    expect(tally(entries)).toEqual({ links: 5, checked: 2, dead: 1, moved: 0, unverified: 0, alive: 1 });
    expect(entries.map(statusOf)).toEqual(['alive', 'dead', 'checking', 'checking', 'not-yet']);
  });
});

describe('filters and sorting', () => {
  const entries = withVerdicts(entriesFrom(FOUND), Object.values(REPORTS));
  const urls = (list: AuditEntry[]) => list.map((e) => e.url);
  const f = (over: Partial<Filters>): Filters => ({ ...NO_FILTERS, ...over });

  it('shows worst first by default, ties in page order, rows still checking last', () => {
    expect(urls(visibleRows(entries, NO_FILTERS, DEFAULT_SORT))).toEqual([
      REPORTS.bigBook.url,
      REPORTS.ocf.url,
      REPORTS.news.url,
      REPORTS.nami.url,
      'https://www.county.example/about',
    ]);
  });

  it('filters by verdict, reason, resource and words, and the filters combine', () => {
    expect(urls(visibleRows(entries, f({ status: 'dead' }), DEFAULT_SORT))).toEqual([REPORTS.bigBook.url]);
    expect(urls(visibleRows(entries, f({ status: 'checking' }), DEFAULT_SORT))).toEqual([
      'https://www.county.example/about',
    ]);
    expect(urls(visibleRows(entries, f({ reason: 'bot-wall' }), DEFAULT_SORT))).toEqual([REPORTS.news.url]);
    expect(urls(visibleRows(entries, f({ resourceOnly: true }), DEFAULT_SORT))).toEqual([
      REPORTS.bigBook.url,
      REPORTS.ocf.url,
      REPORTS.nami.url,
    ]);
    // Words match the link's words on the page (any of its places), its address and the verdict's detail.
    expect(urls(visibleRows(entries, f({ text: 'FAMILY' }), DEFAULT_SORT))).toEqual([REPORTS.nami.url]);
    expect(urls(visibleRows(entries, f({ text: 'iocdf' }), DEFAULT_SORT))).toEqual([REPORTS.ocf.url]);
    expect(urls(visibleRows(entries, f({ text: '404' }), DEFAULT_SORT))).toEqual([REPORTS.bigBook.url]);
    expect(urls(visibleRows(entries, f({ resourceOnly: true, status: 'unverified' }), DEFAULT_SORT))).toEqual([]);
    expect(matches(entries[3]!, f({ status: 'unverified', reason: 'bot-wall', text: 'news' }))).toBe(true);
  });

  it("finds a row by its reason's words in the reader's language, as the page shows them", () => {
    useMessages('es');
    try {
      // "no encontrado" is how a Spanish reader sees not-found; the code still matches too.
      expect(urls(visibleRows(entries, f({ text: 'No encontrado' }), DEFAULT_SORT, reasonText))).toEqual([
        REPORTS.bigBook.url,
      ]);
      expect(urls(visibleRows(entries, f({ text: 'bloquea' }), DEFAULT_SORT, reasonText))).toEqual([REPORTS.news.url]);
      expect(urls(visibleRows(entries, f({ text: 'not-found' }), DEFAULT_SORT, reasonText))).toEqual([
        REPORTS.bigBook.url,
      ]);
    } finally {
      resetMessages();
    }
  });

  it('sorts by any column, both ways', () => {
    let sort = nextSort(DEFAULT_SORT, 'url');
    expect(sort).toEqual({ key: 'url', ascending: true });
    const up = urls(visibleRows(entries, NO_FILTERS, sort));
    expect(up).toEqual([...up].sort((a, b) => a.localeCompare(b)));
    sort = nextSort(sort, 'url');
    expect(urls(visibleRows(entries, NO_FILTERS, sort))).toEqual([...up].reverse());
    expect(urls(visibleRows(entries, NO_FILTERS, { key: 'position', ascending: true }))).toEqual(
      entries.map((e) => e.url),
    );
    expect(urls(visibleRows(entries, NO_FILTERS, { key: 'position', ascending: false }))).toEqual(
      entries.map((e) => e.url).reverse(),
    );
    expect(
      urls(visibleRows(entries, NO_FILTERS, { key: 'resource', ascending: true }))
        .slice(0, 3)
        .sort(),
    ).toEqual([REPORTS.bigBook.url, REPORTS.nami.url, REPORTS.ocf.url].sort());
    expect(urls(visibleRows(entries, NO_FILTERS, { key: 'verdict', ascending: false }))[0]).toBe(
      'https://www.county.example/about',
    );
    expect(reasonsPresent(entries)).toEqual(['bot-wall', 'moved', 'not-found', 'ok']);
  });
});

describe('export', () => {
  const entries = withVerdicts(entriesFrom(FOUND), Object.values(REPORTS));
  const now = new Date('2026-11-29T08:30:00.000Z');

  /** The CLI's way: full engine reports through auditRow and buildReport (src/cli/audit-command.ts). */
  function cliReport(scope: 'all' | 'resources', reports: LinkHealth[]) {
    const rows = reports.map((r) => auditRow(r, foundOnOf(r.url)));
    // As the CLI says what it left aside: with resources only, the page's other links.
    const notResources = scope === 'all' ? 0 : entries.filter((e) => !e.resource).length;
    return buildReport({
      site: PAGE,
      scope,
      generatedAt: now.toISOString(),
      pages: [PAGE],
      rows,
      skipped: [{ why: 'not-a-resource', count: notResources }],
    });
  }

  it('writes exactly the JSON the CLI writes for the same links (every link; the unchecked one left out)', () => {
    const file = exportFile(entries, { page: PAGE, scope: 'all', format: 'json', now });
    expect(file.text).toBe(render(cliReport('all', Object.values(REPORTS)), 'json'));
    const parsed = JSON.parse(file.text) as { version: number; scope: string; links: Array<Record<string, unknown>> };
    expect(parsed.version).toBe(1);
    expect(parsed.links.map((l) => l.url)).toEqual([
      REPORTS.bigBook.url,
      REPORTS.ocf.url,
      REPORTS.news.url,
      REPORTS.nami.url,
    ]);
    expect(Object.keys(parsed.links[0]!)).toEqual([
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
    expect(file.filename).toBe('still-there-audit-www.county.example-2026-11-29.json');
    expect(file.mime).toMatch(/^application\/json/);
  });

  it('says, as the CLI does, how many links it left aside as no resources', () => {
    const resources = JSON.parse(exportFile(entries, { page: PAGE, scope: 'resources', format: 'json', now }).text);
    expect(resources.skipped).toEqual([{ why: 'not-a-resource', count: entries.filter((e) => !e.resource).length }]);
    expect(resources.skipped[0].count).toBeGreaterThan(0);
    expect(JSON.parse(exportFile(entries, { page: PAGE, scope: 'all', format: 'json', now }).text).skipped).toEqual([]);
  });

  it('writes exactly the CSV the CLI writes, resources only when so chosen', () => {
    const file = exportFile(entries, { page: PAGE, scope: 'resources', format: 'csv', now });
    expect(file.text).toBe(render(cliReport('resources', [REPORTS.nami, REPORTS.bigBook, REPORTS.ocf]), 'csv'));
    const lines = file.text.split('\r\n');
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    // One line per place: nami twice, the Big Book and the OC Foundation once, and the final line end.
    expect(lines).toHaveLength(1 + 4 + 1);
    // Link words from someone else's page that a spreadsheet would run as a formula are defused.
    expect(file.text).toContain(`"'=Big Book, chapter ""4"""`);
    expect(file.filename.endsWith('.csv')).toBe(true);
  });

  it('exports nothing it has not checked, and no stale bookkeeping', () => {
    const few = withVerdicts(entriesFrom(FOUND), [REPORTS.news]);
    few[3]!.verdict = { ...few[3]!.verdict!, stale: true };
    const report = auditReportOf(few, { page: PAGE, scope: 'all', generatedAt: now.toISOString() });
    expect(report.rows.map((r) => r.url)).toEqual([REPORTS.news.url]);
    expect(report.summary).toEqual({
      pages: 1,
      brokenSitePages: 0,
      links: 1,
      occurrences: 1,
      verdicts: { dead: 0, moved: 0, unverified: 1, alive: 0 },
    });
    expect(JSON.stringify(report)).not.toContain('stale');
    expect(auditReportOf(few, { page: PAGE, scope: 'resources', generatedAt: now.toISOString() }).rows).toEqual([]);
  });
});

describe('reading the links of a page', () => {
  /** Just enough of an anchor for collectLinks; `ours` marks the links still-there itself inserted. */
  function anchor(href: string, text: string | null, options: { tag?: string; ours?: boolean } = {}): AnchorLike {
    return {
      tagName: options.tag ?? 'A',
      href,
      textContent: text,
      closest: () => (options.ours ? ({} as Element) : null),
    };
  }

  it('lists every http(s) link in document order, words collapsed, our own extras left out', async () => {
    const anchors = [
      anchor('https://www.nami.org/', '  NAMI\n   family\tsupport '),
      anchor('mailto:help@county.example', 'Write to us'),
      anchor('https://web.archive.org/web/20080513062455/https://x.example/', 'archived 2008', { ours: true }),
      anchor('http://www.ocfoundation.org/', ''),
      anchor('https://www.county.example/map', 'Map', { tag: 'AREA' }),
      anchor('javascript:void(0)', 'Menu'),
      anchor('https://news.example/story', null),
    ];
    const { links, truncated } = await collectLinks(anchors, (a) => a.href.includes('nami'));
    expect(truncated).toBe(false);
    expect(links).toEqual([
      { href: 'https://www.nami.org/', text: 'NAMI family support', position: 1, resource: true },
      { href: 'http://www.ocfoundation.org/', text: '', position: 2, resource: false },
      { href: 'https://news.example/story', text: '', position: 3, resource: false },
    ]);
  });

  it('stops at the limit and says so', async () => {
    const anchors = Array.from({ length: 5 }, (_, i) => anchor(`https://g${i}.example/`, `g${i}`));
    const { links, truncated } = await collectLinks(anchors, () => false, 3);
    expect(links.map((l) => l.position)).toEqual([1, 2, 3]);
    expect(truncated).toBe(true);
  });

  it('gives the page a turn whenever a slice of reading has run its share of the main thread, and lists the same', async () => {
    const anchors = Array.from({ length: 100 }, (_, i) => anchor(`https://g${i}.example/`, `g${i}`));
    // A clock at which each link's reading takes 1 ms: a slice ends every SLICE_MS links.
    let clock = 0;
    const pauses: number[] = [];
    const slicing = {
      now: () => clock,
      pause: async () => {
        pauses.push(clock);
      },
    };
    const sliced = await collectLinks(
      anchors,
      () => {
        clock += 1;
        return false;
      },
      MAX_AUDIT_LINKS,
      slicing,
    );
    expect(sliced).toEqual(await collectLinks(anchors, () => false));
    expect(pauses).toHaveLength(Math.floor((100 - 1) / SLICE_MS));
    expect(pauses.every((at, i) => at === (i + 1) * SLICE_MS)).toBe(true);
  });

  it('names the tab in the page address, and reads nothing else as one', () => {
    expect(auditPath(123)).toBe('/audit.html?tab=123');
    expect(tabFromSearch('?tab=123')).toBe(123);
    expect(tabFromSearch('?tab=')).toBeNull();
    expect(tabFromSearch('?tab=1.5')).toBeNull();
    expect(tabFromSearch('?tab=-2')).toBeNull();
    expect(tabFromSearch('')).toBeNull();
  });
});

describe('browser-safe', () => {
  it('the audit page and the report parts it shares with the CLI import nothing from Node', () => {
    const files = [
      ...readdirSync('src/audit').map((f) => path.join('src/audit', f)),
      'src/page-marker/page-links.ts',
      'src/report/model.ts',
      'src/report/csv.ts',
      'src/report/json.ts',
    ];
    for (const file of files)
      expect(readFileSync(file, 'utf8'), file).not.toMatch(/from ['"](node:|fs|path|crypto|undici|linkinator)/);
  });
});
