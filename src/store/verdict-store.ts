/** The verdict cache and work queue over IndexedDB (idb). Bounded in size; survives worker and browser restarts. */
import { openDB, type IDBPDatabase } from 'idb';
import { VERDICTS } from '../health/verdict.ts';
import type { LinkHealth } from '../health/link-health.ts';
import { browsing, freshUntil } from '../health/freshness.ts';
import { DB_VERSION, REVISIONS } from './revisions/index.ts';
import { DB_NAME, SHOWN_TO_LIMIT, type QueuedCheck, type StillThereDB, type StoredVerdict } from './schema.ts';

/** Enough for every resource link a clinician meets in months; evicted least recently seen first. */
export const MAX_RECORDS = 20_000;
/** Evict a little below the bound (5%, at most 500) so every new link does not trigger another eviction. */
const EVICT_BATCH = 500;
/**
 * Verdicts kept in the background's memory as well, most recently used last. A repeat visit to a page of 1,000
 * resource links is then answered without 1,000 IndexedDB reads (about 0.1 ms each in Chrome). A cache of this
 * size is loaded whole, in one read, when the worker first needs it.
 */
export const MEMORY_RECORDS = 5_000;

export interface CacheStats {
  records: number;
  byVerdict: Record<string, number>;
  queued: number;
}

export class VerdictStore {
  readonly #db: Promise<IDBPDatabase<StillThereDB>>;
  readonly #maxRecords: number;
  readonly #memoryRecords: number;
  /**
   * The memory copy. Only this store writes the database (the background is its one owner: pages and the options
   * page go through messages), so the copy never goes stale; every write below updates both.
   */
  readonly #recent = new Map<string, StoredVerdict>();
  /** True while the memory copy holds every record, so a link absent from it is absent from the database. */
  #whole = false;
  #loaded: Promise<void> | null = null;

  constructor(options: { factory?: IDBFactory; name?: string; maxRecords?: number; memoryRecords?: number } = {}) {
    this.#maxRecords = options.maxRecords ?? MAX_RECORDS;
    this.#memoryRecords = options.memoryRecords ?? MEMORY_RECORDS;
    this.#db = openStillThereDb(options.name ?? DB_NAME, options.factory);
  }

  /** Whether the memory copy holds this exact address (then it is a normalised one: only those are stored). */
  holds(url: string): boolean {
    return this.#recent.has(url);
  }

  /** Known verdicts for these links (fresh or stale), marking them as just seen. Unknown links are absent. */
  async lookup(urls: string[], now = Date.now()): Promise<Map<string, StoredVerdict>> {
    const db = await this.#db;
    await this.#load(db);
    const found = new Map<string, StoredVerdict>();
    const missing: string[] = [];
    for (const url of urls) {
      const v = this.#recent.get(url);
      if (v) found.set(url, this.#remember(v));
      else if (!this.#whole) missing.push(url);
    }
    if (missing.length) {
      // Read in a read-only transaction (they run in parallel and never wait on writers).
      const tx = db.transaction('verdicts', 'readonly');
      const values = await Promise.all(missing.map((url) => tx.store.get(url)));
      await tx.done;
      values.forEach((v, i) => v && found.set(missing[i]!, this.#remember(v)));
    }
    // Bump "last seen" at most hourly: a page opened ten times should not cost ten writes per link.
    const stale = [...found.values()]
      .filter((v) => now - v.lastSeenAt > 3_600_000)
      .map((v) => ({ ...v, lastSeenAt: now }));
    if (stale.length) {
      const write = db.transaction('verdicts', 'readwrite');
      for (const v of stale) {
        void write.store.put(v);
        this.#remember(v);
        found.set(v.url, v);
      }
      await write.done;
    }
    return found;
  }

  async get(url: string): Promise<StoredVerdict | undefined> {
    const db = await this.#db;
    const v = this.#recent.get(url) ?? (this.#whole ? undefined : await db.get('verdicts', url));
    return v && this.#remember(v);
  }

  /** Loads the whole store into memory in one read when it fits; once per worker. */
  #load(db: IDBPDatabase<StillThereDB>): Promise<void> {
    this.#loaded ??= (async () => {
      if ((await db.count('verdicts')) > this.#memoryRecords) return;
      const all = await db.getAll('verdicts');
      // Written while we read (a check that finished): the newer copy is already in memory.
      for (const v of all) if (!this.#recent.has(v.url)) this.#recent.set(v.url, v);
      this.#whole = this.#recent.size <= this.#memoryRecords;
    })();
    return this.#loaded;
  }

  /** Puts a record at the recent end of the memory copy, dropping the least recently used past the bound. */
  #remember(v: StoredVerdict): StoredVerdict {
    this.#recent.delete(v.url);
    this.#recent.set(v.url, v);
    if (this.#recent.size > this.#memoryRecords) {
      this.#recent.delete(this.#recent.keys().next().value!);
      this.#whole = false;
    }
    return v;
  }

  /** `forSites`: the sites (keyed hashes) the check was made for; they are added to those it was shown to. */
  async save(
    report: LinkHealth,
    now = Date.now(),
    recheckHours?: number,
    forSites: readonly string[] = [],
  ): Promise<StoredVerdict> {
    const db = await this.#db;
    const before = this.#recent.get(report.url)?.shownTo ?? (await db.get('verdicts', report.url))?.shownTo ?? [];
    const shownTo = [...new Set([...before.filter((s) => !forSites.includes(s)), ...forSites])].slice(-SHOWN_TO_LIMIT);
    const stored: StoredVerdict = {
      ...report,
      expiresAt: freshUntil(browsing(recheckHours), report, Date.parse(report.checkedAt) || now),
      lastSeenAt: now,
      shownTo,
    };
    await db.put('verdicts', stored);
    return this.#remember(stored);
  }

  async evictIfNeeded(): Promise<number> {
    const db = await this.#db;
    const count = await db.count('verdicts');
    if (count <= this.#maxRecords) return 0;
    const excess = count - this.#maxRecords + Math.min(EVICT_BATCH, Math.floor(this.#maxRecords * 0.05));
    const tx = db.transaction('verdicts', 'readwrite');
    let cursor = await tx.store.index('lastSeenAt').openCursor();
    let removed = 0;
    while (cursor && removed < excess) {
      this.#recent.delete(cursor.primaryKey);
      await cursor.delete();
      removed++;
      cursor = await cursor.continue();
    }
    await tx.done;
    return removed;
  }

  async enqueue(url: string, tabId: number | null, force = false, now = Date.now()): Promise<void> {
    await this.enqueueMany([url], tabId, force, now);
  }

  /** Queues several checks in one transaction (a page's new links arrive 500 at a time). */
  async enqueueMany(
    urls: string[],
    tabId: number | null,
    force = false,
    now = Date.now(),
    forSite: string | null = null,
  ): Promise<void> {
    if (urls.length === 0) return;
    const db = await this.#db;
    const tx = db.transaction('queue', 'readwrite');
    const existing = await Promise.all(urls.map((url) => tx.store.get(url)));
    await Promise.all(
      urls.map((url, i) => {
        const tabIds = new Set(existing[i]?.tabIds ?? []);
        if (tabId !== null) tabIds.add(tabId);
        const forSites = new Set(existing[i]?.forSites ?? []);
        if (forSite !== null) forSites.add(forSite);
        return tx.store.put({
          url,
          queuedAt: existing[i]?.queuedAt ?? now,
          tabIds: [...tabIds],
          force: force || Boolean(existing[i]?.force),
          forSites: [...forSites],
        });
      }),
    );
    await tx.done;
  }

  /** The queued check of this link, if one waits. */
  async queuedCheck(url: string): Promise<QueuedCheck | undefined> {
    const db = await this.#db;
    return db.get('queue', url);
  }

  /** How many checks are waiting. */
  async queuedCount(): Promise<number> {
    const db = await this.#db;
    return db.count('queue');
  }

  /**
   * A tab closed or went to another page: it no longer waits for its checks. Checks only it was waiting for are
   * dropped; checks other tabs (or the popup, the audit page) wait for stay.
   */
  async dropTab(tabId: number): Promise<number> {
    const db = await this.#db;
    const tx = db.transaction('queue', 'readwrite');
    let dropped = 0;
    for (let cursor = await tx.store.openCursor(); cursor; cursor = await cursor.continue()) {
      const entry = cursor.value;
      if (!entry.tabIds.includes(tabId)) continue;
      const rest = entry.tabIds.filter((id) => id !== tabId);
      if (rest.length === 0) {
        await cursor.delete();
        dropped++;
      } else await cursor.update({ ...entry, tabIds: rest });
    }
    await tx.done;
    return dropped;
  }

  /** Oldest queued checks first. */
  async nextQueued(limit: number): Promise<QueuedCheck[]> {
    const db = await this.#db;
    return db.getAllFromIndex('queue', 'queuedAt', undefined, limit);
  }

  async dequeue(url: string): Promise<QueuedCheck | undefined> {
    const db = await this.#db;
    const tx = db.transaction('queue', 'readwrite');
    const item = await tx.store.get(url);
    await tx.store.delete(url);
    await tx.done;
    return item;
  }

  async stats(): Promise<CacheStats> {
    const db = await this.#db;
    const byVerdict: Record<string, number> = {};
    for (const verdict of VERDICTS) byVerdict[verdict] = await db.countFromIndex('verdicts', 'verdict', verdict);
    return { records: await db.count('verdicts'), byVerdict, queued: await db.count('queue') };
  }

  async all(): Promise<StoredVerdict[]> {
    return (await this.#db).getAll('verdicts');
  }

  async clear(): Promise<void> {
    const db = await this.#db;
    await db.clear('verdicts');
    await db.clear('queue');
    this.#recent.clear();
    this.#whole = true; // nothing is left, and everything written from now on passes through memory
  }

  async close(): Promise<void> {
    (await this.#db).close();
  }
}

export function openStillThereDb(name: string, factory?: IDBFactory): Promise<IDBPDatabase<StillThereDB>> {
  const open = () =>
    openDB<StillThereDB>(name, DB_VERSION, {
      async upgrade(db, oldVersion, _newVersion, tx) {
        for (const revision of REVISIONS) if (revision.version > oldVersion) await revision.upgrade(db, tx);
      },
    });
  if (!factory) return open();
  // Tests pass a fresh factory; idb reads the global one, so swap it in just for the open call.
  const saved = globalThis.indexedDB;
  globalThis.indexedDB = factory;
  try {
    return open();
  } finally {
    globalThis.indexedDB = saved;
  }
}
