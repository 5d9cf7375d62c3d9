/**
 * A feed's redirects, hop by hop (src/background/feed-fetch.ts), with the browser's fetch and webRequest events played
 * by the test as browsers produce them for redirect: 'manual' (an opaque answer; the hop's target in onBeforeRedirect):
 * each hop is https and public before it is asked, and its connection's address is screened after.
 */
import { describe, expect, it } from 'vitest';
import { createFeedFetch, FeedHopRefused, MAX_FEED_REDIRECTS } from '../../src/background/feed-fetch.ts';
import { NetworkLog, type WebRequestEvents } from '../../src/background/network-log.ts';

type Listener = (d: Record<string, unknown>) => void;

interface Answer {
  status: number;
  location?: string;
  ip?: string;
  /** The private-network guard cancels this request (Firefox's, private-network.ts). */
  guardCancels?: boolean;
}

/**
 * A browser whose web answers by `web`; records what was asked and how. Chromium reports an unfollowed redirect as a
 * hop (onBeforeRedirect); Firefox only by the answer's headers (onHeadersReceived).
 */
function browserWith(web: Record<string, Answer>, kind: 'chromium' | 'firefox' = 'chromium') {
  const listeners: Record<string, Listener[]> = {};
  const event = (name: string) => ({ addListener: (cb: Listener) => (listeners[name] ??= []).push(cb) });
  const fire = (name: string, d: Record<string, unknown>) => listeners[name]?.forEach((cb) => cb(d));
  const log = new NetworkLog({
    onBeforeRequest: event('onBeforeRequest'),
    onBeforeRedirect: event('onBeforeRedirect'),
    onResponseStarted: event('onResponseStarted'),
    onCompleted: event('onCompleted'),
    onErrorOccurred: event('onErrorOccurred'),
    onHeadersReceived: event('onHeadersReceived'),
  } as unknown as WebRequestEvents);
  const asked: Array<{ url: string; init: RequestInit & { targetAddressSpace?: string } }> = [];
  let id = 0;
  const fetch = async (url: string, init: RequestInit) => {
    asked.push({ url, init });
    const requestId = String(++id);
    const answer = web[url] ?? { status: 404 };
    fire('onBeforeRequest', { requestId, url, tabId: -1 });
    if (answer.guardCancels) {
      log.markRefused(requestId);
      fire('onErrorOccurred', { requestId, error: 'NS_ERROR_ABORT' });
      throw new TypeError('NetworkError when attempting to fetch resource.');
    }
    const ip = answer.ip ?? '23.192.0.10';
    if (answer.location) {
      fire('onHeadersReceived', {
        requestId,
        url,
        statusCode: answer.status,
        responseHeaders: [{ name: 'Location', value: answer.location }],
      });
      if (kind === 'chromium') {
        fire('onBeforeRedirect', {
          requestId,
          url,
          statusCode: answer.status,
          redirectUrl: new URL(answer.location, url).href,
          ip,
        });
        fire('onErrorOccurred', { requestId, error: 'net::ERR_ABORTED', ip });
      } else fire('onCompleted', { requestId, ip });
      const opaque = new Response(null, { status: 200 });
      Object.defineProperties(opaque, { type: { value: 'opaqueredirect' }, status: { value: 0 } });
      return opaque;
    }
    fire('onResponseStarted', { requestId, ip });
    fire('onCompleted', { requestId, ip });
    return Object.defineProperty(new Response('{"feed":true}', { status: answer.status }), 'url', { value: url });
  };
  return { log, fetch, asked };
}

const FEED = 'https://feeds.county-bh.org/verdicts.json';

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof FeedHopRefused) return err.message;
    throw err;
  }
  return 'not refused';
}

describe("a feed's redirects", () => {
  it.each(['chromium', 'firefox'] as const)(
    'are followed one https hop at a time, each asked without following and declared public (%s)',
    async (kind) => {
      const b = browserWith(
        {
          [FEED]: { status: 301, location: '/feeds/verdicts.json' },
          'https://feeds.county-bh.org/feeds/verdicts.json': {
            status: 308,
            location: 'https://www.county-bh.org/feeds/verdicts.json',
          },
          'https://www.county-bh.org/feeds/verdicts.json': { status: 200 },
        },
        kind,
      );
      const res = await createFeedFetch({ ...b, allowPrivate: () => false })(FEED, {});
      expect(await res.text()).toBe('{"feed":true}');
      expect(b.asked.map((a) => [a.url, a.init.redirect, a.init.targetAddressSpace])).toEqual([
        [FEED, 'manual', 'public'],
        ['https://feeds.county-bh.org/feeds/verdicts.json', 'manual', 'public'],
        ['https://www.county-bh.org/feeds/verdicts.json', 'manual', 'public'],
      ]);
    },
  );

  it('are refused at an http: step, which is never asked, even when the chain ends on https', async () => {
    const b = browserWith({
      [FEED]: { status: 302, location: 'http://feeds.county-bh.org/step.json' },
      'http://feeds.county-bh.org/step.json': { status: 302, location: 'https://evil-mirror.org/verdicts.json' },
      'https://evil-mirror.org/verdicts.json': { status: 200 },
    });
    expect(await refusal(createFeedFetch({ ...b, allowPrivate: () => false })(FEED, {}))).toBe(
      'it was redirected to an address that is not https',
    );
    expect(b.asked.map((a) => a.url)).toEqual([FEED]);
  });

  it.each([
    ['a redirect to a loopback address', { status: 302, location: 'https://127.0.0.1/verdicts.json' }, 1],
    ['a redirect to a one-word host', { status: 302, location: 'https://intranet/verdicts.json' }, 1],
    ['a connection that reached a private address', { status: 200, ip: '10.0.0.5' }, 1],
    ['a hop the guard refused before it was sent', { status: 200, guardCancels: true }, 1],
  ])('are refused, with one reason, for %s', async (_case, answer, asks) => {
    const b = browserWith({ [FEED]: answer });
    expect(await refusal(createFeedFetch({ ...b, allowPrivate: () => false })(FEED, {}))).toBe(
      'its address, or one it was redirected to, is in a private network',
    );
    expect(b.asked).toHaveLength(asks);
  });

  it('may lead into a private network when private-network checks are allowed', async () => {
    const b = browserWith({
      [FEED]: { status: 302, location: 'https://feeds.intranet/verdicts.json' },
      'https://feeds.intranet/verdicts.json': { status: 200, ip: '10.0.0.5' },
    });
    const res = await createFeedFetch({ ...b, allowPrivate: () => true })(FEED, {});
    expect(res.status).toBe(200);
    expect(b.asked.map((a) => a.init.targetAddressSpace)).toEqual([undefined, undefined]);
  });

  it('end after as many hops as a check follows, and a feed address must be https itself', async () => {
    const web: Record<string, Answer> = {};
    for (let i = 0; i <= MAX_FEED_REDIRECTS + 1; i++)
      web[`https://feeds.county-bh.org/${i}`] = { status: 302, location: `https://feeds.county-bh.org/${i + 1}` };
    const b = browserWith(web);
    expect(
      await refusal(createFeedFetch({ ...b, allowPrivate: () => false })('https://feeds.county-bh.org/0', {})),
    ).toBe(`it was redirected more than ${MAX_FEED_REDIRECTS} times`);
    expect(b.asked).toHaveLength(MAX_FEED_REDIRECTS + 1);
    expect(
      await refusal(createFeedFetch({ ...b, allowPrivate: () => false })('http://feeds.county-bh.org/v.json', {})),
    ).toBe('its address is not https');
  });
});
