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
import { feedStandsIn, feedWord } from '../../src/feed/prefer.ts';
import { makeKeyPair, readKeyFile } from '../../src/feed/signature.ts';
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
      checks: links,
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

  it('an unsigned feed: a "dead" strikes only when our own check agrees; a "dead" or "alive" is the word of a signed one', () => {
    const dead = { verdict: 'dead' as const, reason: 'not-found' as const, checkedAt: '2026-12-03T02:00:00.000Z' };
    const alive = { ...dead, verdict: 'alive' as const, reason: 'ok' as const };
    expect(feedWord(undefined, { ...dead, signed: false }, T0)).toBe('check-first');
    expect(feedWord(undefined, { ...dead, signed: true }, T0)).toBe('stands-in');
    expect(feedWord(undefined, { ...alive, signed: false }, T0)).toBe('stands-in');
    // Our own newer verdict wins over either.
    expect(feedWord({ checkedAt: '2026-12-03T05:00:00.000Z' }, { ...dead, signed: true }, T0)).toBe('none');
    expect(feedWord({ checkedAt: '2026-12-03T05:00:00.000Z' }, { ...dead, signed: false }, T0)).toBe('none');
    expect(feedWord(undefined, undefined, T0)).toBe('none');
  });

  /** The background's answer to a page, with the feed at FEED subscribed (under `keys`) and a verdict store. */
  async function pageOf(body: string, keys: Record<string, string> = {}) {
    const { fetchFn } = server({ body });
    const { factory, feeds, subscriptions } = parts(fetchFn, () => Date.now());
    await subscriptions.refresh([FEED], { keys });
    const store = new VerdictStore({ factory });
    let started = 0;
    const handlers = createHandlers({
      store,
      startWork: () => void started++,
      budget: new CheckBudget(),
      siteKey: async () => 'site-key',
      setBadge: async () => undefined,
      feeds: { lookup: (urls) => feeds.lookup(urls, new Set([FEED]), keys), recheckHours: () => 168 },
    });
    const page = { tabId: 1, pageUrl: 'https://www.county-guide.org/' };
    const ask = async (force = false) => (await handlers.lookup({ urls: [DEAD], force }, page)).verdicts.map(fromWire);
    return { ask, store, feeds, started: () => started };
  }

  it('an unsigned feed\'s "dead" is not shown: the link is checked by this browser first', async () => {
    const anHourAgo = new Date(Date.now() - 3_600_000).toISOString();
    const { ask, store, started } = await pageOf(feedText([[DEAD, report(DEAD, 'dead', anHourAgo)]]));
    expect(await ask()).toEqual([]);
    expect(await store.queuedCount()).toBe(1);
    expect(started()).toBe(1);
    // Even with a verdict of our own still fresh but older than the feed's: ours is shown, as being checked again.
    await store.dequeue(DEAD);
    await store.save(report(DEAD, 'alive', new Date(Date.now() - 86_400_000).toISOString()), Date.now(), 168, [
      'site-key',
    ]);
    expect(await ask()).toEqual([expect.objectContaining({ verdict: 'alive', stale: true })]);
    expect(await store.queuedCount()).toBe(1);
  });

  it("a signed feed marks at once, with who checked; this browser's own check runs all the same, and the newer wins", async () => {
    const signer = await readKeyFile((await makeKeyPair()).keyFile);
    const anHourAgo = new Date(Date.now() - 3_600_000).toISOString();
    const body = await signer.sign(feedText([[DEAD, report(DEAD, 'dead', anHourAgo)]]));
    const { ask, store, started } = await pageOf(body, { [FEED]: signer.publicKey });
    expect(await ask()).toEqual([
      expect.objectContaining({
        url: DEAD,
        verdict: 'dead',
        checkedBy: 'Champaign County Behavioral Health',
        newHome: 'https://iocdf.org/',
      }),
    ]);
    expect(started()).toBe(1);
    expect(await store.queuedCount()).toBe(1);

    // Our own check, made later, found it working: that is what the page gets.
    await store.save(report(DEAD, 'alive', new Date().toISOString()), Date.now(), 168, ['site-key']);
    const later = await ask();
    expect(later).toEqual([expect.objectContaining({ verdict: 'alive' })]);
    expect(later[0]!.checkedBy).toBeUndefined();
  });

  it('a signed feed counts as unsigned under another pinned key, and as signed under none', async () => {
    const signer = await readKeyFile((await makeKeyPair()).keyFile);
    const other = (await makeKeyPair()).publicKey;
    const anHourAgo = new Date(Date.now() - 3_600_000).toISOString();
    const body = await signer.sign(feedText([[DEAD, report(DEAD, 'dead', anHourAgo)]]));
    const { feeds } = await pageOf(body, { [FEED]: signer.publicKey });
    expect((await feeds.lookup([DEAD], new Set([FEED]), { [FEED]: signer.publicKey })).get(DEAD)?.signed).toBe(true);
    expect((await feeds.lookup([DEAD], new Set([FEED]), { [FEED]: other })).get(DEAD)?.signed).toBe(false);
    expect((await feeds.lookup([DEAD], new Set([FEED]))).get(DEAD)?.signed).toBe(false);
  });
});

describe('a feed with a pinned key', () => {
  const at = '2026-12-03T02:00:00.000Z';
  it('is taken when its signature verifies, refused when one verdict was altered, unsigned, or signed with another key', async () => {
    const signer = await readKeyFile((await makeKeyPair()).keyFile);
    const stranger = await readKeyFile((await makeKeyPair()).keyFile);
    const signed = await signer.sign(
      feedText([
        [DEAD, report(DEAD, 'dead', at)],
        [ALIVE, report(ALIVE, 'alive', at)],
      ]),
    );
    const keys = { [FEED]: signer.publicKey };
    const { state, fetchFn } = server({ body: signed, etag: '"v1"' });
    const { feeds, subscriptions } = parts(fetchFn);
    await subscriptions.refresh([FEED], { keys });
    expect(await feeds.record(FEED)).toMatchObject({ okAt: T0, problem: null, signedBy: signer.publicKey, links: 2 });

    const cases: Array<[string, string]> = [
      [
        signed.replace('"verdict":"alive"', '"verdict":"dead"').replace('"reason":"ok"', '"reason":"not-found"'),
        'its signature does not verify against the pinned key',
      ],
      [feedText([[DEAD, report(DEAD, 'dead', at)]]), 'it is not signed, and a key is pinned for it'],
      [
        await stranger.sign(feedText([[DEAD, report(DEAD, 'dead', at)]])),
        'its signature does not verify against the pinned key',
      ],
    ];
    for (const [body, problem] of cases) {
      state.body = body;
      state.etag = undefined;
      await subscriptions.refresh([FEED], { all: true, keys });
      const record = await feeds.record(FEED);
      expect(record?.problem).toContain(problem);
      // The last good entries, verified, stay.
      expect(record).toMatchObject({ links: 2, signedBy: signer.publicKey });
    }
  });

  it('is fetched again whole when its key is pinned or changed, not answered by "not modified"', async () => {
    const signer = await readKeyFile((await makeKeyPair()).keyFile);
    const signed = await signer.sign(feedText([[DEAD, report(DEAD, 'dead', at)]]));
    const { state, fetchFn } = server({ body: signed, etag: '"v1"' });
    const { feeds, subscriptions } = parts(fetchFn);
    await subscriptions.refresh([FEED]);
    expect((await feeds.record(FEED))?.signedBy).toBeNull();
    // The organisation pins the key: asked again at once (not due for hours), without the validators.
    await subscriptions.refresh([FEED], { keys: { [FEED]: signer.publicKey } });
    expect(state.asked).toHaveLength(2);
    expect(new Headers(state.asked[1]!.init.headers).get('if-none-match')).toBeNull();
    expect((await feeds.record(FEED))?.signedBy).toBe(signer.publicKey);
  });
});
