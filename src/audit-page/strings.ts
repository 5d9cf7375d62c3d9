/**
 * Every English word the "Audit this page" report shows, in one object, so they can be routed through browser.i18n
 * later without hunting through the code. (The popup's button and the context-menu item that open the report are
 * already messages of their own: audit_open_button, audit_open_button_hint, audit_menu_item.) Verdicts and reason
 * codes stay as the CLI prints them: they are the shared vocabulary of both reports and of the exports.
 */
import type { Verdict } from '../health/verdict.ts';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const AUDIT_STRINGS = {
  documentTitle: (page: string) => `Link audit: ${page}`,
  heading: 'Link audit',
  loading: 'Reading the page’s links…',
  noTab: 'No page to audit: open the audit from the still-there button or the right-click menu of a page.',
  unreachable: 'This page cannot be audited: still-there does not run on it (a browser page, the web store, a PDF), or it is still loading. Reload the page and try again.',
  truncated: (shown: number) => `This page has more links than one audit lists; the first ${shown} are shown.`,
  noLinks: 'This page has no web links.',

  summary: (s: { links: number; checked: number; dead: number; moved: number; unverified: number; alive: number }) =>
    `${plural(s.links, 'link', 'links')}: ${s.dead} dead, ${s.moved} moved, ${s.unverified} unverified, ${s.alive} alive` +
    (s.checked < s.links ? ` (${s.links - s.checked} still being checked)` : ''),
  allChecked: (summary: string) => `Every link checked. ${summary}`,
  shown: (shown: number, total: number) => `${shown} of ${plural(total, 'link', 'links')} shown`,

  filtersLabel: 'Filter the links',
  filterVerdict: 'Verdict',
  filterReason: 'Reason',
  filterResource: 'Mutual-aid resources only',
  filterText: 'Words or address',
  anyVerdict: 'all verdicts',
  anyReason: 'all reasons',
  verdictOption: (verdict: string, count: number) => `${verdict} (${count})`,

  exportLabel: 'Export',
  exportCsv: 'Download CSV',
  exportJson: 'Download JSON',
  exportHint: (links: number, scope: 'resources' | 'all', pending: number) =>
    `Exports ${plural(links, 'checked link', 'checked links')}${scope === 'resources' ? ' to mutual-aid resources' : ''}, in the same form as the command line’s audit` +
    (pending ? `; ${pending} still being checked ${pending === 1 ? 'is' : 'are'} left out` : ''),

  tableCaption: 'Links on the page, with the verdict of each',
  columns: {
    verdict: 'Verdict',
    reason: 'Reason',
    url: 'Link',
    text: 'Words on the page',
    position: 'Place',
    resource: 'Resource',
    replacement: 'Suggested replacement',
  },
  sortBy: (column: string) => `Sort by ${column}`,

  verdict: (v: Verdict) => v,
  checking: 'checking',
  notYet: 'not checked yet',
  /** A row's status for the verdict filter: a verdict, or one of these two. */
  statusChecking: 'still checking',
  statusNotYet: 'not checked yet',
  rechecking: 'checking again',
  reason: (reason: string) => reason,
  noReason: '—',
  httpStatus: (status: number | null) => (status === null ? 'no answer' : `HTTP ${status}`),
  endsAt: (url: string) => `ends at ${url}`,
  checkedAt: (iso: string) => `checked ${iso.slice(0, 16).replace('T', ' ')} UTC`,
  notYetDetail: 'The check is still waiting its turn: reload this report in a minute.',
  position: (n: number) => `#${n}`,
  positionLabel: (n: number) => `link ${n} on the page`,
  noWords: '(no words: an image or an empty link)',
  resourceYes: 'yes',
  resourceNo: '—',
  resourceYesLabel: 'a mutual-aid resource',
  resourceNoLabel: 'not a mutual-aid resource',
  newHome: (verdict: Verdict) => (verdict === 'moved' ? 'now at' : 'the group’s new home'),
  archived: (date: string) => `archived copy from ${date}`,
  noReplacement: (verdict: Verdict | null) => (verdict === 'dead' ? 'none known' : '—'),
} as const;

export type AuditStrings = typeof AUDIT_STRINGS;
