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
import { askerFrom, createSiteKeys, pageSite, SITE_KEY_SECRET } from '../../src/background/site-keys.ts';
import type { LinkHealth } from '../../src/health/link-health.ts';
import type { SharedVerdict } from '../../src/store/feed-store.ts';
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

/** A page's site asks for links, and the work queue checks them as it runs them, for the sites waiting. */
async function checkFor(
  store: VerdictStore,
  ask: (pageUrl: string | null, urls: string[]) => Promise<{ queued: string[] }>,
  pageUrl: string,
  report: LinkHealth,
) {
  expect((await ask(pageUrl, [report.url])).queued).toEqual([report.url]);
  const waiting = await store.queuedCheck(report.url);
  await store.save(report, Date.now(), undefined, waiting?.forSites ?? []);
  await store.dequeue(report.url);
}

describe('file: pages are a site of their own', () => {
  const FILE_PAGE = 'file:///home/clinician/handouts/groups.html';
  it("see no verdict checked for a web site's page, and web pages see none checked for them", async () => {
    const store = new VerdictStore({ factory: new IDBFactory() });
    const deps = {
      store,
      startWork: () => undefined,
      budget: new CheckBudget(),
      siteKey: createSiteKeys(memoryStorage()),
    };
    const ask = (pageUrl: string | null, urls: string[]) => knownAndQueued(deps, { urls }, { tabId: 1, pageUrl });
    await checkFor(store, ask, SITE_A, dead(LINK));
    expect(await ask(FILE_PAGE, [LINK])).toEqual({ verdicts: [], queued: [LINK] });
    await checkFor(store, ask, FILE_PAGE, dead(NEW_LINK));
    expect((await ask('file:///tmp/other.html', [NEW_LINK])).verdicts.map((v) => v.verdict)).toEqual(['dead']);
    expect((await ask(SITE_B, [NEW_LINK])).verdicts).toEqual([]);
  });

  it("the sites pages belong to, and only the extension's own pages are its own", () => {
    expect(pageSite(FILE_PAGE)).toBe('file:');
    expect(pageSite('https://www.nami.org/help')).toBe('nami.org');
    expect(pageSite('blob:https://www.nami.org/8c2e')).toBe('nami.org');
    expect(pageSite('ftp://files.example.org/a.html')).toBe('ftp://files.example.org');
    const ours = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/';
    expect(askerFrom({ url: `${ours}popup.html`, tab: { id: 2 } }, ours)).toEqual({ tabId: 2, pageUrl: null });
    expect(askerFrom({ url: FILE_PAGE, tab: { id: 3 } }, ours)).toEqual({ tabId: 3, pageUrl: FILE_PAGE });
    expect(askerFrom({ tab: { id: 4 } }, ours).pageUrl).not.toBeNull();
    expect(askerFrom(undefined, ours).pageUrl).not.toBeNull();
    expect(askerFrom({ url: 'chrome-extension://another-extension-id/page.html' }, ours).pageUrl).not.toBeNull();
  });
});

describe("a feed's verdict stands in by the page's own view", () => {
  it('a feed-covered link the browser checked on another site is answered as one it never checked', async () => {
    const store = new VerdictStore({ factory: new IDBFactory() });
    const feedCheckedAt = new Date(Date.now() - 3_600_000).toISOString();
    const fromFeed = (url: string): SharedVerdict => ({
      ...dead(url),
      checkedAt: feedCheckedAt,
      feed: 'https://feeds.county-bh.org/verdicts.json',
      publisher: 'County Behavioral Health',
      generation: 1,
      signed: true,
    });
    const deps = {
      store,
      startWork: () => undefined,
      budget: new CheckBudget(),
      siteKey: createSiteKeys(memoryStorage()),
      feeds: {
        lookup: async (urls: readonly string[]) => new Map(urls.map((u) => [u, fromFeed(u)] as const)),
        recheckHours: () => 168,
      },
    };
    const ask = (pageUrl: string | null, urls: string[]) =>
      knownAndQueued(deps, { urls, force: false }, { tabId: 1, pageUrl });
    // Site A's page was checked by this browser after the feed was published: its own verdict is newer.
    await checkFor(store, ask, SITE_A, { ...dead(LINK), verdict: 'alive', reason: 'ok', status: 200 });
    expect((await ask(SITE_A, [LINK])).verdicts.map((v) => v.verdict)).toEqual(['alive']);
    // Site B: the link met on A and a link never met come back alike, both from the feed.
    const b = await ask(SITE_B, [LINK, NEW_LINK]);
    expect(b.verdicts.map((v) => [v.url, v.verdict, v.checkedAt])).toEqual([
      [LINK, 'dead', feedCheckedAt],
      [NEW_LINK, 'dead', feedCheckedAt],
    ]);
    expect(b.queued.includes(LINK)).toBe(b.queued.includes(NEW_LINK));
  });
});

describe('site keys', () => {
  it('are the same for pages of one site, differ between sites, and keep their secret across starts', async () => {
    expect(await createSiteKeys(memoryStorage())('file:///tmp/a.html')).not.toBeNull();
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
