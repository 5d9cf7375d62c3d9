/**
 * The audit page's verdict feed: asks the background for every link, takes what is known at once, asks again for
 * the rest (in batches the background accepts) until each verdict is in, takes pushes that overtake a lookup, and
 * gives up, saying so, after its patience.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LinkVerdict } from '../../src/messages.ts';
import { VerdictFeed } from '../../src/audit-page/verdict-feed.ts';

function verdict(url: string, over: Partial<LinkVerdict> = {}): LinkVerdict {
  return { url, verdict: 'alive', reason: 'ok', detail: '', status: 200, finalUrl: url, newHome: null, archive: null, checkedAt: '2026-11-28T10:00:00.000Z', stale: false, ...over };
}

const A = 'https://a.example/';
const B = 'https://b.example/';
const C = 'https://c.example/';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('VerdictFeed', () => {
  it('takes cached verdicts at once and asks again only for the missing, until all are in', async () => {
    const asked: string[][] = [];
    const known = new Map<string, LinkVerdict>([[A, verdict(A)]]);
    const got: LinkVerdict[] = [];
    const feed = new VerdictFeed({
      lookup: async (urls) => {
        asked.push(urls);
        return urls.map((u) => known.get(u)).filter((v): v is LinkVerdict => Boolean(v));
      },
      onVerdicts: (list) => got.push(...list),
      onGiveUp: () => expect.unreachable(),
      now: () => Date.now(),
    });
    feed.want([A, B]);
    await vi.advanceTimersByTimeAsync(0);
    expect(asked).toEqual([[A, B]]);
    expect(got.map((v) => v.url)).toEqual([A]);
    await vi.advanceTimersByTimeAsync(500);
    expect(asked[1]).toEqual([B]);
    known.set(B, verdict(B, { verdict: 'dead', reason: 'not-found' }));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(got.map((v) => `${v.url} ${v.verdict}`)).toEqual([`${A} alive`, `${B} dead`]);
    expect(feed.pending()).toEqual([]);
    const rounds = asked.length;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(asked.length).toBe(rounds); // nothing left to ask about
    feed.stop();
  });

  it('asks again for stale verdicts (a recheck is under way) and takes the fresh one', async () => {
    let fresh = false;
    const got: LinkVerdict[] = [];
    const feed = new VerdictFeed({
      lookup: async (urls) => urls.map((u) => verdict(u, fresh ? { checkedAt: '2026-11-29T10:00:00.000Z' } : { stale: true })),
      onVerdicts: (list) => got.push(...list),
      onGiveUp: () => undefined,
    });
    feed.want([A]);
    await vi.advanceTimersByTimeAsync(0);
    expect(got.map((v) => v.stale)).toEqual([true]);
    expect(feed.pending()).toEqual([A]);
    fresh = true;
    await vi.advanceTimersByTimeAsync(2_000);
    expect(got.map((v) => v.stale)).toEqual([true, false]);
    expect(feed.pending()).toEqual([]);
    feed.stop();
  });

  it('asks in batches the background accepts', async () => {
    const sizes: number[] = [];
    const feed = new VerdictFeed({ lookup: async (urls) => (sizes.push(urls.length), urls.map((u) => verdict(u))), onVerdicts: () => undefined, onGiveUp: () => undefined, batch: 500 });
    feed.want(Array.from({ length: 1_201 }, (_, i) => `https://g${i}.example/`));
    await vi.advanceTimersByTimeAsync(0);
    expect(sizes).toEqual([500, 500, 201]);
    feed.stop();
  });

  it('takes pushes for the links it watches, never a stale answer over a fresh one, nothing else', async () => {
    const got: LinkVerdict[] = [];
    const feed = new VerdictFeed({ lookup: async () => [], onVerdicts: (list) => got.push(...list), onGiveUp: () => undefined });
    feed.want([A, B]);
    await vi.advanceTimersByTimeAsync(0);
    expect(feed.receive([verdict(A), verdict(C)])).toBe(true);
    expect(feed.receive([verdict(A, { stale: true })])).toBe(false);
    expect(feed.receive([verdict(A)])).toBe(false); // the same again: no redraw
    expect(got.map((v) => v.url)).toEqual([A]);
    expect(feed.pending()).toEqual([B]);
    feed.stop();
  });

  it('gives up after its patience, names what never came, and stops asking', async () => {
    let calls = 0;
    const gaveUp: string[][] = [];
    const feed = new VerdictFeed({
      lookup: async (urls) => (calls++, urls.filter((u) => u === A).map((u) => verdict(u))),
      onVerdicts: () => undefined,
      onGiveUp: (urls) => gaveUp.push(urls),
      patienceMs: 30_000,
      maxIntervalMs: 4_000,
    });
    feed.want([A, B]);
    await vi.advanceTimersByTimeAsync(29_000);
    expect(gaveUp).toEqual([]);
    const before = calls;
    expect(before).toBeGreaterThan(3); // kept asking, backing off to every 4 s
    expect(before).toBeLessThan(15);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(gaveUp).toEqual([[B]]);
    const after = calls;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toBe(after);
    expect(feed.pending()).toEqual([]);
  });

  it('rides out a background that is restarting', async () => {
    let fail = true;
    const got: string[] = [];
    const feed = new VerdictFeed({
      lookup: async (urls) => {
        if (fail) throw new Error('Could not establish connection. Receiving end does not exist.');
        return urls.map((u) => verdict(u));
      },
      onVerdicts: (list) => got.push(...list.map((v) => v.url)),
      onGiveUp: () => undefined,
    });
    feed.want([A]);
    await vi.advanceTimersByTimeAsync(600);
    fail = false;
    await vi.advanceTimersByTimeAsync(2_000);
    expect(got).toEqual([A]);
    feed.stop();
  });
});
