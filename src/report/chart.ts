/**
 * The HTML report's chart of the last 30 nights: dead, moved and unverified links, night by night, as one small
 * inline SVG — no script, no request, readable printed in black and white (each line has its own dash and marker,
 * not only its own colour) — and, for a screen reader, the same figures as a table (the chart itself is hidden from
 * it: a picture of numbers is read best as the numbers).
 */
import type { NightCounts } from './model.ts';

const WIDTH = 600;
const HEIGHT = 170;
const LEFT = 36;
const RIGHT = 12;
const TOP = 12;
const BOTTOM = 26;

const SERIES = [
  { key: 'dead', label: 'dead' },
  { key: 'moved', label: 'moved' },
  { key: 'unverified', label: 'unverified' },
] as const;

function esc(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A round number at or above `n` for the top of the scale: 1, 2, 5, 10, 20, 50 … */
export function scaleTop(n: number): number {
  if (n <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(n));
  for (const step of [1, 2, 5, 10]) if (step * magnitude >= n) return step * magnitude;
  return 10 * magnitude;
}

/** "2026-12-01" */
const day = (at: string) => at.slice(0, 10);

/** The chart and its table twin; '' when there is no night to draw. */
export function nightsChart(nights: readonly NightCounts[]): string {
  if (!nights.length) return '';
  const top = scaleTop(Math.max(...nights.flatMap((n) => [n.dead, n.moved, n.unverified])));
  const plotW = WIDTH - LEFT - RIGHT;
  const plotH = HEIGHT - TOP - BOTTOM;
  const x = (i: number) => LEFT + (nights.length === 1 ? plotW / 2 : (i * plotW) / (nights.length - 1));
  const y = (v: number) => TOP + plotH - (v / top) * plotH;
  const r = (v: number) => Math.round(v * 10) / 10;
  const grid = [0, top / 2, top]
    .map(
      (v) =>
        `<line class="grid" x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${r(y(v))}" y2="${r(y(v))}"/><text class="axis" x="${LEFT - 6}" y="${r(y(v)) + 4}" text-anchor="end">${esc(Number.isInteger(v) ? v : v.toFixed(1))}</text>`,
    )
    .join('');
  const lines = SERIES.map(({ key }) => {
    const points = nights.map((n, i) => `${r(x(i))},${r(y(n[key]))}`);
    const markers = nights.map((n, i) => marker(key, r(x(i)), r(y(n[key])))).join('');
    return `<g class="series ${key}">${nights.length > 1 ? `<polyline points="${points.join(' ')}"/>` : ''}${markers}</g>`;
  }).join('');
  const labels = `<text class="axis" x="${LEFT}" y="${HEIGHT - 6}" text-anchor="start">${esc(day(nights[0]!.at))}</text>${
    nights.length > 1
      ? `<text class="axis" x="${WIDTH - RIGHT}" y="${HEIGHT - 6}" text-anchor="end">${esc(day(nights.at(-1)!.at))}</text>`
      : ''
  }`;
  const legend = SERIES.map(
    ({ key, label }) =>
      `<span class="key ${key}"><svg viewBox="0 0 28 10" width="28" height="10" aria-hidden="true" focusable="false"><g class="series ${key}"><line x1="1" x2="27" y1="5" y2="5"/>${marker(key, 14, 5)}</g></svg> ${label}</span>`,
  ).join(' ');
  const rows = nights
    .map(
      (n) =>
        `<tr><th scope="row">${esc(day(n.at))}</th><td>${n.dead}</td><td>${n.moved}</td><td>${n.unverified}</td></tr>`,
    )
    .join('\n');
  return `<figure class="nights">
<figcaption>Dead, moved and unverified links, the last ${nights.length} ${nights.length === 1 ? 'night' : 'nights'}: ${legend}</figcaption>
<svg class="chart" viewBox="0 0 ${WIDTH} ${HEIGHT}" aria-hidden="true" focusable="false">${grid}${lines}${labels}</svg>
<table class="visually-hidden" id="nights-table">
<caption>Dead, moved and unverified links, night by night</caption>
<thead><tr><th scope="col">Night</th><th scope="col">Dead</th><th scope="col">Moved</th><th scope="col">Unverified</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</figure>
`;
}

/** Each series its own marker shape, so the lines tell apart in black and white. */
function marker(key: (typeof SERIES)[number]['key'], cx: number, cy: number): string {
  if (key === 'dead') return `<circle cx="${cx}" cy="${cy}" r="3"/>`;
  if (key === 'moved') return `<rect x="${cx - 3}" y="${cy - 3}" width="6" height="6"/>`;
  return `<path d="M${cx} ${cy - 3.5}L${cx + 3.5} ${cy + 3}L${cx - 3.5} ${cy + 3}Z"/>`;
}

/** The chart's style, added to the report's own (one stylesheet, allowed by its hash). */
export const CHART_STYLE = `
.nights { margin: 1rem 0; max-width: 40rem; }
.nights figcaption { font-size: .85rem; margin-bottom: .25rem; }
.nights .key { white-space: nowrap; }
.chart { width: 100%; height: auto; display: block; }
.chart .grid { stroke: var(--line); stroke-width: 1; }
.chart .axis { font: 11px system-ui, sans-serif; fill: currentColor; }
.series polyline, .series line { fill: none; stroke-width: 2; }
.series.dead polyline, .series.dead line { stroke: var(--dead); }
.series.dead circle { fill: var(--dead); }
.series.moved polyline, .series.moved line { stroke: var(--moved); stroke-dasharray: 6 3; }
.series.moved rect { fill: var(--moved); }
.series.unverified polyline, .series.unverified line { stroke: var(--unverified); stroke-dasharray: 2 3; }
.series.unverified path { fill: var(--unverified); }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
@media print {
  .nights { max-width: 110mm; }
  .series polyline, .series line { stroke: #000 !important; }
  .series circle, .series rect, .series path { fill: #000 !important; }
  .chart .grid { stroke: #999; }
}
`;
