/**
 * Subscribing to a verdict feed, in the background's own parts with IndexedDB (fake-indexeddb here; the e2e test
 * uses the browsers' own): conditional fetches, strict refusal that keeps the last good entries, imports that
 * replace a feed's entries, and the rule that our own newer check always wins over the feed.
 */
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { CheckBudget } from '../../src/background/check-budget.ts';
import { FeedSubscriptions, FEED_REFRESH_MS } from '../../src/background/feed-subscriptions.ts';
import { createHandlers } from '../../src/background/handlers.ts';
import { buildFeed, renderFeed } from '../../src/feed/feed.ts';
import { feedStandsIn } from '../../src/feed/prefer.ts';
import type { LinkHealth } from '../../src/health/link-health.ts';
import { fromWire } from '../../src/messages.ts';
import { FeedStore } from '../../src/store/feed-store.ts';
import { VerdictStore } from '../../src/store/verdict-store.ts';

const FEED = 'https://feeds.example-clinic.org/verdicts.json';
const T0 = Date.parse('2026-12-03T06:00:00Z');
const DEAD = 'http://www.ocfoundation.org/EO_Hoarding.aspx';
const ALIVE = 'https://al-anon.org/';

function report(url: string, verdict: 'dead' | 'alive', checkedAt: string): LinkHealth {
  return {
    url,
    verdict,
    reason: verdict === 'dead' ? 'not-found' : 'ok',
    detail: '',
    status: verdict === 'dead' ? 404 : 200,
    finalUrl: url,
    redirects: 0,
    newHome: verdict === 'dead' ? 'https://iocdf.org/' : null,
    archive: null,
    checkedAt,
    history: [
      { at: checkedAt, outcome: verdict === 'dead' ? 'dead' : 'ok', reason: verdict === 'dead' ? 'not-found' : 'ok' },
    ],
    firstFailedAt: verdict === 'dead' ? checkedAt : null,
    lastAliveAt: verdict === 'dead' ? null : checkedAt,
  };
}

function feedText(links: Array<[string, LinkHealth]>, publisher = 'Champaign County Behavioral Health'): string {
  return renderFeed(
    buildFeed({
      publisher,
      site: 'https://directory.example.org/',
      generatedAt: '2026-12-03T02:10:00.000Z',
      reports: links,
    }),
  );
}

/** A feed server: answers with `body`, honours If-None-Match, and records what it was sent. */
function server(initial: { body: string; status?: number; etag?: string }) {
  const state = { ...initial, asked: [] as Array<{ url: string; init: RequestInit }> };
  const fetchFn = (async (url: string | URL | Request, init?: RequestInit) => {
    state.asked.push({ url: String(url), init: init ?? {} });
    const headers = new Headers(init?.headers);
    if (state.etag && headers.get('if-none-match') === state.etag)
      return Object.defineProperty(new Response(null, { status: 304 }), 'url', { value: String(url) });
    const res = new Response(state.body, {
      status: state.status ?? 200,
      headers: state.etag ? { etag: state.etag } : {},
    });
    return Object.defineProperty(res, 'url', { value: String(url) });
  }) as typeof fetch;
  return { state, fetchFn };
}

function parts(fetchFn: typeof fetch, now = () => T0, maxBytes?: number) {
  const factory = new IDBFactory();
  const feeds = new FeedStore({ factory });
  const subscriptions = new FeedSubscriptions({ store: feeds, fetch: fetchFn, now, maxBytes });
  return { factory, feeds, subscriptions };
}

describe('fetching a subscribed feed', () => {
  it('imports it, then asks with its validators and keeps it on "not modified"', async () => {
    const { state, fetchFn } = server({
      body: feedText([
        [DEAD, report(DEAD, 'dead', '2026-12-03T02:00:00.000Z')],
        [ALIVE, report(ALIVE, 'alive', '2026-12-03T02:00:00.000Z')],
      ]),
      etag: '"v1"',
    });
    const { feeds, subscriptions } = parts(fetchFn);
    await subscriptions.refresh([FEED]);
    const record = await feeds.record(FEED);
    expect(record).toMatchObject({
      publisher: 'Champaign County Behavioral Health',
      links: 2,
      etag: '"v1"',
      problem: null,
    });
    const got = await feeds.lookup([DEAD, ALIVE, 'https://unknown.example/'], new Set([FEED]));
    expect([...got.keys()].sort()).toEqual([ALIVE, DEAD].sort());
    // No cookies, credentials or referrer, as for every request of ours.
    expect(state.asked[0]!.init).toMatchObject({ credentials: 'omit', referrerPolicy: 'no-referrer' });

    await subscriptions.refresh([FEED], { all: true });
    expect(new Headers(state.asked[1]!.init.headers).get('if-none-match')).toBe('"v1"');
    expect((await feeds.lookup([DEAD], new Set([FEED]))).size).toBe(1);
  });

  it('asks again only when due, unless asked to', async () => {
    let now = T0;
    const { state, fetchFn } = server({
      body: feedText([[ALIVE, report(ALIVE, 'alive', '2026-12-03T02:00:00.000Z')]]),
    });
    const { subscriptions } = parts(fetchFn, () => now);
    await subscriptions.refresh([FEED]);
    now += FEED_REFRESH_MS - 1;
    await subscriptions.refresh([FEED]);
    expect(state.asked).toHaveLength(1);
    now += 1;
    await subscriptions.refresh([FEED]);
    expect(state.asked).toHaveLength(2);
  });

  it("replaces a feed's entries with the next import: a link the feed no longer lists is gone", async () => {
    const { state, fetchFn } = server({
      body: feedText([
        [DEAD, report(DEAD, 'dead', '2026-12-03T02:00:00.000Z')],
        [ALIVE, report(ALIVE, 'alive', '2026-12-03T02:00:00.000Z')],
      ]),
    });
    const { feeds, subscriptions } = parts(fetchFn);
    await subscriptions.refresh([FEED]);
    state.body = feedText([[ALIVE, report(ALIVE, 'alive', '2026-12-03T04:00:00.000Z')]]);
    await subscriptions.refresh([FEED], { all: true });
    const got = await feeds.lookup([DEAD, ALIVE], new Set([FEED]));
    expect([...got.keys()]).toEqual([ALIVE]);
    expect(got.get(ALIVE)!.checkedAt).toBe('2026-12-03T04:00:00.000Z');
  });

  it.each([
    ['a feed that is not JSON', { body: '<html>Sign in</html>' }, /refused: it is not JSON/],
    [
      'a hostile archive link',
      {
        body: feedText([
          [
            DEAD,
            {
              ...report(DEAD, 'dead', '2026-12-03T02:00:00.000Z'),
              archive: { url: 'https://evil.example/', timestamp: '20100101000000' },
            },
          ],
        ]),
      },
      /refused: .*not a Wayback Machine capture/,
    ],
    ['a server error', { body: 'down', status: 503 }, /the server answered 503/],
  ])('refuses %s, says why, and keeps the last good entries', async (_what, next, why) => {
    const { state, fetchFn } = server({ body: feedText([[DEAD, report(DEAD, 'dead', '2026-12-03T02:00:00.000Z')]]) });
    const { feeds, subscriptions } = parts(fetchFn);
    await subscriptions.refresh([FEED]);
    Object.assign(state, next);
    await subscriptions.refresh([FEED], { all: true });
    expect((await feeds.record(FEED))!.problem).toMatch(why);
    expect((await feeds.lookup([DEAD], new Set([FEED]))).size).toBe(1);
  });

  it('refuses a feed larger than the cap while it arrives', async () => {
    const { fetchFn } = server({ body: feedText([[DEAD, report(DEAD, 'dead', '2026-12-03T02:00:00.000Z')]]) });
    const { feeds, subscriptions } = parts(fetchFn, () => T0, 100);
    await subscriptions.refresh([FEED]);
    expect((await feeds.record(FEED))!.problem).toMatch(/larger than 100 bytes/);
    expect((await feeds.lookup([DEAD], new Set([FEED]))).size).toBe(0);
  });

  it('forgets an unsubscribed feed and everything it said', async () => {
    const { fetchFn } = server({ body: feedText([[DEAD, report(DEAD, 'dead', '2026-12-03T02:00:00.000Z')]]) });
    const { feeds, subscriptions } = parts(fetchFn);
    await subscriptions.refresh([FEED]);
    await subscriptions.refresh([]);
    expect(await feeds.records()).toEqual([]);
    expect((await feeds.lookup([DEAD], new Set([FEED]))).size).toBe(0);
  });

  it('imports a feed far larger than one transaction, and replaces it whole', async () => {
    const many = Array.from({ length: 2_100 }, (_, i): [string, LinkHealth] => [
      `https://g${i}.example/`,
      report(`https://g${i}.example/`, 'alive', '2026-12-03T02:00:00.000Z'),
    ]);
    const { state, fetchFn } = server({ body: feedText(many) });
    const { feeds, subscriptions } = parts(fetchFn);
    await subscriptions.refresh([FEED]);
    expect((await feeds.lookup(['https://g0.example/', 'https://g2099.example/'], new Set([FEED]))).size).toBe(2);
    state.body = feedText(many.slice(0, 10));
    await subscriptions.refresh([FEED], { all: true });
    expect(
      (await feeds.lookup(['https://g9.example/', 'https://g10.example/', 'https://g2099.example/'], new Set([FEED])))
        .size,
    ).toBe(1);
    // 2,100 verdicts into IndexedDB twice: seconds on a busy machine, so more than vitest's 5 s default to finish.
  }, 60_000);
});

describe('which verdict a page gets', () => {
  it("the feed's when it is fresh and newer than ours; ours when ours is newer; neither when the feed is stale", () => {
    const feed = { verdict: 'dead' as const, reason: 'not-found' as const, checkedAt: '2026-12-03T02:00:00.000Z' };
    expect(feedStandsIn(undefined, feed, T0)).toBe(true);
    expect(feedStandsIn({ checkedAt: '2026-12-02T02:00:00.000Z' }, feed, T0)).toBe(true);
    // Our own check after the feed's found it alive: the feed does not make it dead.
    expect(feedStandsIn({ checkedAt: '2026-12-03T05:00:00.000Z' }, feed, T0)).toBe(false);
    // A dead verdict is trusted for a day, as our own.
    expect(feedStandsIn(undefined, feed, Date.parse('2026-12-04T02:00:01Z'))).toBe(false);
  });

  it('a lookup answers from the feed with who checked, and queues no check of ours', async () => {
    // The background decides by the real clock: the feed was published an hour ago.
    const anHourAgo = new Date(Date.now() - 3_600_000).toISOString();
    const { fetchFn } = server({ body: feedText([[DEAD, report(DEAD, 'dead', anHourAgo)]]) });
    const { factory, feeds, subscriptions } = parts(fetchFn, () => Date.now());
    await subscriptions.refresh([FEED]);
    const store = new VerdictStore({ factory });
    let started = 0;
    const handlers = createHandlers({
      store,
      startWork: () => void started++,
      budget: new CheckBudget(),
      siteKey: async () => 'site-key',
      setBadge: async () => undefined,
      feeds: { lookup: (urls) => feeds.lookup(urls, new Set([FEED])), recheckHours: () => 168 },
    });
    const page = { tabId: 1, pageUrl: 'https://www.county-guide.org/' };
    const first = (await handlers.lookup({ urls: [DEAD] }, page)).verdicts.map(fromWire);
    expect(first).toEqual([
      expect.objectContaining({
        url: DEAD,
        verdict: 'dead',
        checkedBy: 'Champaign County Behavioral Health',
        newHome: 'https://iocdf.org/',
      }),
    ]);
    expect(started).toBe(0);
    expect(await store.queuedCount()).toBe(0);

    // Our own check, made later, found it working: that is what the page gets.
    await store.save(report(DEAD, 'alive', new Date().toISOString()), Date.now(), 168, ['site-key']);
    const later = (await handlers.lookup({ urls: [DEAD] }, page)).verdicts.map(fromWire);
    expect(later).toEqual([expect.objectContaining({ verdict: 'alive' })]);
    expect(later[0]!.checkedBy).toBeUndefined();

    // "Check this link" asks us, whatever the feed says.
    await handlers.lookup({ urls: [DEAD], force: true }, page);
    expect(await store.queuedCount()).toBe(1);
  });
});
