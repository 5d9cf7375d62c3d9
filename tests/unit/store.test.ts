import { IDBFactory, IDBObjectStore } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import type { LinkHealth } from '../../src/health/link-health.ts';
import { browsing } from '../../src/health/freshness.ts';
import { FeedStore } from '../../src/store/feed-store.ts';
import { VerdictStore } from '../../src/store/verdict-store.ts';

function report(
  url: string,
  verdict: LinkHealth['verdict'] = 'alive',
  checkedAt = '2026-11-28T10:00:00.000Z',
): LinkHealth {
  return {
    url,
    verdict,
    reason: verdict === 'alive' ? 'ok' : 'not-found',
    detail: '',
    status: 200,
    finalUrl: url,
    redirects: 0,
    newHome: null,
    archive: null,
    checkedAt,
    history: [],
    firstFailedAt: null,
    lastAliveAt: null,
  };
}

describe('verdict store', () => {
  it('keeps a verdict with an expiry chosen by the verdict', async () => {
    const store = new VerdictStore({ factory: new IDBFactory() });
    const t = Date.parse('2026-11-28T10:00:00Z');
    const alive = await store.save(report('https://www.aa.org/'), t);
    const dead = await store.save(report('https://www.aa.org/gone', 'dead'), t);
    expect(alive.expiresAt - t).toBe(browsing().freshFor({ verdict: 'alive', reason: 'ok' }));
    expect(dead.expiresAt - t).toBe(browsing().freshFor({ verdict: 'dead', reason: 'not-found' }));
    expect(alive.expiresAt - t).toBe(7 * 24 * 3_600_000);
    const found = await store.lookup(['https://www.aa.org/', 'https://never.seen/']);
    expect([...found.keys()]).toEqual(['https://www.aa.org/']);
  });

  it('evicts the least recently seen first when over its bound', async () => {
    const store = new VerdictStore({ factory: new IDBFactory(), maxRecords: 3 });
    for (let i = 0; i < 5; i++) await store.save(report(`https://g${i}.org/`), 1_000 + i);
    await store.lookup(['https://g0.org/'], 1_000 + 10 * 3_600_000); // g0 seen again, much later
    await store.evictIfNeeded();
    const left = (await store.all()).map((v) => v.url).sort();
    expect(left).toContain('https://g0.org/');
    expect(left).not.toContain('https://g1.org/');
    expect(left.length).toBeLessThanOrEqual(3);
  });

  it('queues checks with the tabs waiting for them, oldest first, once per link', async () => {
    const store = new VerdictStore({ factory: new IDBFactory() });
    await store.enqueue('https://b.org/', 7, false, 2);
    await store.enqueue('https://a.org/', 7, false, 1);
    await store.enqueue('https://a.org/', 9, false, 3);
    const next = await store.nextQueued(10);
    expect(next.map((q) => q.url)).toEqual(['https://a.org/', 'https://b.org/']);
    expect(next[0]!.tabIds.sort()).toEqual([7, 9]);
    expect((await store.dequeue('https://a.org/'))?.url).toBe('https://a.org/');
    expect((await store.stats()).queued).toBe(1);
  });

  it('stores no page addresses: only link records and queue entries exist', async () => {
    const store = new VerdictStore({ factory: new IDBFactory() });
    await store.save(report('https://www.aa.org/'));
    const keys = Object.keys((await store.all())[0]!);
    expect(keys).not.toContain('pageUrl');
    expect(keys).not.toContain('foundOn');
  });
});

describe("the background's memory copy", () => {
  it('answers a repeat look-up of a page without reading IndexedDB link by link', async () => {
    const factory = new IDBFactory();
    const first = new VerdictStore({ factory });
    const urls = Array.from({ length: 50 }, (_, i) => `https://group-${i}.org/`);
    for (const url of urls) await first.save(report(url));
    // A new worker: the store is loaded whole, in one read, on the first look-up.
    const store = new VerdictStore({ factory });
    const gets = vi.spyOn(IDBObjectStore.prototype, 'get');
    try {
      expect((await store.lookup(urls)).size).toBe(50);
      expect((await store.lookup([...urls, 'https://never.seen/'])).size).toBe(50);
      expect(gets).not.toHaveBeenCalled();
    } finally {
      gets.mockRestore();
    }
  });

  it('reads what memory does not hold once the store outgrows it, and stays right after writes, eviction and clearing', async () => {
    const store = new VerdictStore({ factory: new IDBFactory(), memoryRecords: 2, maxRecords: 4 });
    for (let i = 0; i < 6; i++) await store.save(report(`https://g${i}.org/`), 1_000 + i);
    expect((await store.lookup(['https://g0.org/', 'https://g5.org/'], 2_000)).size).toBe(2);
    await store.save(report('https://g0.org/', 'dead'), 3_000);
    expect((await store.lookup(['https://g0.org/'], 3_000)).get('https://g0.org/')?.verdict).toBe('dead');
    await store.evictIfNeeded();
    const left = new Set((await store.all()).map((v) => v.url));
    const found = await store.lookup(
      Array.from({ length: 6 }, (_, i) => `https://g${i}.org/`),
      3_000,
    );
    expect(new Set(found.keys())).toEqual(left);
    await store.clear();
    expect((await store.lookup(['https://g0.org/'])).size).toBe(0);
  });
});

describe('migrations', () => {
  it('opens a revision-1 database with the current code and keeps its verdicts', async () => {
    const factory = new IDBFactory();
    // Build the database exactly as revision 1 shipped it, with a record of that time's shape.
    await new Promise<void>((resolve, reject) => {
      const req = factory.open('still-there', 1);
      req.onupgradeneeded = () =>
        req.result.createObjectStore('verdicts', { keyPath: 'url' }).createIndex('verdict', 'verdict');
      req.onsuccess = () => {
        const tx = req.result.transaction('verdicts', 'readwrite');
        tx.objectStore('verdicts').put(report('https://www.ndmda.org/', 'dead', '2026-10-01T00:00:00.000Z'));
        tx.oncomplete = () => {
          req.result.close();
          resolve();
        };
      };
      req.onerror = () => reject(req.error);
    });
    const store = new VerdictStore({ factory });
    const v = await store.get('https://www.ndmda.org/');
    expect(v?.verdict).toBe('dead');
    expect(v?.lastSeenAt).toBe(Date.parse('2026-10-01T00:00:00.000Z'));
    await store.enqueue('https://www.ndmda.org/', null);
    expect((await store.stats()).queued).toBe(1);
  });

  it('opens a revision-2 database with the current code: its verdicts and queue kept, the feed stores added', async () => {
    // Revision 2 as it shipped: the verdicts (with lastSeenAt) and the work queue, built by hand.
    const two = new IDBFactory();
    await new Promise<void>((resolve, reject) => {
      const req = two.open('still-there', 2);
      req.onupgradeneeded = () => {
        const verdicts = req.result.createObjectStore('verdicts', { keyPath: 'url' });
        verdicts.createIndex('verdict', 'verdict');
        verdicts.createIndex('lastSeenAt', 'lastSeenAt');
        req.result.createObjectStore('queue', { keyPath: 'url' }).createIndex('queuedAt', 'queuedAt');
      };
      req.onsuccess = () => {
        const tx = req.result.transaction(['verdicts', 'queue'], 'readwrite');
        tx.objectStore('verdicts').put({
          ...report('https://www.ndmda.org/', 'dead', '2026-10-01T00:00:00.000Z'),
          expiresAt: 0,
          lastSeenAt: 5,
        });
        tx.objectStore('queue').put({ url: 'https://www.aa.org/', queuedAt: 7, tabIds: [4], force: false });
        tx.oncomplete = () => {
          req.result.close();
          resolve();
        };
      };
      req.onerror = () => reject(req.error);
    });
    const store = new VerdictStore({ factory: two });
    expect((await store.get('https://www.ndmda.org/'))?.lastSeenAt).toBe(5);
    expect((await store.nextQueued(5)).map((q) => q.url)).toEqual(['https://www.aa.org/']);
    const feeds = new FeedStore({ factory: two });
    expect(await feeds.records()).toEqual([]);
    expect((await feeds.lookup(['https://www.ndmda.org/'], new Set(['https://feed.example/']))).size).toBe(0);
  });
});
