/**
 * Archived alternatives for dead links, one provider per archive (as dessant/web-archives does). The Wayback
 * Machine provider asks for the last *good* capture from before the link died — not the latest, which is often
 * the 404 or the parking page itself — and checks that capture with the same classifiers before offering it.
 */
import { readPage } from './page-text.ts';
import { parkedEvidence } from './parked.ts';
import { botWallEvidence } from './bot-wall.ts';
import { pageSaysMissing } from './soft404.ts';
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
const MAX_CAPTURES_CHECKED = 3;

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
      const tried = new Set<string>();
      const first = await this.#fromAvailability(url, before);
      if (first) {
        tried.add(first);
        if (await this.#captureIsGood(first, url)) return { timestamp: first, url: captureLink(first, url) };
      }
      // Empty, rate-limited, or a bad capture: the CDX API lists earlier ones to choose from.
      const candidates = (await this.#fromCdx(url, before)).filter((ts) => !tried.has(ts));
      for (const ts of candidates.slice(0, MAX_CAPTURES_CHECKED)) {
        if (await this.#captureIsGood(ts, url)) return { timestamp: ts, url: captureLink(ts, url) };
      }
      return null;
    } catch {
      return null;
    }
  }

  async #fromAvailability(url: string, before: Date): Promise<string | null> {
    const q = new URLSearchParams({ url, timestamp: toTimestamp(before), closest: 'before', status_code: '200' });
    const json = await this.#getJson(`${this.#endpoints.availability}?${q}`);
    const closest = (json as { archived_snapshots?: { closest?: { available?: boolean; status?: string; timestamp?: string } } } | null)
      ?.archived_snapshots?.closest;
    if (!closest || closest.available === false || !String(closest.status ?? '').startsWith('2')) return null;
    const ts = String(closest.timestamp ?? '');
    // The API answers with the nearest capture in either direction when none is before: keep only earlier ones.
    return isPlausibleTimestamp(ts, before) ? ts : null;
  }

  /** Newest first, good statuses only, all at or before `before`. */
  async #fromCdx(url: string, before: Date): Promise<string[]> {
    const q = new URLSearchParams({
      url,
      output: 'json',
      fl: 'timestamp,statuscode,mimetype',
      filter: 'statuscode:200',
      to: toTimestamp(before),
      limit: '-25',
    });
    const rows = await this.#getJson(`${this.#endpoints.cdx}?${q}`);
    if (!Array.isArray(rows)) return [];
    const out: string[] = [];
    for (const row of rows.slice(1)) {
      if (!Array.isArray(row)) continue;
      const [ts, status] = row.map(String);
      if (ts && status?.startsWith('2') && isPlausibleTimestamp(ts, before)) out.push(ts);
    }
    return [...new Set(out)].sort().reverse();
  }

  async #captureIsGood(timestamp: string, url: string): Promise<boolean> {
    const ex = await this.#transport.fetch(`${this.#endpoints.replay}/${timestamp}id_/${url}`, this.#fetchOptions);
    if (ex.failure || ex.status === null || ex.status < 200 || ex.status >= 300) return false;
    if (!ex.body) return true; // a PDF or image capture
    const page = readPage(ex.body);
    if (botWallEvidence(ex.status, ex.headers, page)) return false;
    if (pageSaysMissing(page)) return false;
    return !parkedEvidence(page, []).parked;
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
