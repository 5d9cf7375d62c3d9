/**
 * The audit's verdict collector: asks once for every link (in batches the background accepts), takes what is known
 * at once and the rest as the channel pushes them, never asks again on a timer, and gives up, saying so, after its
 * patience.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LinkVerdict } from '../../src/messages.ts';
import { VerdictCollector } from '../../src/audit/verdict-collector.ts';

function verdict(url: string, over: Partial<LinkVerdict> = {}): LinkVerdict {
  return {
    url,
    verdict: 'alive',
    reason: 'ok',
    detail: '',
    status: 200,
    finalUrl: url,
    newHome: null,
    archive: null,
    checkedAt: '2026-11-28T10:00:00.000Z',
    stale: false,
    ...over,
  };
}

/** The background's answer: the addresses `known` says it knows, the others queued. */
function answer(urls: string[], known: (url: string) => boolean): { verdicts: LinkVerdict[]; queued: string[] } {
  return { verdicts: urls.filter(known).map((u) => verdict(u)), queued: urls.filter((u) => !known(u)) };
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

describe('VerdictCollector', () => {
  it('takes cached verdicts at once and the rest as they are pushed, asking only once', async () => {
    const asked: string[][] = [];
    const got: LinkVerdict[] = [];
    const collector = new VerdictCollector({
      want: async (urls) => (asked.push(urls), answer(urls, (u) => u === A)),
      onVerdicts: (list) => got.push(...list),
      onGiveUp: () => expect.unreachable(),
    });
    collector.want([A, B]);
    await vi.advanceTimersByTimeAsync(0);
    expect(got.map((v) => v.url)).toEqual([A]);
    expect(collector.pending()).toEqual([B]);
    collector.receive([verdict(B, { verdict: 'dead', reason: 'not-found' })]);
    expect(got.map((v) => `${v.url} ${v.verdict}`)).toEqual([`${A} alive`, `${B} dead`]);
    expect(collector.pending()).toEqual([]);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(asked).toEqual([[A, B]]); // no polling
    collector.stop();
  });

  it('takes a stale verdict at once (a recheck is under way), then the fresh one when it is pushed', async () => {
    const got: LinkVerdict[] = [];
    const collector = new VerdictCollector({
      want: async (urls) => ({ verdicts: urls.map((u) => verdict(u, { stale: true })), queued: urls }),
      onVerdicts: (list) => got.push(...list),
      onGiveUp: () => undefined,
    });
    collector.want([A]);
    await vi.advanceTimersByTimeAsync(0);
    expect(collector.pending()).toEqual([A]);
    collector.receive([verdict(A, { checkedAt: '2026-11-29T10:00:00.000Z' })]);
    expect(got.map((v) => v.stale)).toEqual([true, false]);
    expect(collector.pending()).toEqual([]);
    collector.stop();
  });

  it('asks in batches the background accepts', async () => {
    const sizes: number[] = [];
    const collector = new VerdictCollector({
      want: async (urls) => (sizes.push(urls.length), answer(urls, () => true)),
      onVerdicts: () => undefined,
      onGiveUp: () => undefined,
      batch: 500,
    });
    collector.want(Array.from({ length: 1_201 }, (_, i) => `https://g${i}.example/`));
    await vi.advanceTimersByTimeAsync(0);
    expect(sizes).toEqual([500, 500, 201]);
    collector.stop();
  });

  it('takes pushes for the links it watches, never a stale answer over a fresh one, nothing else', async () => {
    const got: LinkVerdict[] = [];
    const collector = new VerdictCollector({
      want: async (urls) => answer(urls, () => false),
      onVerdicts: (list) => got.push(...list),
      onGiveUp: () => undefined,
    });
    collector.want([A, B]);
    await vi.advanceTimersByTimeAsync(0);
    expect(collector.receive([verdict(A), verdict(C)])).toBe(true);
    expect(collector.receive([verdict(A, { stale: true })])).toBe(false);
    expect(collector.receive([verdict(A)])).toBe(false); // the same again: no redraw
    expect(got.map((v) => v.url)).toEqual([A]);
    expect(collector.pending()).toEqual([B]);
    collector.stop();
  });

  it('gives up after its patience and names what never came; a verdict that comes later still shows', async () => {
    const gaveUp: string[][] = [];
    const got: string[] = [];
    const collector = new VerdictCollector({
      want: async (urls) => answer(urls, (u) => u === A),
      onVerdicts: (list) => got.push(...list.map((v) => v.url)),
      onGiveUp: (urls) => gaveUp.push(urls),
      patienceMs: 30_000,
    });
    collector.want([A, B]);
    await vi.advanceTimersByTimeAsync(29_000);
    expect(gaveUp).toEqual([]);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(gaveUp).toEqual([[B]]);
    collector.receive([verdict(B)]);
    expect(got).toEqual([A, B]);
    collector.stop();
  });

  it('says at once that an address the background did not queue will not be checked now', async () => {
    const gaveUp: string[][] = [];
    const collector = new VerdictCollector({
      want: async (urls) => ({ verdicts: [], queued: urls.filter((u) => u !== B) }),
      onVerdicts: () => undefined,
      onGiveUp: (urls) => gaveUp.push(urls),
    });
    collector.want([A, B]);
    await vi.advanceTimersByTimeAsync(0);
    expect(gaveUp).toEqual([[B]]);
    collector.stop();
  });

  it('rides out a background that is restarting: the channel asks again, the collector takes what it pushes', async () => {
    const got: string[] = [];
    const collector = new VerdictCollector({
      want: async () => Promise.reject(new Error('the background closed the channel')),
      onVerdicts: (list) => got.push(...list.map((v) => v.url)),
      onGiveUp: () => undefined,
    });
    collector.want([A]);
    await vi.advanceTimersByTimeAsync(600);
    collector.receive([verdict(A)]);
    expect(got).toEqual([A]);
    collector.stop();
  });
});
