/**
 * The "Audit this page" report: asks the tab's content script for every link it sees, asks the background for each
 * one's verdict (cached ones at once, the rest checked by the same engine and politeness queue as the page's marks),
 * and draws a row per address that fills in as verdicts arrive, with filters, sorting and the CLI's CSV/JSON export.
 * Everything the browser provides comes in through AuditDeps (src/audit/audit-browser.ts): this file is DOM only.
 */
import type { LinkVerdict, PageLinks } from '../messages.ts';
import type { DocumentRead } from '../documents/found.ts';
import type { NumberRow } from '../documents/phone-findings.ts';
import { documentLinks } from './pdf-links.ts';
import { PdfUnavailable } from './pdf-reading.ts';
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
  drawNumbers,
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
  /**
   * The report of a PDF instead of a tab (audit.html?pdf=<address>): the PDF's address ('' when the page was opened
   * to choose a file), and how to have its bytes and read them (src/audit/pdf-reading.ts).
   */
  pdf?: {
    address: string;
    bytes(address: string): Promise<Uint8Array>;
    read(bytes: Uint8Array, name: string): Promise<DocumentRead>;
  };
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
  const frame: Frame = buildFrame(doc, root, { pdf: deps.pdf !== undefined });
  const now = deps.now ?? (() => new Date());
  let found: PageLinks | null = null;
  let numbers: NumberRow[] | null = null;
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
    return exportFile(entries, {
      page: found.page,
      scope: scope(),
      format,
      now: now(),
      ...(numbers ? { numbers } : {}),
    });
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
    if (deps.pdf) return listPdf(deps.pdf);
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
    show(answer);
  }

  /** Rows for every link of the page (or PDF), and the collector of their verdicts; what a previous PDF showed goes. */
  function show(answer: PageLinks): void {
    collector?.stop();
    unsubscribe?.();
    byUrl.clear();
    rows.clear();
    dirty.clear();
    frame.body.replaceChildren();
    frame.problem.hidden = true;
    frame.exportCsv.disabled = false;
    frame.exportJson.disabled = false;
    delete root.dataset.state;
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

  /**
   * A PDF's report: the PDF at the page's address, read and listed by page; its file picker and the page itself
   * take a PDF from the computer in its place (one the browser downloaded).
   */
  async function listPdf(pdf: NonNullable<AuditDeps['pdf']>): Promise<void> {
    const picker = frame.pdf!;
    const take = (file: File | undefined) => {
      if (file) void readAndShow(pdf, async () => new Uint8Array(await file.arrayBuffer()), file.name, '', true);
    };
    picker.file.addEventListener('change', () => take(picker.file.files?.[0]));
    doc.addEventListener('dragover', (event) => event.preventDefault());
    doc.addEventListener('drop', (event) => {
      event.preventDefault();
      take(event.dataTransfer?.files?.[0]);
    });
    if (!pdf.address) {
      frame.summary.textContent = S.pdfChoose();
      root.dataset.state = 'waiting';
      return;
    }
    await readAndShow(pdf, () => pdf.bytes(pdf.address), pdf.address, hostOf(pdf.address), false);
  }

  async function readAndShow(
    pdf: NonNullable<AuditDeps['pdf']>,
    bytes: () => Promise<Uint8Array>,
    name: string,
    host: string,
    chosen: boolean,
  ): Promise<void> {
    root.dataset.state = 'loading';
    frame.summary.textContent = S.pdfReading();
    let read: DocumentRead;
    try {
      read = await pdf.read(await bytes(), name);
    } catch (err) {
      if (stopped) return;
      problem(
        err instanceof PdfUnavailable
          ? S.pdfTrouble(err.trouble)
          : S.pdfTrouble({ kind: 'document', problem: 'damaged', detail: String(err) }),
      );
      return;
    }
    if (stopped) return;
    const links = documentLinks(read, name, host);
    numbers = links.numbers;
    show(links);
    // A file from the computer has no address: its name says which it is.
    if (chosen) frame.page.textContent = S.pdfFileName(name);
    drawNumbers(frame, links.numbers);
  }

  function hostOf(address: string): string {
    try {
      const url = new URL(address);
      return url.protocol === 'http:' || url.protocol === 'https:' ? url.hostname : '';
    } catch {
      return '';
    }
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
