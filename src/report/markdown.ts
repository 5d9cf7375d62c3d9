/**
 * The audit as a Markdown worklist for an issue tracker: every dead or moved link with what to put in its place
 * and the pages to edit, as task-list items; links that could not be verified follow, to check by hand.
 * Link words come from other people's pages, so they go in code spans and nothing they contain becomes markup.
 */
import { WAYBACK } from '../health/archives/wayback.ts';
import type { Verdict } from '../health/verdict.ts';
import {
  captureDate,
  noticesOf,
  replacements,
  reportSummaryText,
  sinceLastRunText,
  sitePageReason,
  type AuditReport,
  type AuditRow,
  type FoundOn,
  numberReason,
} from './model.ts';
import { placeText } from '../documents/found.ts';

const SECTIONS: Array<{ verdict: Verdict; title: string; task: boolean }> = [
  { verdict: 'dead', title: 'Dead links', task: true },
  { verdict: 'moved', title: 'Moved links', task: true },
  { verdict: 'unverified', title: 'Could not be verified (check by hand, or let the next run decide)', task: false },
];

/** A code span that shows `text` literally whatever backticks it holds (CommonMark 6.1). */
export function codeSpan(text: string): string {
  // eslint-disable-next-line no-control-regex
  const flat = text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || /^ .* $/.test(flat) ? ' ' : '';
  return `${fence}${pad}${flat || ' '}${pad}${fence}`;
}

/**
 * Plain words inside a line, with every character escaped that Markdown, HTML or an issue tracker would act on:
 * emphasis, links, tags and entities, tables, strike-through, @mentions and #123 issue references.
 */
export function mdText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').replace(/[\\`*_[\]<>&|~@#]/g, (c) => `\\${c}`);
}

/** 1st, 2nd, 3rd, 11th … ("link #2" would become a reference to issue 2 on GitHub). */
export function ordinal(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** An autolink for a well-formed web address (its serialisation never holds < > or spaces); anything else as code. */
export function mdUrl(url: string): string {
  try {
    const u = new URL(url);
    if ((u.protocol === 'http:' || u.protocol === 'https:') && u.toString() === url) return `<${url}>`;
  } catch {
    // not an address: shown literally below
  }
  return codeSpan(url);
}

function where(at: FoundOn): string {
  // In a document the page is where a person looks ("page 4"); on a web page, the link's rank.
  const spot = at.place ? mdText(placeText(at.place)) : `${ordinal(at.position)} link`;
  return `${mdUrl(at.page)} (${spot}${at.text ? `, ${codeSpan(at.text)}` : ''})`;
}

function item(row: AuditRow, task: boolean): string[] {
  const lines = [
    `- ${task ? '[ ] ' : ''}${mdUrl(row.url)} — **${row.reason}**${row.detail ? `: ${mdText(row.detail)}` : ''}`,
  ];
  const offers = replacements(row);
  if (offers.length)
    lines.push(`  - Replace with: ${offers.map((o) => `${mdText(o.label)} ${mdUrl(o.url)}`).join(', or ')}`);
  else if (row.verdict === 'dead')
    lines.push(
      '  - Replace with: no new home or good archived copy known; remove the link or find the group another way',
    );
  const pages = new Set(row.foundOn.map((f) => f.page)).size;
  lines.push(`  - Edit ${pages} ${pages === 1 ? 'page' : 'pages'}: ${row.foundOn.map(where).join('; ')}`);
  return lines;
}

export function renderMarkdown(report: AuditReport): string {
  const out: string[] = [`# Link audit of ${mdUrl(report.site)}`, ''];
  for (const n of noticesOf(report)) out.push(`> **${mdText(n.text)}**`, '');
  out.push(
    `${mdText(report.generatedAt.slice(0, 10))} · ${mdText(reportSummaryText(report))}${report.scope === 'resources' ? ' (links to mutual-aid resources only)' : ''}`,
    '',
  );
  if (report.command) out.push(`Made by ${codeSpan(report.command)}`, '');
  const since = report.sinceLastRun;
  if (since) {
    out.push(
      '## Since the previous run',
      '',
      `${mdText(sinceLastRunText(since).replace(/^./, (c) => c.toUpperCase()))}.`,
      '',
    );
    const list = (label: string, urls: string[]) => {
      if (urls.length) out.push(`- ${label}: ${urls.map(mdUrl).join(', ')}`);
    };
    if (since.previousRunAt) {
      list('**Newly dead**', since.newlyDead);
      list('**Newly moved**', since.newlyMoved);
    }
    list('Recovered', since.recovered);
    if (since.stillDead.length)
      out.push(
        `- Still dead: ${since.stillDead.map((s) => `${mdUrl(s.url)} (${s.nights} ${s.nights === 1 ? 'night' : 'nights'})`).join(', ')}`,
      );
    if (out.at(-1) !== '') out.push('');
  }
  let any = false;
  for (const section of SECTIONS) {
    const rows = report.rows.filter((r) => r.verdict === section.verdict);
    if (!rows.length) continue;
    any = true;
    out.push(`## ${section.title} (${rows.length})`, '');
    for (const row of rows) out.push(...item(row, section.task));
    out.push('');
  }
  if (report.siteProblems.length) {
    any = true;
    out.push(`## The site's own pages that could not be read (${report.siteProblems.length})`, '');
    for (const p of report.siteProblems) {
      out.push(`- [ ] ${mdUrl(p.url)} — **${sitePageReason(p)}**: ${mdText(p.detail)}`);
      if (p.linkedFrom.length) out.push(`  - Mend or remove the link on: ${p.linkedFrom.map(mdUrl).join('; ')}`);
    }
    out.push('');
  }
  if (report.numbers?.length) {
    any = true;
    out.push(`## Phone numbers to update (${report.numbers.length})`, '');
    for (const n of report.numbers) {
      out.push(
        `- [ ] ${mdUrl(n.page)}, ${mdText(placeText(n.place))}: ${codeSpan(n.printed)} — **${numberReason(n)}**`,
      );
      out.push(`  - ${mdText(n.message)}`);
    }
    out.push('');
  }
  const archived = report.archiving;
  if (archived && (archived.captures.length || archived.waiting)) {
    out.push('## Archived tonight (Save Page Now)', '');
    for (const c of archived.captures)
      out.push(
        `- ${mdUrl(c.url)} — ${c.outcome}${c.timestamp && WAYBACK.captureLink(c.timestamp, c.url) ? `: ${mdUrl(WAYBACK.captureLink(c.timestamp, c.url)!)} (${captureDate(c.timestamp)})` : c.detail ? `: ${mdText(c.detail)}` : ''}`,
      );
    if (archived.waiting) out.push(`- ${archived.waiting} more to capture on later nights`);
    out.push('');
  }
  if (!any && report.rows.length) out.push('Nothing to fix: every link checked is alive.', '');
  const alive = report.summary.verdicts.alive;
  if (alive && any) out.push(`${alive} other ${alive === 1 ? 'link is' : 'links are'} alive.`, '');
  if (report.rows.some((r) => r.archive && r.verdict !== 'alive'))
    out.push(
      '_Archived copies are the last good captures in the Wayback Machine; check that each still says what the link promised._',
      '',
    );
  return out.join('\n');
}
