/**
 * The audit as CSV for spreadsheets: one row per (link, page) occurrence, so a sheet filtered by page is that
 * page's to-do list. The site's own pages that could not be read follow, with the verdict "site-page-broken" and,
 * as their page, each page that links to them. RFC 4180: CRLF line ends, fields quoted when they hold a quote or any
 * character a spreadsheet may split at, and every piece that could start a formula defused (csvCell).
 */
import {
  noticesOf,
  numberReason,
  sinceLastRunText,
  sitePageReason,
  type AuditReport,
  type SinceLastRun,
} from './model.ts';
import { placeText } from '../documents/found.ts';

export const CSV_COLUMNS = [
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
] as const;

/** The verdict column of a row for one of the site's own pages that could not be read. */
export const SITE_PAGE_BROKEN = 'site-page-broken';

/**
 * When the audit read documents (PDFs): one more column, `place` ("page 4"), and rows whose verdict is
 * "phone-number" for the numbers to update (the number in url and link_text, the directory's in new_home, the
 * sentence in detail). A web site's sheet keeps its columns as they were.
 */
export const PLACE_COLUMN = 'place';
export const PHONE_NUMBER = 'phone-number';

/**
 * Characters a spreadsheet may split a cell at: the comma we write, the semicolon of most European locales, tab,
 * the pipe some imports offer, and line breaks. A sheet set to `;` reads `Alcoholics Anonymous;=1+2` as two cells,
 * the second a formula, whatever our quotes say (its fields start at the semicolon, not at our quote).
 */
const SPLITS = ',;\\t|\\r\\n';

/** Every position that starts a piece of a cell (its start, or just after a SPLITS character) before a formula's first character. */
const FORMULA_START = new RegExp(`(?<=^|[${SPLITS}])(?=[=+\\-@\\t\\r])`, 'g');
const NEEDS_QUOTES = new RegExp(`["${SPLITS}]`);

/**
 * A cell as CSV, defused: wherever a piece of it could begin a spreadsheet cell and that piece begins with =, +, -,
 * @, tab or carriage return, a single quote goes first, so the piece is text to any reader (OWASP "CSV injection"):
 * link text comes from other people's pages. A cell holding a quote or any splitting character is quoted (RFC 4180).
 */
export function csvCell(value: string | number | null): string {
  // Control characters other than line breaks and tabs (an ESC from a page's link text) have no place in a sheet.
  // eslint-disable-next-line no-control-regex
  let text = value === null ? '' : String(value).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, ' ');
  text = text.replace(FORMULA_START, "'");
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A row's change since the previous run (--cache), in the sheet's words; '' when none or no cache. */
function changeOf(since: SinceLastRun | undefined, url: string, verdict: string): string {
  if (!since?.previousRunAt) return '';
  if (since.newlyDead.includes(url)) return 'newly dead';
  if (since.newlyMoved.includes(url)) return 'newly moved';
  if (since.recovered.includes(url)) return verdict === 'alive' ? 'recovered' : '';
  const still = since.stillDead.find((s) => s.url === url);
  return still ? `dead for ${still.nights} nights` : '';
}

export function renderCsv(report: AuditReport): string {
  // A sheet has no banner: what a report opens with are comment lines a spreadsheet shows as the first rows.
  const documents = report.numbers !== undefined;
  const header = documents ? [...CSV_COLUMNS, PLACE_COLUMN].join(',') : CSV_COLUMNS.join(',');
  const lines = [
    ...noticesOf(report).map((n) => csvCell(`# ${n.text}`)),
    ...(report.sinceLastRun ? [csvCell(`# ${sinceLastRunText(report.sinceLastRun)}`)] : []),
    header,
  ];
  const withPlace = (cells: Array<string | number | null>, place: string | null) =>
    documents ? [...cells, place] : cells;
  for (const row of report.rows) {
    for (const at of row.foundOn) {
      const cells = [
        row.url,
        row.verdict,
        row.reason,
        row.detail,
        row.status,
        row.finalUrl,
        row.newHome,
        row.archive?.url ?? null,
        row.archive?.timestamp ?? null,
        row.checkedAt,
        at.page,
        at.text,
        at.position,
        changeOf(report.sinceLastRun, row.url, row.verdict),
      ];
      lines.push(
        withPlace(cells, at.place ? placeText(at.place) : null)
          .map(csvCell)
          .join(','),
      );
    }
  }
  for (const p of report.siteProblems) {
    for (const from of p.linkedFrom.length ? p.linkedFrom : [null]) {
      const cells = [
        p.url,
        SITE_PAGE_BROKEN,
        sitePageReason(p),
        p.detail,
        p.status,
        null,
        null,
        null,
        null,
        report.generatedAt,
        from,
        null,
        null,
        null,
      ];
      lines.push(withPlace(cells, null).map(csvCell).join(','));
    }
  }
  for (const n of report.numbers ?? []) {
    const cells = [
      n.printed,
      PHONE_NUMBER,
      numberReason(n),
      n.message,
      null,
      null,
      n.current,
      null,
      null,
      report.generatedAt,
      n.page,
      n.printed,
      null,
      null,
    ];
    lines.push(withPlace(cells, placeText(n.place)).map(csvCell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
