/**
 * `audit --save-alive`: while a resource lives, keep a recent capture of it in the Wayback Machine, so the archived
 * copy offered the day it dies is recent and known good rather than whatever was taken years ago. For each live
 * resource link with no capture in the last N months (the CDX index says when the last good one was), Save Page Now 2
 * is asked for a capture and its job followed to the end.
 *
 * The API as published (SPN2 docs, changelog of 2023-01-22; overcast07/wayback-machine-spn-scripts#20):
 *   POST <base>/save with `Authorization: LOW <access>:<secret>` (archive.org's S3-style keys) → {url, job_id}, or
 *   {status: "error", status_ext, message}; GET <base>/save/status/<job_id> → pending, success (with the capture's
 *   timestamp) or error; GET <base>/save/status/user → {available, daily_captures, daily_captures_limit}.
 * Its limits: captures a minute per user (12 when the changelog said so, 6 since late 2023 by its users' reports:
 *   one every 10 s here), concurrent sessions (error:user-session-limit, or HTTP 429: back off and try again later),
 *   a daily allowance. One capture at a time, a few a night (the rest wait for the nights after), and nothing past
 *   the run's own time bound.
 */
import type { Archiving } from '../report/model.ts';

/** What the audit remembers between nights of a link's captures, so the index is not asked every night. */
export interface CaptureMemory {
  url: string;
  /** The last good capture known (14 digits), or null when there is none. */
  lastCapture: string | null;
  /** When the index was last asked. */
  lookedAt: string;
}

export interface SaveAliveSettings {
  /** Save Page Now's base: https://web.archive.org, or an emulator's. */
  endpoint: string;
  /** The CDX API, where the last capture is looked up. */
  cdx: string;
  keys: { access: string; secret: string };
  olderThanMonths: number;
  perNight: number;
  now: () => Date;
  /** Ends the work early (the run's --max-time, Ctrl-C): what is under way is reported as it stands. */
  stop: AbortSignal;
  /** fetch, on the audit's network (its resolver, CA and headers). */
  fetch: (url: string, init?: RequestInit) => Promise<Response>;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  pace?: Partial<Pace>;
}

export interface Pace {
  /** Between two capture requests: 6 a minute. */
  gapMs: number;
  /** Between two looks at a job's status. */
  pollMs: number;
  /** A job still pending after this long is reported pending. */
  maxWaitMs: number;
  /** A back-off the API asks for without saying how long. */
  backOffMs: number;
  /** Back-offs tolerated in one run before the rest waits for another night. */
  maxBackOffs: number;
  /** How long a looked-up "no recent capture" is believed before asking the index again. */
  lookAgainMs: number;
}

export const PACE: Pace = {
  gapMs: 10_000,
  pollMs: 3_000,
  maxWaitMs: 120_000,
  backOffMs: 60_000,
  maxBackOffs: 3,
  lookAgainMs: 7 * 24 * 3_600_000,
};

/** The keys Save Page Now needs, from the environment; null when they are not both there. */
export function keysFromEnv(env: Record<string, string | undefined>): { access: string; secret: string } | null {
  const access = env.IA_ACCESS_KEY_ID?.trim();
  const secret = env.IA_SECRET_ACCESS_KEY?.trim();
  return access && secret ? { access, secret } : null;
}

const MONTH_MS = 30.44 * 24 * 3_600_000;

function timestampMs(ts: string): number {
  return Date.UTC(
    +ts.slice(0, 4),
    +ts.slice(4, 6) - 1,
    +ts.slice(6, 8),
    +ts.slice(8, 10),
    +ts.slice(10, 12),
    +ts.slice(12, 14),
  );
}

/** Why the night's saving ended before its list did: the API's own limits, said so. */
class StopTonight extends Error {}

/**
 * Captures for the live links that need one, at most `perNight`, oldest capture first. `memory` is updated in place
 * (what the index said, what was saved) for the cache to keep.
 */
export async function saveAlive(
  links: readonly string[],
  memory: Map<string, CaptureMemory>,
  settings: SaveAliveSettings,
): Promise<Archiving & { note: string | null }> {
  const pace = { ...PACE, ...settings.pace };
  const sleep = settings.sleep ?? wait;
  const base = settings.endpoint.replace(/\/+$/, '');
  const auth = { authorization: `LOW ${settings.keys.access}:${settings.keys.secret}`, accept: 'application/json' };
  const now = settings.now();
  const staleBefore = now.getTime() - settings.olderThanMonths * MONTH_MS;
  const out: Archiving & { note: string | null } = { captures: [], waiting: 0, note: null };

  // Which links need a capture: the index is asked only when what is known is old enough to have changed.
  const needing: Array<{ url: string; last: string | null }> = [];
  for (const url of [...new Set(links)].sort()) {
    if (settings.stop.aborted) break;
    let known = memory.get(url);
    const fresh = known?.lastCapture ? timestampMs(known.lastCapture) >= staleBefore : false;
    if (fresh) continue;
    if (!known || now.getTime() - Date.parse(known.lookedAt) >= pace.lookAgainMs) {
      const last = await lastCapture(settings, url);
      if (last === undefined) continue; // the index did not answer: ask again another night
      known = { url, lastCapture: last, lookedAt: now.toISOString() };
      memory.set(url, known);
      if (last && timestampMs(last) >= staleBefore) continue;
    }
    needing.push({ url, last: known.lastCapture });
  }
  needing.sort((a, b) => (a.last ?? '').localeCompare(b.last ?? '') || a.url.localeCompare(b.url));
  if (!needing.length) return out;

  try {
    // No more tonight than the night's share, nor than what is left of today's allowance for these keys.
    const left = await allowance(settings, base, auth);
    const tonight = needing.slice(0, Math.min(settings.perNight, left));
    out.waiting = needing.length - tonight.length;
    let lastRequest = -Infinity;
    let backOffs = 0;
    for (let i = 0; i < tonight.length; i++) {
      const { url } = tonight[i]!;
      if (settings.stop.aborted) {
        out.waiting = needing.length - out.captures.length;
        out.note = 'the run ended before every capture was asked for; the rest wait for another night';
        break;
      }
      await sleep(Math.max(0, lastRequest + pace.gapMs - Date.now()), settings.stop);
      lastRequest = Date.now();
      const asked = await request(settings, `${base}/save`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          url,
          if_not_archived_within: `${Math.round(settings.olderThanMonths * 30.44)}d`,
          skip_first_archive: '1',
        }).toString(),
      });
      const limited = asked.status === 429 || asked.json?.status_ext === 'error:user-session-limit';
      if (limited) {
        if (++backOffs > pace.maxBackOffs)
          throw new StopTonight(
            'the Wayback Machine asked to slow down more than once; the rest wait for another night',
          );
        // The same link again after the pause the API asked for (Retry-After), or a minute.
        await sleep(retryAfterMs(asked.retryAfter) ?? pace.backOffMs, settings.stop);
        i--;
        continue;
      }
      if (asked.json?.status_ext === 'error:too-many-daily-captures') {
        // This address was captured many times today already: there is a recent capture.
        out.captures.push({ url, outcome: 'saved', timestamp: null, detail: 'captured several times today already' });
        continue;
      }
      const job = typeof asked.json?.job_id === 'string' ? asked.json.job_id : null;
      if (!job) {
        out.captures.push({ url, outcome: 'failed', timestamp: null, detail: apiWords(asked) });
        continue;
      }
      const done = await follow(settings, base, auth, job, pace, sleep);
      if (done.outcome === 'saved' && done.timestamp)
        memory.set(url, { url, lastCapture: done.timestamp, lookedAt: settings.now().toISOString() });
      out.captures.push({ url, ...done });
    }
  } catch (err) {
    if (!(err instanceof StopTonight) && !isAbort(err)) throw err;
    out.waiting = needing.length - out.captures.length;
    out.note =
      err instanceof StopTonight
        ? err.message
        : 'the run ended before every capture was asked for; the rest wait for another night';
  }
  return out;
}

/** The newest good capture's timestamp; null when there is none; undefined when the index did not answer. */
async function lastCapture(settings: SaveAliveSettings, url: string): Promise<string | null | undefined> {
  const query = new URLSearchParams({
    url,
    output: 'json',
    fl: 'timestamp',
    filter: 'statuscode:[23]..',
    limit: '-1',
    fastLatest: 'true',
  });
  const answer = await request(settings, `${settings.cdx}?${query}`, {});
  if (answer.status !== 200 || !Array.isArray(answer.rows)) return undefined;
  const rows = answer.rows.filter(
    (r): r is string[] => Array.isArray(r) && typeof r[0] === 'string' && /^\d{14}$/.test(r[0]),
  );
  return rows.at(-1)?.[0] ?? null;
}

/** The captures today's allowance for these keys still allows (Infinity when the API does not say); stops when spent. */
async function allowance(settings: SaveAliveSettings, base: string, auth: Record<string, string>): Promise<number> {
  const answer = await request(settings, `${base}/save/status/user`, { headers: auth });
  if (answer.status === 401 || answer.status === 403)
    throw new StopTonight('the Wayback Machine refused the keys (IA_ACCESS_KEY_ID, IA_SECRET_ACCESS_KEY)');
  const used = Number(answer.json?.daily_captures);
  const limit = Number(answer.json?.daily_captures_limit);
  if (!Number.isFinite(used) || !Number.isFinite(limit) || limit <= 0) return Infinity;
  if (used >= limit)
    throw new StopTonight(
      `today's allowance of ${limit} captures for these keys is spent; the rest wait for another night`,
    );
  return limit - used;
}

/** A job followed until it ends, or for maxWaitMs. */
async function follow(
  settings: SaveAliveSettings,
  base: string,
  auth: Record<string, string>,
  job: string,
  pace: Pace,
  sleep: (ms: number, signal: AbortSignal) => Promise<void>,
): Promise<{ outcome: 'saved' | 'pending' | 'failed'; timestamp: string | null; detail: string }> {
  const started = Date.now();
  for (;;) {
    await sleep(pace.pollMs, settings.stop);
    const answer = await request(settings, `${base}/save/status/${encodeURIComponent(job)}`, { headers: auth });
    const status = answer.json?.status;
    if (status === 'success') {
      const ts =
        typeof answer.json?.timestamp === 'string' && /^\d{14}$/.test(answer.json.timestamp)
          ? answer.json.timestamp
          : null;
      return {
        outcome: 'saved',
        timestamp: ts,
        detail: ts ? `captured ${ts.slice(0, 4)}-${ts.slice(4, 6)}-${ts.slice(6, 8)}` : 'captured',
      };
    }
    if (status === 'error') return { outcome: 'failed', timestamp: null, detail: apiWords(answer) };
    if (Date.now() - started >= pace.maxWaitMs)
      return { outcome: 'pending', timestamp: null, detail: `still being captured (job ${job.slice(0, 64)})` };
  }
}

interface Answer {
  status: number;
  json: Record<string, unknown> | null;
  rows: unknown[] | null;
  retryAfter: string | null;
}

async function request(settings: SaveAliveSettings, url: string, init: RequestInit): Promise<Answer> {
  let res: Response;
  try {
    res = await settings.fetch(url, { ...init, signal: settings.stop, redirect: 'manual' });
  } catch (err) {
    if (settings.stop.aborted || isAbort(err)) throw Object.assign(new Error('ended'), { name: 'AbortError' });
    return { status: 0, json: { message: (err as Error).message }, rows: null, retryAfter: null };
  }
  // An answer of the API's size: never a whole page read into memory.
  const text = (await res.text()).slice(0, 256 * 1024);
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(text);
  } catch {
    // an HTML error page: its status says enough
  }
  return {
    status: res.status,
    json: parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null,
    rows: Array.isArray(parsed) ? parsed : null,
    retryAfter: res.headers.get('retry-after'),
  };
}

/** The API's error as a short phrase: its code and message, cut and kept to one line. */
function apiWords(answer: Answer): string {
  const ext = typeof answer.json?.status_ext === 'string' ? answer.json.status_ext : '';
  const message = typeof answer.json?.message === 'string' ? answer.json.message : '';
  const said = [ext, message].filter(Boolean).join(': ') || (answer.status ? `HTTP ${answer.status}` : 'no answer');
  // eslint-disable-next-line no-control-regex
  return said.replace(/[\u0000-\u001f\u007f]+/g, ' ').slice(0, 200);
}

/** Retry-After in seconds or as a date, in milliseconds from now; null when absent or unreadable. */
function retryAfterMs(header: string | null): number | null {
  if (!header) return null;
  if (/^\d+$/.test(header.trim())) return Math.min(Number(header) * 1000, 15 * 60_000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.min(Math.max(0, at - Date.now()), 15 * 60_000);
}

function isAbort(err: unknown): boolean {
  return (err as { name?: string })?.name === 'AbortError' || (err as { name?: string })?.name === 'TimeoutError';
}

function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(Object.assign(new Error('ended'), { name: 'AbortError' }));
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(Object.assign(new Error('ended'), { name: 'AbortError' }));
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
