/**
 * How long a verdict stays fresh. Alive links are rechecked after a week (InternetArchiveBot rechecks known-good
 * links after 7 days); dead ones daily, so a site that comes back is seen soon; unverified ones hourly, since they
 * are the least certain; offline answers after 5 minutes, as they say nothing about the link.
 */
import type { Verdict } from '../health/verdict.ts';

const HOUR = 3_600_000;

export const FRESH_FOR: Record<Verdict, number> = {
  alive: 7 * 24 * HOUR,
  moved: 7 * 24 * HOUR,
  dead: 24 * HOUR,
  unverified: HOUR,
};

export const OFFLINE_FRESH_FOR = 5 * 60_000;

export function expiresAt(verdict: Verdict, reason: string, checkedAt: number, recheckHours?: number): number {
  if (reason === 'offline') return checkedAt + OFFLINE_FRESH_FOR;
  const base = FRESH_FOR[verdict];
  // The user's recheck interval shortens (never lengthens) how long an alive verdict is trusted.
  const span = recheckHours && (verdict === 'alive' || verdict === 'moved') ? Math.min(base, recheckHours * HOUR) : base;
  return checkedAt + span;
}
