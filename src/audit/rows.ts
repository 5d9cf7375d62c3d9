/**
 * The audit page's rows: one per distinct address on the page (normalised as the background stores verdicts, the
 * same key the CLI's audit groups by), with every place it appears, whether it is a resource, and its verdict once
 * known. The export turns them into the CLI's report model (src/report/model.ts), nothing else.
 * Pure: no DOM, no extension API.
 */
import { addressKey } from '../health/address.ts';
import { hostnameOf } from '../health/host.ts';
import { zeroCounts, type Verdict } from '../health/verdict.ts';
import type { LinkVerdict, PageLinks } from '../messages.ts';
import {
  auditRow,
  buildReport,
  VERDICT_ORDER,
  type AuditReport,
  type AuditRow,
  type FoundOn,
  type NumberFinding,
} from '../report/model.ts';
import type { Place } from '../documents/found.ts';

/** Where a row stands: a verdict, still being checked, or given up on for now (the queue is long). */
export type RowStatus = Verdict | 'checking' | 'not-yet';

export interface AuditEntry {
  /** The address as verdicts are stored under it. */
  url: string;
  /** Every place on the page, top to bottom. */
  foundOn: FoundOn[];
  /** One resource occurrence makes the address a resource, as in the CLI's audit. */
  resource: boolean;
  verdict: LinkVerdict | null;
  /** No verdict arrived within the page's patience. */
  gaveUp: boolean;
}

/** `found`'s links may carry their place in a document (a PDF's, src/audit/pdf-links.ts). */
export function entriesFrom(
  found: PageLinks & { links: Array<PageLinks['links'][number] & { place?: Place }> },
): AuditEntry[] {
  const byUrl = new Map<string, AuditEntry>();
  // The page's own redirect scripts are read in every form (src/health/carried-address.ts).
  const pageHost = hostnameOf(found.page) || undefined;
  for (const link of found.links) {
    const url = addressKey(link.href, pageHost);
    let entry = byUrl.get(url);
    if (!entry) byUrl.set(url, (entry = { url, foundOn: [], resource: false, verdict: null, gaveUp: false }));
    entry.foundOn.push({
      page: found.page,
      text: link.text,
      position: link.position,
      ...(link.place ? { place: link.place } : {}),
    });
    entry.resource ||= link.resource;
  }
  return [...byUrl.values()];
}

export function statusOf(entry: AuditEntry): RowStatus {
  if (entry.verdict) return entry.verdict.verdict;
  return entry.gaveUp ? 'not-yet' : 'checking';
}

/** Worst first, as the CLI's worklist; rows still waiting come after every verdict. */
export const STATUS_ORDER: readonly RowStatus[] = [...VERDICT_ORDER, 'checking', 'not-yet'];

export type Tally = Record<Verdict, number> & { links: number; checked: number };

export function tally(entries: readonly AuditEntry[]): Tally {
  const t: Tally = { links: entries.length, checked: 0, ...zeroCounts() };
  for (const e of entries) {
    if (!e.verdict) continue;
    t.checked++;
    t[e.verdict.verdict]++;
  }
  return t;
}

/** The row as the CLI's report model holds it; null until the verdict is in. */
export function auditRowOf(entry: AuditEntry): AuditRow | null {
  return entry.verdict ? auditRow(entry.verdict, entry.foundOn) : null;
}

/**
 * The report the CLI would write for these rows: scope 'resources' keeps only resource links (the CLI's default),
 * 'all' every link (its --all). Rows without a verdict yet are left out: the model has no "checking".
 */
export function auditReportOf(
  entries: readonly AuditEntry[],
  options: { page: string; scope: AuditReport['scope']; generatedAt: string; numbers?: NumberFinding[] },
): AuditReport {
  const rows = entries
    .filter((e) => options.scope === 'all' || e.resource)
    .map(auditRowOf)
    .filter((r): r is AuditRow => r !== null);
  return buildReport({
    site: options.page,
    scope: options.scope,
    generatedAt: options.generatedAt,
    pages: [options.page],
    rows,
    // What the CLI's report says it left aside, the same way: with resources only, the other links of the page.
    skipped: [
      { why: 'not-a-resource', count: options.scope === 'all' ? 0 : entries.filter((e) => !e.resource).length },
    ],
    ...(options.numbers ? { numbers: options.numbers } : {}),
  });
}
