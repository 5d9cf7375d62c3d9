/**
 * What every format of the report opens with (src/report/*): the run's notices, what was not checked, and with a
 * cache what changed since the previous run; and the HTML report's chart of the nights with its table twin.
 */
import { describe, expect, it } from 'vitest';
import { nightsChart, scaleTop } from '../../src/report/chart.ts';
import { buildReport, type NightCounts } from '../../src/report/model.ts';
import { FORMATS, render } from '../../src/report/render.ts';

const DEAD = 'https://www.example.org/gone';
const report = buildReport({
  site: 'https://directory.example.org/',
  scope: 'resources',
  generatedAt: '2026-12-03T02:30:00.000Z',
  pages: ['https://directory.example.org/'],
  rows: [],
  notices: [{ kind: 'ended-early', text: 'The audit ended early: it read its limit of 25 pages (--max-pages).' }],
  skipped: [
    { why: 'not-a-resource', count: 12 },
    { why: 'excluded', count: 0 },
  ],
  sinceLastRun: {
    previousRunAt: '2026-12-02T02:30:00.000Z',
    newlyDead: [DEAD],
    newlyMoved: [],
    recovered: [],
    stillDead: [{ url: 'https://www.example.org/long-gone', nights: 4 }],
  },
  nights: [
    { at: '2026-12-01T02:30:00.000Z', dead: 1, moved: 0, unverified: 2 },
    { at: '2026-12-02T02:30:00.000Z', dead: 1, moved: 1, unverified: 0 },
    { at: '2026-12-03T02:30:00.000Z', dead: 2, moved: 1, unverified: 0 },
  ],
});

describe('every format', () => {
  it('json carries each as data', () => {
    const json = JSON.parse(render(report, 'json'));
    expect(json.notices).toEqual(report.notices);
    expect(json.skipped).toEqual([{ why: 'not-a-resource', count: 12 }]);
    expect(json.sinceLastRun.newlyDead).toEqual([DEAD]);
    expect(json.nights).toHaveLength(3);
  });

  it.each(FORMATS.filter((f) => f !== 'json'))(
    '%s opens with the notice, then what changed since the previous run',
    (format) => {
      const text = render(report, format);
      const notice = text.indexOf('The audit ended early');
      const since = text.search(/[Ss]ince the previous run/);
      expect(notice, format).toBeGreaterThanOrEqual(0);
      expect(since, format).toBeGreaterThan(notice);
      expect(text, format).toContain(
        format === 'csv' ? '' : '12 links not checked: not recognised as resources (--all checks them)',
      );
      expect(text, format).toContain(format === 'csv' ? '1 newly dead' : DEAD);
      // A count of nothing is not said.
      expect(text, format).not.toMatch(/0 links not checked: excluded/);
    },
  );
});

describe('the chart of the nights', () => {
  it('draws each series with its own dash and marker, hidden from screen readers, with a table of the same figures', () => {
    const html = nightsChart(report.nights!);
    expect(html).toMatch(/<svg class="chart" viewBox="0 0 600 170" aria-hidden="true" focusable="false">/);
    expect(html.match(/<g class="series (dead|moved|unverified)"><polyline /g)).toHaveLength(3);
    expect(html.match(/<circle /g)).toHaveLength(3 + 1); // one a night, and the legend's
    expect(html).not.toMatch(/<script|style="|on\w+=/);
    const rows = [
      ...html.matchAll(/<tr><th scope="row">([\d-]+)<\/th><td>(\d+)<\/td><td>(\d+)<\/td><td>(\d+)<\/td><\/tr>/g),
    ];
    expect(rows.map((m) => m.slice(1))).toEqual([
      ['2026-12-01', '1', '0', '2'],
      ['2026-12-02', '1', '1', '0'],
      ['2026-12-03', '2', '1', '0'],
    ]);
    expect(html).toContain('<caption>Dead, moved and unverified links, night by night</caption>');
  });

  it('has nothing to draw without nights, and a point without a line for one night', () => {
    expect(nightsChart([])).toBe('');
    const one: NightCounts[] = [{ at: '2026-12-01T02:30:00.000Z', dead: 0, moved: 0, unverified: 0 }];
    expect(nightsChart(one)).not.toContain('<polyline');
  });

  it('scales to a round number', () => {
    expect([0, 1, 3, 7, 12, 51, 100].map(scaleTop)).toEqual([1, 1, 5, 10, 20, 100, 100]);
  });

  it('is in the HTML report, under the style its Content-Security-Policy allows', () => {
    const html = render(report, 'html');
    expect(html).toContain('id="nights-table"');
    expect(html.indexOf('<figure class="nights">')).toBeLessThan(html.indexOf('<table id="links">'));
  });
});
