/**
 * A hostile page cannot flood the extension (src/background/check-budget.ts, VerdictStore.dropTab, the
 * background's knownAndQueued): a site's pages queue at most their hourly share, reloading does not refill it, the
 * queue as a whole is bounded, and a tab that closes drops the checks only it waited for.
 */
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { CheckBudget, MAX_QUEUED, PER_SITE_PER_HOUR } from '../../src/background/check-budget.ts';
import { knownAndQueued } from '../../src/background/handlers.ts';
import { VerdictStore } from '../../src/store/verdict-store.ts';

const FLOOD = 'https://flood.example.org/page.html';
const urls = (n: number, host = 'group') =>
  Array.from({ length: n }, (_, i) => `https://www.${host}-${i}.org/meetings`);

describe('CheckBudget', () => {
  it("gives each site its hour's share, which reloading and other pages of the site do not refill", () => {
    const budget = new CheckBudget();
    expect(budget.take(FLOOD, 100_000, 0, 0)).toBe(PER_SITE_PER_HOUR);
    expect(budget.take(FLOOD, 10, 0, 1_000)).toBe(0);
    expect(budget.take('https://www.flood.example.org/other', 10, 0, 2_000)).toBe(0); // the same site
    expect(budget.take('https://www.nami.org/', 10, 0, 3_000)).toBe(10); // another site is not held back
    expect(budget.take(FLOOD, 10, 0, 3_600_001)).toBe(10); // an hour later
  });

  it("bounds the queue as a whole, for the extension's own pages too", () => {
    const budget = new CheckBudget();
    expect(budget.take(null, 1_000, MAX_QUEUED - 10, 0)).toBe(10);
    expect(budget.take(null, 1_000, MAX_QUEUED, 0)).toBe(0);
  });
});

describe('a flooding page and the queue', () => {
  it('queues only its share, and its checks go when its tab closes; others wait on', async () => {
    const store = new VerdictStore({ factory: new IDBFactory() });
    const deps = {
      store,
      startWork: () => undefined,
      budget: new CheckBudget(),
      siteKey: async (page: string | null) => (page ? new URL(page).hostname : null),
    };
    const flood = await knownAndQueued(deps, { urls: urls(3_000) }, { tabId: 7, pageUrl: FLOOD });
    expect(flood.queued).toHaveLength(PER_SITE_PER_HOUR);
    const shared = urls(1)[0]!;
    await knownAndQueued(
      deps,
      { urls: [shared, 'https://www.aa.org/find-aa'] },
      { tabId: 8, pageUrl: 'https://www.county.gov/groups' },
    );
    expect(await store.queuedCount()).toBe(PER_SITE_PER_HOUR + 1);
    expect(await store.dropTab(7)).toBe(PER_SITE_PER_HOUR - 1);
    // The address both tabs wait for, and the other tab's own, stay.
    expect((await store.nextQueued(10)).map((q) => q.url).sort()).toEqual(
      ['https://www.aa.org/find-aa', shared].sort(),
    );
  });
});
