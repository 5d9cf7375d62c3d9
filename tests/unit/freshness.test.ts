/**
 * Honest dates on the card (src/directory/freshness.ts): a fact whose only sources are undated or more than three
 * years old says so; a year-dated source is old only once all of that year is more than three years back.
 */
import { describe, expect, it } from 'vitest';
import { factSources, freshness, routeSources } from '../../src/directory/freshness.ts';
import { allGroups } from '../../src/directory/groups.ts';

const TODAY = new Date('2026-12-07T12:00:00Z');

describe("a fact's freshness", () => {
  it('is fresh with one source from the last three years, whatever the others', () => {
    expect(freshness([null, '2012-06-20', '2025-10-02'], TODAY)).toEqual({ state: 'fresh', newest: '2025-10-02' });
  });

  it('is undated when no source gives a date', () => {
    expect(freshness([null, null], TODAY)).toEqual({ state: 'undated' });
    expect(freshness([], TODAY)).toEqual({ state: 'undated' });
  });

  it('is old when the newest source is more than three years back', () => {
    expect(freshness(['2012-06-20', null], TODAY)).toEqual({ state: 'old', newest: '2012-06-20' });
    expect(freshness(['2023-12-06'], TODAY)).toEqual({ state: 'old', newest: '2023-12-06' });
    expect(freshness(['2023-12-07'], TODAY).state).toBe('fresh');
  });

  it('reads a year or a month as its last day: "2023" may be December 2023', () => {
    expect(freshness(['2023'], TODAY).state).toBe('fresh');
    expect(freshness(['2023-11'], TODAY).state).toBe('old');
    expect(freshness(['2022'], TODAY).state).toBe('old');
  });
});

describe('in the directory', () => {
  const byId = (id: string) => allGroups().find((g) => g.id === id)!;

  it("warns where it should: loveisrespect's routes (2012), the Veterans Crisis Line's TTY (2020)", () => {
    const lir = byId('loveisrespect');
    for (const route of lir.routes)
      expect(
        freshness(
          routeSources(lir, route).map((s) => s.date),
          TODAY,
        ).state,
      ).toBe('old');
    const vcl = byId('veterans-crisis-line');
    const tty = vcl.routes.find((r) => r.way === 'tty')!;
    expect(
      freshness(
        routeSources(vcl, tty).map((s) => s.date),
        TODAY,
      ),
    ).toEqual({ state: 'old', newest: '2020-11-16' });
  });

  it("does not warn on the gambling helpline's 1-800-MY-RESET, read on a page checked in April 2026", () => {
    const ncpg = byId('national-problem-gambling-helpline');
    const reset = ncpg.routes.find((r) => r.way === 'call' && r.to === '1-800-MY-RESET')!;
    expect(
      freshness(
        routeSources(ncpg, reset).map((s) => s.date),
        TODAY,
      ),
    ).toEqual({ state: 'fresh', newest: '2026-04-28' });
  });

  it("warns on 988's Spanish call route too: its own page is undated and the dated ones are from July 2023", () => {
    const lifeline = byId('988-lifeline');
    const spanish = lifeline.routes.find((r) => r.press === '2')!;
    expect(
      freshness(
        routeSources(lifeline, spanish).map((s) => s.date),
        TODAY,
      ),
    ).toEqual({
      state: 'old',
      newest: '2023-07-14',
    });
  });

  it("names the sources behind a fact: Sex Addicts Anonymous's office phones rest on its 2008 fact file", () => {
    const saa = byId('sex-addicts-anonymous');
    expect(
      freshness(
        factSources(saa, 'phones').map((s) => s.date),
        TODAY,
      ),
    ).toEqual({ state: 'old', newest: '2008' });
  });
});
