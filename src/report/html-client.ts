/**
 * The HTML report's own script: sorting and filtering the rows the report already holds. It is embedded as the
 * source text of `auditReportScript` (html.ts), so it must stand alone: no imports, nothing from module scope.
 * It only moves, hides and labels existing nodes; nothing it touches is ever parsed as HTML.
 */
export function auditReportScript(): void {
  const table = document.getElementById('links');
  if (!(table instanceof HTMLTableElement) || !table.tBodies[0] || !table.tHead) return;
  const body = table.tBodies[0];
  const head = table.tHead;
  const rows = Array.from(body.rows);
  const pick = (id: string) => document.getElementById(id) as HTMLSelectElement | HTMLInputElement | null;
  const filters = {
    verdict: pick('filter-verdict'),
    reason: pick('filter-reason'),
    page: pick('filter-page'),
    text: pick('filter-text'),
  };
  const shown = document.getElementById('shown');
  const showAlive = document.getElementById('show-alive');
  let aliveShown = false;
  const RANK: Record<string, number> = { dead: 0, moved: 1, unverified: 2, alive: 3 };

  function apply(): void {
    const verdict = filters.verdict?.value ?? '';
    const reason = filters.reason?.value ?? '';
    const page = filters.page?.value ?? '';
    const words = (filters.text?.value ?? '').trim().toLowerCase();
    let count = 0;
    for (const row of rows) {
      const visible =
        (!verdict || row.dataset.verdict === verdict) &&
        (!reason || row.dataset.reason === reason) &&
        (!page || (row.dataset.pages ?? '').split(' ').includes(page)) &&
        (!words || (row.textContent ?? '').toLowerCase().includes(words)) &&
        // Alive rows stay folded unless asked for, by the button or by choosing "alive" as the verdict.
        (row.dataset.verdict !== 'alive' || aliveShown || verdict === 'alive');
      row.hidden = !visible;
      if (visible) count++;
    }
    if (shown) shown.textContent = `${count} of ${rows.length} ${rows.length === 1 ? 'link' : 'links'} shown`;
  }

  let sortKey = '';
  let ascending = true;
  function sortBy(key: string): void {
    ascending = key === sortKey ? !ascending : true;
    sortKey = key;
    const value = (row: HTMLTableRowElement): number | string => {
      if (key === 'verdict') return RANK[row.dataset.verdict ?? ''] ?? 9;
      if (key === 'pages') return Number(row.dataset.count ?? 0);
      return (row.dataset[key] ?? '').toLowerCase();
    };
    const sorted = rows.slice().sort((a, b) => {
      const x = value(a);
      const y = value(b);
      const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
      // Ties keep the report's own order (worst first), whichever way the column runs.
      return (ascending ? order : -order) || Number(a.dataset.order) - Number(b.dataset.order);
    });
    body.append(...sorted);
    for (const th of Array.from(head.querySelectorAll('th'))) {
      th.setAttribute('aria-sort', th.dataset.key === key ? (ascending ? 'ascending' : 'descending') : 'none');
    }
  }

  for (const control of Object.values(filters)) control?.addEventListener('input', apply);
  showAlive?.addEventListener('click', () => {
    aliveShown = !aliveShown;
    showAlive.setAttribute('aria-pressed', String(aliveShown));
    const n = showAlive.dataset.alive ?? '';
    showAlive.textContent = `${aliveShown ? 'Hide' : 'Show'} the ${n} alive ${n === '1' ? 'link' : 'links'}`;
    // The printed page says what it leaves out, and only when it does.
    const note = document.getElementById('alive-not-printed');
    if (note) note.hidden = aliveShown;
    apply();
  });
  for (const button of Array.from(head.querySelectorAll('button[data-sort]'))) {
    button.addEventListener('click', () => sortBy((button as HTMLButtonElement).dataset.sort ?? ''));
  }
  apply();
}
