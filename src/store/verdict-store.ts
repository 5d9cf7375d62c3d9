/** The verdict cache and work queue over IndexedDB (idb). Bounded in size; survives worker and browser restarts. */
import { openDB, type IDBPDatabase } from 'idb';
import type { LinkReport } from '../health/verdict.ts';
import { expiresAt } from './expiry.ts';
import { DB_VERSION, REVISIONS } from './revisions/index.ts';
import { DB_NAME, type QueuedCheck, type StillThereDB, type StoredVerdict } from './schema.ts';

/** Enough for every resource link a clinician meets in months; evicted least recently seen first. */
export const MAX_RECORDS = 20_000;
/** Evict a little below the bound (5%, at most 500) so every new link does not trigger another eviction. */
const EVICT_BATCH = 500;

export interface CacheStats {
  records: number;
  byVerdict: Record<string, number>;
  queued: number;
}

export class VerdictStore {
  readonly #db: Promise<IDBPDatabase<StillThereDB>>;
  readonly #maxRecords: number;

  constructor(options: { factory?: IDBFactory; name?: string; maxRecords?: number } = {}) {
    this.#maxRecords = options.maxRecords ?? MAX_RECORDS;
    this.#db = openStillThereDb(options.name ?? DB_NAME, options.factory);
  }

  /** Known verdicts for these links (fresh or stale), marking them as just seen. Unknown links are absent. */
  async lookup(urls: string[], now = Date.now()): Promise<Map<string, StoredVerdict>> {
    const db = await this.#db;
    // Read in a read-only transaction (they run in parallel and never wait on writers); bump "last seen" after.
    const tx = db.transaction('verdicts', 'readonly');
    const found = new Map<string, StoredVerdict>();
    const values = await Promise.all(urls.map((url) => tx.store.get(url)));
    await tx.done;
    const stale: StoredVerdict[] = [];
    values.forEach((v, i) => {
      if (!v) return;
      found.set(urls[i]!, v);
      // At most hourly: a page opened ten times should not cost ten writes per link.
      if (now - v.lastSeenAt > 3_600_000) stale.push(v);
    });
    if (stale.length) {
      const write = db.transaction('verdicts', 'readwrite');
      for (const v of stale) void write.store.put({ ...v, lastSeenAt: now });
      await write.done;
    }
    return found;
  }

  async get(url: string): Promise<StoredVerdict | undefined> {
    return (await this.#db).get('verdicts', url);
  }

  async save(report: LinkReport, now = Date.now(), recheckHours?: number): Promise<StoredVerdict> {
    const db = await this.#db;
    const stored: StoredVerdict = { ...report, expiresAt: expiresAt(report.verdict, report.reason, Date.parse(report.checkedAt) || now, recheckHours), lastSeenAt: now };
    await db.put('verdicts', stored);
    return stored;
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
      await cursor.delete();
      removed++;
      cursor = await cursor.continue();
    }
    await tx.done;
    return removed;
  }

  async enqueue(url: string, tabId: number | null, force = false, now = Date.now()): Promise<void> {
    const db = await this.#db;
    const tx = db.transaction('queue', 'readwrite');
    const existing = await tx.store.get(url);
    const tabIds = new Set(existing?.tabIds ?? []);
    if (tabId !== null) tabIds.add(tabId);
    await tx.store.put({ url, queuedAt: existing?.queuedAt ?? now, tabIds: [...tabIds], force: force || Boolean(existing?.force) });
    await tx.done;
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
    for (const verdict of ['alive', 'moved', 'dead', 'unverified']) byVerdict[verdict] = await db.countFromIndex('verdicts', 'verdict', verdict);
    return { records: await db.count('verdicts'), byVerdict, queued: await db.count('queue') };
  }

  async all(): Promise<StoredVerdict[]> {
    return (await this.#db).getAll('verdicts');
  }

  async clear(): Promise<void> {
    const db = await this.#db;
    await db.clear('verdicts');
    await db.clear('queue');
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
