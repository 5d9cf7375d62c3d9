/**
 * Other sites cannot learn which resource pages the user has seen (src/background/handlers.ts, site-keys.ts): a
 * verdict checked for a page of site A is not shown to a page of site B, which gets a check of its own — so what B
 * can read (marks, dates, how soon they come) is the same whether or not the link was checked on A. The store keeps
 * keyed hashes of the sites, never the sites.
 */
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { CheckBudget } from '../../src/background/check-budget.ts';
import { knownAndQueued } from '../../src/background/handlers.ts';
import { createSiteKeys, SITE_KEY_SECRET } from '../../src/background/site-keys.ts';
import type { LinkHealth } from '../../src/health/link-health.ts';
import { VerdictStore } from '../../src/store/verdict-store.ts';

const LINK = 'https://www.aa.org/assets/en_US/en_bigbook_chapt4.pdf';
const NEW_LINK = 'https://www.nami.org/';
const SITE_A = 'https://www.recovery-forum.example.org/thread/12';
const SITE_B = 'https://www.county-resources.org/guide.html';

function dead(url: string): LinkHealth {
  return {
    url,
    verdict: 'dead',
    reason: 'not-found',
    detail: '',
    status: 404,
    finalUrl: url,
    redirects: 0,
    newHome: null,
    archive: null,
    checkedAt: new Date().toISOString(),
    history: [],
    firstFailedAt: null,
    lastAliveAt: null,
  };
}

function memoryStorage() {
  const items: Record<string, unknown> = {};
  return {
    items,
    get: async (k: string) => (k in items ? { [k]: items[k] } : {}),
    set: async (o: Record<string, unknown>) => void Object.assign(items, o),
  };
}

describe('verdicts are shown to the sites they were checked for', () => {
  it('a page of another site gets no cached verdict, and the same answer as for a link never checked', async () => {
    const store = new VerdictStore({ factory: new IDBFactory() });
    const deps = {
      store,
      startWork: () => undefined,
      budget: new CheckBudget(),
      siteKey: createSiteKeys(memoryStorage()),
    };
    const ask = (pageUrl: string | null, urls: string[]) => knownAndQueued(deps, { urls }, { tabId: 1, pageUrl });

    // Site A's page asks; the check runs as the work queue runs it, for the sites waiting.
    expect(await ask(SITE_A, [LINK])).toEqual({ verdicts: [], queued: [LINK] });
    const waiting = await store.queuedCheck(LINK);
    await store.save(dead(LINK), Date.now(), undefined, waiting?.forSites ?? []);
    await store.dequeue(LINK);

    // Site A sees it at once from now on.
    expect((await ask(SITE_A, [LINK])).verdicts.map((v) => v.verdict)).toEqual(['dead']);
    // Site B: the checked link and a link never checked get the same answer: nothing known, both queued.
    expect(await ask(SITE_B, [LINK, NEW_LINK])).toEqual({ verdicts: [], queued: [LINK, NEW_LINK] });
    // The extension's own pages (the popup, the audit page) are the user's, and see every verdict.
    expect((await ask(null, [LINK])).verdicts.map((v) => v.verdict)).toEqual(['dead']);
    // What is stored says nothing readable about the sites.
    const stored = await store.get(LINK);
    expect(stored?.shownTo).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toMatch(/recovery-forum|county-resources/);
  });
});

describe('site keys', () => {
  it('are the same for pages of one site, differ between sites, and keep their secret across starts', async () => {
    const storage = memoryStorage();
    const keys = createSiteKeys(storage);
    const a1 = await keys('https://www.nami.org/find-support');
    expect(await keys('https://nami.org/other')).toBe(a1);
    expect(await keys('https://www.aa.org/')).not.toBe(a1);
    expect(await keys(null)).toBeNull();
    expect(a1).not.toMatch(/nami/);
    expect(typeof storage.items[SITE_KEY_SECRET]).toBe('string');
    expect(await createSiteKeys(storage)('https://www.nami.org/')).toBe(a1);
    expect(await createSiteKeys(memoryStorage())('https://www.nami.org/')).not.toBe(a1);
  });
});
