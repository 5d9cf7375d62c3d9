/**
 * Keeping the subscribed verdict feeds up to date: each is asked for at browser start and every few hours, with the
 * validators of its last answer (If-None-Match, If-Modified-Since) so an unchanged feed costs one short answer; what
 * comes back is read strictly (src/feed/read-feed.ts) and imported in the background. A feed that cannot be had or
 * is refused keeps its last good entries, and the options page says why.
 */
import { FeedError, MAX_FEED_BYTES, readPinnedFeed, sizeInWords } from '../feed/read-feed.ts';
import { FeedHopRefused } from './feed-fetch.ts';
import { blankFeedRecord, type FeedStore } from '../store/feed-store.ts';
import type { FeedRecord } from '../store/schema.ts';

/** How often a feed is asked again: an editor's audit runs nightly, so a few times a day is plenty. */
export const FEED_REFRESH_MS = 3 * 3_600_000;
const FETCH_TIMEOUT_MS = 60_000;

export interface FeedSubscriptionsOptions {
  store: FeedStore;
  /** The extension's: redirects followed hop by hop, each screened before it is asked (feed-fetch.ts). */
  fetch: (url: string, init: RequestInit) => Promise<Response>;
  now?: () => number;
  /** MAX_FEED_BYTES unless a test asks for less. */
  maxBytes?: number;
}

export class FeedSubscriptions {
  readonly #o: FeedSubscriptionsOptions;
  /** One refresh of a feed at a time: a second asker waits for the first. */
  readonly #running = new Map<string, Promise<FeedRecord>>();

  constructor(options: FeedSubscriptionsOptions) {
    this.#o = options;
  }

  /**
   * Brings the subscribed feeds up to date (only those not asked for in FEED_REFRESH_MS, unless `all`), and forgets
   * feeds no longer subscribed, with everything they said.
   */
  async refresh(
    subscribed: readonly string[],
    options: { all?: boolean; keys?: Readonly<Record<string, string>> } = {},
  ): Promise<void> {
    const now = this.#now();
    const keys = options.keys ?? {};
    for (const record of await this.#o.store.records())
      if (!subscribed.includes(record.url)) await this.#o.store.forget(record.url);
    await Promise.all(
      subscribed.map(async (url) => {
        const record = await this.#o.store.record(url);
        const pinned = keys[url] ?? null;
        // A key pinned, changed or taken away since the last import: that import says nothing under the new key.
        const keyChanged = record?.okAt != null && (record.signedBy ?? null) !== pinned;
        if (options.all || keyChanged || !record?.fetchedAt || now - record.fetchedAt >= FEED_REFRESH_MS)
          await this.refreshOne(url, pinned);
      }),
    );
  }

  /** Fetches one feed now; `pinned` is the key pinned beside its address, if any (src/settings.ts). */
  refreshOne(url: string, pinned: string | null = null): Promise<FeedRecord> {
    let running = this.#running.get(url);
    if (!running) {
      running = this.#fetchAndImport(url, pinned).finally(() => this.#running.delete(url));
      this.#running.set(url, running);
    }
    return running;
  }

  async #fetchAndImport(url: string, pinned: string | null): Promise<FeedRecord> {
    const store = this.#o.store;
    const before = (await store.record(url)) ?? blankFeedRecord(url);
    const now = this.#now();
    const failed = async (problem: string) => {
      const record = { ...before, fetchedAt: now, problem };
      await store.saveRecord(record);
      return record;
    };
    let response: Response;
    try {
      const headers: Record<string, string> = { accept: 'application/json' };
      // "Not modified" stands for what was read under the same key only.
      const sameKey = (before.signedBy ?? null) === pinned;
      if (before.etag && sameKey) headers['if-none-match'] = before.etag;
      if (before.lastModified && sameKey) headers['if-modified-since'] = before.lastModified;
      // No cookies, credentials or referrer, as for every request of ours; the validators are ours, not the cache's.
      response = await this.#o.fetch(url, {
        headers,
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
        cache: 'no-store',
        signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
      });
    } catch (err) {
      if (err instanceof FeedHopRefused) return failed(`refused: ${err.message}`);
      return failed(
        `it could not be fetched (${(err as Error).name === 'TimeoutError' ? 'no answer in time' : 'no connection'})`,
      );
    }
    if (response.status === 304 && before.okAt !== null && (before.signedBy ?? null) === pinned) {
      const record = { ...before, fetchedAt: now, okAt: now, problem: null };
      await store.saveRecord(record);
      return record;
    }
    if (!response.ok) return failed(`the server answered ${response.status}`);
    if (!response.url.startsWith('https:')) return failed('it was redirected to an address that is not https');
    try {
      const text = await readCapped(response, this.#o.maxBytes ?? MAX_FEED_BYTES);
      const { feed, signedBy } = await readPinnedFeed(text, { now, maxBytes: this.#o.maxBytes, pinned });
      return await store.importFeed(
        url,
        feed,
        { etag: response.headers.get('etag'), lastModified: response.headers.get('last-modified'), signedBy },
        now,
      );
    } catch (err) {
      if (err instanceof FeedError) return failed(`refused: ${err.message}`);
      return failed('it could not be read whole');
    }
  }

  #now(): number {
    return (this.#o.now ?? Date.now)();
  }
}

/** The body as text, refused as soon as it is larger than `max` bytes (before it is all in memory). */
async function readCapped(response: Response, max: number): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > max) throw new FeedError(`it is larger than ${sizeInWords(max)}`);
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel();
      throw new FeedError(`it is larger than ${sizeInWords(max)}`);
    }
    chunks.push(value);
  }
  const all = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return new TextDecoder().decode(all);
}
