/**
 * When a feed's verdict stands in for a check of our own. The feed is the organisation's shared memory, not an
 * authority over what this browser saw itself: a verdict of our own checked later always wins, so a feed never
 * makes a link dead that our own newer check found alive (nor alive one we found dead since).
 */
import { browsing, isFresh } from '../health/freshness.ts';
import type { LinkHealth } from '../health/link-health.ts';

/**
 * True when the feed's entry should be shown instead of what we hold (or as the first answer when we hold nothing),
 * with no check of our own: it must be fresh by the same rule as our own verdicts (a dead verdict for a day, an
 * alive one for a week or the user's shorter recheck period) and newer than our own.
 */
export function feedStandsIn(
  own: Pick<LinkHealth, 'checkedAt'> | undefined,
  feed: Pick<LinkHealth, 'verdict' | 'reason' | 'checkedAt'> | undefined,
  now: number,
  recheckHours?: number,
): boolean {
  if (!feed || !isFresh(browsing(recheckHours), feed, now)) return false;
  return !own || Date.parse(own.checkedAt) < Date.parse(feed.checkedAt);
}
