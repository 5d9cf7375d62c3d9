/**
 * Confirmation over time: a failure that may pass (5xx, timeout, reset, refused) makes a link dead only when it
 * keeps failing across separate checks spread over time.
 *
 * The rule, from the two checkers with the longest records (each project's documentation):
 *   InternetArchiveBot — dead after 3 consecutive failed checks, each ≥ 3 days apart; any success resets.
 *   WP Broken Link Checker — "maybe temporary" failures become broken after 3 consecutive failures or 24 h.
 * Ours: dead after FAILURES_NEEDED consecutive failures, counting only failures at least MIN_SPACING_HOURS after
 * the previous counted one (so ≥ 24 h from first to last), with any success resetting the count. A nightly audit
 * therefore calls a flaky link dead on the third night, never from one bad evening; a page opened ten times in
 * an hour counts once. Answers that prove nothing (bot walls, rate limits, offline) neither count nor reset.
 */
import type { Reason, Verdict } from './verdict.ts';
import { HISTORY_LIMIT, type LinkHealth, type Observation } from './link-health.ts';

export const FAILURES_NEEDED = 3;
export const MIN_SPACING_HOURS = 12;

/** What one check found, before history is considered. */
export interface Finding {
  kind: 'alive' | 'moved' | 'dead' | 'failed' | 'unclear' | 'offline';
  reason: Reason;
  detail: string;
}

export interface Settled {
  verdict: Verdict;
  reason: Reason;
  detail: string;
  history: Observation[];
  firstFailedAt: string | null;
  lastAliveAt: string | null;
  /** Counted failures so far in the current run (for the "unverified: failed 2 of 3 checks" description). */
  countedFailures: number;
}

type Previous = Pick<LinkHealth, 'history' | 'firstFailedAt' | 'lastAliveAt'> | undefined;

export function settle(previous: Previous, finding: Finding, now: Date): Settled {
  const at = now.toISOString();
  const history = [...(previous?.history ?? [])];
  let firstFailedAt = previous?.firstFailedAt ?? null;
  let lastAliveAt = previous?.lastAliveAt ?? null;
  const done = (verdict: Verdict, outcome: Observation['outcome'] | null, detail = finding.detail): Settled => {
    if (outcome) history.push({ at, outcome, reason: finding.reason });
    while (history.length > HISTORY_LIMIT) history.shift();
    return {
      verdict,
      reason: finding.reason,
      detail,
      history,
      firstFailedAt,
      lastAliveAt,
      countedFailures: countFailures(history),
    };
  };

  switch (finding.kind) {
    case 'alive':
    case 'moved':
      firstFailedAt = null;
      lastAliveAt = at;
      return done(finding.kind, 'ok');
    case 'dead':
      firstFailedAt ??= at;
      return done('dead', 'dead');
    case 'offline':
      // Nothing was learned about the link: record nothing, keep the history as it was.
      return done('unverified', null);
    case 'unclear':
      return done('unverified', 'unclear');
    case 'failed': {
      firstFailedAt ??= at;
      history.push({ at, outcome: 'failed', reason: finding.reason });
      const counted = countFailures(history);
      const settled = done(counted >= FAILURES_NEEDED ? 'dead' : 'unverified', null);
      if (settled.verdict === 'unverified') {
        settled.detail = `${finding.detail}; ${counted} of ${FAILURES_NEEDED} failed checks needed to call it dead`;
      } else {
        settled.detail = `${finding.detail}; failed ${counted} checks since ${firstFailedAt.slice(0, 10)}`;
      }
      return settled;
    }
  }
}

/**
 * Failures since the last success or clear death, counting one only when it comes MIN_SPACING_HOURS or more
 * after the previous counted one. "Unclear" answers are skipped over.
 */
export function countFailures(history: Observation[]): number {
  const spacing = MIN_SPACING_HOURS * 3_600_000;
  let start = 0;
  for (let i = history.length - 1; i >= 0; i--) {
    const o = history[i];
    if (o && (o.outcome === 'ok' || o.outcome === 'dead')) {
      start = i + 1;
      break;
    }
  }
  let counted = 0;
  let lastCounted = -Infinity;
  for (const o of history.slice(start)) {
    if (o.outcome !== 'failed') continue;
    const t = Date.parse(o.at);
    if (t - lastCounted >= spacing) {
      counted++;
      lastCounted = t;
    }
  }
  return counted;
}
