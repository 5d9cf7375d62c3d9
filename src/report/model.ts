/**
 * What an audit found, as plain data: every format (terminal table, JSON, CSV, Markdown, HTML) renders this and
 * nothing else, and the extension's "Audit this page" page can fill the same shape from its own scan.
 * No Node, no DOM: it must load in a service worker as well as in the CLI.
 */
import { namedNewHome } from '../directory/named-group.ts';
import { VERDICTS, zeroCounts, type Verdict } from '../health/verdict.ts';
import { summaryOf, type VerdictSummary } from '../health/link-health.ts';
import { placeText, type Place } from '../documents/found.ts';
import type { NumberRow } from '../documents/phone-findings.ts';

/** One place a link appears. */
export interface FoundOn {
  /** The page as an editor finds it: its address, or its file path when the audit read a local folder. */
  page: string;
  /** The link's words (for an image or a script, where there are none: ''). */
  text: string;
  /**
   * Where on the page, 1-based: the link's rank among the page's outbound links in document order (each srcset
   * candidate counts once). The crawler does not report lines and columns; the rank and the words find the link.
   * In a document (a PDF), its rank in the whole document, top to bottom and page by page.
   */
  position: number;
  /** In a document (a PDF): the page it is on, as the handout numbers its pages ("page 4"). Absent on web pages. */
  place?: Place;
}

/**
 * A phone number a document prints for a group of the directory that is not the number to call now: a row of its
 * own in every format ("page 4 lists 1-800-273-8255 for 988 Suicide & Crisis Lifeline; the current number is 988").
 * 'former': a number the group used to give; 'differs': a toll-free number the group does not use.
 */
export type NumberFinding = NumberRow;

/**
 * One distinct outbound address with its verdict (newHome: the organisation's current site; archive: the last good
 * capture, for dead links) and everywhere it appears. `newHomeNamed`: the new home came from the link's own words,
 * which name a group of the directory ("Recovery, Inc." is now "Recovery International").
 */
export type AuditRow = VerdictSummary & { foundOn: FoundOn[]; newHomeNamed?: { named: string; group: string } };

/**
 * One of the site's own pages (or files) that could not be read: a link inside the directory that answers 404, or
 * a page that never finished arriving. Not a verdict on a resource, but the editor's to fix all the same.
 */
export interface SitePageProblem {
  url: string;
  /** What it answered; null when nothing came back, or it arrived only in part. */
  status: number | null;
  /** In words, for every format: "the server answered 404", "it was read only in part: …". */
  detail: string;
  /** The site's pages that link to it, where the editor mends the link; empty when none is known. */
  linkedFrom: string[];
}

export interface AuditSummary {
  pages: number;
  /** The site's own pages that could not be read (siteProblems). */
  brokenSitePages: number;
  links: number;
  /** Every (link, page) pair: the number of edits a full clean-up takes. */
  occurrences: number;
  verdicts: Record<Verdict, number>;
  /** Phone numbers to update (numbers), when documents were read. */
  numbers?: number;
}

/** Why links were not checked: every run says what it left aside, and how to have it checked. */
export type SkipReason =
  'not-a-resource' | 'excluded' | 'not-web' | 'page-excluded' | 'beyond-depth' | 'pages-left-out' | 'links-left-out';

/** So many links (or the site's pages) not checked, and why. */
export interface Skipped {
  why: SkipReason;
  count: number;
}

const SKIP_WORDS: Record<SkipReason, [one: string, many: string, why: string]> = {
  'not-a-resource': ['link', 'links', 'not checked: not recognised as resources (--all checks them)'],
  excluded: ['link', 'links', 'not checked: excluded (--exclude, .stillthereignore)'],
  'not-web': ['link', 'links', 'not checked: not web addresses (mailto:, tel: …)'],
  'page-excluded': ["of the site's pages", "of the site's pages", 'not read (--exclude-path)'],
  'beyond-depth': ["of the site's links", "of the site's links", 'not followed (deeper than --max-depth)'],
  'pages-left-out': ["of the site's pages", "of the site's pages", 'not read (the audit ended early)'],
  'links-left-out': ['link', 'links', 'not checked (the audit ended early)'],
};

/** "12 links not checked: not recognised as resources (--all checks them)" */
export function skippedText(s: Skipped): string {
  const [one, many, why] = SKIP_WORDS[s.why];
  return `${s.count} ${s.count === 1 ? one : many} ${why}`;
}

/** What went wrong with a run as a whole, said first in every format, in plain words. */
export type NoticeKind =
  'offline' | 'start-unreadable' | 'nothing-to-check' | 'ended-early' | 'interrupted' | 'archiving';
export interface Notice {
  kind: NoticeKind;
  text: string;
}

/** What changed since the previous run (with --cache): each format opens with it. */
export interface SinceLastRun {
  /** When the previous run was; null on the first run, when there is nothing to compare. */
  previousRunAt: string | null;
  newlyDead: string[];
  newlyMoved: string[];
  /** Dead or moved at the previous run, alive now. */
  recovered: string[];
  /** Dead at the previous run and still: for how many runs in a row, tonight's included. */
  stillDead: Array<{ url: string; nights: number }>;
}

/** One night's counts, for the HTML report's chart of the last 30. */
export interface NightCounts {
  at: string;
  dead: number;
  moved: number;
  unverified: number;
}

/** What --save-alive asked the Wayback Machine to capture tonight, and how each went. */
export interface Archiving {
  captures: Array<{
    url: string;
    outcome: 'saved' | 'pending' | 'failed';
    /** The new capture's timestamp (14 digits), when saved. */
    timestamp: string | null;
    detail: string;
  }>;
  /** Live resource links still to be captured on later nights. */
  waiting: number;
}

export interface AuditReport {
  /** What was audited, as the user named it. */
  site: string;
  /** 'resources': only links to mutual-aid resources; 'all': every outbound link. */
  scope: 'resources' | 'all';
  generatedAt: string;
  pages: string[];
  rows: AuditRow[];
  /** The site's own pages that could not be read, by address. */
  siteProblems: SitePageProblem[];
  /** Phone numbers the audited documents print that are not the number to call now; present when documents were read. */
  numbers?: NumberFinding[];
  /** The command that produced the report, as typed (credentials in addresses left out); absent when unknown. */
  command?: string;
  summary: AuditSummary;
  /** Every check came back "offline": nothing was judged, and every format says so first. */
  offline?: boolean;
  /** What went wrong with the run as a whole (besides offline), first in every format. */
  notices?: Notice[];
  /** Links not checked, by why. */
  skipped?: Skipped[];
  sinceLastRun?: SinceLastRun;
  /** The last nights' counts, oldest first, tonight's last (with --cache). */
  nights?: NightCounts[];
  archiving?: Archiving;
}

/** What the command line writes on standard error when the machine was offline (both commands, then exit 2). */
export const OFFLINE_BANNER =
  'this computer appears to be offline: no link could be judged, so none is reported dead or alive (exit 3)';

/** The banner every format puts first when the machine was offline. */
export const OFFLINE_NOTICE =
  'This computer appeared to be offline during the run: no link could be checked, so none is reported dead or alive.';

/** Everything each format says before the links: the run's problems, offline first. */
export function noticesOf(report: AuditReport): Notice[] {
  return [...(report.offline ? [{ kind: 'offline' as const, text: OFFLINE_NOTICE }] : []), ...(report.notices ?? [])];
}

/** Worst first: the order an editor works through (the vocabulary's own order). */
export const VERDICT_ORDER: readonly Verdict[] = VERDICTS;

export function byWorklistOrder(a: AuditRow, b: AuditRow): number {
  return VERDICT_ORDER.indexOf(a.verdict) - VERDICT_ORDER.indexOf(b.verdict) || a.url.localeCompare(b.url);
}

export function auditRow(verdict: VerdictSummary, foundOn: FoundOn[]): AuditRow {
  const row: AuditRow = {
    ...summaryOf(verdict),
    foundOn: [...foundOn].sort((x, y) => x.page.localeCompare(y.page) || x.position - y.position),
  };
  // A dead link whose address the directory cannot place, but whose words name one group: that group's site.
  if (row.verdict === 'dead' && row.newHome === null) {
    const found = namedNewHome(
      row.url,
      foundOn.map((f) => f.text),
    );
    if (found) {
      row.newHome = found.group.website;
      row.newHomeNamed = { named: found.named, group: found.group.name };
    }
  }
  return row;
}

export function buildReport(input: {
  site: string;
  scope: AuditReport['scope'];
  generatedAt: string;
  pages: string[];
  rows: AuditRow[];
  siteProblems?: SitePageProblem[];
  numbers?: NumberFinding[];
  command?: string;
  offline?: boolean;
  notices?: Notice[];
  skipped?: Skipped[];
  sinceLastRun?: SinceLastRun;
  nights?: NightCounts[];
  archiving?: Archiving;
}): AuditReport {
  const rows = [...input.rows].sort(byWorklistOrder);
  const verdicts = zeroCounts();
  for (const r of rows) verdicts[r.verdict]++;
  const siteProblems = [...(input.siteProblems ?? [])].sort((a, b) => a.url.localeCompare(b.url));
  // By document, then page and line: the order a person goes through a handout.
  const numbers = input.numbers
    ? [...input.numbers].sort(
        (a, b) => a.page.localeCompare(b.page) || a.place.page - b.place.page || a.place.line - b.place.line,
      )
    : undefined;
  return {
    site: input.site,
    scope: input.scope,
    generatedAt: input.generatedAt,
    pages: [...input.pages].sort(),
    rows,
    siteProblems,
    ...(numbers ? { numbers } : {}),
    ...(input.command !== undefined ? { command: input.command } : {}),
    summary: {
      pages: input.pages.length,
      brokenSitePages: siteProblems.length,
      links: rows.length,
      occurrences: rows.reduce((n, r) => n + r.foundOn.length, 0),
      verdicts,
      ...(numbers ? { numbers: numbers.length } : {}),
    },
    ...(input.offline ? { offline: true } : {}),
    ...(input.notices?.length ? { notices: input.notices } : {}),
    ...(input.skipped ? { skipped: input.skipped.filter((x) => x.count > 0) } : {}),
    ...(input.sinceLastRun ? { sinceLastRun: input.sinceLastRun } : {}),
    ...(input.nights ? { nights: input.nights } : {}),
    ...(input.archiving ? { archiving: input.archiving } : {}),
  };
}

/** What changed since the previous run, in one line: "2 newly dead, 1 recovered; 3 still dead". */
export function sinceLastRunText(s: SinceLastRun): string {
  if (s.previousRunAt === null) return 'the first run with this cache: nothing to compare with yet';
  const parts = [
    `${s.newlyDead.length} newly dead`,
    `${s.newlyMoved.length} newly moved`,
    `${s.recovered.length} recovered`,
    `${s.stillDead.length} still dead`,
  ];
  return `since the previous run (${s.previousRunAt.slice(0, 16).replace('T', ' ')} UTC): ${parts.join(', ')}`;
}

/** Replacements to offer an editor, best first: the organisation's new site, then the last good capture. */
export function replacements(row: AuditRow): Array<{ kind: 'new-home' | 'archive'; url: string; label: string }> {
  const out: Array<{ kind: 'new-home' | 'archive'; url: string; label: string }> = [];
  if (row.newHome && row.verdict !== 'alive') {
    const label = row.newHomeNamed
      ? `${row.newHomeNamed.named} is now ${row.newHomeNamed.group}`
      : row.verdict === 'moved'
        ? 'now at'
        : "the group's new home";
    out.push({ kind: 'new-home', url: row.newHome, label });
  }
  if (row.archive)
    out.push({
      kind: 'archive',
      url: row.archive.url,
      label: `archived copy from ${captureDate(row.archive.timestamp)}`,
    });
  return out;
}

/** 20080513062455 → 2008-05-13 */
export function captureDate(timestamp: string): string {
  return `${timestamp.slice(0, 4)}-${timestamp.slice(4, 6)}-${timestamp.slice(6, 8)}`;
}

/** Every page with the rows found on it: the shape of the terminal table. */
export function rowsByPage(
  report: AuditReport,
): Array<{ page: string; entries: Array<{ row: AuditRow; at: FoundOn }> }> {
  const byPage = new Map<string, Array<{ row: AuditRow; at: FoundOn }>>();
  for (const row of report.rows) {
    for (const at of row.foundOn) {
      let list = byPage.get(at.page);
      if (!list) byPage.set(at.page, (list = []));
      list.push({ row, at });
    }
  }
  return (
    [...byPage.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      // Within a page: worst first, then top to bottom, the order an editor scrolls.
      .map(([page, entries]) => ({
        page,
        entries: entries.sort(
          (x, y) =>
            VERDICT_ORDER.indexOf(x.row.verdict) - VERDICT_ORDER.indexOf(y.row.verdict) ||
            x.at.position - y.at.position,
        ),
      }))
  );
}

export function summaryText(s: AuditSummary, skipped: readonly Skipped[] = []): string {
  const v = s.verdicts;
  const broken = s.brokenSitePages ? `; ${s.brokenSitePages} of the site's own pages could not be read` : '';
  const numbers = s.numbers ? `; ${s.numbers} phone ${s.numbers === 1 ? 'number' : 'numbers'} to update` : '';
  const aside = skipped.map((x) => `; ${skippedText(x)}`).join('');
  return `${s.links} ${s.links === 1 ? 'link' : 'links'} on ${s.pages} ${s.pages === 1 ? 'page' : 'pages'}: ${v.dead} dead, ${v.moved} moved, ${v.unverified} unverified, ${v.alive} alive${broken}${numbers}${aside}`;
}

/** The report's summary line, with the links it left aside. */
export function reportSummaryText(report: AuditReport): string {
  return summaryText(report.summary, report.skipped ?? []);
}

/**
 * A short reason for a broken page of the site, in the style of the verdicts' reasons: http-404, cut-off, no-answer,
 * and unreadable-pdf for one of the site's PDFs that could not be read (locked, damaged, pictures only, too large).
 */
export function sitePageReason(p: SitePageProblem): string {
  return p.status !== null
    ? `http-${p.status}`
    : p.detail.startsWith('it was read only in part')
      ? 'cut-off'
      : p.detail.startsWith('it could not be read as a PDF')
        ? 'unreadable-pdf'
        : 'no-answer';
}

/**
 * Where on its page a link is, as a person looks for it: "page 4" in a document (its printed label where it has
 * one), "#3" (the third link) on a web page.
 */
export function whereOnPage(at: Pick<FoundOn, 'position' | 'place'>): string {
  return at.place ? placeText(at.place) : `#${at.position}`;
}

/** A number finding's reason, in the style of the verdicts' reasons: former-number, number-differs. */
export function numberReason(n: Pick<NumberFinding, 'kind'>): string {
  return n.kind === 'former' ? 'former-number' : 'number-differs';
}
