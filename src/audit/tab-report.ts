/**
 * The "Audit this page" report: asks the tab's content script for every link it sees, asks the background for each
 * one's verdict (cached ones at once, the rest checked by the same engine and politeness queue as the page's marks),
 * and draws a row per address that fills in as verdicts arrive, with filters, sorting and the CLI's CSV/JSON export.
 * Everything the browser provides comes in through AuditDeps (src/audit/audit-browser.ts): this file is DOM only.
 */
import type { LinkVerdict, PageLinks } from '../messages.ts';
import { download as saveFile, exportFile, type ExportFile, type ExportFormat } from './export.ts';
import { DEFAULT_SORT, matches, nextSort, reasonsPresent, compare, type Filters, type Sort } from './filter.ts';
import { entriesFrom, statusOf, tally, type AuditEntry, type RowStatus } from './rows.ts';
import { AUDIT_STRINGS as S } from './strings.ts';
import { VerdictCollector, type CollectorOptions } from './verdict-collector.ts';
import type { ChannelAnswer } from '../verdict-channel.ts';
import {
  buildFrame,
  drawFilterOptions,
  drawSortState,
  drawSummary,
  fillRow,
  orderRows,
  rowFor,
  showProblem,
  sortKeyOf,
  type Frame,
} from './view.ts';

export interface AuditDeps {
  /** The audited tab, from the page's address (audit.html?tab=123); null when there is none. */
  tabId: number | null;
  /** Null when the tab has no content script of ours (a browser page, the web store, a PDF, still loading). */
  pageLinks(tabId: number): Promise<PageLinks | null>;
  /** The verdicts the background knows now for these addresses; the others arrive through `onVerdicts`. */
  want(urls: string[]): Promise<ChannelAnswer>;
  /** Verdicts of checks that ended (src/verdict-channel.ts); returns the unsubscribe. */
  onVerdicts(listener: (verdicts: LinkVerdict[]) => void): () => void;
  download?(doc: Document, file: ExportFile): void;
  now?: () => Date;
  collector?: Partial<Pick<CollectorOptions, 'patienceMs' | 'batch'>>;
}

export interface TabReport {
  /** Resolves once the page's links are listed (verdicts keep arriving after). */
  readonly listed: Promise<void>;
  /** The file an export button would save now. */
  exportNow(format: ExportFormat): ExportFile | null;
  stop(): void;
}

/** Verdicts arrive in bursts; one redraw per burst keeps a page of thousands of rows smooth. */
const REDRAW_MS = 60;

export function startTabReport(doc: Document, root: HTMLElement, deps: AuditDeps): TabReport {
  const frame: Frame = buildFrame(doc, root);
  const now = deps.now ?? (() => new Date());
  let found: PageLinks | null = null;
  let entries: AuditEntry[] = [];
  const byUrl = new Map<string, AuditEntry>();
  const rows = new Map<string, HTMLTableRowElement>();
  const dirty = new Set<string>();
  let sort: Sort = DEFAULT_SORT;
  let collector: VerdictCollector | null = null;
  let unsubscribe: (() => void) | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;
  doc.documentElement.lang = S.language();
  doc.title = S.heading();
  root.dataset.state = 'loading';

  const filters = (): Filters => ({
    status: frame.status.value as RowStatus | '',
    reason: frame.reason.value,
    resourceOnly: frame.resourceOnly.checked,
    text: frame.text.value,
  });
  const scope = () => (frame.resourceOnly.checked ? 'resources' : 'all') as 'resources' | 'all';

  function redraw(): void {
    if (timer) clearTimeout(timer);
    timer = null;
    if (stopped || !found) return;
    for (const url of dirty) {
      const entry = byUrl.get(url);
      const tr = rows.get(url);
      if (entry && tr) fillRow(tr, entry);
    }
    dirty.clear();
    const f = filters();
    const ordered = [...entries].sort((a, b) => compare(a, b, sort));
    let shown = 0;
    for (const e of ordered) {
      const tr = rows.get(e.url)!;
      const visible = matches(e, f, S.reason);
      if (tr.hidden === visible) tr.hidden = !visible;
      if (visible) shown++;
    }
    orderRows(
      frame.body,
      ordered.map((e) => rows.get(e.url)!),
    );
    const t = tally(entries);
    drawSummary(frame, t, shown);
    if (entries.length === 0) frame.summary.textContent = S.noLinks();
    drawFilterOptions(frame, entries, reasonsPresent(entries));
    drawSortState(frame, sort);
    const inScope = entries.filter((e) => scope() === 'all' || e.resource);
    const checked = inScope.filter((e) => e.verdict).length;
    frame.exportHint.textContent = S.exportHint(checked, scope(), inScope.length - checked);
    const waiting = entries.some((e) => statusOf(e) === 'checking');
    if (!waiting && root.dataset.state !== 'complete' && entries.length > 0)
      frame.announce.textContent = S.allChecked(frame.summary.textContent ?? '');
    root.dataset.state = waiting ? 'checking' : 'complete';
  }

  function soon(): void {
    timer ??= setTimeout(redraw, REDRAW_MS);
  }

  function exportNow(format: ExportFormat): ExportFile | null {
    if (!found) return null;
    return exportFile(entries, { page: found.page, scope: scope(), format, now: now() });
  }

  for (const control of [frame.status, frame.reason, frame.resourceOnly, frame.text]) {
    control.addEventListener('input', redraw);
    control.addEventListener('change', redraw);
  }
  frame.table.tHead?.addEventListener('click', (event) => {
    const key = sortKeyOf(event.target);
    if (!key) return;
    sort = nextSort(sort, key);
    redraw();
  });
  const save = (format: ExportFormat) => {
    const file = exportNow(format);
    if (file) (deps.download ?? saveFile)(doc, file);
  };
  frame.exportCsv.addEventListener('click', () => save('csv'));
  frame.exportJson.addEventListener('click', () => save('json'));

  async function list(): Promise<void> {
    if (deps.tabId === null) {
      problem(S.noTab());
      return;
    }
    const answer = await deps.pageLinks(deps.tabId).catch(() => null);
    if (stopped) return;
    if (!answer) {
      problem(S.unreachable());
      return;
    }
    found = answer;
    entries = entriesFrom(answer);
    for (const e of entries) {
      byUrl.set(e.url, e);
      rows.set(e.url, rowFor(doc, e));
    }
    frame.page.textContent = answer.title ? `${answer.title} — ${answer.page}` : answer.page;
    doc.title = S.documentTitle(answer.title || answer.page);
    if (answer.truncated) showProblem(frame, S.truncated(answer.links.length));
    redraw();
    collector = new VerdictCollector({
      ...deps.collector,
      want: deps.want,
      onVerdicts(list) {
        for (const v of list) {
          const entry = byUrl.get(v.url);
          if (!entry) continue;
          entry.verdict = v;
          entry.gaveUp = false;
          dirty.add(v.url);
        }
        soon();
      },
      onGiveUp(urls) {
        for (const url of urls) {
          const entry = byUrl.get(url);
          if (entry && !entry.verdict) entry.gaveUp = true;
          dirty.add(url);
        }
        soon();
      },
    });
    unsubscribe = deps.onVerdicts((verdicts) => collector?.receive(verdicts));
    collector.want(entries.filter((e) => /^https?:/i.test(e.url)).map((e) => e.url));
  }

  function problem(message: string): void {
    showProblem(frame, message);
    frame.summary.textContent = '';
    frame.exportCsv.disabled = true;
    frame.exportJson.disabled = true;
    root.dataset.state = 'problem';
  }

  const listed = list();

  return {
    listed,
    exportNow,
    stop() {
      stopped = true;
      collector?.stop();
      unsubscribe?.();
      if (timer) clearTimeout(timer);
    },
  };
}
