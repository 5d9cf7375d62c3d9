/**
 * Archived alternatives for dead links, one provider per archive (as dessant/web-archives does). The Wayback
 * Machine provider offers the newest *good* capture from before the link died — not the latest, which is often
 * the 404 or the parking page itself — judging each capture it reads with the same rules as a live page.
 *
 * An organisation's old domain, long lapsed, is the case readers meet most: its last years of captures are a
 * parking page, a domain seller's, or spam, and the good ones are years earlier. So the capture index is listed
 * one capture a month back from the death, and the boundary between the good years and the bad ones is found by
 * bisection (a page once gone stays gone): about eight capture reads for twenty years of months, and never more
 * than MAX_CAPTURE_READS a link. A capture is bad when it is an error, a bot wall, a page that says it is missing,
 * a parked or for-sale domain, the site's home page standing in for a deep page (the same content as the home
 * page's capture of that month, or, for the one offered, as the home page read at that moment), or off-topic: no
 * longer the organisation's page (AlNoamany, Weigle & Nelson 2016: similarity to the first capture below 0.10 with
 * the text down by more than 85%).
 */
import { readPage, type PageText } from './page-text.ts';
import { parkedEvidence } from './parked.ts';
import { botWallEvidence } from './bot-wall.ts';
import { isRootLike, pageSaysMissing, pageSimilarity, SAME_PAGE_SIMILARITY } from './soft404.ts';
import type { FetchOptions, Transport } from './transport.ts';
import type { ArchiveCapture } from './verdict.ts';

export interface ArchiveProvider {
  readonly name: string;
  /** The last good capture of url taken at or before `before`, or null. Never throws. */
  lastGoodCapture(url: string, before: Date): Promise<ArchiveCapture | null>;
}

export interface WaybackEndpoints {
  /** Availability API, e.g. https://archive.org/wayback/available */
  availability: string;
  /** CDX API, e.g. https://web.archive.org/cdx/search/cdx */
  cdx: string;
  /** Where captures are fetched to be checked: <replay>/<timestamp>id_/<url> */
  replay: string;
}

export const WAYBACK_DEFAULT: WaybackEndpoints = {
  availability: 'https://archive.org/wayback/available',
  cdx: 'https://web.archive.org/cdx/search/cdx',
  replay: 'https://web.archive.org/web',
};

/** One base for all three APIs: what --archive-endpoint sets (an emulator, a mirror). */
export function waybackAt(base: string): WaybackEndpoints {
  const b = base.replace(/\/+$/, '');
  return { availability: `${b}/wayback/available`, cdx: `${b}/cdx/search/cdx`, replay: `${b}/web` };
}

/** The only form of archive link we ever show: built from a validated timestamp, never copied from a response. */
export function captureLink(timestamp: string, original: string): string {
  return `https://web.archive.org/web/${timestamp}/${original}`;
}

/** The Wayback Machine opened in 1996 (InternetArchiveBot rejects earlier timestamps too). */
const FIRST_CAPTURE_YEAR = 1996;
/** Captures read for one link at most: politeness toward web.archive.org, which the per-host queue also paces. */
export const MAX_CAPTURE_READS = 12;
/** One capture a month over this many months back from the death: most lapsed domains were parked for years. */
const MONTHS_LISTED = 240;
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

interface Read {
  status: number;
  headers: Record<string, string>;
  body: string;
  url: string;
  /** Null for a capture that is not a page (a PDF, an image). */
  page: PageText | null;
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

export class WaybackProvider implements ArchiveProvider {
  readonly name = 'Wayback Machine';
  readonly #transport: Transport;
  readonly #endpoints: WaybackEndpoints;
  readonly #fetchOptions: FetchOptions;

  constructor(transport: Transport, endpoints: WaybackEndpoints, fetchOptions: FetchOptions) {
    this.#transport = transport;
    this.#endpoints = endpoints;
    // The archive is public and trusted to redirect within itself; private-address rules still apply.
    this.#fetchOptions = { ...fetchOptions, maxBodyBytes: Math.max(fetchOptions.maxBodyBytes, 512 * 1024) };
  }

  async lastGoodCapture(url: string, before: Date): Promise<ArchiveCapture | null> {
    try {
      const judge = this.#judge(url);
      const offer = (ts: string) => ({ timestamp: ts, url: captureLink(ts, url) });
      const first = await this.#fromAvailability(url, before);
      if (first && (await judge.isGood(first)) && (await judge.notHomeInstead(first))) return offer(first);
      // Empty, rate-limited, or a bad capture: the capture index lists the months before the death.
      const homeThen = judge.deep ? await this.#homeDigests(url, before) : new Map<string, Set<string>>();
      let months = (await this.#fromCdx(url, before))
        .filter((c) => c.timestamp !== first && !homeThen.get(c.timestamp.slice(0, 6))?.has(c.digest))
        .map((c) => c.timestamp);
      // The one offered is read against the home page of its moment; if it is the home page, look further back.
      for (let tries = 0; tries < 2; tries++) {
        const found = await newestGood(months, (ts) => judge.isGood(ts));
        if (!found) return null;
        if (await judge.notHomeInstead(found)) return offer(found);
        months = months.slice(months.indexOf(found) + 1);
      }
      return null;
    } catch {
      return null;
    }
  }

  async #fromAvailability(url: string, before: Date): Promise<string | null> {
    const q = new URLSearchParams({ url, timestamp: toTimestamp(before), closest: 'before', status_code: '200' });
    const json = await this.#getJson(`${this.#endpoints.availability}?${q}`);
    const closest = (
      json as { archived_snapshots?: { closest?: { available?: boolean; status?: string; timestamp?: string } } } | null
    )?.archived_snapshots?.closest;
    if (!closest || closest.available === false || !String(closest.status ?? '').startsWith('2')) return null;
    const ts = String(closest.timestamp ?? '');
    // The API answers with the nearest capture in either direction when none is before: keep only earlier ones.
    return isPlausibleTimestamp(ts, before) ? ts : null;
  }

  /** One good-status capture a month, newest first, all at or before `before`, with each one's content digest. */
  async #fromCdx(url: string, before: Date): Promise<Array<{ timestamp: string; digest: string }>> {
    const rows = await this.#cdx(url, before, 'timestamp,statuscode,digest');
    const out = new Map<string, string>();
    for (const [ts, status, digest] of rows)
      if (ts && status?.startsWith('2') && isPlausibleTimestamp(ts, before)) out.set(ts, digest ?? '');
    return [...out]
      .map(([timestamp, digest]) => ({ timestamp, digest }))
      .sort((a, b) => b.timestamp.localeCompare(a.timestamp));
  }

  /** The home page's content digests, by month: a deep page's capture with the same content is the home page. */
  async #homeDigests(url: string, before: Date): Promise<Map<string, Set<string>>> {
    const byMonth = new Map<string, Set<string>>();
    for (const [ts, , digest] of await this.#cdx(new URL('/', url).href, before, 'timestamp,statuscode,digest')) {
      if (!ts || !digest) continue;
      const month = ts.slice(0, 6);
      if (!byMonth.has(month)) byMonth.set(month, new Set());
      byMonth.get(month)!.add(digest);
    }
    return byMonth;
  }

  /** Rows of the fields asked for, in that order, read by the header row's names (as the server names them). */
  async #cdx(url: string, before: Date, fields: string): Promise<Array<Array<string | undefined>>> {
    const q = new URLSearchParams({
      url,
      output: 'json',
      fl: fields,
      filter: 'statuscode:200',
      collapse: 'timestamp:6',
      to: toTimestamp(before),
      limit: String(-MONTHS_LISTED),
    });
    const rows = await this.#getJson(`${this.#endpoints.cdx}?${q}`);
    if (!Array.isArray(rows) || !Array.isArray(rows[0])) return [];
    const header = (rows[0] as unknown[]).map(String);
    const columns = fields.split(',').map((f) => header.indexOf(f));
    return rows
      .slice(1)
      .filter(Array.isArray)
      .map((r) => columns.map((i) => (i < 0 ? undefined : String((r as unknown[])[i]))));
  }

  /**
   * Judges captures of one link, reading each at most once and MAX_CAPTURE_READS in all. The first capture listed
   * for the link is the organisation's page as it was; a candidate that no longer resembles it is off-topic.
   */
  #judge(url: string): {
    deep: boolean;
    isGood(timestamp: string): Promise<boolean>;
    notHomeInstead(timestamp: string): Promise<boolean>;
  } {
    let reads = 0;
    const pages = new Map<string, Promise<Read | null>>();
    const read = (timestamp: string, address = url): Promise<Read | null> => {
      const key = `${timestamp} ${address}`;
      let p = pages.get(key);
      if (!p) {
        if (reads >= MAX_CAPTURE_READS) return Promise.resolve(null);
        reads++;
        p = this.#read(timestamp, address);
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
        const firstTs = await (earliest ??= this.#earliest(url));
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
        return (
          !home?.page ||
          pageSimilarity({ body: capture.body, url: capture.url }, { body: home.body, url: home.url }) <
            SAME_PAGE_SIMILARITY
        );
      },
    };
  }

  /** The link's first good-status capture: what the organisation's page looked like. */
  async #earliest(url: string): Promise<string | null> {
    const q = new URLSearchParams({
      url,
      output: 'json',
      fl: 'timestamp,statuscode',
      filter: 'statuscode:200',
      limit: '1',
    });
    const rows = await this.#getJson(`${this.#endpoints.cdx}?${q}`);
    const ts = Array.isArray(rows) && Array.isArray(rows[1]) ? String(rows[1][0]) : '';
    return /^\d{14}$/.test(ts) ? ts : null;
  }

  async #read(timestamp: string, address: string): Promise<Read | null> {
    const ex = await this.#transport.fetch(`${this.#endpoints.replay}/${timestamp}id_/${address}`, this.#fetchOptions);
    if (ex.failure || ex.status === null || ex.status < 200 || ex.status >= 300) return null;
    return {
      status: ex.status,
      headers: ex.headers,
      body: ex.body,
      url: address,
      page: ex.body ? readPage(ex.body) : null,
    };
  }

  async #getJson(address: string): Promise<unknown> {
    const ex = await this.#transport.fetch(address, this.#fetchOptions);
    if (ex.failure || ex.status !== 200 || !ex.body) return null;
    try {
      return JSON.parse(ex.body);
    } catch {
      return null;
    }
  }
}
