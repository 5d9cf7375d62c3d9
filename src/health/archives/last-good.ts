/**
 * Which captures of a dead link are good, whatever archive holds them: the newest *good* capture from before the link
 * died is offered — not the latest, which is often the 404 or the parking page itself — each capture judged with the
 * same rules as a live page.
 *
 * An organisation's old domain, long lapsed, is the case readers meet most: its last years of captures are a
 * parking page, a domain seller's, or spam, and the good ones are years earlier. So a provider lists its captures
 * one a month back from the death, and the boundary between the good years and the bad ones is found by bisection
 * (a page once gone stays gone): about eight capture reads for twenty years of months, and never more than
 * MAX_CAPTURE_READS a link. A capture is bad when it is an error, a bot wall, a page that says it is missing, a
 * parked or for-sale domain, the site's home page standing in for a deep page, or off-topic: no longer the
 * organisation's page (AlNoamany, Weigle & Nelson 2016: similarity to the first capture below 0.10 with the text
 * down by more than 85%).
 */
import { botWallEvidence } from '../bot-wall.ts';
import { readPage, type PageText } from '../page-text.ts';
import { parkedEvidence } from '../parked.ts';
import { isRootLike, pageSaysMissing, pageSimilarity, SAME_PAGE_SIMILARITY } from '../soft404.ts';
import type { Exchange } from '../transport.ts';

/** Captures read for one link at most: politeness toward the archive, which the per-host queue also paces. */
export const MAX_CAPTURE_READS = 12;
/** The first web archive opened in 1996 (InternetArchiveBot rejects earlier timestamps too). */
const FIRST_CAPTURE_YEAR = 1996;
/** AlNoamany et al.'s thresholds for a capture that has gone off-topic. */
const OFF_TOPIC_SIMILARITY = 0.1;
const OFF_TOPIC_TEXT_DROP = 0.85;

export function toTimestamp(d: Date): string {
  return d.toISOString().replace(/\D/g, '').slice(0, 14);
}

export function isPlausibleTimestamp(ts: string, notAfter: Date): boolean {
  if (!/^\d{14}$/.test(ts)) return false;
  const year = Number(ts.slice(0, 4));
  const month = Number(ts.slice(4, 6));
  const day = Number(ts.slice(6, 8));
  if (year < FIRST_CAPTURE_YEAR || month < 1 || month > 12 || day < 1 || day > 31) return false;
  return ts <= toTimestamp(new Date(notAfter.getTime() + 86_400_000));
}

/** One capture as read from the archive. */
export interface CaptureRead {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** The address it is a capture of. */
  url: string;
  /** Null for a capture that is not a page (a PDF, an image). */
  page: PageText | null;
}

/** The capture an exchange with the archive brought, or null when it brought none. */
export function captureRead(ex: Exchange, address: string): CaptureRead | null {
  if (ex.failure || ex.status === null || ex.status < 200 || ex.status >= 300) return null;
  return {
    status: ex.status,
    headers: ex.headers,
    body: ex.body,
    url: address,
    page: ex.body ? readPage(ex.body) : null,
  };
}

/** What the judge asks of the archive. */
export interface CaptureSource {
  /** Its capture of `address` at `timestamp`, or null when it could not be read. */
  read(timestamp: string, address: string): Promise<CaptureRead | null>;
  /** The link's first good-status capture, what the organisation's page looked like; null when unknown. */
  earliest(url: string): Promise<string | null>;
}

export interface CaptureJudge {
  /** The link is a deep page (not its site's home page), so its captures may be the home page standing in. */
  deep: boolean;
  /** Not an error, a bot wall, a missing or parked page, nor off-topic against the first capture. */
  isGood(timestamp: string): Promise<boolean>;
  /** Not the site's home page as read at the same moment (always true for a home page). */
  notHomeInstead(timestamp: string): Promise<boolean>;
}

/**
 * Judges captures of one link, reading each at most once and MAX_CAPTURE_READS in all. The first capture listed
 * for the link is the organisation's page as it was; a candidate that no longer resembles it is off-topic.
 */
export function captureJudge(url: string, source: CaptureSource): CaptureJudge {
  let reads = 0;
  const pages = new Map<string, Promise<CaptureRead | null>>();
  const read = (timestamp: string, address = url): Promise<CaptureRead | null> => {
    const key = `${timestamp} ${address}`;
    let p = pages.get(key);
    if (!p) {
      if (reads >= MAX_CAPTURE_READS) return Promise.resolve(null);
      reads++;
      p = source.read(timestamp, address);
      pages.set(key, p);
    }
    return p;
  };
  let earliest: Promise<string | null> | null = null;
  let deep = false;
  try {
    deep = !isRootLike(new URL(url));
  } catch {
    // not an address: nothing is read anyway
  }
  return {
    deep,
    isGood: async (timestamp) => {
      const capture = await read(timestamp);
      if (!capture) return false;
      if (capture.page === null) return true; // a PDF or an image: its status said it all
      if (
        botWallEvidence(capture.status, capture.headers, capture.page) ||
        pageSaysMissing(capture.page) ||
        parkedEvidence(capture.page, []).parked
      )
        return false;
      const firstTs = await (earliest ??= source.earliest(url));
      if (firstTs && firstTs !== timestamp) {
        const first = await read(firstTs);
        if (first?.page && offTopic(capture.page, first.page)) return false;
      }
      return true;
    },
    notHomeInstead: async (timestamp) => {
      if (!deep) return true;
      const capture = await read(timestamp);
      if (!capture?.page) return true;
      const home = await read(timestamp, new URL('/', url).href);
      if (!home?.page) return true;
      // Both read alike: the same words (of either address) left out of each, and the same bytes the same page.
      return capture.body !== home.body && pageSimilarity(capture, home, true) < SAME_PAGE_SIMILARITY;
    },
  };
}

/**
 * The newest good capture among `newestFirst`: the newest first; when it is bad, the boundary between the bad
 * captures since the death and the good ones before is found by bisection (a page once gone stays gone). Null when
 * the oldest is bad too.
 */
export async function newestGood(
  newestFirst: readonly string[],
  isGood: (timestamp: string) => Promise<boolean>,
): Promise<string | null> {
  if (newestFirst.length === 0) return null;
  if (await isGood(newestFirst[0]!)) return newestFirst[0]!;
  let lo = 1;
  let hi = newestFirst.length - 1;
  if (hi < lo || !(await isGood(newestFirst[hi]!))) return null;
  // newestFirst[lo - 1] is bad and newestFirst[hi] is good: the first good one lies in (lo - 1, hi].
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (await isGood(newestFirst[mid]!)) hi = mid;
    else lo = mid + 1;
  }
  return newestFirst[hi]!;
}

/** AlNoamany et al. 2016: no longer resembling the first capture, with most of its text gone. */
function offTopic(candidate: PageText, first: PageText): boolean {
  if (first.words.length === 0) return false;
  const drop = 1 - candidate.words.length / first.words.length;
  return termCosine(candidate.words, first.words) < OFF_TOPIC_SIMILARITY && drop > OFF_TOPIC_TEXT_DROP;
}

/** Cosine similarity of two texts' word counts. */
function termCosine(a: readonly string[], b: readonly string[]): number {
  const count = (words: readonly string[]) => {
    const m = new Map<string, number>();
    for (const w of words) m.set(w, (m.get(w) ?? 0) + 1);
    return m;
  };
  const ca = count(a);
  const cb = count(b);
  let dot = 0;
  for (const [w, n] of ca) dot += n * (cb.get(w) ?? 0);
  const norm = (m: Map<string, number>) => Math.sqrt([...m.values()].reduce((s, n) => s + n * n, 0));
  const d = norm(ca) * norm(cb);
  return d === 0 ? 0 : dot / d;
}
