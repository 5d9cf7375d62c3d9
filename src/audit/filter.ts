/**
 * Which rows the audit page shows and in what order: filters by verdict, reason, resource and words, and a sort by
 * any column, both ways. The CLI's HTML report does the same to its own finished table (src/report/html-client.ts);
 * here rows keep changing as verdicts arrive, so the rules work on the data and the view only follows them.
 * Pure: no DOM.
 */
import { STATUS_ORDER, statusOf, type AuditEntry, type RowStatus } from './rows.ts';

export interface Filters {
  /** '' for every row. */
  status: RowStatus | '';
  /** A reason code, or '' for every reason. */
  reason: string;
  resourceOnly: boolean;
  /**
   * Matched, case-insensitively, in the address, the link's words, the reason (its code, and its words as the page
   * shows them in the reader's language) and the verdict's detail.
   */
  text: string;
}

export const NO_FILTERS: Filters = { status: '', reason: '', resourceOnly: false, text: '' };

export const SORT_KEYS = ['verdict', 'reason', 'url', 'text', 'position', 'resource'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export interface Sort {
  key: SortKey;
  ascending: boolean;
}

/** Worst first, then top to bottom: the order an editor works through, as the CLI's table within a page. */
export const DEFAULT_SORT: Sort = { key: 'verdict', ascending: true };

/** `reasonWords`: a reason's words as the page shows them ("no encontrado" for not-found in Spanish). */
export function matches(
  entry: AuditEntry,
  filters: Filters,
  reasonWords: (reason: string) => string = (r) => r,
): boolean {
  if (filters.status && statusOf(entry) !== filters.status) return false;
  if (filters.reason && entry.verdict?.reason !== filters.reason) return false;
  if (filters.resourceOnly && !entry.resource) return false;
  const words = filters.text.trim().toLowerCase();
  if (words) {
    const reason = entry.verdict?.reason ?? '';
    const haystack = [
      entry.url,
      ...entry.foundOn.map((f) => f.text),
      reason,
      reason && reasonWords(reason),
      entry.verdict?.detail ?? '',
      entry.verdict?.newHome ?? '',
    ]
      .join('\n')
      .toLowerCase();
    if (!haystack.includes(words)) return false;
  }
  return true;
}

function firstPosition(entry: AuditEntry): number {
  return entry.foundOn.reduce((min, f) => Math.min(min, f.position), Number.POSITIVE_INFINITY);
}

function value(entry: AuditEntry, key: SortKey): number | string {
  switch (key) {
    case 'verdict':
      return STATUS_ORDER.indexOf(statusOf(entry));
    case 'reason':
      return entry.verdict?.reason ?? '\uffff'; // rows still waiting have no reason: last, going up
    case 'url':
      return entry.url.toLowerCase();
    case 'text':
      return (entry.foundOn[0]?.text ?? '').toLowerCase();
    case 'position':
      return firstPosition(entry);
    case 'resource':
      return entry.resource ? 0 : 1; // resources first, going up
  }
}

export function compare(a: AuditEntry, b: AuditEntry, sort: Sort): number {
  const x = value(a, sort.key);
  const y = value(b, sort.key);
  const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
  // Ties keep the page's own order, whichever way the column runs.
  return (sort.ascending ? order : -order) || firstPosition(a) - firstPosition(b) || a.url.localeCompare(b.url);
}

export function visibleRows(
  entries: readonly AuditEntry[],
  filters: Filters,
  sort: Sort,
  reasonWords?: (reason: string) => string,
): AuditEntry[] {
  return entries.filter((e) => matches(e, filters, reasonWords)).sort((a, b) => compare(a, b, sort));
}

/** Clicking a column's header: the same column again turns the order round, another starts going up. */
export function nextSort(current: Sort, key: SortKey): Sort {
  return { key, ascending: current.key === key ? !current.ascending : true };
}

/** The reasons worth offering in the reason filter: those some row has, in a stable order. */
export function reasonsPresent(entries: readonly AuditEntry[]): string[] {
  return [
    ...new Set(entries.map((e) => e.verdict?.reason).filter((r): r is NonNullable<typeof r> => Boolean(r))),
  ].sort();
}
