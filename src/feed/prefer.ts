/**
 * What a feed's verdict does for a page. A feed is someone else's evidence, the organisation's shared memory, not an
 * authority over what this browser saw itself: a verdict of our own checked later always wins, so a feed never makes
 * a link dead that our own newer check found alive (nor alive one we found dead since). And a feed strikes a link on
 * its own word only when it is signed by the key the organisation pinned for it (src/feed/signature.ts): an unsigned
 * feed's "dead" is a reason for this browser to look itself, and the mark comes from that look.
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

/**
 * `stands-in`: the feed's entry is what the page is shown (a signed feed's any verdict; an unsigned feed's verdicts
 * that strike nothing: alive, moved, unverified). `check-first`: an unsigned feed's fresh "dead", newer than what this
 * browser holds: nothing is shown of it, and this browser checks the link now. `none`: the feed has nothing to say
 * (stale, older than our own, or no entry). The browser's own checks run on their schedule in every case.
 */
export type FeedWord = 'stands-in' | 'check-first' | 'none';

export function feedWord(
  own: Pick<LinkHealth, 'checkedAt'> | undefined,
  feed: (Pick<LinkHealth, 'verdict' | 'reason' | 'checkedAt'> & { signed: boolean }) | undefined,
  now: number,
  recheckHours?: number,
): FeedWord {
  if (!feed || !feedStandsIn(own, feed, now, recheckHours)) return 'none';
  return feed.signed || feed.verdict !== 'dead' ? 'stands-in' : 'check-first';
}
