/**
 * The audit as one self-contained HTML file an editor opens offline: inline style and script, no request to
 * anywhere (its Content-Security-Policy forbids every fetch, and allows only its own script and style by hash),
 * rows sortable and filterable by verdict, reason and page, each with the suggested replacement; alive rows folded
 * away until asked for; a header with the site, the run's time, the counts and the command; printable (compact rows
 * never cut across pages); long addresses wrapping at their slashes and dots.
 * Every value is escaped here, in Node; the page's script (html-client.ts) only sorts and hides the rows.
 */
import { createHash } from 'node:crypto';
import { ALL_REASONS } from '../health/verdict.ts';
import { isWebAddress } from '../health/address.ts';
import { WAYBACK } from '../health/archives/wayback.ts';
import { CHART_STYLE, nightsChart } from './chart.ts';
import { auditReportScript } from './html-client.ts';
import { placeText } from '../documents/found.ts';
import {
  numberReason,
  captureDate,
  noticesOf,
  VERDICT_ORDER,
  whereOnPage,
  replacements,
  reportSummaryText,
  sinceLastRunText,
  sitePageReason,
  type AuditReport,
  type AuditRow,
} from './model.ts';

/** Text and attribute values alike: the five characters that can end a text run or an attribute. */
export function esc(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * An address as text that wraps between its parts: a break opportunity (<wbr>) after each / . ? & = _ and -, so a
 * long address folds at a slash or a dot instead of mid-word (CSS alone breaks anywhere or nowhere).
 */
export function breakable(text: string): string {
  return text
    .split(/(?<=[/.?&=_-])/)
    .map(esc)
    .join('<wbr>');
}

/** A link only for a well-formed http(s) address; anything else (a file path, a malformed href) stays text. */
function linkTo(url: string, label = url): string {
  return isWebAddress(url)
    ? `<a href="${esc(url)}" rel="noopener noreferrer nofollow" target="_blank">${breakable(label)}</a>`
    : `<span class="path">${breakable(label)}</span>`;
}

const BASE_STYLE = `
:root { color-scheme: light dark; --dead: #b3261e; --moved: #0b6e99; --unverified: #8a5a00; --alive: #2e7d32; --line: #8884; }
body { font: 15px/1.45 system-ui, sans-serif; margin: 1.5rem; max-width: 110rem; }
h1 { font-size: 1.4rem; margin: 0 0 .5rem; }
h2 { font-size: 1.1rem; margin: 2rem 0 .5rem; }
.offline { border: 2px solid var(--unverified); padding: .5rem .75rem; font-weight: 600; }
.run { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: .15rem 1rem; margin: 0 0 1rem; }
.run dt { font-weight: 600; }
.run dd { margin: 0; min-width: 0; }
.run code { white-space: pre-wrap; overflow-wrap: anywhere; }
.controls { display: flex; flex-wrap: wrap; gap: .75rem 1.25rem; align-items: end; margin-bottom: 1rem; }
.controls label { display: flex; flex-direction: column; font-size: .85rem; gap: .15rem; min-width: 0; }
.controls select, .controls input { font: inherit; max-width: min(28rem, 100%); }
.controls button { font: inherit; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
col.verdict-col { width: 6.5rem; } col.reason-col { width: 8rem; } col.link-col { width: 28%; } col.found-col { width: 26%; }
th, td { text-align: left; vertical-align: top; padding: .45rem .5rem; border-bottom: 1px solid var(--line); }
th button { font: inherit; font-weight: 600; background: none; border: 0; padding: 0; cursor: pointer; color: inherit; }
th[aria-sort="ascending"] button::after { content: " ▲"; }
th[aria-sort="descending"] button::after { content: " ▼"; }
/* Addresses wrap at their <wbr>s; only a single part longer than the column breaks inside itself. */
td, dd { overflow-wrap: anywhere; }
/* A phone: each link becomes a card, its verdict and reason on one line and the rest beneath. */
@media screen and (max-width: 47.99rem) {
  body { margin: .75rem; }
  table, tbody { display: block; }
  thead { display: none; }
  tbody tr:not([hidden]) { display: grid; grid-template-columns: auto minmax(0, 1fr); gap: .25rem .5rem; padding: .6rem 0; border-bottom: 1px solid var(--line); }
  tbody td { display: block; padding: 0; border: 0; min-width: 0; }
  tbody td.link, tbody td.replacement, tbody td.found-on { grid-column: 1 / -1; }
}
.verdict { display: inline-block; padding: .05rem .45rem; border-radius: .8rem; color: #fff; font-weight: 600; font-size: .85rem; }
.verdict.dead { background: var(--dead); } .verdict.moved { background: var(--moved); }
.verdict.unverified { background: var(--unverified); } .verdict.alive { background: var(--alive); }
.verdict.broken, .verdict.number { background: var(--dead); }
.detail, .meta, .where { font-size: .85rem; opacity: .85; }
ul { margin: 0; padding-left: 1.1rem; }
.none { opacity: .6; }
.print-only { display: none; }
@page { margin: 12mm; }
@media print {
  /* About 40 rows a page: one or two lines each, the link's words left to the screen (its rank finds it). */
  :root { color-scheme: light; }
  body { margin: 0; max-width: none; font: 7pt/1.15 system-ui, sans-serif; color: #000; }
  h1 { font-size: 10pt; margin: 0 0 2pt; }
  h2 { font-size: 8.5pt; margin: 6pt 0 2pt; }
  .run { gap: 0 6pt; margin-bottom: 3pt; }
  .controls, .meta, .detail, .words { display: none; }
  .print-only:not([hidden]) { display: block; margin: 2pt 0; }
  col.verdict-col { width: 12mm; } col.reason-col { width: 17mm; } col.link-col { width: 33%; } col.found-col { width: 32%; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  th, td { padding: .6pt 2pt; }
  ul { list-style: none; padding: 0; }
  .where { font-size: 6.5pt; opacity: 1; }
  a { color: inherit; text-decoration: none; }
  .verdict { color: #000; background: none !important; border: 0; padding: 0; font-size: 7pt; }
}
`;

const STYLE = `${BASE_STYLE}
.notice { border: 2px solid var(--dead); padding: .5rem .75rem; font-weight: 600; margin: 0 0 .5rem; }
.since ul { margin: .25rem 0 .75rem; }
.since .label { font-weight: 600; }
${CHART_STYLE}`;

/**
 * A page of the audited site named by its path ("/resources/helplines.html"): the header names the site once, and
 * the link still goes to the whole address. Pages elsewhere, and file paths, keep their full names.
 */
export function onSite(page: string, site: string): string {
  try {
    const p = new URL(page);
    const s = new URL(site);
    if ((p.protocol === 'http:' || p.protocol === 'https:') && p.origin === s.origin) return `${p.pathname}${p.search}`;
  } catch {
    // a file path, or no site address (standard input): the name as it is
  }
  return page;
}

function verdictCounts(report: AuditReport): string {
  return VERDICT_ORDER.map((v) => `${v} (${report.summary.verdicts[v]})`).join(', ');
}

function row(r: AuditRow, order: number, pageIndex: Map<string, number>, site: string): string {
  const pages = [...new Set(r.foundOn.map((f) => pageIndex.get(f.page)))].join(' ');
  const offers = replacements(r);
  const suggested = offers.length
    ? // An archived copy's address is long and says nothing a reader needs: its date is the link.
      `<ul>${offers.map((o) => `<li class="suggestion ${o.kind}">${o.kind === 'archive' ? linkTo(o.url, o.label) : `${esc(o.label)}: ${linkTo(o.url)}`}</li>`).join('')}</ul>`
    : `<span class="none">${r.verdict === 'dead' ? 'none known' : '—'}</span>`;
  const where = r.foundOn
    .map(
      (f) =>
        `<li>${linkTo(f.page, onSite(f.page, site))} <span class="where">${f.place ? esc(whereOnPage(f)) : `link #${f.position}`}${f.text ? `<span class="words"> “${esc(f.text)}”</span>` : ''}</span></li>`,
    )
    .join('');
  const meta = [
    r.status === null ? 'no answer' : `HTTP ${r.status}`,
    r.finalUrl && r.finalUrl !== r.url ? `ends at ${r.finalUrl}` : '',
    `checked ${r.checkedAt.slice(0, 16).replace('T', ' ')} UTC`,
  ]
    .filter(Boolean)
    .join(' · ');
  // Alive links are folded away until asked for: the report is a worklist, and they are not work.
  return `<tr data-verdict="${esc(r.verdict)}" data-reason="${esc(r.reason)}" data-url="${esc(r.url)}" data-pages="${esc(pages)}" data-count="${r.foundOn.length}" data-order="${order}"${r.verdict === 'alive' ? ' hidden' : ''}>
<td><span class="verdict ${esc(r.verdict)}">${esc(r.verdict)}</span></td>
<td class="reason">${esc(r.reason)}</td>
<td class="link">${linkTo(r.url)}${r.detail ? `<div class="detail">${esc(r.detail)}</div>` : ''}<div class="meta">${breakable(meta)}</div></td>
<td class="replacement">${suggested}</td>
<td class="found-on"><ul>${where}</ul></td>
</tr>`;
}

/** What changed since the previous run (--cache), with the chart of the last nights: the report's first section. */
function sinceSection(report: AuditReport): string {
  const since = report.sinceLastRun;
  const chart = nightsChart(report.nights ?? []);
  if (!since && !chart) return '';
  const list = (label: string, items: string[]) =>
    items.length ? `<li><span class="label">${esc(label)} (${items.length}):</span> ${items.join(', ')}</li>` : '';
  const lists = since
    ? [
        since.previousRunAt
          ? list(
              'Newly dead',
              since.newlyDead.map((u) => linkTo(u)),
            )
          : '',
        since.previousRunAt
          ? list(
              'Newly moved',
              since.newlyMoved.map((u) => linkTo(u)),
            )
          : '',
        list(
          'Recovered',
          since.recovered.map((u) => linkTo(u)),
        ),
        list(
          'Still dead',
          since.stillDead.map((d) => `${linkTo(d.url)} (${d.nights} ${d.nights === 1 ? 'night' : 'nights'})`),
        ),
      ].join('')
    : '';
  return `<section class="since" aria-labelledby="since-title">
<h2 id="since-title">Since the previous run</h2>
${
  since
    ? `<p>${esc(sinceLastRunText(since).replace(/^./, (c) => c.toUpperCase()))}.</p>
`
    : ''
}${
    lists
      ? `<ul>${lists}</ul>
`
      : ''
  }${chart}</section>
`;
}

/** The capture a night's archiving made, as the one form of Wayback link; null when none. */
function capture(c: { url: string; timestamp: string | null }): string | null {
  return c.timestamp ? WAYBACK.captureLink(c.timestamp, c.url) : null;
}

/** What --save-alive asked the Wayback Machine to capture tonight. */
function archivingSection(report: AuditReport): string {
  const a = report.archiving;
  if (!a || (!a.captures.length && !a.waiting)) return '';
  const items = a.captures.map(
    (c) =>
      `<li>${linkTo(c.url)} — ${esc(c.outcome)}${capture(c) ? `: ${linkTo(capture(c)!, `archived copy from ${captureDate(c.timestamp!)}`)}` : c.detail ? `: ${esc(c.detail)}` : ''}</li>`,
  );
  if (a.waiting) items.push(`<li>${a.waiting} more to capture on later nights</li>`);
  return `<section aria-labelledby="archived-title">
<h2 id="archived-title">Archived tonight (Save Page Now)</h2>
<ul>${items.join('')}</ul>
</section>
`;
}

/** The site's own pages that could not be read: a table of their own under the links. */
function siteProblemsSection(report: AuditReport): string {
  if (!report.siteProblems.length) return '';
  const rows = report.siteProblems.map(
    (p) => `<tr data-url="${esc(p.url)}">
<td><span class="verdict broken">broken</span></td>
<td class="reason">${esc(sitePageReason(p))}</td>
<td class="link">${linkTo(p.url, onSite(p.url, report.site))}<div class="detail">${esc(p.detail)}</div></td>
<td class="found-on">${p.linkedFrom.length ? `<ul>${p.linkedFrom.map((f) => `<li>${linkTo(f, onSite(f, report.site))}</li>`).join('')}</ul>` : '<span class="none">no page of the site links to it</span>'}</td>
</tr>`,
  );
  return `<section aria-labelledby="site-problems-title">
<h2 id="site-problems-title">The site's own pages that could not be read (${report.siteProblems.length})</h2>
<table id="site-problems">
<colgroup><col class="verdict-col"><col class="reason-col"><col><col></colgroup>
<thead><tr><th>Verdict</th><th>Reason</th><th>Page</th><th>Linked from</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
</section>
`;
}

/** Phone numbers the documents print that are not the number to call now: a table of their own. */
function numbersSection(report: AuditReport): string {
  if (!report.numbers?.length) return '';
  const rows = report.numbers.map(
    (n) => `<tr data-number="${esc(n.printed)}">
<td><span class="verdict number">number</span></td>
<td class="reason">${esc(numberReason(n))}</td>
<td class="link">${esc(n.printed)}<div class="detail">${esc(n.message)}</div></td>
<td class="replacement">${esc(n.current)}</td>
<td class="found-on">${linkTo(n.page, onSite(n.page, report.site))} <span class="where">${esc(placeText(n.place))}</span></td>
</tr>`,
  );
  return `<section aria-labelledby="numbers-title">
<h2 id="numbers-title">Phone numbers to update (${report.numbers.length})</h2>
<table id="numbers">
<colgroup><col class="verdict-col"><col class="reason-col"><col class="link-col"><col><col class="found-col"></colgroup>
<thead><tr><th>Verdict</th><th>Reason</th><th>Number</th><th>Call instead</th><th>Found on</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
</section>
`;
}

function options(values: Array<{ value: string; label: string }>): string {
  return values.map((o) => `<option value="${esc(o.value)}">${esc(o.label)}</option>`).join('');
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('base64');
}

export function renderHtml(report: AuditReport): string {
  const pageIndex = new Map(report.pages.map((p, i) => [p, i]));
  for (const r of report.rows)
    for (const f of r.foundOn) if (!pageIndex.has(f.page)) pageIndex.set(f.page, pageIndex.size);
  const reasons = ALL_REASONS.filter((reason) => report.rows.some((r) => r.reason === reason));
  const pagesWithLinks = [...pageIndex.entries()].filter(([p]) =>
    report.rows.some((r) => r.foundOn.some((f) => f.page === p)),
  );
  const script = `(${auditReportScript.toString()})();`;
  const csp = `default-src 'none'; style-src 'sha256-${sha256(STYLE)}'; script-src 'sha256-${sha256(script)}'; img-src 'none'; base-uri 'none'; form-action 'none'`;
  const title = `Link audit of ${report.site}`;
  const alive = report.summary.verdicts.alive;
  const when = `${report.generatedAt.slice(0, 16).replace('T', ' ')} UTC`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${esc(csp)}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
${noticesOf(report)
  .map(
    (n, i) =>
      `<p class="${n.kind === 'offline' ? 'offline' : 'notice'}"${i === 0 ? ' role="alert"' : ''}>${esc(n.text)}</p>\n`,
  )
  .join('')}<h1>Link audit</h1>
<dl class="run">
<dt>Site</dt><dd class="site">${linkTo(report.site)}</dd>
<dt>Run</dt><dd class="when">${esc(when)}</dd>
<dt>Found</dt><dd class="summary" id="summary">${esc(reportSummaryText(report))}${report.scope === 'resources' ? ' (links to mutual-aid resources only)' : ''}</dd>
${report.command ? `<dt>Command</dt><dd class="command"><code>${esc(report.command)}</code></dd>\n` : ''}</dl>
</header>
${sinceSection(report)}<section class="controls" aria-label="Filter the links">
<label>Verdict <select id="filter-verdict"><option value="">all: ${esc(verdictCounts(report))}</option>${options(VERDICT_ORDER.filter((v) => report.summary.verdicts[v] > 0).map((v) => ({ value: v, label: `${v} (${report.summary.verdicts[v]})` })))}</select></label>
<label>Reason <select id="filter-reason"><option value="">all reasons</option>${options(reasons.map((r) => ({ value: r, label: r })))}</select></label>
<label>Page <select id="filter-page"><option value="">all pages</option>${options(pagesWithLinks.map(([p, i]) => ({ value: String(i), label: onSite(p, report.site) })))}</select></label>
<label>Words or address <input id="filter-text" type="search" autocomplete="off"></label>
${alive ? `<button type="button" id="show-alive" aria-pressed="false" data-alive="${alive}">Show the ${alive} alive ${alive === 1 ? 'link' : 'links'}</button>\n` : ''}<output id="shown" aria-live="polite">${report.rows.length - alive} of ${report.rows.length} ${report.rows.length === 1 ? 'link' : 'links'} shown</output>
</section>
${alive ? `<p class="print-only" id="alive-not-printed">${alive} alive ${alive === 1 ? 'link is' : 'links are'} not shown.</p>\n` : ''}<table id="links">
<colgroup><col class="verdict-col"><col class="reason-col"><col class="link-col"><col><col class="found-col"></colgroup>
<thead><tr>
<th data-key="verdict" aria-sort="none"><button type="button" data-sort="verdict">Verdict</button></th>
<th data-key="reason" aria-sort="none"><button type="button" data-sort="reason">Reason</button></th>
<th data-key="url" aria-sort="none"><button type="button" data-sort="url">Link</button></th>
<th>Replace with</th>
<th data-key="pages" aria-sort="none"><button type="button" data-sort="pages">Found on</button></th>
</tr></thead>
<tbody>
${report.rows.map((r, i) => row(r, i, pageIndex, report.site)).join('\n')}
</tbody>
</table>
${siteProblemsSection(report)}${numbersSection(report)}${archivingSection(report)}<script>${script}</script>
</body>
</html>
`;
}
