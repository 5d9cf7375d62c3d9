/**
 * What an audit found, as plain data: every format (terminal table, JSON, CSV, Markdown, HTML) renders this and
 * nothing else, and the extension's "Audit this page" page can fill the same shape from its own scan.
 * No Node, no DOM: it must load in a service worker as well as in the CLI.
 */
import { namedNewHome } from '../directory/named-group.ts';
import { VERDICTS, zeroCounts, type Verdict } from '../health/verdict.ts';
import { summaryOf, type VerdictSummary } from '../health/link-health.ts';

/** One place a link appears. */
export interface FoundOn {
  /** The page as an editor finds it: its address, or its file path when the audit read a local folder. */
  page: string;
  /** The link's words (for an image or a script, where there are none: ''). */
  text: string;
  /**
   * Where on the page, 1-based: the link's rank among the page's outbound links in document order (each srcset
   * candidate counts once). The crawler does not report lines and columns; the rank and the words find the link.
   */
  position: number;
}

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
  /** The command that produced the report, as typed (credentials in addresses left out); absent when unknown. */
  command?: string;
  summary: AuditSummary;
  /** Every check came back "offline": nothing was judged, and every format says so first. */
  offline?: boolean;
}

/** The banner every format puts first when the machine was offline. */
export const OFFLINE_NOTICE =
  'This computer appeared to be offline during the run: no link could be checked, so none is reported dead or alive.';

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
  command?: string;
  offline?: boolean;
}): AuditReport {
  const rows = [...input.rows].sort(byWorklistOrder);
  const verdicts = zeroCounts();
  for (const r of rows) verdicts[r.verdict]++;
  const siteProblems = [...(input.siteProblems ?? [])].sort((a, b) => a.url.localeCompare(b.url));
  return {
    site: input.site,
    scope: input.scope,
    generatedAt: input.generatedAt,
    pages: [...input.pages].sort(),
    rows,
    siteProblems,
    ...(input.command !== undefined ? { command: input.command } : {}),
    summary: {
      pages: input.pages.length,
      brokenSitePages: siteProblems.length,
      links: rows.length,
      occurrences: rows.reduce((n, r) => n + r.foundOn.length, 0),
      verdicts,
    },
    ...(input.offline ? { offline: true } : {}),
  };
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

export function summaryText(s: AuditSummary): string {
  const v = s.verdicts;
  const broken = s.brokenSitePages ? `; ${s.brokenSitePages} of the site's own pages could not be read` : '';
  return `${s.links} ${s.links === 1 ? 'link' : 'links'} on ${s.pages} ${s.pages === 1 ? 'page' : 'pages'}: ${v.dead} dead, ${v.moved} moved, ${v.unverified} unverified, ${v.alive} alive${broken}`;
}

/** A short reason for a broken page of the site, in the style of the verdicts' reasons: http-404, cut-off, no-answer. */
export function sitePageReason(p: SitePageProblem): string {
  return p.status !== null
    ? `http-${p.status}`
    : p.detail.startsWith('it was read only in part')
      ? 'cut-off'
      : 'no-answer';
}
