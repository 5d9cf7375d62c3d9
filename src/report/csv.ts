/**
 * The audit as CSV for spreadsheets: one row per (link, page) occurrence, so a sheet filtered by page is that
 * page's to-do list. The site's own pages that could not be read follow, with the verdict "site-page-broken" and,
 * as their page, each page that links to them. RFC 4180: CRLF line ends, fields quoted when they hold a comma, quote or line break.
 */
import { numberReason, OFFLINE_NOTICE, sitePageReason, type AuditReport } from './model.ts';
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
] as const;

/**
 * A cell a spreadsheet would read as a formula (=, +, -, @, and tab or carriage return, which some read the same
 * way) is prefixed with a single quote: link text comes from other people's pages (OWASP "CSV injection").
 */
/** The verdict column of a row for one of the site's own pages that could not be read. */
export const SITE_PAGE_BROKEN = 'site-page-broken';

/**
 * When the audit read documents (PDFs): one more column, `place` ("page 4"), and rows whose verdict is
 * "phone-number" for the numbers to update (the number in url and link_text, the directory's in new_home, the
 * sentence in detail). A web site's sheet keeps its columns as they were.
 */
export const PLACE_COLUMN = 'place';
export const PHONE_NUMBER = 'phone-number';

export function csvCell(value: string | number | null): string {
  // Control characters other than line breaks and tabs (an ESC from a page's link text) have no place in a sheet.
  // eslint-disable-next-line no-control-regex
  let text = value === null ? '' : String(value).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, ' ');
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function renderCsv(report: AuditReport): string {
  // A sheet has no banner: the notice is a comment line a spreadsheet shows as the first row.
  const documents = report.numbers !== undefined;
  const header = documents ? [...CSV_COLUMNS, PLACE_COLUMN].join(',') : CSV_COLUMNS.join(',');
  const lines = report.offline ? [csvCell(`# ${OFFLINE_NOTICE}`), header] : [header];
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
    ];
    lines.push(withPlace(cells, placeText(n.place)).map(csvCell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
