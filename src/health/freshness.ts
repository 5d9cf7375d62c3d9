/**
 * How long a verdict may stand without a new check, and which are worth keeping at all: two named profiles, one for
 * each way still-there is used. The engine decides what a link is; these decide when to ask again.
 */
import type { Verdict } from './verdict.ts';
import type { LinkHealth } from './link-health.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface FreshnessProfile {
  readonly name: 'browsing' | 'nightly-audit';
  /** How long a verdict stays fresh after its check. 0: never reused, always asked again. */
  freshFor(report: Pick<LinkHealth, 'verdict' | 'reason'>): number;
  /** Whether a verdict holds anything a later check can use; the others are not kept. */
  keeps(report: Pick<LinkHealth, 'reason'>): boolean;
}

/** Reasons that come from the address alone or from our own connection: they say nothing a later check needs. */
const SAYS_NOTHING_ABOUT_THE_LINK = new Set(['invalid-url', 'not-web-link', 'private-address', 'offline']);

/**
 * Browsing (the extension): a page should mark at once, and a site should not be asked on every visit.
 *   alive, moved — a week: InternetArchiveBot rechecks links it knows alive after 7 days;
 *   dead         — a day, so a site that comes back is seen soon;
 *   unverified   — an hour: the least certain verdict is the first to be asked again;
 *   offline      — five minutes: it says nothing about the link, only that this machine was off the network.
 * The user's "recheck working links every N hours" shortens, never lengthens, how long alive and moved are trusted.
 */
export function browsing(recheckHours?: number): FreshnessProfile {
  const freshFor: Record<Verdict, number> = { alive: 7 * DAY, moved: 7 * DAY, dead: DAY, unverified: HOUR };
  return {
    name: 'browsing',
    freshFor(report) {
      if (report.reason === 'offline') return 5 * MINUTE;
      const base = freshFor[report.verdict];
      return recheckHours && (report.verdict === 'alive' || report.verdict === 'moved')
        ? Math.min(base, recheckHours * HOUR)
        : base;
    },
    // The browser's store keeps every verdict it shows, offline ones too (briefly), so the page marks at once.
    keeps: () => true,
  };
}

/**
 * A nightly audit (`still-there audit --cache`): the confirmation rule needs failures on separate nights.
 *   unverified   — never reused: it is exactly the verdict that waits for another look (a transient failure is kept
 *                  as history for the rule, never served as an answer; lychee learnt this the hard way, its #1694);
 *   dead, moved  — a day, so a resurrected link is noticed the next night;
 *   alive        — a week, as InternetArchiveBot rechecks links it knows alive.
 * Each period is 4 hours short of whole days, so a run scheduled at the same hour every night (which starts a few
 * seconds or minutes earlier or later each time) always looks again on the day it is due.
 */
export const NIGHTLY_AUDIT: FreshnessProfile = {
  name: 'nightly-audit',
  freshFor(report) {
    const slack = 4 * HOUR;
    return { unverified: 0, dead: DAY - slack, moved: DAY - slack, alive: 7 * DAY - slack }[report.verdict];
  },
  keeps: (report) => !SAYS_NOTHING_ABOUT_THE_LINK.has(report.reason),
};

/** When a verdict checked at `checkedAt` stops being fresh, in milliseconds since the epoch. */
export function freshUntil(
  profile: FreshnessProfile,
  report: Pick<LinkHealth, 'verdict' | 'reason'>,
  checkedAt: number,
): number {
  return checkedAt + profile.freshFor(report);
}

/** Whether a verdict may stand at `now` without a new check. A check time in the future (a clock moved back) is never trusted. */
export function isFresh(
  profile: FreshnessProfile,
  report: Pick<LinkHealth, 'verdict' | 'reason' | 'checkedAt'>,
  now: number,
): boolean {
  const age = now - Date.parse(report.checkedAt);
  return age >= 0 && age < profile.freshFor(report);
}
