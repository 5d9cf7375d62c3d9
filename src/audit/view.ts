/**
 * Drawing the audit page: its frame (heading, filters, export buttons, the table) and one table row per address.
 * DOM calls and textContent only: every address and word here comes from someone else's page or from the network.
 * The only links drawn are http(s) addresses: the page's own links, an archived copy on the Wayback Machine, and a
 * new home the directory knows (as the page's marks allow, src/page-marker/marks.ts).
 */
import { isDirectoryUrl } from '../directory/lookup.ts';
import { VERDICT_ORDER, replacements } from '../report/model.ts';
import { isCaptureOf } from '../health/archives/index.ts';
import { SORT_KEYS, type Sort, type SortKey } from './filter.ts';
import { auditRowOf, statusOf, type AuditEntry, type RowStatus, type Tally } from './rows.ts';
import { AUDIT_STRINGS as S } from './strings.ts';
import { isWebAddress } from '../health/address.ts';

type Make = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs?: Record<string, string>,
  ...children: Array<Node | string | null>
) => HTMLElementTagNameMap[K];

export function maker(doc: Document): Make {
  return (tag, attrs = {}, ...children) => {
    const el = doc.createElement(tag);
    for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
    for (const child of children) if (child !== null) el.append(child);
    return el;
  };
}

export interface Frame {
  page: HTMLElement;
  summary: HTMLElement;
  /** Said once to screen readers when every verdict is in (the summary itself changes too often to be live). */
  announce: HTMLElement;
  problem: HTMLElement;
  status: HTMLSelectElement;
  reason: HTMLSelectElement;
  resourceOnly: HTMLInputElement;
  text: HTMLInputElement;
  shown: HTMLOutputElement;
  exportCsv: HTMLButtonElement;
  exportJson: HTMLButtonElement;
  exportHint: HTMLElement;
  table: HTMLTableElement;
  body: HTMLTableSectionElement;
}

/** The page's frame, built into `root`; rows come later. */
export function buildFrame(doc: Document, root: HTMLElement): Frame {
  const h = maker(doc);
  const page = h('p', { class: 'page-address' });
  const summary = h('p', { id: 'summary' }, S.loading());
  const announce = h('p', { id: 'announce', class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
  const problem = h('p', { id: 'problem', role: 'alert', hidden: '' });
  const status = h('select', { id: 'filter-verdict' });
  const reason = h('select', { id: 'filter-reason' });
  const resourceOnly = h('input', { id: 'filter-resource', type: 'checkbox' });
  const text = h('input', { id: 'filter-text', type: 'search', autocomplete: 'off', spellcheck: 'false' });
  const shown = h('output', { id: 'shown', 'aria-live': 'polite' });
  const exportCsv = h('button', { id: 'export-csv', type: 'button', 'aria-describedby': 'export-hint' }, S.exportCsv());
  const exportJson = h(
    'button',
    { id: 'export-json', type: 'button', 'aria-describedby': 'export-hint' },
    S.exportJson(),
  );
  const exportHint = h('p', { id: 'export-hint', class: 'hint' });
  const headCells = [
    ...SORT_KEYS.map((key) => {
      const name = S.column(key);
      return h(
        'th',
        { scope: 'col', 'data-key': key, 'aria-sort': 'none' },
        h('button', { type: 'button', 'data-sort': key, title: S.sortBy(name) }, name),
      );
    }),
    h('th', { scope: 'col' }, S.column('replacement')),
  ];
  const body = h('tbody');
  const table = h(
    'table',
    { id: 'links' },
    h('caption', { class: 'visually-hidden' }, S.tableCaption()),
    h('thead', {}, h('tr', {}, ...headCells)),
    body,
  );
  root.replaceChildren(
    h('header', {}, h('h1', {}, S.heading()), page, summary),
    problem,
    h(
      'section',
      { class: 'controls', 'aria-label': S.filtersLabel() },
      h('label', {}, S.filterVerdict(), status),
      h('label', {}, S.filterReason(), reason),
      h('label', { class: 'inline' }, resourceOnly, S.filterResource()),
      h('label', {}, S.filterText(), text),
      shown,
    ),
    h('section', { class: 'export', 'aria-label': S.exportLabel() }, exportCsv, ' ', exportJson, exportHint),
    table,
    announce,
  );
  return {
    page,
    summary,
    announce,
    problem,
    status,
    reason,
    resourceOnly,
    text,
    shown,
    exportCsv,
    exportJson,
    exportHint,
    table,
    body,
  };
}

export function showProblem(frame: Frame, message: string): void {
  frame.problem.textContent = message;
  frame.problem.hidden = false;
}

/**
 * Options of a select, kept when they have not changed (so a screen reader is not told about a new list).
 * `labelOf` names a chosen value no option offers any more.
 */
function setOptions(
  select: HTMLSelectElement,
  options: Array<{ value: string; label: string }>,
  labelOf: (value: string) => string,
): void {
  const doc = select.ownerDocument;
  if (select.options.length === options.length && options.every((o, i) => select.options[i]!.value === o.value)) {
    // Same choices, new counts: relabel in place, so an open list stays open.
    options.forEach((o, i) => {
      if (select.options[i]!.textContent !== o.label) select.options[i]!.textContent = o.label;
    });
    return;
  }
  const chosen = select.value;
  select.replaceChildren(
    ...options.map((o) => {
      const option = doc.createElement('option');
      option.value = o.value;
      option.textContent = o.label;
      return option;
    }),
  );
  // A choice whose option went away is kept as an option until the reader changes it.
  if (chosen && !options.some((o) => o.value === chosen)) {
    const kept = doc.createElement('option');
    kept.value = chosen;
    kept.textContent = labelOf(chosen);
    select.append(kept);
  }
  select.value = chosen;
}

export function drawFilterOptions(frame: Frame, entries: readonly AuditEntry[], reasons: string[]): void {
  const counts = new Map<RowStatus, number>();
  for (const e of entries) counts.set(statusOf(e), (counts.get(statusOf(e)) ?? 0) + 1);
  const statuses: RowStatus[] = [...VERDICT_ORDER, 'checking', 'not-yet'];
  setOptions(
    frame.status,
    [
      { value: '', label: S.anyVerdict() },
      // The four verdicts always; "still checking" and "not checked yet" while some row is so (or it is chosen).
      ...statuses
        .filter((s) => (VERDICT_ORDER as readonly string[]).includes(s) || counts.has(s) || s === frame.status.value)
        .map((s) => ({ value: s, label: S.verdictOption(S.status(s), counts.get(s) ?? 0) })),
    ],
    (value) => S.status(value as RowStatus),
  );
  setOptions(
    frame.reason,
    [{ value: '', label: S.anyReason() }, ...reasons.map((r) => ({ value: r, label: S.reason(r) }))],
    S.reason,
  );
}

export function drawSummary(frame: Frame, t: Tally, shownCount: number): void {
  const summary = S.summary(t);
  if (frame.summary.textContent !== summary) frame.summary.textContent = summary;
  const shown = S.shown(shownCount, t.links);
  if (frame.shown.textContent !== shown) frame.shown.textContent = shown;
}

export function drawSortState(frame: Frame, sort: Sort): void {
  for (const th of frame.table.tHead?.querySelectorAll<HTMLElement>('th[data-key]') ?? []) {
    th.setAttribute('aria-sort', th.dataset.key === sort.key ? (sort.ascending ? 'ascending' : 'descending') : 'none');
  }
}

export function sortKeyOf(target: EventTarget | null): SortKey | null {
  const button = (target as Element | null)?.closest?.('button[data-sort]');
  const key = button?.getAttribute('data-sort') ?? '';
  return (SORT_KEYS as readonly string[]).includes(key) ? (key as SortKey) : null;
}

function webLink(doc: Document, url: string, label: string, attrs: Record<string, string> = {}): HTMLElement {
  const h = maker(doc);
  return isWebAddress(url)
    ? h('a', { href: url, target: '_blank', rel: 'noopener noreferrer nofollow', ...attrs }, label)
    : h('span', { class: 'path', ...attrs }, label);
}

/** A new row for an address, filled. */
export function rowFor(doc: Document, entry: AuditEntry): HTMLTableRowElement {
  const tr = doc.createElement('tr');
  fillRow(tr, entry);
  return tr;
}

/** (Re)draws a row from its entry. */
export function fillRow(tr: HTMLTableRowElement, entry: AuditEntry): void {
  const doc = tr.ownerDocument;
  const h = maker(doc);
  const status = statusOf(entry);
  const v = entry.verdict;
  tr.dataset.url = entry.url;
  tr.dataset.status = status;
  tr.dataset.reason = v?.reason ?? '';
  tr.dataset.resource = String(entry.resource);

  const badge = h(
    'span',
    { class: `verdict ${status}` },
    v ? S.verdict(v.verdict) : status === 'checking' ? S.checking() : S.notYet(),
  );
  const verdictCell = h(
    'td',
    { class: 'verdict-cell' },
    badge,
    v?.stale ? h('span', { class: 'meta' }, ` ${S.rechecking()}`) : null,
  );

  // The reason's words, and its code as the exports and the command line write it (no second copy when there are no words for it).
  const reasonWords = v ? S.reason(v.reason) : S.noReason();
  const reasonCell = h(
    'td',
    { class: 'reason' },
    reasonWords,
    v && reasonWords !== v.reason ? h('code', { class: 'code' }, v.reason) : null,
  );

  const linkCell = h('td', { class: 'link' }, webLink(doc, entry.url, entry.url));
  if (v) {
    if (v.detail) linkCell.append(h('div', { class: 'detail' }, v.detail));
    const meta = [
      S.httpStatus(v.status),
      v.finalUrl && v.finalUrl !== v.url ? S.endsAt(v.finalUrl) : '',
      v.checkedBy !== undefined ? S.checkedBy(v.checkedBy, v.checkedAt) : S.checkedAt(v.checkedAt),
    ]
      .filter(Boolean)
      .join(' · ');
    linkCell.append(h('div', { class: 'meta' }, meta));
  } else if (status === 'not-yet') {
    linkCell.append(h('div', { class: 'meta' }, S.notYetDetail()));
  }

  const wordsCell = h(
    'td',
    { class: 'words' },
    h(
      'ul',
      {},
      ...entry.foundOn.map((f) => h('li', f.text ? {} : { class: 'none' }, f.text ? S.words(f.text) : S.noWords())),
    ),
  );
  const positionCell = h(
    'td',
    { class: 'position' },
    h(
      'ul',
      {},
      ...entry.foundOn.map((f) =>
        h(
          'li',
          {},
          h('span', { 'aria-hidden': 'true' }, S.position(f.position)),
          h('span', { class: 'visually-hidden' }, S.positionLabel(f.position)),
        ),
      ),
    ),
  );
  const resourceCell = h(
    'td',
    { class: 'resource' },
    h('span', { 'aria-hidden': 'true' }, entry.resource ? S.resourceYes() : S.resourceNo()),
    h('span', { class: 'visually-hidden' }, entry.resource ? S.resourceYesLabel() : S.resourceNoLabel()),
  );

  const row = auditRowOf(entry);
  // An archived copy is offered only when it is a capture of this very link by an archive we know.
  const archiveOk = row?.archive ? isCaptureOf(row.archive, row.url) : false;
  const offers = row ? replacements(row).filter((o) => o.kind !== 'archive' || archiveOk) : [];
  const replacementCell = h(
    'td',
    { class: 'replacement' },
    offers.length
      ? h(
          'ul',
          {},
          ...offers.map((o) => {
            const label =
              o.kind === 'archive'
                ? S.archived(row!.archive!.timestamp)
                : row!.newHomeNamed
                  ? S.namedHome(row!.newHomeNamed.named, row!.newHomeNamed.group, o.url)
                  : S.newHome(row!.verdict);
            // A new home is linked only where the directory vouches for it, as on the page (src/page-marker/marks.ts).
            const target =
              o.kind === 'archive' || isDirectoryUrl(o.url)
                ? webLink(doc, o.url, o.url, { 'data-kind': o.kind })
                : h('span', { class: 'path', 'data-kind': o.kind }, o.url);
            return h('li', { class: `suggestion ${o.kind}` }, `${label}: `, target);
          }),
        )
      : h('span', { class: 'none' }, S.noReplacement(v?.verdict ?? null)),
  );

  tr.replaceChildren(verdictCell, reasonCell, linkCell, wordsCell, positionCell, resourceCell, replacementCell);
}

/** Puts the rows in this order, moving only those out of place (a moved row loses keyboard focus). */
export function orderRows(body: HTMLTableSectionElement, rows: HTMLTableRowElement[]): void {
  for (let i = 0; i < rows.length; i++) {
    const want = rows[i]!;
    if (body.children[i] !== want) body.insertBefore(want, body.children[i] ?? null);
  }
}
