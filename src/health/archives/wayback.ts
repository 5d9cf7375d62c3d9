/**
 * The Wayback Machine (web.archive.org), the archive still-there offers by default: the one form of its capture
 * links, its availability API (the closest capture before a date), its CDX capture index (one capture a month,
 * with each one's content digest) and its replay of a capture as it was archived. Which capture is good is
 * last-good.ts's, the same for every archive.
 */
import type { FetchOptions, Transport } from '../transport.ts';
import {
  captureJudge,
  captureRead,
  isPlausibleTimestamp,
  newestGood,
  toTimestamp,
  type CaptureRead,
} from './last-good.ts';
import type { ArchiveCapture, ArchiveLinks, ArchiveProvider, ArchiveSource } from './provider.ts';

/** The only form of Wayback link we ever show: built from a validated timestamp, never copied from a response. */
export const WAYBACK: ArchiveLinks = {
  id: 'wayback',
  name: 'Wayback Machine',
  captureLink: (timestamp, original) =>
    /^\d{14}$/.test(timestamp) ? `https://web.archive.org/web/${timestamp}/${original}` : null,
};

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

/** One capture a month over this many months back from the death: most lapsed domains were parked for years. */
const MONTHS_LISTED = 240;

/**
 * The Wayback Machine at `endpoints`, for the engine's list of archives. `trusted`: the user named the endpoints (a
 * mirror or an emulator on their network), which may then be on a private address.
 */
export function wayback(endpoints: WaybackEndpoints, trusted = false): ArchiveSource {
  return ({ transport, fetchOptions }) =>
    new WaybackProvider(transport, endpoints, {
      ...fetchOptions,
      allowPrivate: fetchOptions.allowPrivate || trusted,
    });
}

export class WaybackProvider implements ArchiveProvider {
  readonly links = WAYBACK;
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
      const judge = captureJudge(url, {
        read: (timestamp, address) => this.#read(timestamp, address),
        earliest: (link) => this.#earliest(link),
      });
      const offer = (ts: string): ArchiveCapture => ({
        url: WAYBACK.captureLink(ts, url)!,
        timestamp: ts,
        provider: WAYBACK.id,
      });
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

  async #read(timestamp: string, address: string): Promise<CaptureRead | null> {
    const ex = await this.#transport.fetch(`${this.#endpoints.replay}/${timestamp}id_/${address}`, this.#fetchOptions);
    return captureRead(ex, address);
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
