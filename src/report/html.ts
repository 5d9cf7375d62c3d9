/**
 * The audit as one self-contained HTML file an editor opens offline: inline style and script, no request to
 * anywhere (its Content-Security-Policy forbids every fetch, and allows only its own script and style by hash),
 * rows sortable and filterable by verdict, reason and page, each with the suggested replacement.
 * Every value is escaped here, in Node; the page's script (html-client.ts) only sorts and hides the rows.
 */
import { createHash } from 'node:crypto';
import { ALL_REASONS } from '../health/verdict.ts';
import { isWebAddress } from '../health/address.ts';
import { auditReportScript } from './html-client.ts';
import { VERDICT_ORDER, replacements, summaryText, type AuditReport, type AuditRow, OFFLINE_NOTICE } from './model.ts';

/** Text and attribute values alike: the five characters that can end a text run or an attribute. */
export function esc(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A link only for a well-formed http(s) address; anything else (a file path, a malformed href) stays text. */
function linkTo(url: string, label = url): string {
  return isWebAddress(url) ? `<a href="${esc(url)}" rel="noopener noreferrer nofollow" target="_blank">${esc(label)}</a>` : `<span class="path">${esc(label)}</span>`;
}

const STYLE = `
:root { color-scheme: light dark; --dead: #b3261e; --moved: #0b6e99; --unverified: #8a5a00; --alive: #2e7d32; --line: #8884; }
body { font: 15px/1.45 system-ui, sans-serif; margin: 1.5rem; max-width: 110rem; }
h1 { font-size: 1.4rem; margin: 0 0 .25rem; }
.offline { border: 2px solid var(--unverified); padding: .5rem .75rem; font-weight: 600; }
.site { margin: 0; word-break: break-all; }
.summary { margin: .25rem 0 1rem; }
.controls { display: flex; flex-wrap: wrap; gap: .75rem 1.25rem; align-items: end; margin-bottom: 1rem; }
.controls label { display: flex; flex-direction: column; font-size: .85rem; gap: .15rem; }
.controls select, .controls input { font: inherit; max-width: 28rem; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: .45rem .5rem; border-bottom: 1px solid var(--line); }
th button { font: inherit; font-weight: 600; background: none; border: 0; padding: 0; cursor: pointer; color: inherit; }
th[aria-sort="ascending"] button::after { content: " ▲"; }
th[aria-sort="descending"] button::after { content: " ▼"; }
td a, .path { word-break: break-all; }
.verdict { display: inline-block; padding: .05rem .45rem; border-radius: .8rem; color: #fff; font-weight: 600; font-size: .85rem; }
.verdict.dead { background: var(--dead); } .verdict.moved { background: var(--moved); }
.verdict.unverified { background: var(--unverified); } .verdict.alive { background: var(--alive); }
.detail, .meta, .where { font-size: .85rem; opacity: .85; }
.reason { white-space: nowrap; }
ul { margin: 0; padding-left: 1.1rem; }
.none { opacity: .6; }
`;

function verdictCounts(report: AuditReport): string {
  return VERDICT_ORDER.map((v) => `${v} (${report.summary.verdicts[v]})`).join(', ');
}

function row(r: AuditRow, order: number, pageIndex: Map<string, number>): string {
  const pages = [...new Set(r.foundOn.map((f) => pageIndex.get(f.page)))].join(' ');
  const offers = replacements(r);
  const suggested = offers.length
    ? `<ul>${offers.map((o) => `<li class="suggestion ${o.kind}">${esc(o.label)}: ${linkTo(o.url)}</li>`).join('')}</ul>`
    : `<span class="none">${r.verdict === 'dead' ? 'none known' : '—'}</span>`;
  const where = r.foundOn
    .map((f) => `<li>${linkTo(f.page)} <span class="where">link #${f.position}${f.text ? ` “${esc(f.text)}”` : ''}</span></li>`)
    .join('');
  const meta = [r.status === null ? 'no answer' : `HTTP ${r.status}`, r.finalUrl && r.finalUrl !== r.url ? `ends at ${r.finalUrl}` : '', `checked ${r.checkedAt.slice(0, 16).replace('T', ' ')} UTC`]
    .filter(Boolean)
    .join(' · ');
  return `<tr data-verdict="${esc(r.verdict)}" data-reason="${esc(r.reason)}" data-url="${esc(r.url)}" data-pages="${esc(pages)}" data-count="${r.foundOn.length}" data-order="${order}">
<td><span class="verdict ${esc(r.verdict)}">${esc(r.verdict)}</span></td>
<td class="reason">${esc(r.reason)}</td>
<td class="link">${linkTo(r.url)}${r.detail ? `<div class="detail">${esc(r.detail)}</div>` : ''}<div class="meta">${esc(meta)}</div></td>
<td class="replacement">${suggested}</td>
<td class="found-on"><ul>${where}</ul></td>
</tr>`;
}

function options(values: Array<{ value: string; label: string }>): string {
  return values.map((o) => `<option value="${esc(o.value)}">${esc(o.label)}</option>`).join('');
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('base64');
}

export function renderHtml(report: AuditReport): string {
  const pageIndex = new Map(report.pages.map((p, i) => [p, i]));
  for (const r of report.rows) for (const f of r.foundOn) if (!pageIndex.has(f.page)) pageIndex.set(f.page, pageIndex.size);
  const reasons = ALL_REASONS.filter((reason) => report.rows.some((r) => r.reason === reason));
  const pagesWithLinks = [...pageIndex.entries()].filter(([p]) => report.rows.some((r) => r.foundOn.some((f) => f.page === p)));
  const script = `(${auditReportScript.toString()})();`;
  const csp = `default-src 'none'; style-src 'sha256-${sha256(STYLE)}'; script-src 'sha256-${sha256(script)}'; img-src 'none'; base-uri 'none'; form-action 'none'`;
  const title = `Link audit of ${report.site}`;
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
${report.offline ? `<p class="offline" role="alert">${esc(OFFLINE_NOTICE)}</p>\n` : ''}<h1>Link audit</h1>
<p class="site">${linkTo(report.site)}</p>
<p class="summary" id="summary">${esc(summaryText(report.summary))}${report.scope === 'resources' ? ' (links to mutual-aid resources only)' : ''} · ${esc(report.generatedAt.slice(0, 16).replace('T', ' '))} UTC</p>
</header>
<section class="controls" aria-label="Filter the links">
<label>Verdict <select id="filter-verdict"><option value="">all: ${esc(verdictCounts(report))}</option>${options(VERDICT_ORDER.filter((v) => report.summary.verdicts[v] > 0).map((v) => ({ value: v, label: `${v} (${report.summary.verdicts[v]})` })))}</select></label>
<label>Reason <select id="filter-reason"><option value="">all reasons</option>${options(reasons.map((r) => ({ value: r, label: r })))}</select></label>
<label>Page <select id="filter-page"><option value="">all pages</option>${options(pagesWithLinks.map(([p, i]) => ({ value: String(i), label: p })))}</select></label>
<label>Words or address <input id="filter-text" type="search" autocomplete="off"></label>
<output id="shown" aria-live="polite">${report.rows.length} ${report.rows.length === 1 ? 'link' : 'links'}</output>
</section>
<table id="links">
<thead><tr>
<th data-key="verdict" aria-sort="none"><button type="button" data-sort="verdict">Verdict</button></th>
<th data-key="reason" aria-sort="none"><button type="button" data-sort="reason">Reason</button></th>
<th data-key="url" aria-sort="none"><button type="button" data-sort="url">Link</button></th>
<th>Suggested replacement</th>
<th data-key="pages" aria-sort="none"><button type="button" data-sort="pages">Found on</button></th>
</tr></thead>
<tbody>
${report.rows.map((r, i) => row(r, i, pageIndex)).join('\n')}
</tbody>
</table>
<script>${script}</script>
</body>
</html>
`;
}
