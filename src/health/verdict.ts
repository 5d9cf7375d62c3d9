/**
 * The vocabulary of link health, shared by the extension, the CLI and the audit: verdicts, reasons, outcomes.
 * One source of truth for what "dead" means: everything else only displays these. What is known about one link, and
 * the shapes it travels in, are link-health.ts's.
 */

/**
 * What a person would experience following the link, worst first: the order an editor works through a worklist and
 * the order every count is written in.
 */
export const VERDICTS = ['dead', 'moved', 'unverified', 'alive'] as const;
export type Verdict = (typeof VERDICTS)[number];

export function isVerdict(value: unknown): value is Verdict {
  return (VERDICTS as readonly unknown[]).includes(value);
}

/** A count for each verdict, all at zero, in worklist order. */
export function zeroCounts(): Record<Verdict, number> {
  return { dead: 0, moved: 0, unverified: 0, alive: 0 };
}

/** Reasons that, on their own, prove a link no longer leads to its resource. */
export const CLEAR_DEAD_REASONS = [
  'not-found', // 404
  'gone', // 410
  'no-such-domain', // the name does not resolve, while other names do
  'soft-404', // answers 200 but shows an error page or the home page instead
  'parked', // the domain is parked or for sale
  'redirect-loop', // the redirects never end
] as const;

/** Failures that may pass (a restart, an outage): dead only after the confirmation rule (confirm.ts). */
export const PASSING_FAILURE_REASONS = [
  'server-error', // 5xx
  'timeout',
  'reset', // connection dropped mid-answer
  'refused', // nothing listening: often a restart, so confirmed over time before calling it dead
  'dns-error', // the resolver could not answer for now (not "no such name")
] as const;

/** Answers that say nothing about whether a person could use the link. Never dead. */
export const UNCLEAR_REASONS = [
  'bot-wall', // a challenge page for robots (Cloudflare, AWS WAF, LinkedIn 999 …): a person gets through
  'rate-limited', // 429 even after waiting as asked
  'forbidden', // 403 and friends without a known bot wall
  'login-required', // 401, or a redirect to a sign-in page
  'tls-error', // certificate problem: a person can still choose to continue
  'needs-cookies', // redirects loop only because we send no cookies
  'cannot-tell', // e.g. a single-page app that answers every address with the same shell
  'bad-response', // the server's answer could not be understood
  'offline', // this machine is off the network: nothing can be judged, nothing is recorded
  'not-web-link', // mailto:, tel:, javascript:, data:, file: … are never fetched
  'private-address', // localhost, private or link-local addresses are not fetched unless allowed
  'invalid-url',
] as const;

export type DeadReason = (typeof CLEAR_DEAD_REASONS)[number] | (typeof PASSING_FAILURE_REASONS)[number];
export type UnclearReason = (typeof UNCLEAR_REASONS)[number] | (typeof PASSING_FAILURE_REASONS)[number];
export type Reason = 'ok' | 'moved' | DeadReason | UnclearReason;

export const ALL_REASONS: readonly Reason[] = [
  'ok',
  'moved',
  ...CLEAR_DEAD_REASONS,
  ...PASSING_FAILURE_REASONS,
  ...UNCLEAR_REASONS,
];

/** A Wayback Machine capture offered in place of a dead link. */
export interface ArchiveCapture {
  /** Always https://web.archive.org/web/<timestamp>/<original>: built by us, never copied from a response. */
  url: string;
  /** 14 digits, YYYYMMDDhhmmss (UTC). */
  timestamp: string;
}

/** What one check came to, as the confirmation rule remembers it (confirm.ts). */
export const OUTCOMES = ['ok', 'failed', 'dead', 'unclear'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export function isClearDeadReason(reason: Reason): boolean {
  return (CLEAR_DEAD_REASONS as readonly string[]).includes(reason);
}

export function isPassingFailure(reason: Reason): boolean {
  return (PASSING_FAILURE_REASONS as readonly string[]).includes(reason);
}
