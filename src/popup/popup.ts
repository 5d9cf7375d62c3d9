/**
 * The popup: "What is NDMDA's number now?" answered in a couple of keystrokes, offline, with whether the group's
 * website answers today; and which directory groups the page in the active tab links to.
 * Everything the browser provides comes in through PopupDeps (src/popup/popup-browser.ts), so this file is DOM only.
 */
import type { Group } from '../directory/group.ts';
import { allGroups } from '../directory/groups.ts';
import { searchWithCrisisFirst } from '../directory/crisis.ts';
import { queryIsSpanish } from '../directory/find.ts';
import type { SearchHit } from '../directory/search.ts';
import { t, tn, uiLanguage } from '../i18n.ts';
import type { LinkVerdict, PageGroupLink } from '../messages.ts';
import type { ChannelAnswer } from '../verdict-channel.ts';
import { auditButton, drawVerdicts, groupCard, pageGroupCard, pdfButton, reportHrefFor } from './popup-view.ts';
import { isPdfAddress } from '../documents/found.ts';
import { VerdictWatch } from './verdict-watch.ts';

export interface PopupDeps {
  /** The verdicts the background knows now for these addresses; the others arrive through `onVerdicts`. */
  want(urls: string[]): Promise<ChannelAnswer>;
  onVerdicts(listener: (verdicts: LinkVerdict[]) => void): void;
  /**
   * The tab whose page "Groups on this page" describes, with its address when the browser gives it (null for a
   * browser page); null when there is none.
   */
  targetTab(): Promise<{ id: number; url: string | null } | null>;
  /** Null when the tab has no content script of ours (a chrome:// page, the web store, a PDF). */
  pageGroups(tabId: number): Promise<PageGroupLink[] | null>;
  copy(text: string): Promise<void>;
  search?: (query: string) => SearchHit[];
  /** Where "Tell us a number is wrong" goes (settings.reportTo); without it, the reader's own mail program. */
  reportTo?(): Promise<string>;
  /** Opens the "Audit this page" report for the tab (src/audit/). */
  openAudit?(tabId: number): Promise<void>;
  /** Opens the report of a PDF's links (audit.html?pdf=…) for the PDF the tab shows. */
  openPdfReport?(address: string, tabId: number): Promise<void>;
}

export interface Popup {
  /** performance.now() when the search box was focused and searching would answer: the ≤ 100 ms budget. */
  readonly readyAt: number;
  /** Resolves once "Groups on this page" is drawn (or known to be empty). */
  readonly pageGroupsDrawn: Promise<void>;
  stop(): void;
}

/** Ten cards fill the popup twice over; more means the query is still too short to be useful. */
const MAX_RESULTS = 10;
const COPIED_MS = 2_000;

export function startPopup(doc: Document, deps: PopupDeps): Popup {
  const input = doc.querySelector<HTMLInputElement>('#q')!;
  const results = doc.querySelector<HTMLOListElement>('#results')!;
  const count = doc.querySelector<HTMLElement>('#count')!;
  const announce = doc.querySelector<HTMLElement>('#announce')!;
  const pageSection = doc.querySelector<HTMLElement>('#on-page')!;
  const pageList = doc.querySelector<HTMLUListElement>('#page-groups')!;
  const search = deps.search ?? searchWithCrisisFirst;
  const byId = new Map(allGroups().map((g) => [g.id, g]));

  const watch = new VerdictWatch({ want: deps.want, onChange: () => drawVerdicts(doc, (url) => watch.stateOf(url)) });
  deps.onVerdicts((verdicts) => watch.receive(verdicts));

  let reportTo = '';
  void deps
    .reportTo?.()
    .then((target) => {
      reportTo = target;
      // Cards drawn before the setting arrived point their reports at the chosen place now.
      for (const link of doc.querySelectorAll<HTMLAnchorElement>('a[data-report-for]')) {
        const group = byId.get(link.getAttribute('data-report-for')!);
        if (group) link.href = reportHrefFor(group, reportTo);
      }
    })
    .catch(() => undefined);

  function show(query: string): void {
    const hits = search(query);
    const shown = hits.slice(0, MAX_RESULTS);
    // A Spanish query ("suicidio") shows Spanish routes first whatever the browser's language; then the browser's.
    const languages = [...(queryIsSpanish(query) ? ['es'] : []), uiLanguage()];
    results.replaceChildren(
      ...shown.map((hit, i) =>
        groupCard(doc, hit.group, { open: i === 0, formerly: hit.formerly, languages, reportTo }),
      ),
    );
    count.textContent = countText(query, hits.length, shown.length);
    watch.want(websites(shown.map((h) => h.group)));
    drawVerdicts(results, (url) => watch.stateOf(url));
  }

  input.addEventListener('input', () => show(input.value));

  // Arrow keys move between the cards; Enter in the box opens the first one. Tab order is the document's.
  input.addEventListener('keydown', (event) => {
    const first = results.querySelector<HTMLElement>('summary');
    if (!first) return;
    if (event.key === 'ArrowDown' || event.key === 'Enter') {
      event.preventDefault();
      if (event.key === 'Enter') (first.parentElement as HTMLDetailsElement).open = true;
      first.focus();
    }
  });
  doc.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement | null;
    if (target?.tagName !== 'SUMMARY') return;
    const summaries = [...doc.querySelectorAll<HTMLElement>('summary')];
    const at = summaries.indexOf(target);
    if (event.key === 'ArrowDown' && at < summaries.length - 1) summaries[at + 1]!.focus();
    else if (event.key === 'ArrowUp') (at > 0 ? summaries[at - 1]! : input).focus();
    else if (event.key === 'Escape') input.focus();
    else return;
    event.preventDefault();
  });

  doc.addEventListener('click', (event) => {
    const button = (event.target as Element | null)?.closest?.<HTMLButtonElement>('button[data-copy]');
    if (button) void copy(button);
  });

  async function copy(button: HTMLButtonElement): Promise<void> {
    const number = button.getAttribute('data-copy')!;
    let said: string;
    try {
      await deps.copy(number);
      button.textContent = t('copied');
      said = t('copied_announce', number);
    } catch {
      button.textContent = t('copy_failed');
      said = t('copy_failed_announce', number);
    }
    announce.textContent = said;
    setTimeout(() => {
      if (button.isConnected) button.textContent = t('copy');
    }, COPIED_MS);
  }

  function offerAudit(tabId: number, openAudit: (tabId: number) => Promise<void>): void {
    const offer = auditButton(doc);
    offer.querySelector('button')!.addEventListener('click', () => void openAudit(tabId).catch(() => undefined));
    offerAbovePageGroups(offer);
  }

  /** A tab showing a PDF (the browser's viewer: no script of ours runs there) gets its own offer. */
  function offerPdf(tab: { id: number; url: string | null }): void {
    if (!deps.openPdfReport || !isPdfAddress(tab.url)) return;
    const open = deps.openPdfReport;
    const offer = pdfButton(doc);
    offer.querySelector('button')!.addEventListener('click', () => void open(tab.url!, tab.id).catch(() => undefined));
    offerAbovePageGroups(offer);
  }

  /**
   * The offers go above "Groups on this page", never below it: that section appears only when the page's script
   * answers, which can be after the button is drawn, and a button that moves down as the reader reaches for it
   * takes the click somewhere else (a fresh-clone run caught a click landing where the button had been).
   */
  function offerAbovePageGroups(offer: HTMLElement): void {
    pageSection.before(offer);
  }

  async function drawPageGroups(): Promise<void> {
    const tab = await deps.targetTab().catch(() => null);
    if (tab !== null) offerPdf(tab);
    // Any web page can be audited: the report asks the page for its links itself, waking or running our script
    // there (src/page-messages.ts), so the offer does not wait for the page's script to answer first.
    const offered = tab !== null && deps.openAudit !== undefined && isWebAddress(tab.url);
    if (offered) offerAudit(tab.id, deps.openAudit!);
    const links = tab === null ? null : await deps.pageGroups(tab.id).catch(() => null);
    // A tab whose address the browser keeps from us, but whose page our script answers for, is a web page too.
    if (!offered && tab !== null && links !== null && deps.openAudit) offerAudit(tab.id, deps.openAudit);
    const byGroup = new Map<string, PageGroupLink[]>();
    for (const link of links ?? [])
      if (byId.has(link.groupId)) byGroup.set(link.groupId, [...(byGroup.get(link.groupId) ?? []), link]);
    // No content script (a chrome:// page) or no group links: the section stays hidden, with nothing to apologise for.
    if (byGroup.size === 0) return;
    pageList.replaceChildren(...[...byGroup].map(([id, groupLinks]) => pageGroupCard(doc, byId.get(id)!, groupLinks)));
    pageSection.querySelector('.page-count')!.textContent = tn('page_count', byGroup.size);
    pageSection.hidden = false;
    watch.want([
      ...websites([...byGroup.keys()].map((id) => byId.get(id)!)),
      ...[...byGroup.values()].flat().map((l) => l.url),
    ]);
    drawVerdicts(pageList, (url) => watch.stateOf(url));
  }

  // Build the search index before the box takes keys, so the first letter typed answers at once.
  search('');
  input.focus();
  const readyAt = performance.now();
  performance.mark('still-there:popup-ready');
  doc.documentElement.setAttribute('data-ready-ms', readyAt.toFixed(1));
  if (input.value) show(input.value); // a value the browser restored
  const pageGroupsDrawn = drawPageGroups();

  return { readyAt, pageGroupsDrawn, stop: () => watch.stop() };
}

function isWebAddress(url: string | null): boolean {
  return url !== null && /^https?:\/\//i.test(url);
}

function websites(groups: Group[]): string[] {
  return groups.map((g) => g.website).filter((w): w is string => w !== null);
}

function countText(query: string, found: number, shown: number): string {
  if (!query.trim()) return '';
  if (found === 0) return t('search_none');
  if (found > shown) return t('search_found_some', found, shown);
  return tn('search_found', found);
}
