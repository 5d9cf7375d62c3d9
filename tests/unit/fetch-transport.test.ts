/**
 * The extension's network (src/background/fetch-transport.ts and network-log.ts) with the browser's fetch and
 * webRequest events played by the test, in the orders and timings browsers really produce (Chromium names a failure a few milliseconds after fetch rejects): the
 * failure's name arriving after fetch rejects, a fragment the browser leaves out of the request's address, a
 * request cancelled because the network changed, and a server address that is private.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFetchTransport } from '../../src/background/fetch-transport.ts';
import { NetworkLog } from '../../src/background/network-log.ts';
import { fakeWebRequest } from './fake-web-request.ts';
import type { FetchOptions } from '../../src/health/transport.ts';

const OPTIONS: FetchOptions = { timeoutMs: 10_000, maxBodyBytes: 1024, maxRedirects: 5, allowPrivate: false };
let requestId = 0;

/** A fetch that fails the way Chromium's does: TypeError first, the error's name `lagMs` later. */
function failingFetch(web: ReturnType<typeof fakeWebRequest>, error: string, lagMs: number, fired: string[] = []) {
  return vi.fn(async (input: string | URL) => {
    const id = String(++requestId);
    const url = new URL(String(input));
    url.hash = '';
    web.fire('onBeforeRequest', { requestId: id, url: url.href, tabId: -1 });
    setTimeout(() => {
      fired.push(error);
      web.fire('onErrorOccurred', { requestId: id, error });
    }, lagMs);
    throw new TypeError('Failed to fetch');
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('naming a failed request', () => {
  it('waits for the name of a failure the browser announced, even when it comes long after fetch rejected', async () => {
    const web = fakeWebRequest();
    vi.stubGlobal('fetch', failingFetch(web, 'net::ERR_NAME_NOT_RESOLVED', 900));
    const ex = await createFetchTransport(new NetworkLog(web.api), () => true).fetch(
      'https://www.recovery-inc.org/',
      OPTIONS,
    );
    expect(ex.failure).toBe('no-such-domain');
  });

  it('recognises the request of an address with a fragment, which the browser reports without it', async () => {
    const web = fakeWebRequest();
    vi.stubGlobal('fetch', failingFetch(web, 'net::ERR_CONNECTION_REFUSED', 5));
    const ex = await createFetchTransport(new NetworkLog(web.api), () => true).fetch(
      'https://www.copelandcenter.com/wrap/#top',
      OPTIONS,
    );
    expect(ex.failure).toBe('refused');
  });

  it('asks once more when the browser cancelled the request because its network changed', async () => {
    const web = fakeWebRequest();
    let calls = 0;
    vi.stubGlobal('fetch', async (input: string) => {
      calls++;
      if (calls === 1) return failingFetch(web, 'net::ERR_NETWORK_CHANGED', 1)(input);
      const id = String(++requestId);
      web.fire('onBeforeRequest', { requestId: id, url: input, tabId: -1 });
      web.fire('onResponseStarted', { requestId: id, ip: '23.192.0.10' });
      web.fire('onCompleted', { requestId: id, ip: '23.192.0.10' });
      return new Response('<title>NAMI</title>', { status: 200, headers: { 'content-type': 'text/html' } });
    });
    const ex = await createFetchTransport(new NetworkLog(web.api), () => true).fetch('https://www.nami.org/', OPTIONS);
    expect(calls).toBe(2);
    expect([ex.failure, ex.status]).toEqual([null, 200]);
  });
});

describe('a private server address', () => {
  function answeringFrom(web: ReturnType<typeof fakeWebRequest>, ip: string, redirectVia?: string) {
    return async (input: string) => {
      const id = String(++requestId);
      web.fire('onBeforeRequest', { requestId: id, url: input, tabId: -1 });
      if (redirectVia)
        web.fire('onBeforeRedirect', {
          requestId: id,
          url: input,
          statusCode: 302,
          redirectUrl: redirectVia,
          ip: '23.192.0.10',
        });
      web.fire('onResponseStarted', { requestId: id, ip });
      web.fire('onCompleted', { requestId: id, ip });
      return new Response('<title>Router administration</title>', {
        status: 200,
        headers: { 'content-type': 'text/html' },
      });
    };
  }

  it.each([
    ['a name answered with loopback', '127.0.0.1', undefined],
    ['a redirect into the local network', '192.168.1.1', 'http://192.168.1.1/admin'],
    ['an IPv6 unique local address', 'fd00::1', undefined],
  ])('%s: the exchange keeps nothing of the answer', async (_case, ip, redirect) => {
    const web = fakeWebRequest();
    vi.stubGlobal('fetch', answeringFrom(web, ip, redirect));
    const ex = await createFetchTransport(new NetworkLog(web.api), () => true).fetch(
      'https://www.support-near-you.org/',
      OPTIONS,
    );
    expect(ex).toMatchObject({
      failure: 'private-address',
      status: null,
      hops: [],
      body: '',
      finalUrl: 'https://www.support-near-you.org/',
    });
  });

  it('is fetched as usual when private checks are allowed', async () => {
    const web = fakeWebRequest();
    vi.stubGlobal('fetch', answeringFrom(web, '10.0.0.8'));
    const ex = await createFetchTransport(new NetworkLog(web.api), () => true).fetch('https://intranet.example.org/', {
      ...OPTIONS,
      allowPrivate: true,
    });
    expect([ex.failure, ex.status]).toEqual([null, 200]);
  });
});

describe('a large page we stop reading at the size cap', () => {
  it('is alive: Chromium names the cancelled body "net::ERR_FAILED", which after an answer is not a refusal', async () => {
    const web = fakeWebRequest();
    vi.stubGlobal('fetch', async (input: string) => {
      const id = String(++requestId);
      web.fire('onBeforeRequest', { requestId: id, url: input, tabId: -1 });
      web.fire('onResponseStarted', { requestId: id, ip: '23.192.0.10' });
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          controller.enqueue(new TextEncoder().encode('<title>The big list of support groups</title>'.padEnd(512)));
        },
        cancel() {
          setTimeout(() => web.fire('onErrorOccurred', { requestId: id, error: 'net::ERR_FAILED' }), 3);
        },
      });
      return new Response(body, { status: 200, headers: { 'content-type': 'text/html' } });
    });
    const ex = await createFetchTransport(new NetworkLog(web.api), () => true).fetch(
      'https://psychcentral.com/lib/the-big-list-of-support-groups',
      OPTIONS,
    );
    expect([ex.failure, ex.status, ex.bodyTruncated]).toEqual([null, 200, true]);
  });
});

describe('a request the private-network guard refused before it was sent', () => {
  it.each([
    ["Chromium's rule blocked a redirect to a private literal", 'net::ERR_BLOCKED_BY_CLIENT', false],
    ['Chromium refused a connection into a more private address space', 'net::ERR_FAILED', false],
    ["Firefox's guard cancelled it", 'NS_ERROR_ABORT', true],
  ])('%s: "private-address", and nothing else', async (_case, error, markedByGuard) => {
    const web = fakeWebRequest();
    const log: { current?: NetworkLog } = {};
    vi.stubGlobal('fetch', async (input: string) => {
      const id = String(++requestId);
      web.fire('onBeforeRequest', { requestId: id, url: input, tabId: -1 });
      web.fire('onBeforeRedirect', {
        requestId: id,
        url: input,
        statusCode: 302,
        redirectUrl: 'http://www.rebound.org:8080/admin',
        ip: '23.192.0.10',
      });
      if (markedByGuard) log.current!.markRefused(id);
      setTimeout(() => web.fire('onErrorOccurred', { requestId: id, error }), 3);
      throw new TypeError('Failed to fetch');
    });
    log.current = new NetworkLog(web.api);
    const ex = await createFetchTransport(log.current, () => true).fetch('https://www.support-near-you.org/', OPTIONS);
    expect(ex).toMatchObject({ failure: 'private-address', hops: [], status: null });
  });

  it('declares every check public to the browser, unless private checks are allowed', async () => {
    const seen: unknown[] = [];
    vi.stubGlobal('fetch', async (_input: string, init: RequestInit & { targetAddressSpace?: string }) => {
      seen.push(init.targetAddressSpace);
      return new Response('', { status: 204 });
    });
    const transport = createFetchTransport(new NetworkLog(undefined), () => true);
    await transport.fetch('https://www.aa.org/', OPTIONS);
    await transport.fetch('https://intranet.example.org/', { ...OPTIONS, allowPrivate: true });
    expect(seen).toEqual(['public', undefined]);
  });
});
