/** What changed since the previous run, and the nights kept for the chart (src/cli/audit-nights.ts). */
import { describe, expect, it } from 'vitest';
import {
  chartNights,
  NIGHTS_KEPT,
  previousNight,
  sinceLastRun,
  withTonight,
  type Night,
} from '../../src/cli/audit-nights.ts';
import type { Verdict } from '../../src/health/verdict.ts';

const at = (day: number, hour = 2) => new Date(Date.UTC(2026, 11, day, hour, 30));
const tonight = (entries: Record<string, Verdict>) => new Map(Object.entries(entries));

/** Runs the nights in order, each filed as the audit files a complete run. */
function nightsOf(runs: Array<[Date, Record<string, Verdict>]>): Night[] {
  let nights: Night[] = [];
  for (const [when, verdicts] of runs) nights = withTonight(nights, tonight(verdicts), when);
  return nights;
}

describe('sinceLastRun', () => {
  it('on the first run there is nothing to compare with, and every dead link is new', () => {
    expect(sinceLastRun([], tonight({ a: 'dead', b: 'alive' }), at(1))).toEqual({
      previousRunAt: null,
      newlyDead: ['a'],
      newlyMoved: [],
      recovered: [],
      stillDead: [],
    });
  });

  it('tells newly dead, newly moved, recovered and still dead for so many nights', () => {
    const nights = nightsOf([
      [at(1), { a: 'alive', b: 'alive', c: 'dead', d: 'dead', e: 'moved' }],
      [at(2), { a: 'alive', b: 'alive', c: 'dead', d: 'dead', e: 'moved' }],
    ]);
    const since = sinceLastRun(
      nights,
      tonight({ a: 'dead', b: 'moved', c: 'dead', d: 'alive', e: 'moved', f: 'dead' }),
      at(3),
    );
    expect(since).toEqual({
      previousRunAt: at(2).toISOString(),
      newlyDead: ['a', 'f'],
      newlyMoved: ['b'],
      recovered: ['d'],
      stillDead: [{ url: 'c', nights: 3 }],
    });
  });

  it('a link unverified tonight is neither recovered nor dead: it waits for evidence', () => {
    const nights = nightsOf([[at(1), { a: 'dead' }]]);
    expect(sinceLastRun(nights, tonight({ a: 'unverified' }), at(2))).toMatchObject({
      newlyDead: [],
      recovered: [],
      stillDead: [],
    });
  });

  it('a second run the same night compares with the night before, and replaces the first run', () => {
    const nights = nightsOf([
      [at(1), { a: 'alive' }],
      [at(2), { a: 'dead' }],
    ]);
    const morning = at(2, 9);
    expect(previousNight(nights, morning)?.at).toBe(at(1).toISOString());
    expect(sinceLastRun(nights, tonight({ a: 'dead' }), morning).newlyDead).toEqual(['a']);
    const after = withTonight(nights, tonight({ a: 'dead' }), morning);
    expect(after.map((n) => n.at)).toEqual([at(1).toISOString(), morning.toISOString()]);
  });
});

describe('withTonight and the chart', () => {
  it(`keeps ${NIGHTS_KEPT} nights, and charts the last 30 with their counts`, () => {
    let nights: Night[] = [];
    for (let d = 0; d < NIGHTS_KEPT + 5; d++)
      nights = withTonight(
        nights,
        tonight({ a: d % 2 ? 'dead' : 'alive', b: 'moved', c: 'unverified' }),
        new Date(Date.UTC(2026, 0, 1 + d, 2)),
      );
    expect(nights).toHaveLength(NIGHTS_KEPT);
    const chart = chartNights(nights);
    expect(chart).toHaveLength(30);
    expect(chart.at(-1)).toEqual({ at: nights.at(-1)!.at, dead: 0, moved: 1, unverified: 1 });
    expect(nights.at(-1)!.states).toEqual({ b: 'moved' });
  });
});
