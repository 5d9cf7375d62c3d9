/**
 * The engine: one URL in, one report out. Screening, a polite request with bounded retries, classification,
 * the soft-404 sibling probe, the offline check, confirmation over time, then the archive for the dead.
 * The extension and the CLI both call this, unchanged.
 */
import { normaliseUrl } from './address.ts';
import { screenUrl } from './screen.ts';
import type { ArchiveProvider } from './archive.ts';
import { classifyExchange, type Classified } from './classify.ts';
import { settle, type Finding } from './confirm.ts';
import type { ConnectivityProbe } from './connectivity.ts';
import { readPage } from './page-text.ts';
import { HostQueue, sleep } from './politeness.ts';
import { parseRetryAfter } from './retry-after.ts';
import { pageSimilarity, SAME_PAGE_SIMILARITY, siblingProbeUrl } from './soft404.ts';
import type { Exchange, FetchOptions, Transport } from './transport.ts';
import type { LinkHealth } from './link-health.ts';

export interface CheckerConfig {
  transport: Transport;
  connectivity: ConnectivityProbe;
  archive: ArchiveProvider | null;
  /** Shared between checkers that must be polite together (the CLI run, the background worker). */
  queue?: HostQueue;
  perHost?: number;
  concurrency?: number;
  timeoutMs?: number;
  maxBodyBytes?: number;
  maxRedirects?: number;
  allowPrivate?: boolean;
  userAgent?: string;
  /** Extra tries for failures that may pass (5xx, resets, timeouts), with exponential backoff. */
  retries?: number;
  /** Longest Retry-After we will wait inside one check; longer means "rate-limited" for now. */
  retryAfterCapMs?: number;
  /** Base backoff between tries (doubles each time, plus jitter). */
  backoffMs?: number;
  /** The organisation's current site for a dead link, when a directory knows it (src/directory). */
  newHomeFor?: (url: string) => string | null;
  now?: () => Date;
  random?: () => number;
}

export const DEFAULTS = {
  perHost: 2,
  concurrency: 128,
  timeoutMs: 20_000,
  maxBodyBytes: 256 * 1024,
  maxRedirects: 20, // as browsers
  retries: 2,
  retryAfterCapMs: 60_000, // lychee honours rate-limit headers up to 60 s
  backoffMs: 1_000,
} as const;

/** A meta refresh this quick is a redirect to a person (linkinator follows them too). */
const META_REFRESH_MAX_SECONDS = 10;

export interface Checker {
  check(url: string, previous?: LinkHealth): Promise<LinkHealth>;
  readonly queue: HostQueue;
}

export function createChecker(config: CheckerConfig): Checker {
  const queue =
    config.queue ??
    new HostQueue({ perHost: config.perHost ?? DEFAULTS.perHost, global: config.concurrency ?? DEFAULTS.concurrency });
  const now = config.now ?? (() => new Date());
  const random = config.random ?? Math.random;
  const retries = config.retries ?? DEFAULTS.retries;
  const retryAfterCap = config.retryAfterCapMs ?? DEFAULTS.retryAfterCapMs;
  const backoff = config.backoffMs ?? DEFAULTS.backoffMs;
  const fetchOptions: FetchOptions = {
    timeoutMs: config.timeoutMs ?? DEFAULTS.timeoutMs,
    maxBodyBytes: config.maxBodyBytes ?? DEFAULTS.maxBodyBytes,
    maxRedirects: config.maxRedirects ?? DEFAULTS.maxRedirects,
    allowPrivate: config.allowPrivate ?? false,
    ...(config.userAgent ? { userAgent: config.userAgent } : {}),
  };
  /** One sibling probe per site directory per checker: politeness, and the answer does not change within a run. */
  const probes = new Map<string, Promise<Exchange | null>>();

  async function request(url: string): Promise<Exchange> {
    const host = new URL(url).host;
    let ex: Exchange;
    for (let attempt = 0; ; attempt++) {
      ex = await queue.run(host, () => config.transport.fetch(url, fetchOptions));
      if (attempt >= retries) return ex;
      if (ex.status === 429) {
        const asked = parseRetryAfter(ex.headers['retry-after']);
        const wait = asked ?? backoff * 2 ** attempt;
        if (wait > retryAfterCap) return ex;
        queue.pause(host, wait);
        continue;
      }
      if (!mayPass(ex)) return ex;
      // A hung server already cost a full timeout: one more try is enough.
      if (ex.failure === 'timeout' && attempt >= 1) return ex;
      await sleep(backoff * 2 ** attempt * (1 + random() * 0.5));
    }
  }

  async function requestFollowingRefresh(url: string): Promise<Exchange> {
    let ex = await request(url);
    for (let i = 0; i < 3 && !ex.failure && ex.status !== null && ex.status < 300 && ex.body; i++) {
      const refresh = readPage(ex.body).metaRefresh;
      if (!refresh || refresh.delaySeconds > META_REFRESH_MAX_SECONDS) break;
      let target: string;
      try {
        target = new URL(refresh.url, ex.finalUrl).toString();
      } catch {
        break;
      }
      if (target === ex.finalUrl || !/^https?:/.test(target)) break;
      const screened = screenUrl(target, fetchOptions.allowPrivate);
      if (!screened.ok) break;
      const next = await request(target);
      const hop = { url: ex.finalUrl, status: ex.status, location: target, setsCookie: false };
      ex = { ...next, requestedUrl: ex.requestedUrl, hops: [...ex.hops.slice(0, -1), hop, ...next.hops] };
    }
    return ex;
  }

  async function siblingFinding(ex: Exchange, classified: Classified): Promise<Finding> {
    const page = new URL(ex.finalUrl);
    const key = page.origin + page.pathname.replace(/[^/]*$/, '');
    let probe = probes.get(key);
    if (!probe) {
      probe = request(siblingProbeUrl(page, random)).catch(() => null);
      probes.set(key, probe);
    }
    const answer = await probe;
    // The site says 404 (or anything but 200) for a made-up address: its 200 for ours means something.
    if (
      !answer ||
      answer.failure ||
      answer.status === null ||
      answer.status < 200 ||
      answer.status >= 300 ||
      !answer.body
    )
      return classified;
    const similarity = pageSimilarity({ body: ex.body, url: ex.finalUrl }, { body: answer.body, url: answer.finalUrl });
    if (similarity < SAME_PAGE_SIMILARITY) return classified;
    const probePage = readPage(answer.body);
    if (classified.page?.appShell || probePage.appShell) {
      return {
        kind: 'unclear',
        reason: 'cannot-tell',
        detail: 'the site answers every address with the same app; the page may or may not exist',
      };
    }
    return { kind: 'dead', reason: 'soft-404', detail: 'shows the same page the site shows for a made-up address' };
  }

  async function check(url: string, previous?: LinkHealth): Promise<LinkHealth> {
    const at = now();
    const screened = screenUrl(url, fetchOptions.allowPrivate);
    if (!screened.ok) {
      return {
        url,
        verdict: 'unverified',
        reason: screened.reason,
        detail: screened.detail,
        status: null,
        finalUrl: null,
        redirects: 0,
        newHome: null,
        archive: null,
        checkedAt: at.toISOString(),
        history: previous?.history ?? [],
        firstFailedAt: previous?.firstFailedAt ?? null,
        lastAliveAt: previous?.lastAliveAt ?? null,
      };
    }
    const address = normaliseUrl(screened.url);
    const ex = await requestFollowingRefresh(address);
    const classified = classifyExchange(ex);
    let finding: Finding = classified;
    if (classified.needsSiblingProbe) finding = await siblingFinding(ex, classified);
    // A failure is only news about the link when the rest of the network answers (connectivity.ts).
    if (finding.kind === 'failed' || finding.reason === 'no-such-domain' || finding.reason === 'bad-response') {
      if (!(await config.connectivity.isOnline())) {
        finding = {
          kind: 'offline',
          reason: 'offline',
          detail: 'this computer appears to be offline; nothing was concluded',
        };
      }
    }
    const settled = settle(previous, finding, at);
    let newHome = finding === classified ? classified.newHome : null;
    if (!newHome && settled.verdict === 'moved') newHome = ex.finalUrl;
    if (!newHome && (settled.verdict === 'dead' || settled.verdict === 'unverified'))
      newHome = config.newHomeFor?.(address) ?? null;
    let archive = null;
    if (settled.verdict === 'dead' && config.archive) {
      archive = previous?.verdict === 'dead' && previous.archive ? previous.archive : null;
      const before = new Date(settled.lastAliveAt ?? settled.firstFailedAt ?? at.toISOString());
      archive ??= await config.archive.lastGoodCapture(address, before);
    }
    return {
      url: address,
      verdict: settled.verdict,
      reason: settled.reason,
      detail: settled.detail,
      status: ex.status,
      finalUrl: ex.status === null && ex.hops.length === 0 ? null : ex.finalUrl,
      redirects: Math.max(0, ex.hops.length - 1),
      newHome,
      archive,
      checkedAt: at.toISOString(),
      history: settled.history,
      firstFailedAt: settled.firstFailedAt,
      lastAliveAt: settled.lastAliveAt,
    };
  }

  return { check, queue };
}

/** Failures worth another try within the same check. */
function mayPass(ex: Exchange): boolean {
  if (ex.failure)
    return ex.failure === 'reset' || ex.failure === 'timeout' || ex.failure === 'refused' || ex.failure === 'dns-error';
  return ex.status !== null && ex.status >= 500 && !ex.headers['cf-mitigated'];
}
