/**
 * The verdict feeds the user subscribed to, in IndexedDB beside the verdict cache: each feed's status (for the
 * options page) and its entries, one per link. A feed of 100,000 links is imported in transactions of a few
 * thousand, in the background, so nothing waits on one long write; a page's lookup reads only its own links.
 */
import type { IDBPDatabase } from 'idb';
import { coverageOf, mayCover } from '../feed/coverage.ts';
import type { VerdictFeed } from '../feed/feed.ts';
import { openStillThereDb } from './database.ts';
import { DB_NAME, type FeedRecord, type FeedVerdict, type StillThereDB } from './schema.ts';

/** Entries written per transaction while importing: small enough that a lookup never waits long behind one. */
const IMPORT_BATCH = 2_000;
/**
 * Entries kept in memory as well, most recently used last, as the verdict store keeps its own: a page visited again
 * is answered without a database read a link (about 0.1 ms each in Chrome). Bounded, whatever the feed's size.
 */
export const MEMORY_ENTRIES = 5_000;

export function blankFeedRecord(url: string): FeedRecord {
  return {
    url,
    publisher: null,
    site: null,
    generatedAt: null,
    links: 0,
    generation: 0,
    etag: null,
    lastModified: null,
    fetchedAt: null,
    okAt: null,
    problem: null,
    signedBy: null,
  };
}

/**
 * A feed's entry for a link, and whether it counts as signed: its feed's last import verified against the key pinned
 * for that feed now (a key changed since says nothing of entries verified against the old one).
 */
export type SharedVerdict = FeedVerdict & { signed: boolean };

export class FeedStore {
  readonly #db: Promise<IDBPDatabase<StillThereDB>>;
  /** The feeds' records: a handful, read on every lookup, written only by this store. */
  #records: Promise<Map<string, FeedRecord>> | null = null;
  /** Each feed's coverage (src/feed/coverage.ts), read once per worker: a few hundred KB for a large feed. */
  #coverage: Promise<Map<string, Uint32Array>> | null = null;
  readonly #factory: IDBFactory;
  /** [link, feed] joined by a newline (no address holds one) → the entry, or null when the feed had none. */
  readonly #recent = new Map<string, FeedVerdict | null>();

  constructor(options: { factory?: IDBFactory; name?: string } = {}) {
    this.#db = openStillThereDb(options.name ?? DB_NAME, options.factory);
    this.#factory = options.factory ?? indexedDB;
  }

  async records(): Promise<FeedRecord[]> {
    return [...(await this.#recordMap()).values()];
  }

  async record(url: string): Promise<FeedRecord | undefined> {
    return (await this.#recordMap()).get(url);
  }

  /** Saves a feed's status (a fetch that failed, or "not modified") without touching its entries. */
  async saveRecord(record: FeedRecord): Promise<void> {
    const db = await this.#db;
    await db.put('feeds', record);
    (await this.#recordMap()).set(record.url, record);
  }

  /**
   * Replaces a feed's entries with those of `feed`: the new ones are written first (a link's entry is overwritten in
   * place), then the record names the new import, then entries the new feed no longer lists are removed.
   */
  async importFeed(
    url: string,
    feed: VerdictFeed,
    meta: Pick<FeedRecord, 'etag' | 'lastModified'> & { signedBy?: string | null },
    now: number,
  ): Promise<FeedRecord> {
    const db = await this.#db;
    const before = (await this.#recordMap()).get(url) ?? blankFeedRecord(url);
    const generation = before.generation + 1;
    this.#recent.clear();
    for (let i = 0; i < feed.links.length; i += IMPORT_BATCH) {
      const tx = db.transaction('feedVerdicts', 'readwrite');
      for (const entry of feed.links.slice(i, i + IMPORT_BATCH))
        void tx.store.put({ ...entry, feed: url, publisher: feed.publisher, generation });
      await tx.done;
    }
    const coverage = coverageOf(feed.links.map((l) => l.url));
    await db.put('feedCoverage', { feed: url, hashes: coverage });
    (await this.#coverageMap()).set(url, coverage);
    const record: FeedRecord = {
      ...before,
      publisher: feed.publisher,
      site: feed.site,
      generatedAt: feed.generatedAt,
      links: feed.links.length,
      generation,
      etag: meta.etag,
      lastModified: meta.lastModified,
      signedBy: meta.signedBy ?? null,
      fetchedAt: now,
      okAt: now,
      problem: null,
    };
    await this.saveRecord(record);
    // Lookups made while importing may have remembered entries the import has since replaced.
    this.#recent.clear();
    await this.#removeEntries(url, (e) => e.generation !== generation);
    return record;
  }

  /** Unsubscribed: the feed and everything it said are removed. */
  async forget(url: string): Promise<void> {
    const db = await this.#db;
    await db.delete('feeds', url);
    (await this.#recordMap()).delete(url);
    this.#recent.clear();
    await db.delete('feedCoverage', url);
    (await this.#coverageMap()).delete(url);
    await this.#removeEntries(url, () => true);
  }

  /**
   * For each link, the newest entry among the feeds in `subscribed` (newest by its check time), saying whether it is
   * signed by the key `pinned` names for its feed now. Links no such feed lists are absent.
   */
  async lookup(
    urls: readonly string[],
    subscribed: ReadonlySet<string>,
    pinned: Readonly<Record<string, string>> = {},
  ): Promise<Map<string, SharedVerdict>> {
    const found = new Map<string, SharedVerdict>();
    if (urls.length === 0 || subscribed.size === 0) return found;
    const records = await this.#recordMap();
    const coverage = await this.#coverageMap();
    const feeds = [...subscribed]
      .filter((f) => records.get(f)?.okAt && coverage.has(f))
      .map((f) => ({ feed: f, coverage: coverage.get(f)! }));
    // Only links a feed may cover are read from the database, each by its exact key [link, feed].
    const signed = (feed: string) => {
      const by = records.get(feed)?.signedBy ?? null;
      return by !== null && by === pinned[feed];
    };
    const keep = (e: FeedVerdict | null | undefined) => {
      if (!e) return;
      const best = found.get(e.url);
      if (!best || Date.parse(e.checkedAt) > Date.parse(best.checkedAt))
        found.set(e.url, { ...e, signed: signed(e.feed) });
    };
    const reads: Array<[string, string]> = [];
    for (const url of urls) {
      for (const f of feeds) {
        if (!mayCover(f.coverage, url)) continue;
        const id = `${url}\n${f.feed}`;
        const known = this.#recent.get(id);
        if (known === undefined) reads.push([url, f.feed]);
        else keep(this.#remember(id, known));
      }
    }
    if (reads.length === 0) return found;
    const db = await this.#db;
    const tx = db.transaction('feedVerdicts', 'readonly');
    const entries = await Promise.all(reads.map((key) => tx.store.get(key)));
    await tx.done;
    entries.forEach((e, i) => keep(this.#remember(`${reads[i]![0]}\n${reads[i]![1]}`, e ?? null)));
    return found;
  }

  async close(): Promise<void> {
    (await this.#db).close();
  }

  #recordMap(): Promise<Map<string, FeedRecord>> {
    this.#records ??= this.#db.then(async (db) => new Map((await db.getAll('feeds')).map((r) => [r.url, r])));
    return this.#records;
  }

  #remember(id: string, entry: FeedVerdict | null): FeedVerdict | null {
    this.#recent.delete(id);
    this.#recent.set(id, entry);
    if (this.#recent.size > MEMORY_ENTRIES) this.#recent.delete(this.#recent.keys().next().value!);
    return entry;
  }

  #coverageMap(): Promise<Map<string, Uint32Array>> {
    this.#coverage ??= this.#db.then(
      async (db) => new Map((await db.getAll('feedCoverage')).map((c) => [c.feed, c.hashes])),
    );
    return this.#coverage;
  }

  async #removeEntries(feed: string, which: (e: FeedVerdict) => boolean): Promise<void> {
    const db = await this.#db;
    // In rounds, so a feed of 100,000 links never holds one transaction for all of them.
    let last: [string, string] | null = null;
    for (;;) {
      const tx = db.transaction('feedVerdicts', 'readwrite');
      const index = tx.store.index('feed');
      let cursor = await index.openCursor(IDBKeyRange.only(feed));
      // Back where the last round stopped, and one past it (that entry was judged already).
      if (cursor && last !== null && this.#factory.cmp(cursor.primaryKey, last) < 0)
        cursor = await cursor.continuePrimaryKey(feed, last);
      if (cursor && last !== null && this.#factory.cmp(cursor.primaryKey, last) === 0) cursor = await cursor.continue();
      let seen = 0;
      while (cursor && seen < IMPORT_BATCH) {
        if (which(cursor.value)) await cursor.delete();
        last = cursor.primaryKey;
        seen++;
        cursor = await cursor.continue();
      }
      await tx.done;
      if (!cursor) return;
    }
  }
}
