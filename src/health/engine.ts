/**
 * The engine, assembled once: the politeness queue, the connectivity rounds, the archive provider and the checker,
 * with one set of numbers. The command line (src/cli/engine.ts) and the extension's background
 * (src/background/start.ts) each pass what only they have — a transport, a way to tell that a well-known host was
 * reached, their limits — and get the same engine, so "dead" means the same thing everywhere.
 */
import { WaybackProvider, type WaybackEndpoints } from './archive.ts';
import { createChecker, DEFAULTS } from './checker.ts';
import { connectivityRounds, DEFAULT_ONLINE_HOSTS, type ReachesHost } from './connectivity.ts';
import { HostQueue, politely } from './politeness.ts';
import type { Transport } from './transport.ts';
import type { LinkHealth } from './link-health.ts';

export interface EngineConfig {
  transport: Transport;
  /**
   * Whether a well-known host was reached just now: positive evidence only (the command line: its name resolved;
   * a browser: it answered). Timeouts and unnamed failures are not reached (connectivity.ts).
   */
  reachesHost: ReachesHost;
  /** The well-known hosts tried when a failure needs telling apart from being offline. */
  onlineHosts?: string[];
  /** Where to look for archived copies of dead links; null: offer none. `trusted`: the user named it (a mirror on their network). */
  archive: { endpoints: WaybackEndpoints; trusted: boolean } | null;
  limits?: EngineLimits;
  allowPrivate?: boolean;
  /** The organisation's current site for a dead link, when the directory knows it (src/directory). */
  newHomeFor?: (url: string) => string | null;
  now?: () => Date;
  random?: () => number;
}

export interface EngineLimits {
  /** Per request, redirects and look-up included. */
  timeoutMs: number;
  /** Extra tries within one check for failures that may pass. */
  retries: number;
  /** Checks under way at once across all sites (never more than 2 per site). */
  concurrency: number;
}

/** The command line: a long run on a machine of its own, patient with slow servers. */
export const COMMAND_LINE_LIMITS: EngineLimits = {
  timeoutMs: DEFAULTS.timeoutMs,
  retries: DEFAULTS.retries,
  concurrency: DEFAULTS.concurrency,
};

/**
 * The extension's background: each request cut at 15 s, well inside the 30 s a Chrome service worker may sit
 * idle-looking before it is stopped; one retry, since the confirmation rule looks again over days
 * anyway; 16 checks at once, a browser's share of someone's machine.
 */
export const IN_BROWSER_LIMITS: EngineLimits = { timeoutMs: 15_000, retries: 1, concurrency: 16 };

export interface Engine {
  /** One link's report, given what was known before. Never throws: an engine fault is an unverified verdict that says so. */
  check(url: string, previous?: LinkHealth): Promise<LinkHealth>;
  /** Shared by every check of this engine, the archive's requests included. */
  readonly queue: HostQueue;
}

export function createEngine(config: EngineConfig): Engine {
  const limits = config.limits ?? COMMAND_LINE_LIMITS;
  const allowPrivate = config.allowPrivate ?? false;
  const now = config.now ?? (() => new Date());
  const queue = new HostQueue({ perHost: DEFAULTS.perHost, global: limits.concurrency });
  const fetchOptions = {
    timeoutMs: limits.timeoutMs,
    maxBodyBytes: DEFAULTS.maxBodyBytes,
    maxRedirects: DEFAULTS.maxRedirects,
    allowPrivate,
  };
  // The archive's requests wait in the same per-host queue as the checks: web.archive.org is a site like any other.
  const archive = config.archive
    ? new WaybackProvider(politely(config.transport, queue), config.archive.endpoints, {
        ...fetchOptions,
        allowPrivate: allowPrivate || config.archive.trusted,
      })
    : null;
  const checker = createChecker({
    transport: config.transport,
    connectivity: connectivityRounds(config.reachesHost, config.onlineHosts ?? DEFAULT_ONLINE_HOSTS),
    archive,
    queue,
    timeoutMs: limits.timeoutMs,
    retries: limits.retries,
    maxBodyBytes: fetchOptions.maxBodyBytes,
    maxRedirects: fetchOptions.maxRedirects,
    allowPrivate,
    now,
    ...(config.newHomeFor ? { newHomeFor: config.newHomeFor } : {}),
    ...(config.random ? { random: config.random } : {}),
  });
  return {
    queue,
    async check(url, previous) {
      try {
        return await checker.check(url, previous);
      } catch (err) {
        // An engine fault must not wedge a queue or end a run: say so, unverified, and keep what was known.
        return {
          ...(previous ?? blankReport(url)),
          verdict: 'unverified',
          reason: 'bad-response',
          detail: `could not be checked: ${(err as Error)?.message ?? String(err)}`,
          checkedAt: now().toISOString(),
        };
      }
    },
  };
}

function blankReport(url: string): LinkHealth {
  return {
    url,
    verdict: 'unverified',
    reason: 'bad-response',
    detail: '',
    status: null,
    finalUrl: null,
    redirects: 0,
    newHome: null,
    archive: null,
    checkedAt: '',
    history: [],
    firstFailedAt: null,
    lastAliveAt: null,
  };
}
