/** The audit as a terminal table, one block per page, worst links first: what an editor reads before editing. */
import type { Verdict } from '../health/verdict.ts';
import {
  noticesOf,
  numberReason,
  replacements,
  reportSummaryText,
  rowsByPage,
  sinceLastRunText,
  sitePageReason,
  whereOnPage,
  type AuditReport,
} from './model.ts';
import { placeText } from '../documents/found.ts';

const COLOURS: Record<Verdict, string> = {
  alive: '\x1b[32m',
  moved: '\x1b[36m',
  dead: '\x1b[31m',
  unverified: '\x1b[33m',
};
const INDENT = ' '.repeat(30);

/**
 * Link text and addresses come from other people's pages: an escape sequence in them would drive the editor's
 * terminal (retitle it, rewrite lines above), so every control character goes.
 */
export function terminalSafe(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ');
}

export function renderTable(report: AuditReport, options: { colour?: boolean } = {}): string {
  const lines: string[] = noticesOf(report).flatMap((n) => [`!! ${terminalSafe(n.text)}`]);
  if (lines.length) lines.push('');
  const since = report.sinceLastRun;
  if (since) {
    lines.push(`${sinceLastRunText(since).replace(/^./, (c) => c.toUpperCase())}`);
    const list = (label: string, urls: string[]) => {
      for (const url of urls) lines.push(`  ${label.padEnd(13)} ${terminalSafe(url)}`);
    };
    list('newly dead', since.previousRunAt ? since.newlyDead : []);
    list('newly moved', since.previousRunAt ? since.newlyMoved : []);
    list('recovered', since.recovered);
    for (const s of since.stillDead)
      lines.push(
        `  ${'still dead'.padEnd(13)} ${terminalSafe(s.url)} (${s.nights} ${s.nights === 1 ? 'night' : 'nights'})`,
      );
    lines.push('');
  }
  for (const { page, entries } of rowsByPage(report)) {
    lines.push(terminalSafe(page));
    for (const { row, at } of entries) {
      const verdict = row.verdict.padEnd(10);
      const painted = options.colour ? `${COLOURS[row.verdict]}${verdict}\x1b[0m` : verdict;
      // A document's page ("page 12") is wider than a web page's rank ("#3").
      const where = whereOnPage(at).padEnd(at.place ? 9 : 4);
      lines.push(`  ${painted} ${row.reason.padEnd(15)} ${terminalSafe(where)} ${terminalSafe(row.url)}`);
      const notes: string[] = [];
      if (at.text) notes.push(`"${terminalSafe(at.text)}"`);
      if (row.verdict !== 'alive' && row.detail) notes.push(terminalSafe(row.detail));
      if (notes.length) lines.push(`${INDENT}${notes.join(' · ')}`);
      for (const r of replacements(row)) lines.push(`${INDENT}→ ${r.label}: ${terminalSafe(r.url)}`);
    }
    lines.push('');
  }
  if (report.rows.length === 0)
    lines.push(
      `No ${report.scope === 'all' ? 'outbound' : 'resource'} links found on ${report.summary.pages} ${report.summary.pages === 1 ? 'page' : 'pages'}.`,
      '',
    );
  if (report.siteProblems.length) {
    lines.push("The site's own pages that could not be read");
    for (const p of report.siteProblems) {
      lines.push(`  ${'broken'.padEnd(10)} ${sitePageReason(p).padEnd(15)} ${terminalSafe(p.url)}`);
      lines.push(`${INDENT}${terminalSafe(p.detail)}`);
      for (const from of p.linkedFrom) lines.push(`${INDENT}linked from ${terminalSafe(from)}`);
    }
    lines.push('');
  }
  if (report.numbers?.length) {
    lines.push('Phone numbers to update');
    for (const n of report.numbers) {
      lines.push(
        `  ${'number'.padEnd(10)} ${numberReason(n).padEnd(15)} ${terminalSafe(placeText(n.place)).padEnd(9)} ${terminalSafe(n.printed)}`,
      );
      lines.push(`${INDENT}${terminalSafe(n.page)}: ${terminalSafe(n.message)}`);
    }
    lines.push('');
  }
  const archived = report.archiving;
  if (archived && (archived.captures.length || archived.waiting)) {
    lines.push('Archived tonight (Save Page Now)');
    for (const c of archived.captures)
      lines.push(`  ${c.outcome.padEnd(10)} ${terminalSafe(c.url)}${c.detail ? ` · ${terminalSafe(c.detail)}` : ''}`);
    if (archived.waiting) lines.push(`  ${archived.waiting} more to capture on later nights`);
    lines.push('');
  }
  lines.push(reportSummaryText(report));
  return `${lines.join('\n')}\n`;
}
