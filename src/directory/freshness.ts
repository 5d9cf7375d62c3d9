/**
 * Whether a fact can be leaned on today: a fact whose only sources are undated, or dated more than three years
 * ago, is shown with a plain warning ("check it before relying on it"). A number that worked when a 2012 page was
 * written is a lead, not a promise.
 */
import type { Fact, Group, Route, Source } from './group.ts';

/** Three years: older sources are said to be old. */
export const STALE_AFTER_YEARS = 3;

export type Freshness = { state: 'fresh'; newest: string } | { state: 'undated' } | { state: 'old'; newest: string };

/**
 * The last day a source's date can mean: "2023" may be 31 Dec 2023, so a year-dated page is old only once the
 * whole year is more than three years back (be right before being loud).
 */
function lastDayOf(date: string): string {
  if (/^\d{4}$/.test(date)) return `${date}-12-31`;
  if (/^\d{4}-\d{2}$/.test(date)) {
    const [y, m] = date.split('-').map(Number) as [number, number];
    return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  }
  return date;
}

/** The freshness of a fact from the dates of the sources that give it, as of `today`. */
export function freshness(dates: ReadonlyArray<string | null>, today: Date): Freshness {
  const dated = dates.filter((d): d is string => d !== null).sort((a, b) => lastDayOf(b).localeCompare(lastDayOf(a)));
  const newest = dated[0];
  if (newest === undefined) return { state: 'undated' };
  const limit = new Date(today);
  limit.setUTCFullYear(limit.getUTCFullYear() - STALE_AFTER_YEARS);
  return lastDayOf(newest) < limit.toISOString().slice(0, 10) ? { state: 'old', newest } : { state: 'fresh', newest };
}

/** The sources a route cites, as the record lists them. */
export function routeSources(group: Pick<Group, 'sources'>, route: Pick<Route, 'cites'>): Source[] {
  return group.sources.filter((s) => route.cites.includes(s.url));
}

/** The sources that give one of the record's facts. */
export function factSources(group: Pick<Group, 'sources'>, fact: Fact): Source[] {
  return group.sources.filter((s) => s.facts.includes(fact));
}
